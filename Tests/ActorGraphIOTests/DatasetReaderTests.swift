import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// The fixture datasets under `Fixtures/datasets/`.
func fixturePath(_ name: String) throws -> String {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/datasets")).path
}

/// The diagnostics reading `text` produces, as `LINE:COLUMN: message` strings.
func problems(_ text: String) -> [String] {
    do {
        _ = try DatasetReader.read(text: text, file: "t.yaml")
        return []
    } catch let error as InputError {
        return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    } catch {
        return ["unexpected \(error)"]
    }
}

let header = """
    sources:
      - {id: s, title: T}
    actors:
      - {id: a, name: Alpha, kind: state}
      - {id: b, name: Beta, kind: person, affiliation: a}
    events:

    """

@Suite struct DatasetReaderTests {
    @Test func readsAValidDatasetWithEveryField() throws {
        let d = try DatasetReader.read(path: try fixturePath("small.yaml"), checkQuotes: true)
        #expect(d.title == "A small test dataset")
        #expect(d.description == "Made up for tests; every quote is in article.txt.")
        #expect(d.sources.count == 1 && d.actors.count == 6 && d.events.count == 4)
        let park = d[d.actorID(named: "Park Jie-won")!]
        #expect(park.roles.first?.title == "director")
        #expect(park.roles.first?.from?.text == "2020-07")
        #expect(park.affiliation.map { d[$0].id } == "nis")
        let statement = d[d.eventID(forID: "e3")!]
        #expect(statement.source.map { d[$0].id } == "yoshihide-suga")
        #expect(statement.participants.map { d[$0].id } == ["yoshihide-suga", "south-korea"]) // target added
        #expect(statement.tone == -2)
        #expect(d[d.eventID(forID: "e2")!].broker.map { d[$0].id } == "moon-jae-in")
        #expect(d[d.eventID(forID: "e1")!].cameo == "040")
        #expect(d[d.eventID(forID: "e4")!].date.precision == .range)
    }

