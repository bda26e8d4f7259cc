package dev.obskit.sandbox;

import dev.obskit.secrets.Masking;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 item 3: 16 concurrent clients doing mixed operations, then the final state checked item
 * by item. Lost updates show as a stale field on the shared destination (16 clients each own one
 * field of it); a racy per-type count shows as more than 5 winners; torn state as a reloaded file
 * that differs from memory.
 */
class SandboxConcurrencyTest {
    static final int CLIENTS = 16;
    static final int ROUNDS = 40;

    @TempDir
    Path home;

    /** What a client believes one of its destinations holds. */
    record Expected(String name, BigDecimal rate, String secret) {}

    @Test
    void sixteenClientsMixedOperationsLeaveExactlyTheExpectedState() throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home).withFlushInterval(Duration.ofMillis(20)));
        String key = sandbox.managementKey();
        List<String> workspaces = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            workspaces.add(sandbox.addWorkspace(UUID.nameUUIDFromBytes(("ws" + i).getBytes()).toString(), "Client " + i, "client-" + i).id());
        }
        String shared = sandbox.addWorkspace("11111111-2222-4333-8444-555555555555", "Shared", "shared").id();
        List<Map<String, Expected>> models = new ArrayList<>();
        List<Set<String>> deleted = new ArrayList<>();
        AtomicInteger limitWinners = new AtomicInteger();
        AtomicInteger limitRejections = new AtomicInteger();

        try (ObsClient client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(key).maxConnections(CLIENTS)
                .warnings(w -> {}).build()) {
            String sharedId = client.createDestination(Jsons.parseObject(Http.j("{'type':'s3','name':'shared','workspace_id':'" + shared
                    + "','config':{'bucketName':'b','accessKeyId':'AKIA0000000000000000','secretAccessKey':'secret-0000000000000'}}"))).id();
            CyclicBarrier go = new CyclicBarrier(CLIENTS);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Map<String, Expected> model = new LinkedHashMap<>();
                Set<String> gone = new HashSet<>();
                models.add(model);
                deleted.add(gone);
                int me = c;
                done.add(pool.submit(() -> {
                    Random r = new Random(me);
                    for (int k = 0; k < 5; k++) create(client, workspaces.get(me), me, k, model);
                    go.await();
                    // everyone races for the same 5 posthog slots of the shared workspace
                    try {
                        client.createDestination(Jsons.parseObject(Http.j("{'type':'posthog','name':'race " + me + "','workspace_id':'"
                                + shared + "','config':{'apiKey':'phc_0123456789abcdef'}}")));
                        limitWinners.incrementAndGet();
                    } catch (ApiException.BadRequestException e) {
                        assertEquals("Maximum of 5 destinations per type reached", e.serverMessage());
                        limitRejections.incrementAndGet();
                    }
                    for (int round = 0; round < ROUNDS; round++) {
                        client.updateDestination(sharedId, sharedField(me, round));
                        ownedOperation(client, workspaces.get(me), me, round, r, model, gone);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();

            assertEquals(5, limitWinners.get());
            assertEquals(CLIENTS - 5, limitRejections.get());
            assertEquals(5, client.listDestinations(shared, 0, 100).items().stream().filter(d -> d.type().equals("posthog")).count());

            // the shared destination: every client's field holds that client's last write
            StoredDestination s = sandbox.state().get(sharedId).orElseThrow();
            int last = ROUNDS - 1;
            assertEquals("name-" + last, s.name());
            assertEquals(last % 2 == 0, s.enabled());
            assertEquals(last % 2 == 0, s.privacyMode());
            assertEquals(last % 2 == 0, s.broadcastGenerationCost());
            assertEquals(last % 2 == 0, s.broadcastGenerationIdentity());
            assertEquals(last % 2 == 0, s.broadcastGenerationRequestContext());
            assertEquals(0, new BigDecimal(last + 1).divide(new BigDecimal(100)).compareTo(s.samplingRate()));
            assertEquals(List.of(last % 2 == 0 ? "us" : "europe"), s.regions());
            assertEquals(List.of("hash-" + last), s.apiKeyHashes());
            assertEquals("m-" + last, s.filterRules().getJsonArray("groups").getJsonObject(0).getJsonArray("rules").getJsonObject(0).getString("value"));
            for (int f = 10; f < 16; f++) {
                assertEquals(configValue(f, last), s.config().getString(CONFIG_FIELDS[f - 10]), CONFIG_FIELDS[f - 10]);
            }

            // every client's own destinations, item by item, through the store and through the API
            for (int c = 0; c < CLIENTS; c++) {
                Map<String, Expected> model = models.get(c);
                assertEquals(5, model.size());
                List<String> listed = client.destinations(workspaces.get(c)).map(Destination::id).toList();
                assertEquals(model.keySet(), Set.copyOf(listed));
                for (Map.Entry<String, Expected> e : model.entrySet()) {
                    StoredDestination d = sandbox.state().get(e.getKey()).orElseThrow();
                    assertEquals(e.getValue().name(), d.name());
                    assertEquals(0, e.getValue().rate().compareTo(d.samplingRate()), d.name());
                    assertEquals(e.getValue().secret(), d.config().getString("secretKey"), d.name());
                    assertEquals(Masking.mask(e.getValue().secret()), client.getDestination(e.getKey()).configString("secretKey"));
                }
                for (String id : deleted.get(c)) {
                    assertNotNull(sandbox.state().stored(id).orElseThrow().deletedAt());
                    assertTrue(sandbox.state().get(id).isEmpty());
                }
            }
        }
        List<StoredDestination> inMemory = sandbox.state().liveDestinations();
        sandbox.close();
        try (Sandbox reloaded = Sandbox.start(SandboxOptions.defaults(home))) {
            assertEquals(inMemory, reloaded.state().liveDestinations(), "the state file holds exactly the final state");
        }
    }

    static final String[] CONFIG_FIELDS = {"bucketName", "accessKeyId", "secretAccessKey", "prefix", "pathTemplate", "region"};

    static String configValue(int field, int round) {
        return "value-" + field + "-round-" + round;
    }

    /** Client {@code me} writes only field number {@code me} of the shared destination. */
    static JsonObject sharedField(int me, int round) {
        boolean even = round % 2 == 0;
        var b = Json.createObjectBuilder();
        switch (me) {
            case 0 -> b.add("name", "name-" + round);
            case 1 -> b.add("enabled", even);
            case 2 -> b.add("privacy_mode", even);
            case 3 -> b.add("broadcast_generation_cost", even);
            case 4 -> b.add("broadcast_generation_identity", even);
            case 5 -> b.add("broadcast_generation_request_context", even);
            case 6 -> b.add("sampling_rate", new BigDecimal(round + 1).divide(new BigDecimal(100)));
            case 7 -> b.add("regions", Json.createArrayBuilder().add(even ? "us" : "europe"));
            case 8 -> b.add("api_key_hashes", Json.createArrayBuilder().add("hash-" + round));
            case 9 -> b.add("filter_rules", Jsons.parseObject(Http.j("{'groups':[{'rules':[{'field':'model','operator':'equals','value':'m-" + round + "'}]}]}")));
            default -> b.add("config", Json.createObjectBuilder().add(CONFIG_FIELDS[me - 10], configValue(me, round)));
        }
        return b.build();
    }

    private static void create(ObsClient client, String workspace, int me, int k, Map<String, Expected> model) {
        String secret = "sk-lf-client" + me + "-initial" + k + "-0123456789";
        String name = "c" + me + "-d" + k;
        Destination d = client.createDestination(Json.createObjectBuilder().add("type", "langfuse").add("name", name)
                .add("workspace_id", workspace).add("config", Json.createObjectBuilder().add("secretKey", secret)
                        .add("publicKey", "pk-lf-public-0123456789")).build());
        model.put(d.id(), new Expected(name, BigDecimal.ONE, secret));
    }

    private static void ownedOperation(ObsClient client, String workspace, int me, int round, Random r,
                                       Map<String, Expected> model, Set<String> gone) {
        List<String> ids = new ArrayList<>(model.keySet());
        String id = ids.get(r.nextInt(ids.size()));
        int op = r.nextInt(100);
        if (op < 50) {
            String name = "c" + me + "-r" + round;
            BigDecimal rate = new BigDecimal(List.of("0.1", "0.5", "1", "0.0001").get(r.nextInt(4)));
            String secret = "sk-lf-client" + me + "-round" + round + "-abcdefgh";
            Destination d = client.updateDestination(id, Json.createObjectBuilder().add("name", name).add("sampling_rate", rate)
                    .add("config", Json.createObjectBuilder().add("secretKey", secret)).build());
            assertEquals(name, d.name());
            model.put(id, new Expected(name, rate, secret));
        } else if (op < 65) {
            client.deleteDestination(id);
            model.remove(id);
            gone.add(id);
            create(client, workspace, me, 100 + round, model);
        } else if (op < 85) {
            Destination d = client.getDestination(id);
            assertEquals(model.get(id).name(), d.name());
            assertEquals(Masking.mask(model.get(id).secret()), d.configString("secretKey"));
        } else {
            var page = client.listDestinations(workspace, 0, 100);
            assertEquals(5, page.totalCount());
            assertEquals(model.keySet(), Set.copyOf(page.items().stream().map(Destination::id).toList()));
        }
    }
}
