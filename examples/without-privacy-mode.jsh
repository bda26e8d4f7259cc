// Which destinations receive prompts and completions in clear (privacy mode off)?
client.allDestinations().filter(d -> !d.privacyMode())
        .forEach(d -> System.out.printf("%s  %-16s %s%n", d.id(), d.type(), d.name()));
