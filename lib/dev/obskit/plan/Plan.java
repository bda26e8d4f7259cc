package dev.obskit.plan;

import dev.obskit.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * What a job means to do: a list of changes, computed from a fresh listing, checked before the
 * first call, and executed as is by {@code --apply}. {@code matched} counts the selected objects,
 * including the ones already in the desired state.
 */
public record Plan(String job, List<Change> changes, int matched) {

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    public JsonObject toJson() {
        JsonArrayBuilder items = Jsons.JSON.createArrayBuilder();
        changes.forEach(c -> items.add(c.toJson()));
        return Jsons.JSON.createObjectBuilder()
                .add("job", job)
                .add("matched", matched)
                .add("pending", changes.size())
                .add("changes", items)
                .build();
    }
}
