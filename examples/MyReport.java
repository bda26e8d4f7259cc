///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION A user's own report on top of the obskit library: per workspace, how many destinations
//DESCRIPTION are live, disabled, and sending prompts in clear (privacy mode off).
//
// The library comes from the obskit catalog, so this file can live anywhere. Once:
//   jbang catalog add --name obskit https://raw.githubusercontent.com/<org>/obskit/main/jbang-catalog.json
// then:
//   jbang MyReport.java --sandbox      # the embedded sandbox's demo account
//   jbang MyReport.java                # OpenRouter, key from OPENROUTER_MANAGEMENT_KEY
//SOURCES obskit@obskit

import dev.obskit.api.ApiException;
import dev.obskit.api.Clients;
import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;
import dev.obskit.model.Workspace;

import java.util.List;

public class MyReport {
    public static void main(String[] args) {
        boolean sandbox = List.of(args).contains("--sandbox");
        try (ObsClient client = sandbox ? Clients.sandbox() : Clients.fromEnvironment()) {
            report(client);
        } catch (RuntimeException e) {
            // no key, a rejected key, the network: one readable line, not a stack trace
            System.err.println("ERROR: " + e.getMessage());
            System.exit(e instanceof ApiException.AuthenticationException || e instanceof ApiException.PermissionException
                    || e instanceof IllegalStateException ? 4 : 1);
        }
    }

    static void report(ObsClient client) {
        System.out.printf("%-16s %5s %5s %8s %10s%n", "workspace", "total", "live", "disabled", "in clear");
        for (Workspace w : client.workspaces().toList()) {
            List<Destination> all = client.destinations(w.id()).toList();
            long disabled = all.stream().filter(d -> !d.enabled()).count();
            long inClear = all.stream().filter(d -> d.enabled() && !d.privacyMode()).count();
            System.out.printf("%-16s %5d %5d %8d %10d%n", w.slug(), all.size(), all.size() - disabled, disabled, inClear);
        }
    }
}
