package dev.obskit.plan;

/**
 * One field a change sets: its value before and after, both as display text that is safe to
 * print (secrets already masked by whoever built the change).
 */
public record FieldChange(String field, String before, String after) {}