    @Test func reportsEveryProblemWithItsLocation() throws {
        let error = try #require(throws: InputError.self) { try DatasetReader.read(path: try fixturePath("bad.yaml")) }
        let found = error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        let expected = [
            "5:5: unknown key 'colour' in a source",
            "10:9: duplicate actor id 'japan' (first defined at line 7)",
            "13:5: the name or alias 'Japan' of 'suga' also names 'japan'",
            "15:11: unknown actor kind 'persn'",
            "19:11: an event date '2020-13-01' is not a date",
            "20:11: unknown event kind 'meating'",
            "21:26: participant 'nobody' is not an actor id",
            "22:11: expected a tone as a number, found 'high'",
            "24:17: citation source 'articel' is not a source id; did you mean 'article'?",
            "30:16: event 'e2' needs at least one citation",
            "31:9: duplicate event id 'e1' (first defined at line 18)",
            "34:19: expected participants as a list, found 'japan'",
            "35:13: event 'e1' has a source but no target",
        ]
        #expect(found.count == expected.count, "\(found)")
        for (f, e) in zip(found, expected) { #expect(f.hasPrefix(e), "\(f) should start with \(e)") }
        #expect(error.diagnostics.allSatisfy { $0.description.hasPrefix($0.file + ":") && $0.description.contains(": error: ") })
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() {
        let p = problems("sources: [\nactors: {")
        #expect(p.count == 1)
        #expect(p.first?.contains("syntax error") == true)
        #expect(p.first?.hasPrefix("2:") == true || p.first?.hasPrefix("3:") == true, "\(p)")
    }

    @Test(arguments: [
        ("  - {id: e, date: 2020, kind: meeting, participants: [b]}", "is missing required key 'citations'"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [], citations: [{source: s, quote: q}]}", "needs at least one participant"),
        ("  - {id: e, date: '2020-02-30', kind: meeting, participants: [b], citations: [{source: s, quote: q}]}", "is not a date"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], tone: 11, citations: [{source: s, quote: q}]}", "off the Goldstein scale"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], tone: '1', citations: [{source: s, quote: q}]}", "as a number"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], broker: zed, citations: [{source: s, quote: q}]}", "broker 'zed' is not an actor id"),
        (
            "  - {id: e, date: 2020, kind: statement, participants: [b], source: b, target: b, citations: [{source: s, quote: q}]}",
            "same actor as source and target"
        ),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b, b], citations: [{source: s, quote: q}]}", "listed twice"),
        ("  - {id: 'e 1', date: 2020, kind: meeting, participants: [b], citations: [{source: s, quote: q}]}", "must be letters, digits"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], citations: [{source: s, quote: ' '}]}", "the quote is empty"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], citation: [{source: s, quote: q}]}", "did you mean 'citations'"),
        (
            "  - {id: e, date: 2020, kind: meeting, participants: [b], principal: a, citations: [{source: s, quote: q}]}",
            "has a principal but no participating broker"
        ),
        (
            "  - {id: e, date: 2020, kind: meeting, participants: [b], broker: b, principal: b, citations: [{source: s, quote: q}]}",
            "names the broker as its own principal"
        ),
        ("  - [e, 2020]", "expected an event as a mapping"),
    ])
    func eachEventProblemIsLocated(line: String, message: String) {
        let p = problems(header + line)
        #expect(p.contains { $0.hasPrefix("7:") && $0.contains(message) }, "\(p)")
    }

    @Test func checksAffiliationOrderAndCycles() {
        let text = """
            sources: []
            actors:
              - {id: s, name: S, kind: state, affiliation: p}
              - {id: p, name: P, kind: person, affiliation: q}
              - {id: q, name: Q, kind: person}
              - {id: i, name: I, kind: institution, affiliation: j}
              - {id: j, name: J, kind: institution, affiliation: i}
            events: []
            """
        let p = problems(text)
        #expect(p.contains { $0.hasPrefix("3:") && $0.contains("a state has no affiliation") })
        #expect(p.contains { $0.hasPrefix("4:") && $0.contains("not to the person 'q'") })
        #expect(p.contains { $0.contains("leads into a cycle") })
    }

    @Test func readsJSONWithTheSameSchemaAndLocations() throws {
        let good = """
            {"sources": [{"id": "s", "title": "T", "url": null}],
             "actors": [{"id": "a", "name": "Alpha", "kind": "state", "aliases": []}],
             "events": [{"id": "e", "date": "2020-11", "kind": "meeting", "participants": ["a"],
                         "tone": 1.5, "citations": [{"source": "s", "quote": "q"}]}]}
            """
        let d = try DatasetReader.read(text: good, file: "t.json")
        #expect(d.events.first?.tone == 1.5 && d.events.first?.date.text == "2020-11")
        let bad = good.replacingOccurrences(of: "\"tone\": 1.5", with: "\"tone\": \"1.5\"")
            .replacingOccurrences(of: "\"kind\": \"state\"", with: "\"kind\": \"nation\"")
        let p = problems(bad)
        #expect(p.contains { $0.hasPrefix("2:") && $0.contains("unknown actor kind 'nation'") }, "\(p)")
        #expect(p.contains { $0.hasPrefix("4:") && $0.contains("as a number") }, "\(p)")
    }

    @Test func normalisedJSONReadsBackAsTheSameDataset() throws {
        let d = try DatasetReader.read(path: try fixturePath("small.yaml"))
        let text = DatasetJSONWriter.json(d).serialized()
        let again = try DatasetReader.read(text: text, file: "round-trip.json")
        #expect(DatasetJSONWriter.json(again) == DatasetJSONWriter.json(d))
        #expect(again.events == d.events && again.actors == d.actors && again.sources == d.sources)
        #expect(again.title == d.title && again.description == d.description)
    }

    @Test func checksQuotesAgainstTheSourceFile() throws {
        let path = try fixturePath("small.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "Park met Suga in Tokyo.", with: "Park met Suga in Osaka.")
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let error = try #require(throws: InputError.self) {
            try DatasetReader.read(text: text, file: "edited.yaml", quoteDirectory: directory)
        }
        #expect(error.diagnostics.count == 1)
        #expect(error.diagnostics.first?.message.contains("not found verbatim in source 'article'") == true)
        // Without the check the same text is valid.
        #expect(throws: Never.self) { try DatasetReader.read(text: text, file: "edited.yaml") }
    }

    @Test func missingFileIsAnInputErrorWithoutAMeaninglessLocation() {
        #expect { try DatasetReader.read(path: "/nonexistent/x.yaml") } throws: { error in
            (error as? InputError)?.description == "/nonexistent/x.yaml: error: no such file"
        }
    }
}

