package dev.obskit.api;

import dev.obskit.model.Destination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.destination;
import static dev.obskit.api.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pagination against honest and misbehaving servers (issue 3 item 3): every row exactly once,
 * a bounded number of requests, and a warning when the count and the data disagree.
 */
class PaginationTest extends WireMockTestBase {

    /** Rows from..to-1 as one page body. */
    private static String page(int from, int to, Integer totalCount) {
        String[] rows = IntStream.range(from, to).mapToObj(i -> destination(id(i))).toArray(String[]::new);
        return totalCount == null ? Fixtures.listWithoutCount(rows) : Fixtures.list(totalCount, rows);
    }

    private void pageAt(int offset, String body) {
        wm.stubFor(get(urlPathEqualTo(DEST)).withQueryParam("offset", equalTo(Integer.toString(offset)))
                .atPriority(1).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    private void anyOtherOffset(String body) {
        wm.stubFor(get(urlPathEqualTo(DEST)).atPriority(10).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(Fixtures::id).toList();
    }

    private List<String> offsetsAsked() {
        return requests("GET").stream().map(r -> r.queryParameter("offset").firstValue()).sorted(
                java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    }

    private List<String> listAll(int pageSize) {
        client.close();
        client = builder().pageSize(pageSize).build();
        return client.destinations(null).map(Destination::id).toList();
    }

    @Test
    void threeHonestPagesAreReadInThreeRequests() {
        pageAt(0, page(0, 10, 25));
        pageAt(10, page(10, 20, 25));
        pageAt(20, page(20, 25, 25));

        assertEquals(ids(0, 25), listAll(10));

        assertEquals(List.of("0", "10", "20"), offsetsAsked());
        requests("GET").forEach(r -> assertEquals("10", r.queryParameter("limit").firstValue()));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aServerThatClampsLimitYieldsEveryRowExactlyOnce() {
        // asked for 100 per page, the server sends 10
        for (int offset = 0; offset < 25; offset += 10) pageAt(offset, page(offset, Math.min(offset + 10, 25), 25));
        anyOtherOffset(page(0, 0, 25));

        assertEquals(ids(0, 25), listAll(100));

        assertEquals(List.of("0", "10", "20"), offsetsAsked());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aClampingServerWhoseCountIsTooLowStillYieldsEveryRow() {
        for (int offset = 0; offset < 35; offset += 10) pageAt(offset, page(offset, Math.min(offset + 10, 35), 15));
        anyOtherOffset(page(0, 0, 15));

        assertEquals(ids(0, 35), listAll(100));

        assertEquals(List.of("0", "10", "20", "30"), offsetsAsked());
        assertEquals(List.of("the server reported total_count 15 but sent 35 distinct destinations"), warnings);
    }

    @Test
    void aServerThatRepeatsItsLastPageForeverStops() {
        pageAt(0, page(0, 10, null));
        pageAt(10, page(10, 20, null));
        anyOtherOffset(page(10, 20, null)); // offset 20, 30, ...: the last page again

        assertEquals(ids(0, 20), listAll(10));

        assertEquals(List.of("0", "10", "20"), offsetsAsked());
        assertEquals(List.of("the server repeated 10 destinations across pages; each is listed once"), warnings);
    }

    @Test
    void aServerThatRepeatsItselfShortOfItsOwnCountFailsRatherThanListingPart() {
        pageAt(0, page(0, 10, 1000));
        anyOtherOffset(page(5, 15, 1000)); // overlapping pages: always the same 5 new rows, never the end

        Paginator.IncompleteListException e = org.junit.jupiter.api.Assertions.assertThrows(
                Paginator.IncompleteListException.class, () -> listAll(10));

        assertTrue(e.getMessage().contains("while its total_count says 1000; only 15 could be listed"), e.getMessage());
        assertEquals(3, requests("GET").size(), "the third page brings nothing new");
    }

    @Test
    void aCountThatIsTooLowDoesNotLoseRows() {
        pageAt(0, page(0, 10, 10));
        pageAt(10, page(10, 20, 10));
        pageAt(20, page(20, 23, 10));
        anyOtherOffset(page(0, 0, 10));

        assertEquals(ids(0, 23), listAll(10));

        assertEquals(List.of("0", "10", "20"), offsetsAsked());
        assertEquals(List.of("the server reported total_count 10 but sent 23 distinct destinations"), warnings);
    }

    @Test
    void aCountThatIsTooHighEndsAtTheFirstEmptyPage() {
        pageAt(0, page(0, 10, 50));
        pageAt(10, page(10, 15, 50));
        anyOtherOffset(page(0, 0, 50));

        assertEquals(ids(0, 15), listAll(10));

        assertEquals(List.of("0", "10", "15"), offsetsAsked());
        assertEquals(List.of("the server reported total_count 50 but sent 15 distinct destinations"), warnings);
    }

    @Test
    void aServerThatOmitsTheCountIsReadUntilAnEmptyPage() {
        pageAt(0, page(0, 10, null));
        pageAt(10, page(10, 20, null));
        pageAt(20, page(20, 24, null));
        anyOtherOffset(page(0, 0, null));

        assertEquals(ids(0, 24), listAll(10));

        assertEquals(List.of("0", "10", "20", "24"), offsetsAsked());
        assertEquals(List.of(), warnings);
    }

    @Test
    void anEndlessServerWithNewRowsIsStoppedByThePageCapDerivedFromItsCount() {
        // every page has 10 new ids (from the offset), the count says 30: cap = 30/10 + 2 = 5 pages
        for (int offset = 0; offset < 200; offset += 10) pageAt(offset, page(offset, offset + 10, 30));

        List<String> all = listAll(10);

        assertEquals(ids(0, 50), all);
        assertEquals(5, requests("GET").size());
        assertTrue(warnings.get(0).startsWith("stopped listing destinations after 5 pages"), warnings.toString());
    }

    @Test
    void pagesAreFetchedLazily() {
        pageAt(0, page(0, 10, 30));
        pageAt(10, page(10, 20, 30));

        assertEquals(ids(0, 3), client.destinations(null).limit(3).map(Destination::id).toList());

        assertEquals(1, requests("GET").size());
    }
}
