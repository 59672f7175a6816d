import ActorGraphCore

/// A small dataset built in code: two states, an intelligence service, three people.
///
/// moon (south-korea) -- park (nis -> south-korea) -- suga (japan); kato (japan) speaks about south-korea.
func envoyDataset() throws -> Dataset {
    let sources = [SourceRecord(id: "a", title: "An article")]
    let actors = [
        ActorRecord(id: "south-korea", name: "South Korea", kind: .state, aliases: ["Seoul"]),
        ActorRecord(id: "japan", name: "Japan", kind: .state, aliases: ["Tokyo"]),
        ActorRecord(
            id: "nis", name: "National Intelligence Service", kind: .institution, aliases: ["NIS"],
            affiliation: ActorID(0)),
        ActorRecord(id: "moon-jae-in", name: "Moon Jae-in", kind: .person, aliases: ["Moon"], affiliation: ActorID(0)),
        ActorRecord(
            id: "park-jie-won", name: "Park Jie-won", kind: .person, affiliation: ActorID(2),
            roles: [Role(title: "director", organization: ActorID(2), from: EventDate("2020-07"))]),
        ActorRecord(id: "yoshihide-suga", name: "Yoshihide Suga", kind: .person, aliases: ["Suga"], affiliation: ActorID(1)),
        ActorRecord(id: "katsunobu-kato", name: "Katsunobu Kato", kind: .person, affiliation: ActorID(1)),
    ]
    func event(
        _ id: String, _ date: String, _ kind: EventKind, _ people: [Int], tone: Double?,
        source: Int? = nil, target: Int? = nil, broker: Int? = nil
    ) -> EventRecord {
        EventRecord(
            id: id, date: EventDate(date)!, kind: kind, participants: people.map(ActorID.init),
            source: source.map(ActorID.init), target: target.map(ActorID.init), broker: broker.map(ActorID.init),
            tone: tone, citations: [Citation(source: SourceID(0), quote: "q")])
    }
    let events = [
        event("brief", "2020-11-05", .meeting, [3, 4], tone: 1),
        event("visit", "2020-11-10", .meeting, [4, 5], tone: 2, broker: 3),
        event("kato", "2020-11-13", .statement, [6, 0], tone: -2, source: 6, target: 0),
        event("again", "2020-12", .meeting, [5, 4], tone: 3),
        event("trilateral", "2021-01-15", .meeting, [3, 4, 5], tone: nil),
        event("old", "2014", .dispute, [0, 1], tone: -5, source: 1, target: 0),
    ]
    return try Dataset(title: "envoy", sources: sources, actors: actors, events: events)
}
