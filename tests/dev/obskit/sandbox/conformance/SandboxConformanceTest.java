package dev.obskit.sandbox.conformance;

import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The conformance assertions against the sandbox, with the doc's example workspace added empty. */
class SandboxConformanceTest extends ApiConformanceContract {
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        sandbox.addWorkspace(WORKSPACE, "Doc example", "doc-example");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    String baseUrl() {
        return sandbox.baseUrl();
    }

    @Override
    String managementKey() {
        return sandbox.managementKey();
    }

    @Override
    String inferenceKey() {
        return sandbox.inferenceKey();
    }
}
