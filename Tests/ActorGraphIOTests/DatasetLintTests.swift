import ActorGraphCore
import ActorGraphIO
import Foundation
import Testing

/// `DatasetLint`'s rules on small hand-made datasets: each warning fires where it should, is
/// located at the value it is about, and stays silent otherwise.
@Suite struct DatasetLintTests {
    /// The warnings of a dataset written as YAML, as `LINE:COLUMN: message`.
    func warnings(_ text: String) throws -> [String] {
        let dataset = try DatasetReader.read(text: text, file: "t.yaml")
        let found = try DatasetLint.warnings(for: dataset, text: text, file: "t.yaml")
        #expect(found.allSatisfy { $0.severity == .warning && $0.description.hasPrefix("t.yaml:") && $0.description.contains(": warning: ") })
        return found.map { "\($0.line):\($0.column): \($0.message)" }
    }

    static let header = """
        sources:
          - {id: s, title: T}
        actors:
          - {id: a, name: Alpha, kind: state}
          - {id: b, name: Beta, kind: state}
        events:

        """

    /// One event of `kind` coded `code`; the warning, if any, sits on line 7 at the code.
    @Test(arguments: [
        // A meeting or cooperation with a conflict code.
        ("meeting", "125", "is a meeting, but CAMEO 125 (Reject proposal to meet, discuss, or negotiate) is verbal conflict (QuadClass 3)"),
        ("meeting", "173", "is a meeting, but CAMEO 173 (Arrest, detain, or charge with legal action) is material conflict (QuadClass 4)"),
        ("cooperation", "111", "is a cooperation, but CAMEO 111 (Criticize or denounce) is verbal conflict (QuadClass 3)"),
        ("cooperation", "163", "is a cooperation, but CAMEO 163 (Impose embargo, boycott, or sanctions) is material conflict (QuadClass 4)"),
        // A dispute with a cooperation code.
        ("dispute", "042", "is a dispute, but CAMEO 042 (Make a visit) is verbal cooperation (QuadClass 1)"),
        ("dispute", "061", "is a dispute, but CAMEO 061 (Cooperate economically) is material cooperation (QuadClass 2)"),
        // A meeting coded as a statement or an intent.
        ("meeting", "010", "is a meeting, but CAMEO 010 (Make statement, not specified below) is a public statement, not contact"),
        ("meeting", "036", "is a meeting, but CAMEO 036 (Express intent to meet or negotiate) is an intent, not contact"),
        // Codes outside the table.
        ("statement", "21", "'21' is not a CAMEO code"),
        ("statement", "0499", "CAMEO code 0499 is not in the CAMEO table"),
    ])
    func kindsThatContradictTheirCodeAreWarned(kind: String, code: String, message: String) throws {
        let w = try warnings(Self.header + "  - {id: e, date: 2020, kind: \(kind), participants: [a, b], cameo: '\(code)', citations: [{source: s, quote: q}]}")
        #expect(w.count == 1, "\(w)")
        #expect(w.first?.hasPrefix("7:") == true && w.first?.contains("event 'e'") == true && w.first?.contains(message) == true, "\(w)")
        // Located at the code itself (the opening quote of its value).
        let line = "  - {id: e, date: 2020, kind: \(kind), participants: [a, b], cameo: '\(code)'"
        #expect(w.first?.hasPrefix("7:\(line.count - code.count - 1):") == true, "\(w)")
    }

