package dev.obskit.plan;

import java.util.regex.Pattern;

/** Shell-style name patterns: {@code *}, {@code ?} and {@code [abc]}; case-insensitive. */
public final class Glob {
    private Glob() {}

    public static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (inClass) {
                if (c == ']') inClass = false;
                if (c == '\\') re.append("\\\\");
                else re.append(c);
                continue;
            }
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    if (glob.indexOf(']', i + 1) < 0) throw new IllegalArgumentException("unclosed [ in pattern '" + glob + "'");
                    inClass = true;
                    re.append('[');
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '!') { re.append('^'); i++; }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
