package dev.obskit.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.obskit.json.Jsons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.data;
import static dev.obskit.api.Fixtures.destination;
import static dev.obskit.api.Fixtures.error;
import static dev.obskit.api.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3 item 1 for GET, PATCH and DELETE: what is retried, how long it waits, and when it stops. */
class RetryTest extends WireMockTestBase {
    private static final String PATH = DEST + "/" + id(1);

    private static ResponseDefinitionBuilder status(int status, String message) {
        return aResponse().withStatus(status).withBody(error(status, message));
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withBody(data(destination(id(1))));
    }

    @Test
    void aGetIsRetriedAfterA503AndTheRetryIsLoggedOnce() {
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)), status(503, "Service Unavailable"), ok());

        assertEquals(id(1), client.getDestination(id(1)).id());

        assertEquals(2, requests("GET").size());
        assertEquals(List.of(Duration.ofMillis(500)), time.waits);
        assertEquals(List.of("retrying GET /observability/destinations/" + id(1) + " in 0.5 s (attempt 2 of 5) after HTTP 503 Service Unavailable"),
                warnings);
    }

    @Test
    void backOffDoublesUpToTheAttemptLimitThenTheLastErrorIsThrown() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500, "Internal Server Error")));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertInstanceOf(ApiException.ServerException.class, e);
        assertEquals(5, requests("GET").size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), time.waits);
        assertTrue(warnings.get(warnings.size() - 1).startsWith("giving up on GET /observability/destinations/" + id(1) + " after 5 attempts"),
                warnings.toString());
    }

    @Test
    void theTotalRetryTimeIsBounded() {
        client.close();
        client = builder().retryPolicy(RetryPolicy.DEFAULT.withJitter(0).withMaxAttempts(50).withMaxElapsed(Duration.ofSeconds(3))).build();
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(502, "Bad Gateway")));

        assertThrows(ApiException.ServerException.class, () -> client.getDestination(id(1)));

        // 0.5 s + 1 s waited; a further 2 s would end at 3.5 s > 3 s
        assertEquals(3, requests("GET").size());
        assertEquals(Duration.ofMillis(1500), time.totalWait());
        assertTrue(warnings.get(warnings.size() - 1).contains("would pass the retry time limit of 3 s"), warnings.toString());
    }

    @Test
    void waitsAreCappedAtMaxDelay() {
        client.close();
        client = builder().retryPolicy(RetryPolicy.DEFAULT.withJitter(0).withMaxAttempts(8).withMaxDelay(Duration.ofSeconds(3))
                .withMaxElapsed(Duration.ofHours(1))).build();
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500, "Internal Server Error")));

        assertThrows(ApiException.ServerException.class, () -> client.getDestination(id(1)));

        assertEquals(8, requests("GET").size());
        assertEquals(List.of(500L, 1000L, 2000L, 3000L, 3000L, 3000L, 3000L), time.waits.stream().map(Duration::toMillis).toList());
    }

    static Stream<Arguments> retryAfterHeaders() {
        // the fake clock stands at 2026-09-05T08:00:00Z
        return Stream.of(
                Arguments.of("Retry-After", "-1", Duration.ofMillis(500)),
                Arguments.of("Retry-After", "abc", Duration.ofMillis(500)),
                Arguments.of("Retry-After", "Sat, 05 Sep 2026 07:00:00 GMT", Duration.ofMillis(500)),
                Arguments.of("Retry-After", "600", Duration.ofSeconds(60)),
                Arguments.of("Retry-After", "99999999999999999999", Duration.ofSeconds(60)),
                Arguments.of("Retry-After", "2", Duration.ofSeconds(2)),
                Arguments.of("Retry-After", "Sat, 05 Sep 2026 08:00:10 GMT", Duration.ofSeconds(10)),
                Arguments.of("retry-after-ms", "1500", Duration.ofMillis(1500)),
                Arguments.of("retry-after-ms", "-5", Duration.ofMillis(500)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("retryAfterHeaders")
    void retryAfterIsHonouredWithinBoundsAndBadValuesFallBackToBackOff(String header, String value, Duration expectedWait) {
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)),
                status(429, "Rate limit exceeded").withHeader(header, value), ok());

        assertEquals(id(1), client.getDestination(id(1)).id());

        assertEquals(2, requests("GET").size());
        assertEquals(List.of(expectedWait), time.waits);
    }

    @Test
    void everyThrottledAnswerIsReportedToTheJob() {
        java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();
        client.close();
        client = builder().onThrottled(throttled::incrementAndGet).build();
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)), status(429, "Rate limit exceeded"), status(429, "Rate limit exceeded"), ok());

        client.getDestination(id(1));

        assertEquals(2, throttled.get());
        assertEquals(3, requests("GET").size());
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)),
                status(503, "busy").withHeader("Retry-After", "30").withHeader("retry-after-ms", "750"), ok());

        client.getDestination(id(1));

        assertEquals(List.of(Duration.ofMillis(750)), time.waits);
    }

    static Stream<Arguments> permanentErrors() {
        return Stream.of(
                Arguments.of(400, "Invalid request parameters"),
                Arguments.of(401, "Missing Authentication header"),
                Arguments.of(403, "Only management keys can perform this operation"),
                Arguments.of(404, "Resource not found"),
                Arguments.of(409, "Maximum of 5 destinations per type reached"),
                Arguments.of(429, "Maximum of 5 destinations per type reached"),
                Arguments.of(422, "Unprocessable"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("permanentErrors")
    void errorsThatWaitingCannotFixAreNeverRetried(int status, String message) {
        wm.stubFor(patch(urlPathEqualTo(PATH)).willReturn(status(status, message)));

        ApiException e = assertThrows(ApiException.class, () -> client.updateDestination(id(1), Jsons.parseObject("{\"enabled\":false}")));

        assertEquals(status, e.status());
        assertEquals(1, requests("PATCH").size());
        assertEquals(List.of(), time.waits);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aPatchConflictIsRetriedWithTheSameBody() {
        Sequences.stub(wm, () -> patch(urlPathEqualTo(PATH)), status(409, "Resource conflict. Please try again later."), ok());

        client.updateDestination(id(1), Jsons.parseObject("{\"privacy_mode\":true}"));

        assertEquals(2, requests("PATCH").size());
        for (var r : requests("PATCH")) assertEquals(Jsons.parse("{\"privacy_mode\":true}"), Jsons.parse(r.getBodyAsString()));
    }

    @Test
    void a408IsRetried() {
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)), status(408, "Request Timeout"), ok());

        client.getDestination(id(1));

        assertEquals(2, requests("GET").size());
    }

    @Test
    void aDeleteThatAnswers404AfterARetryCountsAsDone() {
        Sequences.stub(wm, () -> delete(urlPathEqualTo(PATH)),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), status(404, "Resource not found"));

        client.deleteDestination(id(1));

        assertEquals(2, requests("DELETE").size());
        assertTrue(warnings.get(warnings.size() - 1).contains("answered 404 after a retry"), warnings.toString());
    }

    @Test
    void aDeleteThatAnswers404AtOnceIsNotFound() {
        wm.stubFor(delete(urlPathEqualTo(PATH)).willReturn(status(404, "Resource not found")));

        assertThrows(ApiException.NotFoundException.class, () -> client.deleteDestination(id(1)));

        assertEquals(1, requests("DELETE").size());
    }

    @Test
    void aResetConnectionIsRetriedForAGet() {
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok());

        client.getDestination(id(1));

        assertEquals(2, requests("GET").size());
        assertTrue(warnings.get(0).startsWith("retrying GET"), warnings.toString());
    }

    @Test
    void aResponseTimeoutIsBoundedAndRetried() {
        client.close();
        client = builder().timeout(Duration.ofMillis(300)).build();
        Sequences.stub(wm, () -> get(urlPathEqualTo(PATH)), ok().withFixedDelay(2000), ok());

        long t0 = System.nanoTime();
        client.getDestination(id(1));
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertTrue(ms < 1500, "took " + ms + " ms");
        assertEquals(2, requests("GET").size());
        assertTrue(warnings.get(0).contains("SocketTimeoutException"), warnings.toString());
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedWithoutStatus() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client.close();
        client = builder().baseUrl("http://127.0.0.1:" + port + "/api/v1").build();

        ApiException e = assertThrows(ApiException.TransportException.class, () -> client.getDestination(id(1)));

        assertEquals(0, e.status());
        assertEquals(4, time.waits.size());
        assertTrue(e.getMessage().contains("(GET /observability/destinations/" + id(1) + ")"), e.getMessage());
    }
}