    /// Kinds that agree with their code, statements with any code, and events without a code.
    @Test(arguments: [
        ("meeting", "040"), ("meeting", "046"), ("cooperation", "057"), ("cooperation", "050"), ("cooperation", "094"),
        ("dispute", "111"), ("dispute", "1711"), ("statement", "125"), ("statement", "036"), ("statement", "061"),
    ])
    func kindsThatAgreeWithTheirCodeAreSilent(kind: String, code: String) throws {
        #expect(
            try warnings(Self.header + "  - {id: e, date: 2020, kind: \(kind), participants: [a, b], cameo: '\(code)', citations: [{source: s, quote: q}]}")
                .isEmpty)
        #expect(try warnings(Self.header + "  - {id: e, date: 2020, kind: \(kind), participants: [a, b], citations: [{source: s, quote: q}]}").isEmpty)
    }

    @Test func anAliasThatIsAWordOfAnotherNameIsWarnedAtTheAlias() throws {
        let text = """
            sources: []
            actors:
              - {id: south-korea, name: South Korea, kind: state, aliases: [Seoul, Korea, ROK]}
              - {id: north-korea, name: North Korea, kind: state}
              - {id: park-jie-won, name: Park Jie-won, kind: person,
                 aliases: [Park, Mr. Park]}
              - {id: park-geun-hye, name: Park Geun-hye, kind: person}
              - {id: seoul-district-court, name: Seoul district court, kind: institution, affiliation: south-korea}
            events: []
            """
        let w = try warnings(text)
        #expect(
            w == [
                "3:72: the alias 'Korea' of 'south-korea' is also a word of the name 'North Korea' of 'north-korea'; as a name it is ambiguous (use a fuller alias, or none)",
                "6:16: the alias 'Park' of 'park-jie-won' is also a word of the name 'Park Geun-hye' of 'park-geun-hye'; as a name it is ambiguous (use a fuller alias, or none)",
            ], "\(w)")
    }

    @Test(arguments: [
        // Case and surrounding punctuation do not hide a clash.
        ("[park]", "Park Geun-hye", true),
        ("['Park,']", "Park Geun-hye", true),
        ("[Park]", "(Park) Geun-hye", true),
        // Part of a hyphenated word, a possessive or a longer word is not a whole word.
        ("[Jie]", "Park Jie-won", false),
        ("[Nikai]", "Nikai's LDP faction", false),
        ("[Par]", "Park Geun-hye", false),
        // Multi-word aliases are not checked (a fuller alias is the cure).
        ("[Park Jie]", "Park Jie kim", false),
    ])
    func wholeWordsOnly(aliases: String, otherName: String, warned: Bool) throws {
        let text = """
            sources: []
            actors:
              - {id: x, name: Xavier Someone, kind: person, aliases: \(aliases)}
              - {id: y, name: "\(otherName)", kind: person}
            events: []
            """
        #expect(try !warnings(text).isEmpty == warned)
    }

    /// An institution named after the actor it belongs to, even through a chain of affiliations,
    /// is not a clash; the same name without the affiliation is.
    @Test func institutionsNamedAfterTheirOwnActorAreNotClashes() throws {
        let text = """
            sources: []
            actors:
              - {id: korea, name: South Korea, kind: state, aliases: [Seoul]}
              - {id: mofa, name: Foreign Ministry, kind: institution, affiliation: korea}
              - {id: court, name: Seoul district court, kind: institution, affiliation: mofa}
            events: []
            """
        #expect(try warnings(text).isEmpty)
        let unaffiliated = text.replacingOccurrences(of: ", affiliation: mofa}", with: "}")
        #expect(try warnings(unaffiliated).count == 1)
    }

    /// Locations come from the file: JSON works like YAML.
    @Test func warningsInJSONAreLocatedToo() throws {
        let text = """
            {"sources": [{"id": "s", "title": "T"}],
             "actors": [{"id": "a", "name": "Alpha", "kind": "state"}],
             "events": [{"id": "e", "date": "2020", "kind": "meeting", "participants": ["a"],
                         "cameo": "036", "citations": [{"source": "s", "quote": "q"}]}]}
            """
        let dataset = try DatasetReader.read(text: text, file: "t.json")
        let w = try DatasetLint.warnings(for: dataset, text: text, file: "t.json")
        #expect(w.map { "\($0.line):\($0.column)" } == ["4:23"], "\(w)")
    }
}
