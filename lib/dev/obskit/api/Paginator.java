package dev.obskit.api;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy offset/limit pagination that trusts no single signal (API doc §2.1).
 *
 * <ul>
 *   <li>The next offset is the previous one plus the items received, so a server that clamps
 *       {@code limit} neither skips nor repeats rows.</li>
 *   <li>It stops on an empty page, on a page that brings nothing new (a server repeating itself),
 *       or when {@code total_count} is reached by a page shorter than a full one. "Full" is the
 *       smaller of {@code limit} and the largest page seen so far, so a clamped page size is not
 *       mistaken for the end. When the count is reached by a full page it asks once more, so a
 *       count that is too low does not lose rows.</li>
 *   <li>Without {@code total_count} it reads until an empty page (one request more than needed,
 *       never a lost page).</li>
 *   <li>It never fetches more than a page cap derived from the largest count and the page size
 *       actually served (plus two), or {@value #MAX_PAGES_WITHOUT_COUNT} pages without a count.</li>
 *   <li>Items with an id already returned are dropped; it warns when that happens and when the
 *       count and the data disagree.</li>
 * </ul>
 */
public final class Paginator<T> implements Iterator<T> {

    /** Fetches the page at an offset. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(int offset, int limit);
    }

    /** Pages fetched beyond the expected number before giving up, for a server whose count is low. */
    static final int EXTRA_PAGES = 2;
    /** Hard stop when the server never sends a count. */
    static final int MAX_PAGES_WITHOUT_COUNT = 10_000;

    private final PageFetcher<T> fetcher;
    private final Function<T, String> idOf;
    private final int limit;
    private final Consumer<String> warnings;
    private final String what;

    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private int offset;
    private int pages;
    private int returned;
    private int largestPage;
    private Integer lastTotal;
    private int largestTotal = -1;
    private int duplicates;
    private boolean done;

    public Paginator(PageFetcher<T> fetcher, Function<T, String> idOf, int limit, Consumer<String> warnings, String what) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.fetcher = fetcher;
        this.idOf = idOf;
        this.limit = limit;
        this.warnings = warnings;
        this.what = what;
    }

    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) fetchNext();
        return !buffer.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return buffer.poll();
    }

    /** Pages requested so far. */
    public int pagesFetched() {
        return pages;
    }

    private void fetchNext() {
        if (pages >= pageCap()) {
            warnings.accept("stopped listing " + what + " after " + pages + " pages: the server kept sending new "
                    + what + " past its total_count of " + lastTotal);
            finish();
            return;
        }
        Page<T> page = fetcher.fetch(offset, limit);
        pages++;
        int size = page.items().size();
        if (page.totalCount() != null) {
            lastTotal = page.totalCount();
            largestTotal = Math.max(largestTotal, lastTotal);
        }
        if (size == 0) {
            finish();
            return;
        }
        int fullPage = Math.min(limit, Math.max(largestPage, pages == 1 ? limit : 0));
        largestPage = Math.max(largestPage, size);
        offset += size;
        int fresh = 0;
        for (T item : page.items()) {
            String id = idOf.apply(item);
            if (id == null || seen.add(id)) {
                buffer.add(item);
                fresh++;
            } else {
                duplicates++;
            }
        }
        returned += fresh;
        if (fresh == 0) {
            // a page of nothing new: a server repeating itself; going on would loop forever
            if (lastTotal != null && returned < lastTotal) {
                // and by its own count more remain: what was listed is provably incomplete, and a
                // plan or an export built on it would silently miss the rest
                done = true;
                throw new IncompleteListException("the server sent the same " + what + " again at offset " + (offset - size)
                        + " while its total_count says " + lastTotal + "; only " + returned
                        + " could be listed, so the list would be incomplete");
            }
            finish();
        } else if (lastTotal != null && returned >= lastTotal && size < fullPage) {
            finish();
        }
    }

    /** ceil(count / page size served) + EXTRA_PAGES, once a count is known. */
    private int pageCap() {
        if (largestTotal < 0 || largestPage == 0) return MAX_PAGES_WITHOUT_COUNT;
        long expected = (largestTotal + (long) largestPage - 1) / largestPage;
        return (int) Math.min(MAX_PAGES_WITHOUT_COUNT, expected + EXTRA_PAGES);
    }

    /** A listing that provably misses items: the server repeated itself before reaching its own count. */
    public static final class IncompleteListException extends ApiException {
        public IncompleteListException(String message) {
            super(200, null, message, "GET", null);
        }
    }

    private void finish() {
        done = true;
        if (duplicates > 0) {
            warnings.accept("the server repeated " + duplicates + " " + what + " across pages; each is listed once");
        }
        if (lastTotal != null && returned != lastTotal) {
            warnings.accept("the server reported total_count " + lastTotal + " but sent " + returned + " distinct " + what);
        }
    }
}
