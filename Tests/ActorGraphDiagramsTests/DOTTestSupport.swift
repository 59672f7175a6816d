import ActorGraphCore
import ActorGraphDiagrams
import ActorGraphIO
import Foundation
import Testing

/// The clone's root folder (the seed dataset is `Graphs/korea-japan-2020.yaml` below it).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small Korea-Japan dataset built in code: two states, institutions, people, all four event
/// kinds, a broker.
func smallDataset() throws -> Dataset {
    let actors = [
        ActorRecord(id: "japan", name: "Japan", kind: .state),
        ActorRecord(id: "south-korea", name: "South Korea", kind: .state),
        ActorRecord(id: "yoshihide-suga", name: "Yoshihide Suga", kind: .person, affiliation: ActorID(0)),
        ActorRecord(id: "moon-jae-in", name: "Moon Jae-in", kind: .person, aliases: ["Moon"], affiliation: ActorID(1)),
        ActorRecord(id: "nis", name: "National Intelligence Service", kind: .institution, affiliation: ActorID(1)),
        ActorRecord(id: "park-jie-won", name: "Park Jie-won", kind: .person, affiliation: ActorID(4)),
        ActorRecord(id: "supreme-court", name: "Supreme Court of Korea", kind: .institution, affiliation: ActorID(1)),
        ActorRecord(id: "nippon-steel", name: "Nippon Steel", kind: .institution, affiliation: ActorID(0)),
        ActorRecord(id: "unused", name: "Nobody In Particular", kind: .person),
    ]
    func date(_ s: String) -> EventDate { EventDate(s)! }
    let events = [
        EventRecord(
            id: "e-ruling", date: date("2018-10-30"), kind: .dispute, subtype: "court ruling",
            participants: [ActorID(6), ActorID(7)], source: ActorID(6), target: ActorID(7)),
        EventRecord(
            id: "e-call", date: date("2020-09-24"), kind: .meeting, subtype: "phone call",
            participants: [ActorID(2), ActorID(3)]),
        EventRecord(
            id: "e-visit", date: date("2020-11-10"), kind: .meeting, subtype: "visit",
            participants: [ActorID(5), ActorID(2)], broker: ActorID(4)),
        EventRecord(
            id: "e-letter", date: date("2020-11"), kind: .statement,
            participants: [ActorID(3), ActorID(2)], source: ActorID(3), target: ActorID(2)),
        EventRecord(
            id: "e-aid", date: date("2020-03/2020-04"), kind: .cooperation,
            participants: [ActorID(0), ActorID(1)]),
    ]
    return try Dataset(title: "Korea-Japan (test)", sources: [], actors: actors, events: events)
}

/// Compares `text` with the golden file `Fixtures/DOT/<name>`, or records it when the
/// environment sets `RECORD_SNAPSHOTS=1`.
func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/DOT/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(name); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == golden, "differs from golden \(name); re-record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
}
