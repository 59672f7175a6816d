import Testing

@testable import ActorGraphCore

/// EventAttributes against a dictionary, the model it replaces: the same answers after the
/// same random edits, and events that compare and hash alike when their dictionaries do.
@Suite("Event attributes and id indexes")
struct EventAttributesTests {
    static let names = ["weight", "QuadClass", "AvgTone", "a", "Z", "é", "e\u{301}x", "NumMentions", "", "zz"]

    static func value(_ rng: inout SplitMix64) -> AttributeValue {
        switch rng.next() % 4 {
        case 0: .int(Int(rng.next() % 100) - 50)
        case 1: .double(Double(rng.next() % 1000) / 8)
        case 2: .bool(rng.next() % 2 == 0)
        default: .string(names[Int(rng.next() % UInt64(names.count))])
        }
    }

    @Test("Random edits read back as a dictionary's", arguments: 0..<20)
    func editsMatchDictionary(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var model: [String: AttributeValue] = [:]
        var attributes = EventAttributes()
        for _ in 0..<60 {
            let name = Self.names[Int(rng.next() % UInt64(Self.names.count))]
            let value: AttributeValue? = rng.next() % 4 == 0 ? nil : Self.value(&rng)
            model[name] = value
            attributes[name] = value
            #expect(attributes.count == model.count)
            for n in Self.names { #expect(attributes[n] == model[n]) }
            #expect(attributes.map(\.key) == model.keys.sorted())
            #expect(attributes.dictionary == model)
            #expect(EventAttributes(model) == attributes)
            #expect(EventAttributes(model).hashValue == attributes.hashValue)
        }
    }

    @Test func literalsAndSharedNamesAgree() {
        let literal: EventAttributes = ["QuadClass": .int(1), "AvgTone": .double(2.5), "weight": .int(3)]
        let shared = EventAttributes(sortedKeys: ["AvgTone", "QuadClass", "weight"], values: [.double(2.5), .int(1), .int(3)])
        #expect(literal == shared && literal.hashValue == shared.hashValue)
        #expect(literal["AvgTone"] == .double(2.5) && literal["NumSources"] == nil)
        #expect(literal != ["QuadClass": .int(1), "AvgTone": .double(2.5)])
        #expect(literal.mapValues { $0.number ?? -1 } == ["QuadClass": 1, "AvgTone": 2.5, "weight": 3])
        var removed = literal
        removed["weight"] = nil
        #expect(removed.map(\.key) == ["AvgTone", "QuadClass"] && !removed.isEmpty && EventAttributes().isEmpty)
    }

    /// Dataset's id indexes (IDIndex) find what a dictionary finds and report the same first
    /// duplicate, canonically equivalent spellings included ("é" and "e" + combining acute).
    @Test("Event and source ids indexed as a dictionary would", arguments: 0..<10)
    func idIndexMatchesDictionary(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let pool = (0..<300).map { "e\($0)" } + ["\u{e9}", "e\u{301}", "gdelt-200254851999", ""]
        let count = Int(rng.next() % 200) + 1
        let ids = (0..<count).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }
        var model: [String: Int] = [:]
        var firstDuplicate: String?
        for (i, id) in ids.enumerated() where firstDuplicate == nil {
            if model.updateValue(i, forKey: id) != nil { firstDuplicate = id }
        }
        let actors = [ActorRecord(id: "a", name: "A", kind: .person)]
        let sources = ids.map { SourceRecord(id: $0, title: "t") }
        let events = ids.map { EventRecord(id: $0, date: EventDate("2020")!, kind: .meeting, participants: [ActorID(0)]) }
        for build in [{ try Dataset(sources: sources, actors: actors, events: []) }, { try Dataset(sources: [], actors: actors, events: events) }] {
            do {
                let dataset = try build()
                #expect(firstDuplicate == nil)
                for id in pool {
                    let position = dataset.events.isEmpty ? dataset.sourceID(forID: id)?.index : dataset.eventID(forID: id)?.index
                    #expect(position == model[id], "\(id)")
                }
            } catch let error as DatasetError {
                #expect(error.code == .duplicateID && firstDuplicate != nil && error.message.hasSuffix("id '\(firstDuplicate!)'"))
            }
        }
    }
}
