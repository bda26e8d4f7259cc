package dev.obskit.model;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;

/** A workspace (API doc §11): the fields obskit uses, plus the whole wire object. */
public record Workspace(String id, String name, String slug, boolean broadcastEnabled, String createdAt, JsonObject json) {

    public static Workspace fromJson(JsonObject o) {
        return new Workspace(
                Jsons.string(o, "id"),
                Jsons.string(o, "name"),
                Jsons.string(o, "slug"),
                Jsons.bool(o, "is_observability_broadcast_enabled", false),
                Jsons.string(o, "created_at"),
                o);
    }
}
