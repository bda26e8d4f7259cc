package dev.obskit.run;

import dev.obskit.json.Jsons;
import dev.obskit.support.SafeFiles;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of finished items, one JSON line each, forced to disk before the item
 * counts as finished. A resumed run skips every item whose last line says done. A torn last line
 * (the process died mid-write) is ignored: that item simply runs again.
 *
 * <p>Forcing to disk costs a few milliseconds, so concurrent writers share one force (group
 * commit): a writer whose line was already covered by another writer's force returns at once.
 * Without this the journal, not the server, would bound a run at a few hundred items a second.
 */
public final class Journal implements AutoCloseable {
    private final FileChannel channel;
    private final Object syncLock = new Object();
    private long written; // bytes appended; guarded by this
    private long synced;  // bytes known to be on disk; guarded by syncLock

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    public static Journal open(Path file) throws IOException {
        boolean fresh = !Files.exists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (fresh) SafeFiles.restrict(file);
        return new Journal(ch);
    }

    /** Records a finished item; returns once the line is on disk. */
    public void record(ItemResult r) throws IOException {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder()
                .add("key", r.change().key())
                .add("status", r.status().label())
                .add("at", java.time.Instant.now().toString());
        if (r.resultId() != null) b.add("id", r.resultId());
        if (r.httpStatus() != 0) b.add("http_status", r.httpStatus());
        if (r.error() != null) b.add("error", r.error());
        byte[] line = (Jsons.write(b.build()) + "\n").getBytes(StandardCharsets.UTF_8);
        long end = append(line);
        synchronized (syncLock) {
            if (synced >= end) return;
            long target = writtenSoFar();
            channel.force(false);
            synced = target;
        }
    }

    private synchronized long append(byte[] line) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) channel.write(buf);
        written += line.length;
        return written;
    }

    private synchronized long writtenSoFar() {
        return written;
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

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
