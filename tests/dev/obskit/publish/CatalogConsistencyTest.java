package dev.obskit.publish;

import dev.obskit.json.Jsons;
import dev.obskit.testing.Project;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library entry file is what a remote user compiles: it must list every library source (JBang
 * drops globs from URLs) and pin the same dependency versions the Maven build tests.
 */
class CatalogConsistencyTest {
    final Path root = Project.root();

    @Test
    void entryFileListsEveryLibrarySourceAndNothingElse() throws IOException {
        Set<String> listed = directives("//SOURCES").stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual;
        Path lib = root.resolve("lib");
        try (Stream<Path> files = Files.walk(lib.resolve("dev"))) {
            actual = files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> lib.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertFalse(actual.isEmpty());
        assertEquals(actual, listed, "lib/Obskit.java //SOURCES must list exactly the files under lib/dev");
        assertTrue(listed.stream().noneMatch(s -> s.contains("*")), "no globs: they vanish when fetched from a URL");
    }

    @Test
    void entryFileDepsMatchThePom() throws IOException {
        Map<String, String> deps = new LinkedHashMap<>();
        for (String gav : directives("//DEPS")) {
            String[] parts = gav.split(":");
            assertEquals(3, parts.length, "group:artifact:version expected: " + gav);
            deps.put(parts[0] + ":" + parts[1], parts[2]);
        }
        Map<String, String> pom = compileDependencies();
        assertEquals(pom, deps, "//DEPS in lib/Obskit.java and compile dependencies in pom.xml must match");
    }

    @Test
    void everyAliasPointsAtAnExistingScriptWithADescription() throws IOException {
        JsonObject aliases = Jsons.parseObject(Files.readString(root.resolve("jbang-catalog.json"))).getJsonObject("aliases");
        assertTrue(aliases.keySet().containsAll(List.of("obs-export", "obs-sandbox", "obskit")), aliases.keySet()::toString);
        for (String name : aliases.keySet()) {
            JsonObject alias = aliases.getJsonObject(name);
            Path script = root.resolve(alias.getString("script-ref"));
            assertTrue(Files.isRegularFile(script), name + " -> " + script);
            assertFalse(alias.getString("description", "").isBlank(), name + " has no description");
            String text = Files.readString(script);
            assertTrue(text.contains("//JAVA 17+") || script.toString().endsWith(".jsh"), name + " keeps //JAVA 17+");
        }
    }

    private List<String> directives(String prefix) throws IOException {
        return Files.readAllLines(root.resolve("lib/Obskit.java")).stream()
                .filter(l -> l.startsWith(prefix + " "))
                .map(l -> l.substring(prefix.length()).trim())
                .toList();
    }

    /** group:artifact to version of the pom's compile-scope dependencies, properties resolved. */
    private Map<String, String> compileDependencies() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        Map<String, String> props = new LinkedHashMap<>();
        Matcher pm = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>").matcher(pom);
        while (pm.find()) props.put(pm.group(1), pm.group(2));
        Map<String, String> out = new LinkedHashMap<>();
        Matcher dm = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        while (dm.find()) {
            String d = dm.group(1);
            if (d.contains("<scope>test</scope>")) continue;
            String version = tag(d, "version");
            if (version.startsWith("${")) version = props.get(version.substring(2, version.length() - 1));
            out.put(tag(d, "groupId") + ":" + tag(d, "artifactId"), version);
        }
        return out;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).trim() : "";
    }
}
