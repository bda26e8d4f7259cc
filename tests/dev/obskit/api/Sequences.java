package dev.obskit.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.util.function.Supplier;

/** Stubs that answer a sequence of responses, one per call; the last one repeats. */
final class Sequences {
    private Sequences() {}

    private static int scenarios;

    static void stub(WireMockServer wm, Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
        String scenario = "seq-" + (++scenarios);
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "step-" + i;
            ScenarioMappingBuilder m = request.get().inScenario(scenario).whenScenarioStateIs(state);
            if (i + 1 < responses.length) m = m.willSetStateTo("step-" + (i + 1));
            m.willReturn(responses[i]);
            wm.stubFor(m);
        }
    }
}
