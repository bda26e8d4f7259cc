package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo account a fresh sandbox starts with: four workspaces and 44 destinations, 26 of them
 * in the default workspace, which alone covers all 17 types (so a plain {@code obs-export
 * --sandbox} shows every type), with the variety a migration meets: regions, sampling rates,
 * disabled ones, privacy mode, key allowlists, filter rules, custom headers. Fixed seed: same
 * content every time, only the keys differ. All secrets are fake.
 */
public final class DemoAccount {
    static final long SEED = 2026;
    /** slug of the workspace the sandbox keys belong to */
    public static final String DEFAULT_WORKSPACE_SLUG = "production";

    private DemoAccount() {}

    /** One planned destination: type, name, workspace index, extra config, regions (null: global). */
    private record Plan(String type, String name, int workspace, JsonObject extra, List<String> regions) {}

    static Account build() {
        Random r = new Random(SEED);
        Instant jan = Instant.parse("2026-01-05T09:00:00Z");
        List<SandboxWorkspace> ws = List.of(
                Account.workspace(r, "Production", "production", "Customer-facing traffic", jan, true),
                Account.workspace(r, "Staging", "staging", "Pre-release checks", jan.plus(Duration.ofDays(3)), true),
                Account.workspace(r, "Research Lab", "research-lab", "Model evaluation and experiments", jan.plus(Duration.ofDays(20)), false),
                Account.workspace(r, "EU Customers", "eu-customers", null, jan.plus(Duration.ofDays(41)), true));
        List<Plan> plans = plans();
        List<StoredDestination> out = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            String label = p.name().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            JsonObjectBuilder config = SampleConfigs.forType(p.type(), label, r);
            p.extra().forEach(config::add);
            if (i % 5 == 4 && !p.extra().containsKey("headers")) {
                config.add("headers", SampleConfigs.headers("X-Team-Token", "tt_" + SampleConfigs.alnum(r, 28)));
            }
            JsonObject cfg = ConfigRules.forCreate(dev.obskit.model.DestinationType.byName(p.type()).orElseThrow(),
                    config.build(), checked()); // fills the defaults, as a create would
            Instant created = jan.plus(Duration.ofDays(7L * i)).plus(Duration.ofMinutes(r.nextInt(600)))
                    .plusMillis(r.nextInt(1000));
            Instant updated = i % 3 == 0 ? created.plus(Duration.ofDays(1 + r.nextInt(20))).plusMillis(r.nextInt(1000)) : created;
            out.add(new StoredDestination(SampleConfigs.uuid(r), ws.get(p.workspace()).id(), p.name(), p.type(),
                    i % 7 != 5, i % 4 == 2, i % 3 == 0, i % 5 == 1, i % 6 == 2,
                    new BigDecimal(RATES[i % RATES.length]), p.regions() == null ? Regions.DEFAULT : p.regions(),
                    i % 5 == 1 ? hashes(r, 1 + i % 3) : null, i % 6 == 3 ? rules(i) : null, cfg, created, updated, null));
        }
        return new Account(ws, out, ws.get(0).id());
    }

    /** Issues that must stay empty: a demo config the sandbox itself would reject is a bug. */
    private static Issues checked() {
        return new Issues() {
            @Override
            void config(String key, String problem) {
                throw new IllegalStateException("invalid demo config: " + key + ": " + problem);
            }
        };
    }

    private static final String[] RATES = {"1", "1", "0.25", "1", "0.5", "0.0001", "1", "0.1"};

    /** Every secret of the demo account (secret config values and header values), to assert none leaks. */
    public static Set<String> secretValues() {
        Set<String> out = new LinkedHashSet<>();
        for (StoredDestination d : build().destinations()) {
            var type = dev.obskit.model.DestinationType.byName(d.type()).orElseThrow();
            d.config().forEach((k, v) -> {
                if (k.equals("headers")) v.asJsonObject().values().forEach(h -> out.add(((JsonString) h).getString()));
                else if (type.isSecret(k) && v instanceof JsonString s) out.add(s.getString());
            });
        }
        return out;
    }

    private static List<String> hashes(Random r, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(SampleConfigs.hex(r, 64));
        return out;
    }

    private static JsonObject rules(int i) {
        JsonObjectBuilder rule1 = JSON.createObjectBuilder().add("field", "model").add("operator", "starts_with").add("value", "anthropic/");
        JsonObjectBuilder rule2 = JSON.createObjectBuilder().add("field", "total_cost").add("operator", "gt").add("value", Jsons.number(new BigDecimal("0.05")));
        JsonObjectBuilder rule3 = JSON.createObjectBuilder().add("field", "user_id").add("operator", "exists");
        return JSON.createObjectBuilder()
                .add("enabled", i % 4 != 1)
                .add("groups", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("logic", "and").add("rules", JSON.createArrayBuilder().add(rule1).add(rule2)))
                        .add(JSON.createObjectBuilder().add("logic", "or").add("rules", JSON.createArrayBuilder().add(rule3))))
                .build();
    }

    private static JsonObject extra(String... kv) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) b.add(kv[i], kv[i + 1]);
        return b.build();
    }

    private static JsonObject withHeaders(JsonObject headers) {
        return JSON.createObjectBuilder().add("headers", headers).build();
    }

    private static List<Plan> plans() {
        JsonObject none = JsonValue.EMPTY_JSON_OBJECT;
        List<String> eu = List.of("europe");
        List<String> us = List.of("us");
        List<String> both = List.of("europe", "us");
        return List.of(
                new Plan("langfuse", "Production Langfuse", 0, none, null),
                new Plan("datadog", "Datadog LLM Observability", 0, none, us),
                new Plan("s3", "Trace archive (S3)", 0, extra("prefix", "prod", "pathTemplate", "{prefix}/{year}/{month}/{day}"), null),
                new Plan("webhook", "Billing webhook", 0, withHeaders(SampleConfigs.headers(
                        "Authorization", "Bearer whsec_3pQm8ZkT2vR7nL0xYc4uJ6aE", "X-Source", "openrouter-broadcast")), null),
                new Plan("otel-collector", "Axiom via OTLP", 0, withHeaders(SampleConfigs.headers(
                        "Authorization", "Bearer xaat-5b1e7c2d-9f04-4a8e-b6d3-71c0e2f9a845", "X-Axiom-Dataset", "openrouter-prod")), both),
                new Plan("sentry", "Sentry errors", 0, none, null),
                new Plan("snowflake", "Snowflake warehouse", 0, extra("database", "ANALYTICS", "warehouse", "LLM_WH"), us),
                new Plan("posthog", "PostHog product analytics", 0, none, null),
                new Plan("newrelic", "New Relic APM", 0, extra("region", "eu"), eu),
                new Plan("grafana", "Grafana Cloud traces", 0, none, null),
                new Plan("arize", "Arize AX", 0, none, null),
                new Plan("braintrust", "Braintrust evals", 0, none, null),
                new Plan("langfuse", "Langfuse EU mirror", 0, extra("baseUrl", "https://cloud.langfuse.com"), eu),
                new Plan("langsmith", "LangSmith production", 0, none, null),
                new Plan("opik", "Opik production evals", 0, none, null),
                new Plan("weave", "W&B Weave production", 0, none, eu),
                new Plan("ramp", "Ramp AI spend", 0, none, null),
                new Plan("clickhouse", "ClickHouse usage warehouse", 0, none, both),
                new Plan("datadog", "Datadog (EU site)", 0, extra("url", "https://api.datadoghq.eu"), eu),
                new Plan("s3", "Compliance archive (S3)", 0, extra("region", "us-east-1"), us),
                new Plan("webhook", "Incident webhook", 0, none, null),
                new Plan("sentry", "Sentry (self-hosted relay)", 0, none, null),
                new Plan("otel-collector", "Grafana Tempo via OTLP", 0, none, null),
                new Plan("posthog", "PostHog EU", 0, extra("endpoint", "https://eu.i.posthog.com"), eu),
                new Plan("newrelic", "New Relic US", 0, none, us),
                new Plan("langfuse", "Langfuse prompt experiments", 0, none, null),
                new Plan("langsmith", "LangSmith staging", 1, none, null),
                new Plan("opik", "Opik experiments", 1, none, null),
                new Plan("weave", "W&B Weave", 1, none, us),
                new Plan("ramp", "Ramp spend tracking", 1, none, null),
                new Plan("clickhouse", "ClickHouse analytics", 1, none, null),
                new Plan("langfuse", "Staging Langfuse", 1, none, null),
                new Plan("webhook", "Staging webhook (PUT)", 1, extra("method", "PUT"), null),
                new Plan("s3", "R2 raw traces", 1, extra("endpoint", "https://5f3c0a9e1b7d.r2.cloudflarestorage.com", "region", "auto"), both),
                new Plan("langfuse", "Research Langfuse (self-hosted)", 2, extra("baseUrl", "https://langfuse.research.example.com"), null),
                new Plan("otel-collector", "Honeycomb OTLP", 2, withHeaders(SampleConfigs.headers(
                        "x-honeycomb-team", "hcaik_01j9x8w7v6u5t4s3r2q1p0n9m8")), us),
                new Plan("datadog", "Datadog EU", 2, extra("url", "https://api.datadoghq.eu"), eu),
                new Plan("clickhouse", "ClickHouse experiments", 2, extra("table", "EVAL_TRACES"), null),
                new Plan("weave", "Weave research", 2, none, null),
                new Plan("sentry", "Sentry research", 2, none, null),
                new Plan("snowflake", "Snowflake research", 2, none, null),
                new Plan("langfuse", "EU Langfuse", 3, extra("baseUrl", "https://cloud.langfuse.com"), eu),
                new Plan("s3", "EU trace archive", 3, extra("region", "eu-central-1"), eu),
                new Plan("webhook", "EU compliance webhook", 3, none, both));
    }
}
