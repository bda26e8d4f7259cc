package dev.obskit.run;

import dev.obskit.cli.UsageException;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.plan.Change;
import dev.obskit.plan.FieldChange;
import dev.obskit.plan.Plan;
import dev.obskit.secrets.Masking;
import dev.obskit.support.SafeFiles;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One run's folder, {@code $OBSKIT_HOME/runs/<run-id>/}, owner-only: {@code run.json} (what and
 * where), {@code plan.json} (the changes with their request bodies), {@code backup.jsonl} (every
 * object the plan touches, as it was before), {@code journal.jsonl} (finished items) and
 * {@code report.json}.
 */
public final class RunDirectory {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String runId;
    private final Path dir;

    private RunDirectory(String runId, Path dir) {
        this.runId = runId;
        this.dir = dir;
    }

    public static RunDirectory create(Path obskitHome, String job) throws IOException {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        String id = ID_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + job + "-" + HexFormat.of().formatHex(suffix);
        Path runs = obskitHome.resolve("runs");
        SafeFiles.createDirectories(obskitHome, true);
        SafeFiles.createDirectories(runs, true);
        Path dir = runs.resolve(id);
        Files.createDirectory(dir);
        SafeFiles.createDirectories(dir, true);
        return new RunDirectory(id, dir);
    }

    /** An existing run, by id or by path. */
    public static RunDirectory open(Path obskitHome, String runIdOrPath) {
        Path dir = runIdOrPath.contains("/") ? Path.of(runIdOrPath) : obskitHome.resolve("runs").resolve(runIdOrPath);
        if (!Files.isRegularFile(dir.resolve("plan.json"))) {
            throw new UsageException("--resume " + runIdOrPath + ": no run there (looked for " + dir.resolve("plan.json") + ")");
        }
        return new RunDirectory(dir.getFileName().toString(), dir);
    }

    public String id() { return runId; }

    public Path dir() { return dir; }

    public Path journalFile() { return dir.resolve("journal.jsonl"); }

    public Path reportFile() { return dir.resolve("report.json"); }

    public Path backupFile() { return dir.resolve("backup.jsonl"); }

    /** Saves the run's description and its plan, bodies included, so {@code --resume} can finish it. */
    public void savePlan(JsonObject meta, Plan plan) throws IOException {
        SafeFiles.writeAtomically(dir.resolve("run.json"), Jsons.write(meta).getBytes(StandardCharsets.UTF_8), true);
        JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
        for (Change c : plan.changes()) {
            JsonObjectBuilder b = Jsons.JSON.createObjectBuilder(c.toJson());
            b.add("body", c.body() == null ? JsonValue.NULL : c.body());
            items.add(b);
        }
        JsonObject file = Jsons.JSON.createObjectBuilder().add("job", plan.job()).add("matched", plan.matched()).add("changes", items).build();
        SafeFiles.writeAtomically(dir.resolve("plan.json"), Jsons.write(file).getBytes(StandardCharsets.UTF_8), true);
    }

    public JsonObject meta() throws IOException {
        return Jsons.parseObject(Files.readString(dir.resolve("run.json"), StandardCharsets.UTF_8));
    }

    public Plan loadPlan() throws IOException {
        JsonObject file = Jsons.parseObject(Files.readString(dir.resolve("plan.json"), StandardCharsets.UTF_8));
        List<Change> changes = new ArrayList<>();
        for (JsonValue v : file.getJsonArray("changes")) {
            JsonObject o = v.asJsonObject();
            List<FieldChange> fields = new ArrayList<>();
            for (JsonValue f : o.getJsonArray("changes")) {
                JsonObject fo = f.asJsonObject();
                fields.add(new FieldChange(fo.getString("field"), fo.getString("before", ""), fo.getString("after", "")));
            }
            JsonValue body = o.get("body");
            changes.add(new Change(o.getString("key"), Change.Action.valueOf(o.getString("action").toUpperCase()),
                    Jsons.string(o, "id"), Jsons.string(o, "workspace_id"), Jsons.string(o, "type"), Jsons.string(o, "name"),
                    List.copyOf(fields), body instanceof JsonObject bo ? bo : null));
        }
        return new Plan(file.getString("job"), List.copyOf(changes), file.getInt("matched"));
    }

    /** Writes the before-image of every object the plan touches, secrets as masked as the API sent them. */
    public void saveBackup(List<Destination> before) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Destination d : before) {
            JsonObject safe = Jsons.with(d.toJson(), "config", Masking.safeConfig(d.type(), d.config()));
            out.append(Jsons.writePlain(safe)).append('\n');
        }
        SafeFiles.writeAtomically(backupFile(), out.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    public Map<String, JsonObject> journal() throws IOException {
        return Journal.read(journalFile());
    }
}
