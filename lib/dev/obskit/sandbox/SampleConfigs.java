package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Random;

/**
 * Realistic, fake {@code config} objects for each of the 17 types, drawn from a seeded random so
 * that the demo and generated accounts are the same every time. Every secret is 20+ characters,
 * so it always shows in the masked {@code abcd...wxyz} form.
 */
final class SampleConfigs {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private SampleConfigs() {}

    /** A valid config of {@code type}; {@code label} (lowercase, dash-separated) personalises names. */
    static JsonObjectBuilder forType(String type, String label, Random r) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        return switch (type) {
            case "arize" -> b.add("apiKey", "ak-" + alnum(r, 40)).add("spaceKey", "U3BhY2U6" + alnum(r, 16))
                    .add("modelId", label + "-tracing");
            case "braintrust" -> b.add("apiKey", "sk-" + alnum(r, 48)).add("projectId", "proj_" + hex(r, 12));
            case "clickhouse" -> b.add("host", "https://" + hex(r, 8) + ".eu-west-1.aws.clickhouse.cloud:8443")
                    .add("database", label.replace('-', '_')).add("username", "openrouter_writer")
                    .add("password", alnum(r, 24));
            case "datadog" -> b.add("apiKey", hex(r, 32)).add("mlApp", label);
            case "grafana" -> b.add("apiKey", "glc_" + alnum(r, 56)).add("instanceId", Integer.toString(100000 + r.nextInt(900000)));
            case "langfuse" -> b.add("secretKey", "sk-lf-" + uuid(r)).add("publicKey", "pk-lf-" + uuid(r));
            case "langsmith" -> b.add("apiKey", "lsv2_pt_" + hex(r, 32) + "_" + hex(r, 10)).add("project", label);
            case "newrelic" -> b.add("licenseKey", hex(r, 36) + "NRAL");
            case "opik" -> b.add("apiKey", alnum(r, 32)).add("workspace", label).add("projectName", label + "-traces");
            case "otel-collector" -> b.add("endpoint", "https://otel-" + hex(r, 6) + ".example.internal:4318");
            case "posthog" -> b.add("apiKey", "phc_" + alnum(r, 43));
            case "ramp" -> b.add("apiKey", "rmp_" + alnum(r, 40));
            case "s3" -> b.add("bucketName", label + "-llm-traces").add("accessKeyId", "AKIA" + upperAlnum(r, 16))
                    .add("secretAccessKey", alnum(r, 40)).add("region", "us-east-1");
            case "sentry" -> b.add("dsn", "https://" + hex(r, 32) + "@o" + (100000 + r.nextInt(900000))
                            + ".ingest.us.sentry.io/" + (1000000 + r.nextInt(9000000)))
                    .add("otlpEndpoint", "https://o" + (100000 + r.nextInt(900000)) + ".ingest.us.sentry.io/api/0/otlp");
            case "snowflake" -> b.add("account", "xy" + (10000 + r.nextInt(90000)) + ".us-east-1")
                    .add("token", "ver:1-hint:" + (1000 + r.nextInt(9000)) + "-" + alnum(r, 48));
            case "weave" -> b.add("apiKey", hex(r, 40)).add("entity", label + "-team").add("project", label);
            case "webhook" -> b.add("url", "https://hooks." + label + ".example.com/openrouter/" + hex(r, 8));
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    static String alnum(Random r, int n) {
        return pick(r, ALNUM, n);
    }

    static String hex(Random r, int n) {
        return pick(r, HEX, n);
    }

    private static String upperAlnum(Random r, int n) {
        return pick(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
    }

    static String uuid(Random r) {
        return new java.util.UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private static String pick(Random r, String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return s.toString();
    }

    static JsonObject headers(String... nameValue) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        for (int i = 0; i < nameValue.length; i += 2) b.add(nameValue[i], nameValue[i + 1]);
        return b.build();
    }
}
