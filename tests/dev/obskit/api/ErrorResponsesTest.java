package dev.obskit.api;

import dev.obskit.model.Destination;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.data;
import static dev.obskit.api.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever an error looks like, the caller gets a typed exception with the status and a readable message. */
class ErrorResponsesTest extends WireMockTestBase {
    private static final String PATH = DEST + "/" + id(1);

    @BeforeEach
    void noRetries() {
        client.close();
        client = builder().retryPolicy(RetryPolicy.NONE).build();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(400, "{\"error\":{\"message\":\"Invalid configuration: Invalid configuration: bucketName: Invalid input\",\"code\":400}}",
                        ApiException.BadRequestException.class, "400", "Invalid configuration: Invalid configuration: bucketName: Invalid input"),
                Arguments.of(401, "{\"error\":{\"code\":401,\"message\":\"Missing Authentication header\"},\"user_id\":null,\"openrouter_metadata\":null}",
                        ApiException.AuthenticationException.class, "401", "Missing Authentication header"),
                Arguments.of(403, "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\",\"metadata\":null}}",
                        ApiException.PermissionException.class, "403", "Only management keys can perform this operation"),
                Arguments.of(404, "{\"error\":{\"code\":404,\"message\":\"Resource not found\",\"metadata\":{}}}",
                        ApiException.NotFoundException.class, "404", "Resource not found"),
                Arguments.of(409, "{\"error\":{\"code\":\"409\",\"message\":\"Resource conflict. Please try again later.\"}}",
                        ApiException.ConflictException.class, "409", "Resource conflict. Please try again later."),
                Arguments.of(429, "{\"error\":{\"code\":429,\"message\":\"Rate limit exceeded\",\"metadata\":{\"error_type\":\"rate_limit_exceeded\"}}}",
                        ApiException.RateLimitException.class, "429", "Rate limit exceeded"),
                Arguments.of(500, "{\"error\":{\"code\":500,\"message\":\"Internal Server Error\"}}",
                        ApiException.ServerException.class, "500", "Internal Server Error"),
                Arguments.of(502, "<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>"
                                + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>",
                        ApiException.ServerException.class, null, "502 Bad Gateway 502 Bad Gateway cloudflare"),
                Arguments.of(503, "", ApiException.ServerException.class, null, "Service Unavailable"),
                Arguments.of(500, "{\"error\":\"boom\"}", ApiException.ServerException.class, null, "boom"),
                Arguments.of(418, "{\"error\":{\"code\":418,\"message\":\"I'm a teapot\"}}", ApiException.class, "418", "I'm a teapot"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("errors")
    void anErrorBecomesATypedExceptionWithStatusAndMessage(int status, String body, Class<? extends ApiException> type,
                                                           String code, String message) {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertEquals(type, e.getClass());
        assertEquals(status, e.status());
        assertEquals(code, e.errorCode());
        assertTrue(e.serverMessage().contains(message), e.serverMessage());
        assertTrue(e.getMessage().startsWith("HTTP " + status + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(GET /observability/destinations/" + id(1) + ")"), e.getMessage());
        assertFalse(e.getMessage().contains("<"), "no markup in the message: " + e.getMessage());
        assertEquals(1, requests("GET").size());
    }

    @Test
    void a200WhoseBodyIsAnErrorObjectIsAnError() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"error\":{\"code\":404,\"message\":\"Resource not found\"}}")));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertInstanceOf(ApiException.NotFoundException.class, e);
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("Resource not found (sent with HTTP 200)"), e.getMessage());
    }

    @Test
    void a200ErrorObjectWithAStringCodeThatIsNoStatusCountsAsAServerError() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"error\":{\"code\":\"upstream_failed\",\"message\":\"upstream failed\"}}")));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertInstanceOf(ApiException.ServerException.class, e);
        assertEquals("upstream_failed", e.errorCode());
        assertTrue(e.getMessage().startsWith("HTTP 500: upstream failed (sent with HTTP 200)"), e.getMessage());
    }

    @Test
    void a200ThatIsNotJsonIsReadableNotAParserException() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertEquals(200, e.status());
        assertEquals("HTTP 200: unreadable response body: <html>maintenance</html> (GET /observability/destinations/" + id(1) + ")",
                e.getMessage());
    }

    @Test
    void a200WithoutDataIsReadable() {
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{\"data\":\"oops\"}")));

        ApiException e = assertThrows(ApiException.class, () -> client.getDestination(id(1)));

        assertTrue(e.getMessage().contains("response has no data object: {\"data\":\"oops\"}"), e.getMessage());
    }

    @Test
    void numbersInExponentNotationAreRead() {
        String body = "{\"id\":\"" + id(1) + "\",\"type\":\"langfuse\",\"name\":\"x\",\"sampling_rate\":1e-4,\"config\":{}}";
        wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(data(body))));

        Destination d = client.getDestination(id(1));

        assertEquals(0, new BigDecimal("0.0001").compareTo(d.samplingRate()));
    }

    @Test
    void aListWithATotalCountAsStringStillReads() {
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[" + Fixtures.destination(id(1)) + "],\"total_count\":\"1\"}")));

        Page<Destination> page = client.listDestinations(null, 0, 100);

        assertEquals(1, page.items().size());
        assertEquals(1, page.totalCount());
    }

    @Test
    void aListItemThatIsNotADestinationMakesTheAnswerUnusable() {
        for (String item : List.of("42", "null", "\"x\"", "{\"id\":null,\"name\":5}")) {
            wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(200)
                    .withBody("{\"data\":[" + Fixtures.destination(id(1)) + "," + item + "],\"total_count\":2}")));
            ApiException e = assertThrows(ApiException.class, () -> client.listDestinations(null, 0, 100));
            assertTrue(e.getMessage().contains("list response item 1 is not one of the destinations"), e.getMessage());
        }
    }

    @Test
    void anErrorBodyThatEchoesTheKeyOrControlCharactersIsCleaned() {
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"code\":401,\"message\":\"bad header Authorization: Bearer " + KEY
                        + " seen\\r\\nERROR: injected \\u001b[31mred\"}}")));

        ApiException e = assertThrows(ApiException.class, () -> client.listDestinations(null, 0, 10));

        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(e.getMessage().contains("TESTKEY"), e.getMessage());
        assertTrue(e.getMessage().contains("Bearer [redacted]"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r") || e.getMessage().contains("\u001b"), e.getMessage());
    }
}
