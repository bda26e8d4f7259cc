package dev.obskit.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One key of a destination type's {@code config}, as the API doc §4 describes it.
 *
 * @param name         camelCase key as sent on the wire
 * @param required     required on create
 * @param defaultValue filled in by the server when omitted on create, or null
 * @param secret       returned masked by the API
 * @param allowEmpty   a required string that may be empty (otel-collector {@code endpoint})
 * @param pattern      a pattern the value must match, or null
 * @param allowed      allowed values of an enum, or empty
 * @param maxLength    maximum length, or 0 for none
 */
public record ConfigKey(String name, boolean required, String defaultValue, boolean secret,
                        boolean allowEmpty, Pattern pattern, List<String> allowed, int maxLength) {

    public static ConfigKey required(String name) {
        return new ConfigKey(name, true, null, false, false, null, List.of(), 0);
    }

    public static ConfigKey secret(String name) {
        return new ConfigKey(name, true, null, true, false, null, List.of(), 0);
    }

    public static ConfigKey optional(String name) {
        return new ConfigKey(name, false, null, false, false, null, List.of(), 0);
    }

    public static ConfigKey optional(String name, String defaultValue) {
        return new ConfigKey(name, false, defaultValue, false, false, null, List.of(), 0);
    }

    public ConfigKey asSecret() {
        return new ConfigKey(name, required, defaultValue, true, allowEmpty, pattern, allowed, maxLength);
    }

    public ConfigKey allowingEmpty() {
        return new ConfigKey(name, required, defaultValue, secret, true, pattern, allowed, maxLength);
    }

    public ConfigKey matching(String regex) {
        return new ConfigKey(name, required, defaultValue, secret, allowEmpty, Pattern.compile(regex), allowed, maxLength);
    }

    public ConfigKey oneOf(String... values) {
        return new ConfigKey(name, required, defaultValue, secret, allowEmpty, pattern, List.of(values), maxLength);
    }

    public ConfigKey maxLength(int max) {
        return new ConfigKey(name, required, defaultValue, secret, allowEmpty, pattern, allowed, max);
    }
}