/// Schema 2: the `schema` version and standing `relations`.
@Suite struct DatasetRelationsTests {
    static let v2 = """
        schema: 2
        sources:
          - {id: s, title: T}
        actors:
          - {id: a, name: Alpha, kind: state}
          - {id: b, name: Beta, kind: person, affiliation: a}
          - {id: c, name: Gamma, kind: person, affiliation: a}
        events: []
        relations:

        """

    @Test func readsRelationsInSchema2() throws {
        let text =
            Self.v2 + """
                  - {id: r1, kind: envoy-of, actors: [b, a], from: 2020-11-09, summary: B goes for A, citations: [{source: s, quote: q}]}
                  - {id: r2, kind: friendship, actors: [c, b], citations: [{source: s, quote: long friends}]}
                """
        let d = try DatasetReader.read(text: text, file: "t.yaml")
        #expect(d.schemaVersion == 2)
        #expect(d.relations.count == 2)
        let envoy = try #require(d.relation(forID: "r1"))
        #expect(envoy.kind == .envoyOf && envoy.kind.isDirected)
        #expect(d[envoy.first].id == "b" && d[envoy.second].id == "a")
        #expect(envoy.from?.text == "2020-11-09" && envoy.to == nil && envoy.summary == "B goes for A")
        #expect(d.relation(forID: "r2")?.citations.first?.quote == "long friends")
        #expect(d.relations(of: d.actorID(forID: "b")!).map(\.id) == ["r1", "r2"])
        #expect(d.relations(of: d.actorID(forID: "b")!, kind: .friendship).map(\.id) == ["r2"])
        #expect(d.relations(of: d.actorID(forID: "a")!, kind: .friendship).isEmpty)
    }

    @Test func aFileWithoutSchemaIsVersion1AndReadsAsBefore() throws {
        let d = try DatasetReader.read(path: try fixturePath("small.yaml"))
        #expect(d.schemaVersion == 1 && d.relations.isEmpty)
        let json = DatasetJSONWriter.json(d).serialized()
        #expect(json.contains("\"schema\""))
        #expect(!json.contains("\"relations\""))
    }

    @Test func relationsNeedSchema2() {
        let text =
            Self.v2.replacingOccurrences(of: "schema: 2\n", with: "") + """
                  - {id: r1, kind: friendship, actors: [b, c], citations: [{source: s, quote: q}]}
                """
        let p = problems(text)
        #expect(p.count == 1, "\(p)")
        #expect(p.first?.hasPrefix("9:") == true && p.first?.contains("relations need 'schema: 2'") == true, "\(p)")
    }

    @Test(arguments: [
        ("schema: 4", "unsupported schema version '4'"), ("schema: 1.5", "unsupported schema version '1.5'"),
        ("schema: two", "expected a schema version as a number"),
    ])
    func unknownSchemaVersionsAreLocated(line: String, message: String) {
        let p = problems(line + "\nsources: []\nactors: []\nevents: []\n")
        #expect(p.count == 1 && p.first?.hasPrefix("1:9:") == true && p.first?.contains(message) == true, "\(p)")
    }

    @Test(arguments: [
        (
            "  - {id: r, kind: enemy, actors: [b, c], citations: [{source: s, quote: q}]}",
            "unknown relation kind 'enemy'; expected one of friendship, membership, envoy-of"
        ),
        ("  - {id: r, kind: friendship, actors: [b], citations: [{source: s, quote: q}]}", "needs exactly two actors, found 1"),
        ("  - {id: r, kind: friendship, actors: [b, c, a], citations: [{source: s, quote: q}]}", "needs exactly two actors, found 3"),
        ("  - {id: r, kind: friendship, actors: [b, b], citations: [{source: s, quote: q}]}", "ties 'b' to itself"),
        ("  - {id: r, kind: membership, actors: [b, zed], citations: [{source: s, quote: q}]}", "relation actor 'zed' is not an actor id"),
        ("  - {id: r, kind: membership, actors: [b, a]}", "is missing required key 'citations'"),
        ("  - {id: r, kind: membership, actors: [b, a], citations: []}", "relation 'r' needs at least one citation"),
        ("  - {id: r, kind: membership, actors: [b, a], citations: [{source: t, quote: q}]}", "citation source 't' is not a source id"),
        (
            "  - {id: r, kind: membership, actors: [b, a], from: 2021, to: 2020, citations: [{source: s, quote: q}]}",
            "relation ends (2020) before it begins (2021)"
        ),
        ("  - {id: r, kind: membership, actors: [b, a], since: 2020, citations: [{source: s, quote: q}]}", "unknown key 'since' in a relation"),
    ])
    func eachRelationProblemIsLocated(line: String, message: String) {
        let p = problems(Self.v2 + line)
        #expect(p.count == 1 && p.first?.hasPrefix("10:") == true && p.first?.contains(message) == true, "\(p)")
    }

