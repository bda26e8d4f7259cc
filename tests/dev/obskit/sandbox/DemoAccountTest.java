package dev.obskit.sandbox;

import dev.obskit.secrets.Masking;

import dev.obskit.model.DestinationType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded demo account: realistic, varied, deterministic, fake secrets that always mask as abcd...wxyz. */
class DemoAccountTest {
    final Account demo = DemoAccount.build();

    @Test
    void hasWorkspacesAndDestinationsOfAllSeventeenTypes() {
        assertTrue(demo.workspaces().size() >= 3);
        assertEquals("production", demo.workspaces().get(0).slug());
        assertEquals(demo.workspaces().get(0).id(), demo.defaultWorkspaceId());
        assertTrue(demo.destinations().size() >= 25, "destinations: " + demo.destinations().size());
        assertEquals(Set.copyOf(DestinationType.names()), demo.destinations().stream().map(StoredDestination::type).collect(Collectors.toSet()));
        assertTrue(demo.destinations().stream().allMatch(d -> d.name() != null && !d.name().isBlank()));
    }

    @Test
    void theDefaultWorkspaceAloneHasAtLeast25DestinationsOfAllSeventeenTypes() {
        var inDefault = demo.destinations().stream().filter(d -> d.workspaceId().equals(demo.defaultWorkspaceId())).toList();
        assertTrue(inDefault.size() >= 25, "a plain obs-export --sandbox shows the default workspace: " + inDefault.size());
        assertEquals(Set.copyOf(DestinationType.names()), inDefault.stream().map(StoredDestination::type).collect(Collectors.toSet()));
        assertTrue(inDefault.stream().collect(Collectors.groupingBy(StoredDestination::type, Collectors.counting()))
                .values().stream().allMatch(n -> n <= 5), "at most 5 per type");
    }

    @Test
    void isVariedTheWayAMigrationMeetsIt() {
        var ds = demo.destinations();
        assertTrue(ds.stream().filter(d -> d.filterRules() != null).count() >= 3);
        assertTrue(ds.stream().filter(d -> d.filterRules() == null).count() >= 3);
        assertTrue(ds.stream().filter(d -> d.apiKeyHashes() != null).count() >= 3);
        assertTrue(ds.stream().filter(d -> d.apiKeyHashes() == null).count() >= 3);
        assertTrue(ds.stream().anyMatch(d -> d.regions().equals(java.util.List.of("europe"))));
        assertTrue(ds.stream().anyMatch(d -> d.regions().equals(java.util.List.of("us"))));
        assertTrue(ds.stream().anyMatch(d -> d.regions().equals(java.util.List.of("europe", "us"))));
        assertTrue(ds.stream().anyMatch(d -> d.samplingRate().compareTo(new BigDecimal("0.25")) == 0));
        assertTrue(ds.stream().anyMatch(d -> d.samplingRate().compareTo(new BigDecimal("0.0001")) == 0));
        assertTrue(ds.stream().anyMatch(d -> !d.enabled()));
        assertTrue(ds.stream().anyMatch(StoredDestination::privacyMode));
        assertTrue(ds.stream().filter(d -> d.config().containsKey("headers")).count() >= 3);
        assertTrue(ds.stream().map(StoredDestination::workspaceId).distinct().count() >= 3);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        assertTrue(ds.stream().allMatch(d -> !d.createdAt().isBefore(start) && d.createdAt().isBefore(end)));
        assertTrue(ds.stream().map(StoredDestination::createdAt).distinct().count() == ds.size());
    }

    @Test
    void isDeterministic() {
        Account again = DemoAccount.build();
        assertEquals(demo.destinations(), again.destinations());
        assertEquals(demo.workspaces(), again.workspaces());
    }

    @Test
    void secretsAreFakeLongEnoughToMaskAndAllExposedToTests() {
        Set<String> secrets = DemoAccount.secretValues();
        assertTrue(secrets.size() >= 40, "secrets: " + secrets.size());
        for (String s : secrets) {
            assertTrue(s.length() >= 12, "too short to mask as abcd...wxyz: " + s.length());
            assertNotEquals(Masking.SHORT_MASK, Masking.mask(s));
        }
    }

    @Test
    void eachFreshStateHasItsOwnKeys() {
        SandboxState a = demo.toState(5);
        SandboxState b = demo.toState(5);
        String ka = a.keys().get(0).key();
        assertTrue(ka.startsWith("sk-or-mgmt-sandbox-") && ka.length() > 40);
        assertNotEquals(ka, b.keys().get(0).key());
        assertTrue(a.keys().stream().anyMatch(k -> !k.management()));
    }
}
