package dev.obskit.api;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * After a create whose outcome is unknown (timeout, reset, 5xx), finds the destination it may have
 * made: same workspace, type and name, created no earlier than the first attempt (less a clock-skew
 * allowance), and not an id the client had already seen before the attempt. The API has no
 * idempotency key, so this listing is what stands between a flaky network and a duplicate.
 */
final class CreateReconciler {
    /** Allowance for the server's clock running behind ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Function<String, Stream<Destination>> lister;
    private final SeenIds seen;
    private final Consumer<String> warnings;

    CreateReconciler(Function<String, Stream<Destination>> lister, SeenIds seen, Consumer<String> warnings) {
        this.lister = lister;
        this.seen = seen;
        this.warnings = warnings;
    }

    /** The destination the create with {@code body}, first sent at {@code started}, made; empty if none. */
    Optional<Destination> find(JsonObject body, Instant started, long seenMark) {
        String workspace = Jsons.string(body, "workspace_id");
        String type = Jsons.string(body, "type");
        String name = Jsons.string(body, "name");
        Instant notBefore = started.minus(CLOCK_SKEW);
        List<Destination> matches;
        try (Stream<Destination> all = lister.apply(workspace)) {
            matches = all.filter(d -> Objects.equals(type, d.type()) && Objects.equals(name, d.name()))
                    .filter(d -> d.id() != null && !seen.seenBy(d.id(), seenMark))
                    .filter(d -> d.createdAtInstant() != null && !d.createdAtInstant().isBefore(notBefore))
                    .sorted(Comparator.comparing(Destination::createdAtInstant).thenComparing(Destination::id))
                    .toList();
        }
        if (matches.isEmpty()) return Optional.empty();
        Destination found = matches.get(0);
        warnings.accept("the create of " + type + " destination \"" + name + "\" had in fact succeeded: found it as " + found.id()
                + (matches.size() > 1 ? " (" + matches.size() + " candidates created since the attempt; took the earliest)" : ""));
        return Optional.of(found);
    }
}
