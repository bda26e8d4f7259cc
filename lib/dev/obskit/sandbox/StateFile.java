package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.json.Jsons;
import dev.obskit.support.SafeFiles;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's state on disk: one JSON document with the keys, workspaces and destinations
 * (secrets in clear, tombstones included). Written atomically and owner-only through
 * {@link SafeFiles}, so a killed sandbox leaves the previous file or the new one, never half.
 */
final class StateFile {
    static final String FILE_NAME = "state.json";
    private static final int FORMAT = 1;

    private StateFile() {}

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    static SandboxState load(Path file, int maxPerType) {
        JsonObject o;
        try {
            o = Jsons.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sandbox state " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sandbox state " + file + " is unreadable (" + e.getMessage()
                    + "); run 'obs-sandbox reset' to start again from the demo account", e);
        }
        try {
            SandboxState state = fromJson(o, maxPerType);
            state.keys().stream().filter(SandboxKey::management).findFirst().orElseThrow(
                    () -> new IllegalStateException("it holds no management key"));
            return state;
        } catch (RuntimeException e) {
            // valid JSON of the wrong shape: say which file, and the way out
            throw new IllegalStateException("sandbox state " + file + " is damaged (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); run 'obs-sandbox reset' to start again from the demo account", e);
        }
    }

    private static SandboxState fromJson(JsonObject o, int maxPerType) {
        List<SandboxKey> keys = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("keys")) {
            JsonObject k = v.asJsonObject();
            keys.add(new SandboxKey(k.getString("key"), k.getString("label"), k.getBoolean("management"),
                    Jsons.string(k, "workspace_id")));
        }
        List<SandboxWorkspace> workspaces = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("workspaces")) {
            JsonObject w = v.asJsonObject();
            workspaces.add(new SandboxWorkspace(w.getString("id"), w.getString("slug"),
                    Timestamps.parse(w.getString("created_at")), w));
        }
        List<StoredDestination> destinations = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("destinations")) destinations.add(DestinationJson.fromState(v.asJsonObject()));
        return new SandboxState(keys, workspaces, destinations, maxPerType);
    }

    static void save(Path file, SandboxState.Snapshot s) {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        for (SandboxKey k : s.keys()) {
            keys.add(JSON.createObjectBuilder().add("key", k.key()).add("label", k.label()).add("management", k.management())
                    .add("workspace_id", k.workspaceId() == null ? JsonValue.NULL : JSON.createValue(k.workspaceId())));
        }
        JsonArrayBuilder workspaces = JSON.createArrayBuilder();
        s.workspaces().forEach(w -> workspaces.add(w.json()));
        JsonArrayBuilder destinations = JSON.createArrayBuilder();
        s.destinations().forEach(d -> destinations.add(DestinationJson.state(d)));
        JsonObject doc = JSON.createObjectBuilder().add("format", FORMAT).add("keys", keys)
                .add("workspaces", workspaces).add("destinations", destinations).build();
        try {
            SafeFiles.writeAtomically(file, Jsons.write(doc).getBytes(StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sandbox state " + file, e);
        }
    }
}
