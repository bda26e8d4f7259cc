package dev.obskit.sandbox;

import dev.obskit.model.DestinationType;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large account for benchmarks: N workspaces and M destinations spread evenly over workspaces
 * and the 17 types, so no workspace ever holds more than 5 of a type. Same seed, same account.
 */
public final class AccountGenerator {
    private AccountGenerator() {}

    /** The most destinations {@code workspaces} workspaces can hold at {@code maxPerType} per type. */
    public static long capacity(int workspaces, int maxPerType) {
        return (long) workspaces * DestinationType.all().size() * maxPerType;
    }

    static Account generate(int workspaces, int destinations, long seed, int maxPerType) {
        if (workspaces < 1) throw new IllegalArgumentException("at least one workspace is needed");
        if (destinations < 0) throw new IllegalArgumentException("destinations must be >= 0");
        if (destinations > capacity(workspaces, maxPerType)) {
            throw new IllegalArgumentException(destinations + " destinations do not fit in " + workspaces + " workspaces at "
                    + maxPerType + " per type (at most " + capacity(workspaces, maxPerType) + ")");
        }
        Random r = new Random(seed);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<SandboxWorkspace> ws = new ArrayList<>(workspaces);
        for (int w = 0; w < workspaces; w++) {
            String slug = "team-" + (w + 1);
            ws.add(Account.workspace(r, "Team " + (w + 1), slug, null, start.plus(Duration.ofMinutes(w)), true));
        }
        List<DestinationType> types = DestinationType.all();
        List<StoredDestination> out = new ArrayList<>(destinations);
        long span = Duration.ofDays(330).toMillis();
        for (int j = 0; j < destinations; j++) {
            SandboxWorkspace w = ws.get(j % workspaces);
            DestinationType type = types.get((j / workspaces) % types.size());
            String label = type.name() + "-" + (j + 1);
            JsonObject config = ConfigRules.forCreate(type, SampleConfigs.forType(type.name(), label, r).build(), new Issues());
            Instant created = start.plusMillis(span * j / Math.max(1, destinations) + r.nextInt(1000));
            out.add(new StoredDestination(SampleConfigs.uuid(r), w.id(), "Destination " + (j + 1) + " (" + type.name() + ")",
                    type.name(), j % 10 != 9, j % 4 == 0, false, false, false, j % 3 == 0 ? new BigDecimal("0.5") : BigDecimal.ONE,
                    Regions.DEFAULT, null, null, config, created, created, null));
        }
        return new Account(ws, out, ws.get(0).id());
    }
}
