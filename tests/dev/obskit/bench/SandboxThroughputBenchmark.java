package dev.obskit.bench;

import dev.obskit.api.ObsClient;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import jakarta.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Requests per second the sandbox serves on loopback to 16 keep-alive clients doing a job-like
 * mix: 45% get, 40% partial update, 10% list page of 50, 5% create + delete (each client in its
 * own workspace), over a generated account of 20 workspaces and 1,000 destinations.
 *
 * <p>Two client kinds: {@code raw} (one keep-alive socket per thread, next to no client cost: this
 * measures the sandbox) and {@code obsclient} (the real client, Apache HttpClient 5 plus JSON
 * parsing, sharing the same cores: a floor). Not a JUnit test: run it by hand, e.g.
 * <pre>java -cp target/classes:target/test-classes:DEPS dev.obskit.bench.SandboxThroughputBenchmark 100000 16 both</pre>
 */
public final class SandboxThroughputBenchmark {
    interface Client {
        /** One operation of the mix; returns how many requests it made. */
        int step(Random r, int me, int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        String mode = args.length > 2 ? args[2] : "both";
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(20, 1000, 1))) {
            List<String> ids = sandbox.state().liveDestinations().stream().map(d -> d.id()).toList();
            List<String> workspaces = sandbox.state().workspaces().stream().map(w -> w.id()).toList();
            List<String> own = new ArrayList<>();
            for (int c = 0; c < clients; c++) own.add(sandbox.addWorkspace(UUID.randomUUID().toString(), "bench " + c, "bench-" + c).id());
            Mix mix = new Mix(ids, workspaces, own);
            if (mode.equals("raw") || mode.equals("both")) measure("raw keep-alive sockets", total, clients, rawClients(sandbox, clients, mix));
            if (mode.equals("obsclient") || mode.equals("both")) {
                try (ObsClient client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.managementKey())
                        .maxConnections(clients).warnings(w -> {}).build()) {
                    List<Client> same = new ArrayList<>();
                    for (int c = 0; c < clients; c++) same.add((r, me, i) -> mix.obs(client, r, me, i));
                    measure("ObsClient (Apache HttpClient 5)", total, clients, same);
                }
            }
        }
    }

    private static List<Client> rawClients(Sandbox sandbox, int clients, Mix mix) throws Exception {
        List<Client> out = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            RawKeepAliveClient raw = new RawKeepAliveClient(sandbox.port(), sandbox.managementKey());
            out.add((r, me, i) -> mix.raw(raw, r, me, i));
        }
        return out;
    }

    private static void measure(String label, int total, int clients, List<Client> perThread) throws Exception {
        run(perThread, clients, Math.min(total / 5, 10_000)); // warm-up: JIT and connections
        long start = System.nanoTime();
        long errors = run(perThread, clients, total);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d requests, %d clients, %.2f s: %.0f requests/s (%d errors)%n",
                label, total, clients, seconds, total / seconds, errors);
    }

    private static long run(List<Client> perThread, int clients, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            int share = total / clients + (c < total % clients ? 1 : 0);
            results.add(pool.submit(() -> {
                Random r = new Random(me);
                long errors = 0;
                go.await();
                for (int i = 0; i < share; ) {
                    try {
                        i += perThread.get(me).step(r, me, i);
                    } catch (Exception e) {
                        if (errors++ == 0) System.err.println("error: " + e);
                        i++;
                    }
                }
                return errors;
            }));
        }
        go.countDown();
        long errors = 0;
        for (Future<Long> f : results) errors += f.get();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        return errors;
    }

    /** The operation mix, for both client kinds. */
    record Mix(List<String> ids, List<String> workspaces, List<String> own) {
        static final String PATH = "/api/v1/observability/destinations";

        int obs(ObsClient client, Random r, int me, int i) {
            int op = r.nextInt(100);
            if (op < 45) {
                client.getDestination(ids.get(r.nextInt(ids.size())));
            } else if (op < 85) {
                client.updateDestination(ids.get(r.nextInt(ids.size())), Json.createObjectBuilder().add("name", "bench " + me + " " + i).build());
            } else if (op < 95) {
                client.listDestinations(workspaces.get(r.nextInt(workspaces.size())), 0, 50);
            } else {
                Destination d = client.createDestination(Jsons.parseObject(createBody(me)));
                client.deleteDestination(d.id());
                return 2;
            }
            return 1;
        }

        int raw(RawKeepAliveClient client, Random r, int me, int i) throws Exception {
            int op = r.nextInt(100);
            int status;
            if (op < 45) {
                status = client.call("GET", PATH + "/" + ids.get(r.nextInt(ids.size())), null);
            } else if (op < 85) {
                status = client.call("PATCH", PATH + "/" + ids.get(r.nextInt(ids.size())), "{\"name\":\"bench " + me + " " + i + "\"}");
            } else if (op < 95) {
                status = client.call("GET", PATH + "?offset=0&limit=50&workspace_id=" + workspaces.get(r.nextInt(workspaces.size())), null);
            } else {
                RawKeepAliveClient.Response created = client.exchange("POST", PATH, createBody(me), true);
                if (created.status() != 201) throw new IllegalStateException("create answered " + created.status());
                int at = created.body().indexOf("\"id\":\"") + 6;
                status = client.call("DELETE", PATH + "/" + created.body().substring(at, at + 36), null);
                if (status != 200) throw new IllegalStateException("delete answered " + status);
                return 2;
            }
            if (status != 200) throw new IllegalStateException("answered " + status);
            return 1;
        }

        String createBody(int me) {
            return "{\"type\":\"webhook\",\"name\":\"bench\",\"workspace_id\":\"" + own.get(me) + "\",\"config\":{\"url\":\"https://h.example\"}}";
        }
    }
}
