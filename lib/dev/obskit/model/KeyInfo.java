package dev.obskit.model;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;

/** What {@code GET /key} says about the calling key (API doc §16). Never holds the key itself. */
public record KeyInfo(String label, boolean managementKey, String workspaceId, JsonObject json) {

    public static KeyInfo fromJson(JsonObject o) {
        boolean management = o.containsKey("is_management_key")
                ? Jsons.bool(o, "is_management_key", false)
                : Jsons.bool(o, "is_provisioning_key", false);
        return new KeyInfo(Jsons.string(o, "label"), management, Jsons.string(o, "workspace_id"), o);
    }
}
