package dev.obskit.cli;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.plan.Change;
import dev.obskit.plan.FieldChange;
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
                        List.of(new FieldChange("privacy_mode", Boolean.toString(d.privacyMode()), Boolean.toString(wanted))),
                        // exactly this and nothing else: echoing config or filters could clear or overwrite them
                        Jsons.JSON.createObjectBuilder().add("privacy_mode", wanted).build()))
                .toList();
    }
}
