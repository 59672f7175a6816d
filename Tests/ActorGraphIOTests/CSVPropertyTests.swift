import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Random edge lists written with RFC 4180 quoting (as Python's csv module writes them) and the
/// spreadsheet formula neutralisation of text fields read back exactly, whatever the names hold.
@Suite("CSV edge-list reader: properties")
struct CSVPropertyTests {
    /// The writer's side of the neutralisation rule: a text that is `'`* then `=`, `+`, `-`, `@`,
    /// tab or CR gets one more `'` in front.
    static func neutralised(_ field: String) -> String {
        let rest = field.unicodeScalars.drop { $0 == "'" }
        guard let first = rest.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    static func quoted(_ text: String) -> String {
        let field = neutralised(text)
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.isEmpty
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    @Test("written rows read back exactly", arguments: 0..<40)
    func roundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let pieces = ["a", "Z", " ", ",", "\"", "\"\"", "\n", "\r\n", "서울", "🙂", "'", "\t", "0", "-1.5", "x,y", "=", "@", "+", "\r"]
        func name() -> String {
            (0..<Int.random(in: 1...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        let rows = Int.random(in: 0...40, using: &rng)
        let lineEnd = Bool.random(using: &rng) ? "\r\n" : "\n"
        var text = (Bool.random(using: &rng) ? "\u{FEFF}" : "") + "weight,Source,note,TARGET" + lineEnd
        var expected: [(String, String, Double, String?)] = []
        for _ in 0..<rows {
            let s = name(), t = Bool.random(using: &rng) ? name() : s
            let w = Double(Int.random(in: -1000...1000, using: &rng)) / 8
            let note: String? = Bool.random(using: &rng) ? name() : nil
            expected.append((s, t, w, note))
            text += [String(w), Self.quoted(s), note.map(Self.quoted) ?? "", Self.quoted(t)].joined(separator: ",") + lineEnd
        }
        let graph = try CSVEdgeListReader.read(data: Data(text.utf8), name: "seed\(seed).csv", directed: true)
        #expect(graph.edgeCount == rows)
        #expect(graph.edges.map { graph.name(of: $0.source) } == expected.map(\.0))
        #expect(graph.edges.map { graph.name(of: $0.target) } == expected.map(\.1))
        if rows > 0 {
            #expect(graph.edgeColumn("weight").map(Array.init) == expected.map(\.2))
            let notes = expected.map(\.3)
            if notes.contains(where: { $0 != nil }) {
                // A note may look like a number ("0", "-1.5"); then the whole column is numeric.
                if let text = graph.edgeTextColumn("note") {
                    #expect(text == notes)
                } else {
                    let numbers = try #require(graph.edgeColumn("note"))
                    #expect(numbers.map { $0.isNaN ? nil : $0 } == notes.map { $0.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } })
                }
            }
        }
    }
}

@Test("readers are safe to use from many tasks at once")
func concurrentReading() async throws {
    let graphml = try fixturePath("graphml", "karate.graphml")
    let csv = try fixturePath("csv", "karate.csv")
    let expected = canonicalEdges(try GraphMLReader.read(path: graphml))
    try await withThrowingTaskGroup(of: [String].self) { group in
        for i in 0..<16 {
            group.addTask {
                canonicalEdges(i % 2 == 0 ? try GraphMLReader.read(path: graphml) : try CSVEdgeListReader.read(path: csv))
            }
        }
        for try await edges in group { #expect(edges == expected) }
    }
}
