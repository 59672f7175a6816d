import ActorGraphCore
import Testing

@Suite struct DatasetTests {
    @Test func looksActorsUpByIdNameAndAlias() throws {
        let d = try envoyDataset()
        #expect(d.actorID(named: "moon-jae-in") == ActorID(3))
        #expect(d.actorID(named: "Moon Jae-in") == ActorID(3))
        #expect(d.actorID(named: "moon jae in") == ActorID(3))
        #expect(d.actorID(named: "MOON") == ActorID(3))
        #expect(d.actorID(named: "Tokyo") == ActorID(1))
        #expect(d.actorID(named: "Abe") == nil)
        #expect(d.actorID(forID: "Moon") == nil)
        #expect(d.eventID(forID: "visit") == EventID(1))
        #expect(d.sourceID(forID: "a") == SourceID(0))
        #expect(d.suggestions(for: "yoshihide suga", limit: 1) == ["yoshihide-suga"])
        #expect(d.dateSpan?.first.description == "2014-01-01")
        #expect(d.dateSpan?.last.description == "2021-01-15")
    }

    @Test func rejectsInconsistentRecords() throws {
        let s = [SourceRecord(id: "a", title: "t")]
        let twins = [ActorRecord(id: "x", name: "X", kind: .state), ActorRecord(id: "x", name: "Y", kind: .state)]
        #expect(throws: DatasetError.self) { try Dataset(sources: s, actors: twins, events: []) }
        let sharedAlias = [
            ActorRecord(id: "x", name: "X", kind: .state, aliases: ["Kim"]),
            ActorRecord(id: "y", name: "Y", kind: .person, aliases: ["kim"]),
        ]
        #expect { try Dataset(sources: s, actors: sharedAlias, events: []) } throws: { error in
            (error as? DatasetError)?.code == .ambiguousName
        }
        let dangling = [EventRecord(id: "e", date: EventDate("2020")!, kind: .meeting, participants: [ActorID(5)])]
        #expect { try Dataset(sources: s, actors: [twins[0]], events: dangling) } throws: { error in
            (error as? DatasetError)?.code == .unknownReference
        }
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("same", "same") == 0)
    }
}
