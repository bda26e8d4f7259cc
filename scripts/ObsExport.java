///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Export OpenRouter observability destinations to CSV, JSON Lines or JSON (secrets stay masked).
//SOURCES ../lib/Obskit.java

/** obs-export: a thin launcher; the job lives in dev.obskit.cli.ExportCommand. */
public class ObsExport {
    public static void main(String[] args) {
        dev.obskit.cli.Cli.main(new dev.obskit.cli.ExportCommand(), args);
    }
}
