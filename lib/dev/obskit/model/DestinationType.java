package dev.obskit.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.obskit.model.ConfigKey.optional;
import static dev.obskit.model.ConfigKey.required;
import static dev.obskit.model.ConfigKey.secret;

/**
 * The 17 stable destination types and their {@code config} keys (API doc §4). The set is open on
 * the client side: a type not listed here is carried through untouched, only never validated.
 */
public record DestinationType(String name, List<ConfigKey> keys) {

    /** Every type also accepts an optional {@code headers} map; its values may carry credentials. */
    public static final String HEADERS = "headers";

    private static final Map<String, DestinationType> TYPES = new LinkedHashMap<>();

    static {
        define("arize", secret("apiKey"), secret("spaceKey"), required("modelId"),
                optional("baseUrl", "https://otlp.arize.com"));
        define("braintrust", secret("apiKey"), required("projectId"),
                optional("baseUrl", "https://api.braintrust.dev"));
        define("clickhouse", required("host"), required("database"), required("username"), secret("password"),
                optional("table", "OPENROUTER_TRACES"));
        define("datadog", secret("apiKey"), required("mlApp"), optional("url", "https://api.us5.datadoghq.com"));
        define("grafana", secret("apiKey"), required("instanceId"),
                optional("baseUrl", "https://otlp-gateway-prod-us-west-0.grafana.net"));
        define("langfuse", secret("secretKey"), secret("publicKey"), optional("baseUrl", "https://us.cloud.langfuse.com"));
        define("langsmith", secret("apiKey"), optional("endpoint", "https://api.smith.langchain.com"),
                optional("project", "main"), optional("workspaceId"));
        define("newrelic", secret("licenseKey"), optional("region", "us").oneOf("us", "eu"));
        define("opik", secret("apiKey"), required("workspace"), required("projectName"));
        define("otel-collector", required("endpoint").allowingEmpty());
        define("posthog", secret("apiKey"), optional("endpoint", "https://us.i.posthog.com"));
        define("ramp", secret("apiKey"), optional("baseUrl", "https://api.ramp.com/developer/v1/ai-usage/openrouter"));
        define("s3", required("bucketName"), secret("accessKeyId"), secret("secretAccessKey"),
                optional("sessionToken").asSecret(), optional("region"), optional("endpoint"),
                optional("prefix", "openrouter-traces"), optional("pathTemplate", "{prefix}/{date}"));
        define("sentry", required("dsn").asSecret()
                        .matching("^https:\\/\\/([^:@]+)(?::[^@]*)?@([^/]+)(?:\\/[^/]+)*\\/(\\d+)\\/?$"),
                required("otlpEndpoint"));
        define("snowflake", required("account").matching("^[a-zA-Z0-9_]+(?:[.-][a-zA-Z0-9_]+)*$").maxLength(255),
                secret("token"), optional("database", "SNOWFLAKE_LEARNING_DB"), optional("schema", "PUBLIC"),
                optional("table", "OPENROUTER_TRACES"), optional("warehouse", "COMPUTE_WH"));
        define("weave", secret("apiKey"), required("entity"), required("project"),
                optional("baseUrl", "https://trace.wandb.ai"));
        define("webhook", required("url"), optional("method", "POST").oneOf("POST", "PUT"));
    }

    private static void define(String name, ConfigKey... keys) {
        TYPES.put(name, new DestinationType(name, List.of(keys)));
    }

    /** The 17 stable types, in the API doc's order. */
    public static List<DestinationType> all() {
        return List.copyOf(TYPES.values());
    }

    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    public static Optional<DestinationType> byName(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public Optional<ConfigKey> key(String keyName) {
        return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    /** Whether a config value under this key is a credential (the headers map counts as one). */
    public boolean isSecret(String keyName) {
        return HEADERS.equals(keyName) || key(keyName).map(ConfigKey::secret).orElse(false);
    }

    public List<ConfigKey> secretKeys() {
        return keys.stream().filter(ConfigKey::secret).toList();
    }
}