    @Test func duplicateRelationIDsAreLocated() {
        let p = problems(
            Self.v2 + """
                  - {id: r, kind: friendship, actors: [b, c], citations: [{source: s, quote: q}]}
                  - {id: r, kind: friendship, actors: [a, c], citations: [{source: s, quote: q}]}
                """)
        #expect(p.count == 1 && p.first?.hasPrefix("11:") == true && p.first?.contains("duplicate relation id 'r' (first defined at line 10)") == true, "\(p)")
    }

    @Test func relationQuotesAreCheckedLikeEventQuotes() throws {
        let directory = URL(fileURLWithPath: try fixturePath("small.yaml")).deletingLastPathComponent()
        let text =
            Self.v2.replacingOccurrences(of: "{id: s, title: T}", with: "{id: s, title: T, file: article.txt}") + """
                  - {id: r, kind: friendship, actors: [b, c], citations: [{source: s, quote: not in the article at all}]}
                """
        let error = try #require(throws: InputError.self) {
            try DatasetReader.read(text: text, file: "t.yaml", quoteDirectory: directory)
        }
        #expect(error.diagnostics.map(\.message) == ["the quote is not found verbatim in source 's'"])
    }

    @Test func normalisedJSONKeepsSchemaAndRelations() throws {
        let d = try DatasetReader.read(
            text: Self.v2 + """
                  - {id: r1, kind: membership, actors: [b, a], from: 2019, to: 2020-05, citations: [{source: s, quote: q}]}
                """, file: "t.yaml")
        let json = DatasetJSONWriter.json(d)
        let again = try DatasetReader.read(text: json.serialized(), file: "round-trip.json")
        #expect(again.schemaVersion == 2 && again.relations == d.relations)
        #expect(DatasetJSONWriter.json(again) == json)
        // An empty schema 2 dataset still writes its (empty) relations and reads back as version 2.
        let empty = try DatasetReader.read(text: "schema: 2\nsources: []\nactors: []\nevents: []\n", file: "e.yaml")
        let text = DatasetJSONWriter.json(empty).serialized()
        #expect(text.contains("\"relations\""))
        #expect(try DatasetReader.read(text: text, file: "e.json").schemaVersion == 2)
    }

    @Test func theCoreModelRefusesInconsistentRelations() throws {
        let actors = [ActorRecord(id: "a", name: "A", kind: .state), ActorRecord(id: "b", name: "B", kind: .state)]
        let tie = RelationRecord(id: "r", kind: .friendship, first: ActorID(0), second: ActorID(1))
        #expect(throws: DatasetError.self) { try Dataset(sources: [], actors: actors, events: [], relations: [tie]) }
        #expect(throws: DatasetError.self) { try Dataset(schemaVersion: 4, sources: [], actors: actors, events: []) }
        var selfTie = tie
        selfTie.second = ActorID(0)
        #expect(throws: DatasetError.self) { try Dataset(schemaVersion: 2, sources: [], actors: actors, events: [], relations: [selfTie]) }
        var dangling = tie
        dangling.second = ActorID(5)
        #expect(throws: DatasetError.self) { try Dataset(schemaVersion: 2, sources: [], actors: actors, events: [], relations: [dangling]) }
        #expect(throws: DatasetError.self) { try Dataset(schemaVersion: 2, sources: [], actors: actors, events: [], relations: [tie, tie]) }
        let d = try Dataset(schemaVersion: 2, sources: [], actors: actors, events: [], relations: [tie])
        #expect(d.relation(forID: "r") == tie && !RelationKind.friendship.isDirected)
    }
}
