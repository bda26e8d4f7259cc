///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION JShell with the obskit library imported and a ready `client` (--sandbox for the local sandbox).
//DESCRIPTION Given FILE.jsh, runs it against the same client without a prompt and exits 1 if a snippet fails.
//SOURCES ../lib/Obskit.java

/** obs: a thin launcher; the session lives in dev.obskit.shell.ShellCommand. */
public class Obs {
    public static void main(String[] args) {
        dev.obskit.cli.Cli.main(new dev.obskit.shell.ShellCommand(), args);
    }
}
