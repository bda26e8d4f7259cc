package dev.obskit.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Sandbox} starts. Start from {@link #defaults(Path)} (state kept under
 * {@code <obskitHome>/sandbox/}) or {@link #ephemeral()} (nothing on disk), then adjust with the
 * {@code with…} methods.
 *
 * @param stateDir      directory of {@code state.json}, or null to keep everything in memory
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param faults        faults injected from the start (changeable later with {@link Sandbox#faults(Faults)})
 * @param maxPerType    live destinations allowed per type per workspace (the API's 5)
 * @param flushInterval how often changed state is written to disk at most
 * @param generated     a generated account instead of the demo one, or null
 * @param clock         the source of created_at / updated_at
 */
public record SandboxOptions(Path stateDir, int port, Faults faults, int maxPerType, Duration flushInterval,
                             Generated generated, Clock clock) {

    /** A generated benchmark account: {@code workspaces} workspaces holding {@code destinations} destinations. */
    public record Generated(int workspaces, int destinations, long seed) {}

    public static final String STATE_DIR = "sandbox";

    public SandboxOptions {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(flushInterval, "flushInterval");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
        if (maxPerType < 1) throw new IllegalArgumentException("maxPerType must be at least 1");
    }

    /** The demo account, persisted under {@code <obskitHome>/sandbox/state.json}, on a random port, no faults. */
    public static SandboxOptions defaults(Path obskitHome) {
        return new SandboxOptions(obskitHome.resolve(STATE_DIR), 0, Faults.none(), 5, Duration.ofMillis(200), null, Clock.systemUTC());
    }

    /** The demo account in memory only: a fresh account every start, nothing written. */
    public static SandboxOptions ephemeral() {
        return new SandboxOptions(null, 0, Faults.none(), 5, Duration.ofMillis(200), null, Clock.systemUTC());
    }

    public SandboxOptions withPort(int port) {
        return new SandboxOptions(stateDir, port, faults, maxPerType, flushInterval, generated, clock);
    }

    public SandboxOptions withFaults(Faults faults) {
        return new SandboxOptions(stateDir, port, faults, maxPerType, flushInterval, generated, clock);
    }

    /** No persistence: the state lives and dies with the sandbox. */
    public SandboxOptions inMemory() {
        return new SandboxOptions(null, port, faults, maxPerType, flushInterval, generated, clock);
    }

    /**
     * A generated account instead of the demo one. Generated accounts are throwaway: they are kept
     * in memory only, so a saved demo state is never overwritten by a benchmark.
     */
    public SandboxOptions withGenerated(int workspaces, int destinations, long seed) {
        return new SandboxOptions(null, port, faults, maxPerType, flushInterval, new Generated(workspaces, destinations, seed), clock);
    }

    public SandboxOptions withMaxPerType(int max) {
        return new SandboxOptions(stateDir, port, faults, max, flushInterval, generated, clock);
    }

    public SandboxOptions withFlushInterval(Duration interval) {
        return new SandboxOptions(stateDir, port, faults, maxPerType, interval, generated, clock);
    }

    public SandboxOptions withClock(Clock clock) {
        return new SandboxOptions(stateDir, port, faults, maxPerType, flushInterval, generated, clock);
    }

    public boolean persistent() {
        return stateDir != null;
    }

    /** {@code <stateDir>/state.json}, or null in memory. */
    public Path stateFile() {
        return stateDir == null ? null : stateDir.resolve(StateFile.FILE_NAME);
    }
}
