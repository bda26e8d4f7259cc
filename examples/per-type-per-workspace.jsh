// How many destinations of each type does each workspace have? (The API allows 5 per type per workspace.)
client.workspaces().forEach(w -> client.destinations(w.id())
        .collect(groupingBy(Destination::type, TreeMap::new, counting()))
        .forEach((type, n) -> System.out.printf("%-14s %-16s %d%n", w.slug(), type, n)));
