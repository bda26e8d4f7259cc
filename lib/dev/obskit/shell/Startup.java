package dev.obskit.shell;

/** The snippets every {@code obs} session starts with: the library's imports, {@code client} and {@code args}. */
final class Startup {
    private Startup() {}

    static final String IMPORTS = String.join("\n",
            "import dev.obskit.api.*;",
            "import dev.obskit.model.*;",
            "import dev.obskit.secrets.Masking;",
            "import java.util.*;",
            "import java.util.stream.*;",
            "import static java.util.stream.Collectors.*;");

    static final String VARIABLES = String.join("\n",
            "ObsClient client = dev.obskit.shell.Session.client();",
            "String[] args = dev.obskit.shell.Session.args();");

    /** The whole startup, one snippet a line. */
    static String text() {
        return IMPORTS + "\n" + VARIABLES + "\n";
    }
}
