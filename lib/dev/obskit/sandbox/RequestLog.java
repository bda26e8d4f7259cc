package dev.obskit.sandbox;

import com.sun.net.httpserver.HttpHandler;

import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.Stream;

/**
 * The method and path of every request the sandbox received (faulted ones included), newest
 * last, so tests can assert what a job really sent. Keeps the latest {@value #CAPACITY} only, so
 * a long-running {@code serve} does not grow without bound. Never records headers or bodies.
 */
public final class RequestLog {
    public static final int CAPACITY = 100_000;

    /** One received request. */
    public record Request(String method, String path) {}

    private final ArrayDeque<Request> requests = new ArrayDeque<>();

    synchronized void record(String method, String path) {
        if (requests.size() == CAPACITY) requests.removeFirst();
        requests.addLast(new Request(method, path));
    }

    /** A snapshot of the log. */
    public synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    public Stream<Request> stream() {
        return all().stream();
    }

    public synchronized int size() {
        return requests.size();
    }

    public synchronized void clear() {
        requests.clear();
    }

    /** Wraps a handler so every exchange is recorded before it is handled. */
    HttpHandler recording(HttpHandler handler) {
        return exchange -> {
            record(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            handler.handle(exchange);
        };
    }

}
