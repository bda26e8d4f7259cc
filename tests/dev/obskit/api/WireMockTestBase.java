package dev.obskit.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** One WireMock server per test class, reset per test; a client on fake time that records its warnings. */
abstract class WireMockTestBase {
    static final String KEY = "sk-or-mgmt-TESTKEY-0123456789abcdef";
    static final String DEST = "/api/v1/observability/destinations";

    static WireMockServer wm;

    FakeTime time;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    ObsClient client;

    @BeforeAll
    static void startServer() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stopServer() {
        wm.stop();
    }

    @BeforeEach
    void newClient() {
        wm.resetAll();
        time = new FakeTime();
        client = builder().build();
    }

    @AfterEach
    void closeClientAndCheckNoKeyLeaked() {
        client.close();
        for (String w : warnings) assertFalse(w.contains("TESTKEY"), "a warning shows the key: " + w);
    }

    /** Jitter 0 so waits are exact; fake time so nothing really sleeps. */
    ObsClient.Builder builder() {
        return ObsClient.builder().baseUrl(wm.baseUrl() + "/api/v1").apiKey(KEY)
                .retryPolicy(RetryPolicy.DEFAULT.withJitter(0)).sleeper(time).clock(time)
                .warnings(warnings::add);
    }

    List<LoggedRequest> requests(String method) {
        return wm.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals(method)).toList();
    }
}
