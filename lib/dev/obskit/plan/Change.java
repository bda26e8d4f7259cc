package dev.obskit.plan;

import dev.obskit.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/**
 * One planned API call on one destination: what it targets, what it changes (for people), and
 * the exact request body it sends (for the runner).
 *
 * @param key         stable key of the item within its plan (the destination id for updates)
 * @param action      create, update or delete
 * @param id          the destination id (null for a create)
 * @param workspaceId the destination's workspace
 * @param type        the destination type
 * @param name        the destination name, for display
 * @param fields      field-by-field before and after, redacted
 * @param body        the request body (PATCH or POST); null for a delete
 */
public record Change(String key, Action action, String id, String workspaceId, String type, String name,
                     List<FieldChange> fields, JsonObject body) {

    public enum Action {
        CREATE, UPDATE, DELETE;

        public String label() {
            return name().toLowerCase();
        }
    }

    /** The same change sending {@code newBody}. */
    public Change withBody(JsonObject newBody) {
        return new Change(key, action, id, workspaceId, type, name, fields, newBody);
    }

    /** The change as JSON for plans and reports: no request body, since a body may carry a secret. */
    public JsonObject toJson() {
        JsonArrayBuilder fs = Jsons.JSON.createArrayBuilder();
        for (FieldChange f : fields) {
            JsonObjectBuilder fb = Jsons.JSON.createObjectBuilder().add("field", f.field());
            fb.add("before", f.before() == null ? Jsons.JSON.createValue("") : Jsons.JSON.createValue(f.before()));
            fb.add("after", f.after() == null ? Jsons.JSON.createValue("") : Jsons.JSON.createValue(f.after()));
            fs.add(fb);
        }
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder()
                .add("key", key)
                .add("action", action.label());
        nullable(b, "id", id);
        nullable(b, "workspace_id", workspaceId);
        nullable(b, "type", type);
        nullable(b, "name", name);
        return b.add("changes", fs).build();
    }

    static void nullable(JsonObjectBuilder b, String key, String value) {
        if (value == null) b.addNull(key);
        else b.add(key, value);
    }

    @Override
    public String toString() {
        return action.label() + " " + (id == null ? name : id) + " " + Jsons.write(toJson().getJsonArray("changes"));
    }
}
