package dev.obskit.run;

import dev.obskit.json.Jsons;
import dev.obskit.support.SafeFiles;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The append-only record of finished items, one JSON line each, forced to disk before the item
 * counts as finished. A resumed run skips every item whose last line says done. A torn last line
 * (the process died mid-write) is ignored: that item simply runs again.
 *
 * <p>One writer thread does all writes: it takes every line queued so far, appends them and forces
 * them to disk once (group commit). Forcing costs a few milliseconds; done per item under a lock
 * it would bound a run at a few hundred items a second, and done by the workers it would keep
 * them from their next request.
 */
public final class Journal implements AutoCloseable {
    private record Entry(byte[] line, CompletableFuture<Void> onDisk) {}

    private static final Entry STOP = new Entry(new byte[0], null);

    private final FileChannel channel;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private Journal(FileChannel channel) {
        this.channel = channel;
        this.writer = new Thread(this::writeLoop, "obskit-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public static Journal open(Path file) throws IOException {
        boolean fresh = !Files.exists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (fresh) SafeFiles.restrict(file);
        return new Journal(ch);
    }

    /** Queues a finished item; the future completes once its line is on disk. */
    public CompletableFuture<Void> recordAsync(ItemResult r) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder()
                .add("key", r.change().key())
                .add("status", r.status().label())
                .add("at", java.time.Instant.now().toString());
        if (r.resultId() != null) b.add("id", r.resultId());
        if (r.httpStatus() != 0) b.add("http_status", r.httpStatus());
        if (r.error() != null) b.add("error", r.error());
        CompletableFuture<Void> onDisk = new CompletableFuture<>();
        queue.add(new Entry((Jsons.write(b.build()) + "\n").getBytes(StandardCharsets.UTF_8), onDisk));
        return onDisk;
    }

    /** Records a finished item; returns once the line is on disk. */
    public void record(ItemResult r) throws IOException {
        try {
            recordAsync(r).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw e;
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, after the queue is drained
            }
            queue.drainTo(batch);
            stopping = batch.remove(STOP);
            try {
                for (Entry e : batch) {
                    ByteBuffer buf = ByteBuffer.wrap(e.line());
                    while (buf.hasRemaining()) channel.write(buf);
                }
                if (!batch.isEmpty()) channel.force(false);
                batch.forEach(e -> e.onDisk().complete(null));
            } catch (IOException e) {
                UncheckedIOException failure = new UncheckedIOException("cannot write the journal: " + e.getMessage(), e);
                batch.forEach(entry -> entry.onDisk().completeExceptionally(failure));
            }
            batch.clear();
        }
    }

    /** The last recorded line per item key. */
    public static Map<String, JsonObject> read(Path file) throws IOException {
        Map<String, JsonObject> last = new HashMap<>();
        if (!Files.exists(file)) return last;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                JsonObject o = Jsons.parseObject(line);
                last.put(o.getString("key"), o);
            } catch (RuntimeException tornLine) {
                // the process died while writing this line; the item was not recorded
            }
        }
        return last;
    }

    /** Writes everything queued, then closes the file. */
    @Override
    public void close() throws IOException {
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
