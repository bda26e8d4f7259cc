///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION Turn privacy mode on or off for a selection of observability destinations (plan, --apply, --resume).
//SOURCES ../lib/Obskit.java

/** obs-privacy: a thin launcher; the job lives in dev.obskit.cli.PrivacyCommand. */
public class ObsPrivacy {
    public static void main(String[] args) {
        dev.obskit.cli.Cli.main(new dev.obskit.cli.PrivacyCommand(), args);
    }
}
