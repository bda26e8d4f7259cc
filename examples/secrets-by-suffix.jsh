// Which destinations hold the leaked credential ending in SUFFIX? The API masks secrets but keeps
// their last 4 characters (sk-l...AbCd): enough to find every place a key was pasted.
// Run: ./jbang obs examples/secrets-by-suffix.jsh SUFFIX
if (args.length != 1) throw new IllegalArgumentException("give the last characters of the leaked key: obs secrets-by-suffix.jsh SUFFIX");
String suffix = args[0];
client.allDestinations().forEach(d -> d.secrets().forEach((key, masked) -> {
    if (masked.endsWith(suffix)) System.out.printf("%s  %-16s %-32s %s%n", d.id(), d.type(), d.name(), key);
}));
