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
 * Lazy offset/limit pagination that trusts no single signal (API doc §2.1). It advances by the
 * number of items received (a server may clamp {@code limit}), stops on an empty page or when
 * {@code total_count} is reached, never fetches more than a page cap derived from the first
 * {@code total_count}, drops ids it has already returned, and warns when count and data disagree.
 */
public final class Paginator<T> implements Iterator<T> {

    /** Fetches the page at an offset. */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(int offset, int limit);
    }

    /** Pages fetched beyond the expected number before giving up, for a server whose count is low. */
    private static final int EXTRA_PAGES = 2;
    /** Hard stop when the server never sends a count. */
    private static final int MAX_PAGES_WITHOUT_COUNT = 10_000;

    private final PageFetcher<T> fetcher;
    private final Function<T, String> idOf;
    private final int limit;
    private final Consumer<String> warnings;
    private final String what;

    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private int offset;
    private int pages;
    private Integer firstTotal;
    private int maxPages = MAX_PAGES_WITHOUT_COUNT;
    private int duplicates;
    private boolean done;

    public Paginator(PageFetcher<T> fetcher, Function<T, String> idOf, int limit, Consumer<String> warnings, String what) {
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

    private void fetchNext() {
        if (pages >= maxPages) {
            warnings.accept("stopped listing " + what + " after " + pages + " pages: the server kept sending data past its total_count of " + firstTotal);
            finish();
            return;
        }
        Page<T> page = fetcher.fetch(offset, limit);
        pages++;
        if (pages == 1 && page.totalCount() != null) {
            firstTotal = page.totalCount();
            maxPages = (int) Math.min(MAX_PAGES_WITHOUT_COUNT, (long) Math.ceil(firstTotal / (double) limit) + EXTRA_PAGES);
        }
        if (page.items().isEmpty()) {
            finish();
            return;
        }
        offset += page.items().size();
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
        Integer total = page.totalCount();
        if (fresh == 0) {
            // a page of nothing new: a server repeating itself. Going on would loop forever.
            finish();
        } else if (total != null && seen.size() >= total && page.items().size() < limit) {
            // a full last page may hide more data behind a low count: one more request tells
            finish();
        }
    }

    private void finish() {
        done = true;
        if (duplicates > 0) {
            warnings.accept("the server repeated " + duplicates + " " + what + " across pages; each is listed once");
        }
        if (firstTotal != null && seen.size() != firstTotal) {
            warnings.accept("the server reported total_count " + firstTotal + " but sent " + seen.size() + " distinct " + what);
        }
    }
}
