import Foundation
import Testing

@testable import ActorGraphIO

/// The diagnostics of reading `text`, as `LINE:COLUMN: message`, with a chosen alias bound.
func problems(_ text: String, visitLimit: Int) -> [String] {
    do {
        _ = try DatasetReader.read(text: text, file: "t.yaml", quoteDirectory: nil, visitLimit: visitLimit)
        return []
    } catch let error as InputError {
        return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    } catch {
        return ["unexpected \(error)"]
    }
}

/// Issue 13, findings 6 and 9 (dataset side): short messages located where the problem is.
@Suite struct DatasetHostileInputTests {
    @Test func aDuplicateYAMLKeyIsLocatedAtTheRepeatAndTheMessageIsShort() throws {
        let long = String(repeating: "x", count: 200_000)
        let text = """
            description: \(long)
            sources:
              - id: s
                title: T
                title: U
            actors: []
            events: []

            """
        let p = problems(text)
        #expect(p == ["5:5: duplicate key 'title' in this mapping (first at line 4, column 5)"])
    }

    @Test func aDuplicateJSONKeyIsLocatedAtTheRepeatAndTheMessageIsShort() throws {
        let long = String(repeating: "y", count: 200_000)
        let text = #"{"description": "\#(long)", "sources": [], "actors": [], "events": [], "sources": []}"#
        let p = problems(text)
        // `{"description": "` is 17 characters, then the value and `", `: the first key is at column
        // 17 + 200,000 + 3 + 1; `"sources": [], "actors": [], "events": [], ` is 43 more.
        let first = 17 + 200_000 + 3 + 1
        #expect(p == ["1:\(first + 43): duplicate key 'sources' in this mapping (first at line 1, column \(first))"])
    }

    @Test func aLongDuplicateKeyIsCut() {
        let key = String(repeating: "k", count: 500)
        let p = problems("sources: []\nactors: []\nevents: []\n\(key): 1\n\(key): 2\n")
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("5:1: duplicate key '\(String(repeating: "k", count: 40))…' in this mapping") == true)
        #expect((p.first?.count ?? 0) < 120)
    }

    @Test func aMergeKeyWithOverridesIsNotADuplicate() throws {
        let text = """
            sources:
              - &base
                id: s1
                title: First
                publisher: P
              - <<: *base
                id: s2
                title: Second
            actors: []
            events: []

            """
        let d = try DatasetReader.read(text: text, file: "t.yaml")
        #expect(d.sources.map(\.id) == ["s1", "s2"])
        #expect(d.sources.map(\.title) == ["First", "Second"])
        #expect(d.sources.map(\.publisher) == ["P", "P"])
    }

    @Test func inAMergeListEarlierMappingsWin() throws {
        let text = """
            sources:
              - &a {id: a, title: A, publisher: PA}
              - &b {id: b, title: B, publisher: PB, url: u}
              - {<<: [*a, *b], id: c}
            actors: []
            events: []

            """
        let d = try DatasetReader.read(text: text, file: "t.yaml")
        let c = try #require(d.sources.last)
        #expect(c.id == "c" && c.title == "A" && c.publisher == "PA" && c.url == "u")
    }

    @Test func aMergeOfANonMappingAndTwoMergeKeysAreErrors() {
        #expect(
            problems("sources:\n  - {<<: x, id: s, title: T}\nactors: []\nevents: []\n")
                == ["2:10: a merge key '<<' takes a mapping or a list of mappings, found 'x'"])
        let two = "b: &b {title: T}\nsources:\n  - <<: *b\n    <<: *b\n    id: s\nactors: []\nevents: []\n"
        #expect(problems(two).first?.contains("only one merge key '<<'") == true)
    }

    /// Fails if the bound is removed: the walk then finishes, with no such diagnostic.
    @Test func boundsAliasExpansion() {
        // 60 events, each the same event with 60 citations: 3,600 citation mappings from 120 aliases.
        let text = HostileYAML.aliasBomb(events: 60, citations: 60)
        let bounded = problems(text, visitLimit: 5_000)
        #expect(bounded.contains { $0.contains("the document expands to more than 5000 nodes through its aliases") })
        // The same file under a bound it stays within: only the repeated id.
        #expect(problems(text, visitLimit: 1_000_000) == ["7:9: duplicate event id 'e' (first defined at line 7)"])
        #expect(NodeWalker.visitLimit == 5_000_000)
    }

    /// The event is on line 7 of `header` + this line; its tone's value starts at column 65.
    @Test func theWalkerStopsAtTheBoundNotOnlyReportsIt() {
        var walker = NodeWalker(file: "t.yaml", visitLimit: 3)
        #expect([walker.visit(), walker.visit(), walker.visit(), walker.visit()] == [true, true, false, false])
        #expect(walker.diagnostics.count == 1)
    }

    @Test func aToneBeyondDoubleIsOutOfRangeNotANonNumber() {
        let text = header + "  - {id: e, date: 2020, kind: meeting, participants: [a], tone: 1e400, citations: [{source: s, quote: q}]}\n"
        #expect(problems(text) == ["7:65: a tone '1e400' is out of range (beyond ±1.8e308)"])
        let inf = header + "  - {id: e, date: 2020, kind: meeting, participants: [a], tone: inf, citations: [{source: s, quote: q}]}\n"
        #expect(problems(inf) == ["7:65: expected a tone as a finite number, found 'inf'"])
    }

    @Test func aNULByteIsLocatedWhereItIs() {
        let text = "sources: []\nactors: []\nevents: []\n# x\u{0}\n"
        #expect(problems(text) == ["4:4: cannot read: control characters are not allowed (U+0000)"])
    }

    @Test func clashingAliasesAreReportedInTheirWrittenOrderEveryTime() {
        let aliases = ["P", "Q", "R", "S", "T", "U", "V", "W"]
        let list = aliases.joined(separator: ", ")
        let text = """
            sources: []
            actors:
              - {id: a, name: A, kind: state, aliases: [\(list)]}
              - {id: b, name: B, kind: state, aliases: [\(list)]}
            events: []

            """
        let expected = aliases.map { "4:5: the name or alias '\($0)' of 'b' also names 'a'" }
        for _ in 0..<3 { #expect(problems(text) == expected) }
    }
}

/// Issue 13, finding 6: no message quotes a huge value whole.
@Suite struct ShortMessageTests {
    @Test func aHugeValueIsCutInEveryMessage() {
        let kind = String(repeating: "k", count: 100_000)
        let text = header + "  - {id: e, date: 2020, kind: \(kind), participants: [a], citations: [{source: s, quote: q}]}\n"
        let p = problems(text)
        #expect(p.count == 1)
        let message = p.first ?? ""
        #expect(message.count < 450)
        #expect(message.hasPrefix("7:31: unknown event kind 'kkkk"))
        #expect(message.hasSuffix("expected one of meeting, statement, dispute, cooperation"))
        #expect(message.contains("characters cut"))
    }

    @Test func shortMessagesAreKeptWhole() {
        let message = String(repeating: "m", count: Diagnostic.messageLimit)
        #expect(Diagnostic(file: "f", line: 1, column: 1, message: message).message == message)
    }
}
