package dev.obskit.plan;

import dev.obskit.model.Destination;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which destinations a job touches. Every criterion given must hold; an absent one (null or
 * empty) matches everything.
 *
 * @param types   destination types
 * @param name    a compiled name glob (a null name matches only {@code *})
 * @param ids     destination ids
 * @param enabled required {@code enabled} state
 * @param privacy required {@code privacy_mode} state
 */
public record Selection(Set<String> types, Pattern name, Set<String> ids, Boolean enabled, Boolean privacy)
        implements Predicate<Destination> {

    public static Selection all() {
        return new Selection(Set.of(), null, Set.of(), null, null);
    }

    @Override
    public boolean test(Destination d) {
        if (!types.isEmpty() && !types.contains(d.type())) return false;
        if (!ids.isEmpty() && !ids.contains(d.id())) return false;
        if (enabled != null && d.enabled() != enabled) return false;
        if (privacy != null && d.privacyMode() != privacy) return false;
        if (name != null) return name.matcher(d.name() == null ? "" : d.name()).matches();
        return true;
    }

    /** A short description for messages, e.g. "type in [s3], privacy off". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (!types.isEmpty()) s.append("type in ").append(types.stream().sorted().toList()).append(", ");
        if (name != null) s.append("name matching the pattern, ");
        if (!ids.isEmpty()) s.append(ids.size()).append(" id(s), ");
        if (enabled != null) s.append(enabled ? "enabled" : "disabled").append(", ");
        if (privacy != null) s.append("privacy ").append(privacy ? "on" : "off").append(", ");
        return s.length() == 0 ? "all destinations" : s.substring(0, s.length() - 2);
    }
}
