package dev.obskit.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4 item 3: generated accounts of N workspaces and M destinations, within the 5-per-type rule. */
class AccountGeneratorTest {
    @Test
    void generatesExactlyTheAskedSizeWithinFivePerTypePerWorkspace() {
        Account a = AccountGenerator.generate(12, 1000, 7, 5);
        assertEquals(12, a.workspaces().size());
        assertEquals(1000, a.destinations().size());
        Map<String, Long> perWorkspaceType = a.destinations().stream()
                .collect(Collectors.groupingBy(d -> d.workspaceId() + "/" + d.type(), Collectors.counting()));
        assertTrue(perWorkspaceType.values().stream().allMatch(n -> n <= 5), perWorkspaceType.toString());
        assertEquals(17, a.destinations().stream().map(StoredDestination::type).distinct().count());
    }

    @Test
    void sameSeedSameAccount() {
        assertEquals(AccountGenerator.generate(3, 50, 9, 5).destinations(), AccountGenerator.generate(3, 50, 9, 5).destinations());
    }

    @Test
    void refusesMoreThanFitsAtFivePerType() {
        assertEquals(85, AccountGenerator.capacity(1, 5));
        assertThrows(IllegalArgumentException.class, () -> AccountGenerator.generate(1, 86, 1, 5));
    }

    @Test
    void aGeneratedSandboxServesItAndStillEnforcesTheLimit() {
        try (Sandbox s = Sandbox.start(SandboxOptions.ephemeral().withGenerated(2, 170, 1))) {
            Http http = new Http(s);
            Http.Response r = http.get("/observability/destinations?limit=100", s.managementKey());
            assertEquals(85, r.json().getInt("total_count"));
            assertEquals(2, http.get("/workspaces", s.managementKey()).json().getInt("total_count"));
            Http.Response full = http.post("/observability/destinations", s.managementKey(),
                    Http.j("{'type':'webhook','name':'one too many','config':{'url':'https://h.example'}}"));
            assertEquals(400, full.status());
            assertTrue(s.stateFile().isEmpty());
        }
    }
}
