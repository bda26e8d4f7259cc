package dev.obskit.sandbox;

import java.util.regex.Pattern;

/**
 * How the API shows a secret (API doc §5) and how it recognises one sent back (§6.3).
 * Values of 12 or more characters show their first and last four; shorter ones show nothing.
 */
public final class Masking {
    public static final String HIDDEN = "********";
    private static final Pattern ELLIPSIS_FORM = Pattern.compile("^.{0,8}\\.\\.\\..{4}$", Pattern.DOTALL);
    private static final Pattern STAR_FORM = Pattern.compile("^\\*+(\\.\\.\\..{4})?$", Pattern.DOTALL);

    private Masking() {}

    public static String mask(String secret) {
        if (secret == null) return null;
        if (secret.length() >= 12) return secret.substring(0, 4) + "..." + secret.substring(secret.length() - 4);
        return HIDDEN;
    }

    /** Whether {@code sent} is a placeholder rather than a credential: the stored value's masked form, or any masked shape. */
    public static boolean isPlaceholder(String sent, String stored) {
        if (sent == null) return false;
        if (stored != null && sent.equals(mask(stored)) && !sent.equals(stored)) return true;
        return ELLIPSIS_FORM.matcher(sent).matches() || STAR_FORM.matcher(sent).matches();
    }
}
