package dev.obskit.sandbox;

import jakarta.json.JsonObject;

import java.time.Instant;

/** A workspace of the sandbox account: its wire object (API doc §11) plus the fields used to find and sort it. */
public record SandboxWorkspace(String id, String slug, Instant createdAt, JsonObject json) {
}
