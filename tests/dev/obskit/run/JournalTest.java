package dev.obskit.run;

import dev.obskit.plan.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournalTest {
    @TempDir
    Path dir;

    static Change change(String key) {
        return new Change(key, Change.Action.UPDATE, key, "ws", "s3", "n", List.of(), null);
    }

    @Test
    void concurrentWritersLoseNoLineAndTheLastStatusWins() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (Journal journal = Journal.open(file)) {
            for (int i = 0; i < 400; i++) {
                String key = "item-" + i;
                pool.submit(() -> {
                    journal.record(ItemResult.failed(change(key), 500, "boom"));
                    journal.record(ItemResult.done(change(key), key));
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertEquals(800, Files.readAllLines(file).size());
        var last = Journal.read(file);
        assertEquals(400, last.size());
        assertEquals(400, PlanRunner.doneKeys(last).size());
    }

    @Test
    void aTornLastLineIsIgnored() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal journal = Journal.open(file)) {
            journal.record(ItemResult.done(change("a"), "a"));
        }
        Files.writeString(file, "{\"key\":\"b\",\"sta", StandardOpenOption.APPEND);
        assertEquals(java.util.Set.of("a"), PlanRunner.doneKeys(Journal.read(file)));
    }
}
