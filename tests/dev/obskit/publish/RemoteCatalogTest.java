package dev.obskit.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.obskit.testing.Processes;
import dev.obskit.testing.Project;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing through the catalog: the checkout is served over HTTP on 127.0.0.1 and used the way
 * someone outside the repository would, from a directory with no catalog of its own, on a fresh
 * JBang cache (remote catalogs are cached for 12 hours): an alias through the catalog URL, and a
 * user's script whose {@code //SOURCES obskit@obskit} resolves through the catalog added by name.
 */
@Tag("e2e")
class RemoteCatalogTest {
    static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path jbangDir;

    @TempDir
    static Path outside;

    static Path root;
    static HttpServer server;
    static final List<String> served = new ArrayList<>();

    @BeforeAll
    static void serveTheCheckout() throws IOException {
        root = Project.root();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", RemoteCatalogTest::serveFile);
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    /** A static file server confined to the checkout (JDK 17 has no SimpleFileServer). */
    static void serveFile(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean ok = exchange.getRequestMethod().equals("GET") && file.startsWith(root) && Files.isRegularFile(file);
            synchronized (served) {
                served.add(exchange.getRequestURI().getPath() + (ok ? "" : " 404"));
            }
            if (!ok) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String catalogUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jbang-catalog.json";
    }

    static Processes.Result jbang(Path home, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("jbang").toString()));
        cmd.addAll(List.of(args));
        return Processes.run(outside, Map.of("JBANG_DIR", jbangDir.toString(), "OBSKIT_HOME", home.toString()), TIMEOUT, cmd);
    }

    @Test
    void anAliasRunsThroughTheCatalogUrl(@TempDir Path home) throws Exception {
        assertFalse(Files.exists(outside.resolve("jbang-catalog.json")), "no local catalog to fall back on");
        Processes.Result run = jbang(home, "obs-export@" + catalogUrl(), "--sandbox", "--all-workspaces");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        assertTrue(rows.size() >= 25, "at least 25 rows, got " + rows.size());
        assertEquals(4, rows.stream().map(r -> r.get("workspace_id")).distinct().count(), "all four workspaces");
        synchronized (served) {
            assertTrue(served.contains("/scripts/ObsExport.java") && served.contains("/lib/dev/obskit/api/ObsClient.java"),
                    "the script and the library came over HTTP: " + served);
        }
    }

    @Test
    void aUsersOwnScriptPullsTheLibraryInThroughTheCatalog(@TempDir Path home) throws Exception {
        Path script = outside.resolve("MyReport.java");
        Files.copy(root.resolve("examples/MyReport.java"), script);
        Processes.Result add = jbang(home, "catalog", "add", "--name", "obskit", catalogUrl());
        assertEquals(0, add.exitCode(), add::toString);

        Processes.Result run = jbang(home, "MyReport.java", "--sandbox");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("workspace", "total", "live", "disabled", "in", "clear"), List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(5, lines.size(), run::toString);
        int total = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            int all = Integer.parseInt(f[1]);
            int live = Integer.parseInt(f[2]);
            int disabled = Integer.parseInt(f[3]);
            assertEquals(all, live + disabled, line);
            assertTrue(Integer.parseInt(f[4]) <= live, line);
            total += all;
        }
        assertTrue(total >= 25, "the demo account's destinations: " + run.out());
        assertTrue(Files.isRegularFile(home.resolve("sandbox/state.json")), "the sandbox kept its state under OBSKIT_HOME");
    }
}
