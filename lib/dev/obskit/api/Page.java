package dev.obskit.api;

import java.util.List;

/** One page of a list call: its items and the server's {@code total_count} (null when omitted). */
public record Page<T>(List<T> items, Integer totalCount) {}
