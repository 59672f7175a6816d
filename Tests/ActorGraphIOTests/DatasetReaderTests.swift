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
        #expect(statement.participants.map { d[$0].id } == ["yoshihide-suga", "south-korea"])  // target added
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
        ("  - {id: e, date: 2020, kind: statement, participants: [b], source: b, target: b, citations: [{source: s, quote: q}]}", "same actor as source and target"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b, b], citations: [{source: s, quote: q}]}", "listed twice"),
        ("  - {id: 'e 1', date: 2020, kind: meeting, participants: [b], citations: [{source: s, quote: q}]}", "must be letters, digits"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], citations: [{source: s, quote: ' '}]}", "the quote is empty"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], citation: [{source: s, quote: q}]}", "did you mean 'citations'"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], principal: a, citations: [{source: s, quote: q}]}", "has a principal but no participating broker"),
        ("  - {id: e, date: 2020, kind: meeting, participants: [b], broker: b, principal: b, citations: [{source: s, quote: q}]}", "names the broker as its own principal"),
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
