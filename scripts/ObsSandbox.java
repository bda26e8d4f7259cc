///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Run the local obskit sandbox, a faithful emulator of the observability destinations API (serve, reset).
//SOURCES ../lib/Obskit.java

/** obs-sandbox: a thin launcher; the commands live in dev.obskit.sandbox.SandboxCommand. */
public class ObsSandbox {
    public static void main(String[] args) {
        dev.obskit.cli.Cli.main(new dev.obskit.sandbox.SandboxCommand(), args);
    }
}
