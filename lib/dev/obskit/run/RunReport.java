package dev.obskit.run;

import dev.obskit.json.Jsons;
import dev.obskit.plan.Change;
import dev.obskit.support.SafeFiles;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/** The JSON report of a run: a summary and one entry per planned item. Never holds a request body. */
public final class RunReport {
    private RunReport() {}

    public static JsonObject build(String runId, String job, String target, Instant started, Instant finished,
                                   RunOutcome outcome, int matched, int skippedAlreadyDone) {
        JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
        for (ItemResult r : outcome.results()) {
            Change c = r.change();
            JsonObjectBuilder b = Jsons.JSON.createObjectBuilder(c.toJson()).add("status", r.status().label());
            if (r.resultId() != null && c.id() == null) b.add("result_id", r.resultId());
            if (r.httpStatus() != 0) b.add("http_status", r.httpStatus());
            if (r.error() != null) b.add("error", r.error());
            items.add(b);
        }
        return Jsons.JSON.createObjectBuilder()
                .add("run_id", runId)
                .add("job", job)
                .add("target", target)
                .add("started_at", started.toString())
                .add("finished_at", finished.toString())
                .add("exit_code", outcome.exitCode())
                .add("summary", Jsons.JSON.createObjectBuilder()
                        .add("matched", matched)
                        .add("planned", outcome.results().size() + skippedAlreadyDone)
                        .add("done", outcome.count(ItemResult.Status.DONE))
                        .add("done_in_earlier_attempt", skippedAlreadyDone)
                        .add("failed", outcome.count(ItemResult.Status.FAILED))
                        .add("not_attempted", outcome.count(ItemResult.Status.NOT_ATTEMPTED))
                        .add("interrupted", outcome.interrupted()))
                .add("items", items)
                .build();
    }

    public static void write(Path file, JsonObject report) throws IOException {
        SafeFiles.writeAtomically(file, (Jsons.write(report) + "\n").getBytes(StandardCharsets.UTF_8), true);
    }
}
