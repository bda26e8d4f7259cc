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

    /** An existing run of {@code $OBSKIT_HOME/runs}, by its id. */
    public static RunDirectory open(Path obskitHome, String runId) {
        if (!runId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UsageException("--resume " + runId + ": not a run id (ids look like 20261203-101500-obs-privacy-a1b2c3)");
        }
        Path dir = obskitHome.resolve("runs").resolve(runId);
        if (!Files.isRegularFile(dir.resolve("plan.json"))) {
            throw new UsageException("--resume " + runId + ": no such run in " + obskitHome.resolve("runs"));
        }
        return new RunDirectory(runId, dir);
    }

    /**
     * Takes the run's lock for as long as it executes: a second process resuming the same run
     * would send every remaining item twice. Released when the returned lock is closed or the
     * process dies.
     */
    public java.nio.channels.FileLock lock() throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve("run.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        SafeFiles.restrict(dir.resolve("run.lock"));
        java.nio.channels.FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new UsageException("run " + runId + " is being applied by another process right now; nothing was sent");
        }
        return lock;
    }

    public String id() { return runId; }

    public Path dir() { return dir; }

    public Path journalFile() { return dir.resolve("journal.jsonl"); }

    public Path reportFile() { return dir.resolve("report.json"); }

    public Path backupFile() { return dir.resolve("backup.jsonl"); }

    /**
     * Saves the run's description and its plan so {@code --resume} can finish it. Request bodies
     * are not saved: the job derives them again from each change, so an edited plan file cannot
     * make a resumed run send anything the job would not.
     */
    public void savePlan(JsonObject meta, Plan plan) throws IOException {
        SafeFiles.writeAtomically(dir.resolve("run.json"), Jsons.write(meta).getBytes(StandardCharsets.UTF_8), true);
        JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
        for (Change c : plan.changes()) {
            items.add(c.toJson());
        }
        JsonObject file = Jsons.JSON.createObjectBuilder().add("job", plan.job()).add("matched", plan.matched()).add("changes", items).build();
        SafeFiles.writeAtomically(dir.resolve("plan.json"), Jsons.write(file).getBytes(StandardCharsets.UTF_8), true);
    }

    public JsonObject meta() {
        return readObject("run.json");
    }

    /** The saved plan, without request bodies (see {@link #savePlan}). */
    public Plan loadPlan() {
        try {
            return parsePlan(readObject("plan.json"));
        } catch (RuntimeException e) {
            throw new UsageException("run " + runId + ": " + dir.resolve("plan.json") + " is damaged (" + e.getMessage() + ")");
        }
    }

    private JsonObject readObject(String name) {
        Path file = dir.resolve(name);
        try {
            return Jsons.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("run " + runId + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static Plan parsePlan(JsonObject file) {
        List<Change> changes = new ArrayList<>();
        for (JsonValue v : file.getJsonArray("changes")) {
            JsonObject o = v.asJsonObject();
            List<FieldChange> fields = new ArrayList<>();
            for (JsonValue f : o.getJsonArray("changes")) {
                JsonObject fo = f.asJsonObject();
                fields.add(new FieldChange(fo.getString("field"), fo.getString("before", ""), fo.getString("after", "")));
            }
            changes.add(new Change(o.getString("key"), Change.Action.valueOf(o.getString("action").toUpperCase()),
                    Jsons.string(o, "id"), Jsons.string(o, "workspace_id"), Jsons.string(o, "type"), Jsons.string(o, "name"),
                    List.copyOf(fields), null));
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
