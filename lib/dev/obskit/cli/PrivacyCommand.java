package dev.obskit.cli;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.plan.Change;
import dev.obskit.plan.FieldChange;
import jakarta.json.JsonObject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "obs-privacy", mixinStandardHelpOptions = true, version = "obskit " + dev.obskit.api.Version.VERSION,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Turn privacy mode on or off for a selection of observability destinations.",
                "Plans by default; --apply executes. The PATCH carries privacy_mode and nothing else."},
        footer = {"",
                "Examples:",
                "  obs-privacy --sandbox --on                  # the plan: what would change",
                "  obs-privacy --all-workspaces --on --type langfuse --apply",
                "  obs-privacy --all-workspaces --on --check   # exit 5 if not all private",
                "  obs-privacy --on --apply --report privacy.json",
                "  obs-privacy --resume 20261203-101500-obs-privacy-a1b2c3",
                "",
                "Exit codes: 0 done or nothing to do, 1 failed, 2 bad usage, 3 some items",
                "failed, 4 authentication or permission, 5 changes pending (--check),",
                "130 interrupted."})
public class PrivacyCommand extends BulkJobCommand {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    static class Mode {
        @Option(names = "--on", required = true, description = "Turn privacy mode on (only metadata is forwarded).") boolean on;
        @Option(names = "--off", required = true, description = "Turn privacy mode off.") boolean off;
    }

    @Override
    protected String job() {
        return "obs-privacy";
    }

    @Override
    protected void validateJobOptions(boolean resuming) {
        if (mode == null && !resuming) throw new UsageException("say --on or --off");
    }

    @Override
    protected List<Change> plan(List<Destination> selected) {
        boolean wanted = mode.on;
        return selected.stream()
                .filter(d -> d.privacyMode() != wanted)
                .map(d -> new Change(d.id(), Change.Action.UPDATE, d.id(), d.workspaceId(), d.type(), d.name(),
                        List.of(new FieldChange(FIELD, Boolean.toString(d.privacyMode()), Boolean.toString(wanted))), null))
                .map(c -> c.withBody(requestBody(c)))
                .toList();
    }

    private static final String FIELD = "privacy_mode";

    /** Exactly {@code {"privacy_mode":true|false}}: echoing config or filters could clear or overwrite them. */
    @Override
    protected JsonObject requestBody(Change c) {
        if (c.action() != Change.Action.UPDATE || c.id() == null || c.fields().size() != 1
                || !FIELD.equals(c.fields().get(0).field())
                || !List.of("true", "false").contains(c.fields().get(0).after())) {
            throw new UsageException("only an update of privacy_mode to true or false is allowed");
        }
        return Jsons.JSON.createObjectBuilder().add(FIELD, Boolean.parseBoolean(c.fields().get(0).after())).build();
    }
}
