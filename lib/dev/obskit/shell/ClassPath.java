package dev.obskit.shell;

/** The class path JShell compiles snippets against: this JVM's own, so snippets see what the launcher sees. */
final class ClassPath {
    private ClassPath() {}

    static String current() {
        return System.getProperty("java.class.path", "");
    }
}
