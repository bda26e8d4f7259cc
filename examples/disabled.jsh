// Which destinations are switched off, and since when?
client.allDestinations().filter(d -> !d.enabled())
        .forEach(d -> System.out.printf("%s  %-16s %-32s updated %s%n", d.id(), d.type(), d.name(), d.updatedAt()));
