import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// A quote-free CSV file is read in stretches on several threads and joined: the graph, and the
/// problems of a bad file, must be those of reading it in one stretch, for any number of them.
@Suite("CSV edge lists read in stretches")
struct CSVStretchTests {
    /// A random quote-free edge list: names that are small integers, large integers, codes with
    /// leading zeros and words; a numeric and a text column; LF and CRLF line breaks and blank lines.
    static func randomFile(seed: UInt64, rows: Int, bad: Bool) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        func name() -> String {
            switch generator.next() % 4 {
            case 0: return String(generator.next() % 300)
            case 1: return String(generator.next() % 5_000_000_000)
            case 2: return "0" + String(generator.next() % 40)
            default: return ["moon", "suga", "biden", "abe-shinzo-long-name", "東京"][Int(generator.next() % 5)]
            }
        }
        var text = "source,target,weight,kind\n"
        for r in 0..<rows {
            let weight = generator.next() % 9 == 0 ? "" : String(Double(generator.next() % 10_000) / 100)
            let kind = r == rows / 2 ? "meeting" : String(generator.next() % 3) // text from the middle on
            var row = "\(name()),\(name()),\(weight),\(kind)"
            if bad && generator.next() % 50 == 0 { row += ",extra" }
            if bad && generator.next() % 70 == 0 { row = ",\(name()),1,x" }
            text += row + (generator.next() % 5 == 0 ? "\r\n" : "\n")
            if generator.next() % 40 == 0 { text += "\n" }
        }
        return Array(text.utf8)
    }

    static func read(_ bytes: [UInt8], stretches: Int?) -> Result<Graph, InputError> {
        var parser = CSVEdgeListParser(bytes: bytes, file: "s.csv")
        parser.stretchCount = stretches
        do { return .success(try parser.graph(directed: false)) } catch let error as InputError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(InputError(file: "s.csv", "unexpected"))
        }
    }

    @Test(arguments: [1, 2, 3])
    func stretchesReadTheSameGraph(seed: UInt64) throws {
        let bytes = Self.randomFile(seed: seed, rows: 3_000, bad: false)
        let one = try Self.read(bytes, stretches: 1).get()
        #expect(one.edgeCount == 3_000)
        for parts in [2, 3, 7, 64] {
            let many = try Self.read(bytes, stretches: parts).get()
            #expect(many.nodeNames == one.nodeNames, "\(parts) stretches")
            #expect(many.edges == one.edges, "\(parts) stretches")
            #expect(many.origin == one.origin, "\(parts) stretches: lines")
            #expect(many.edgeColumn("weight")?.map(\.bitPattern) == one.edgeColumn("weight")?.map(\.bitPattern))
            #expect(many.edgeTextColumn("kind") == one.edgeTextColumn("kind"))
        }
        // Lines are the file's: the first edge is on line 2, the last one on the last non-blank line.
        let lines = try #require(one.origin?.edgeLines)
        // Bytes, not characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let fileLines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let lastRow = fileLines.lastIndex { !$0.isEmpty && Array($0) != [UInt8(ascii: "\r")] }
        #expect(lines.first == 2)
        #expect(lines.last.map(Int.init) == lastRow.map { $0 + 1 })
    }

    @Test(arguments: [4, 5])
    func stretchesReportTheSameProblems(seed: UInt64) throws {
        let bytes = Self.randomFile(seed: seed, rows: 6_000, bad: true)
        guard case .failure(let one) = Self.read(bytes, stretches: 1) else {
            Issue.record("the bad file was read")
            return
        }
        #expect(one.diagnostics.count == CSVEdgeListParser.diagnosticLimit + 1)
        for parts in [2, 5, 16] {
            guard case .failure(let many) = Self.read(bytes, stretches: parts) else {
                Issue.record("the bad file was read in \(parts) stretches")
                continue
            }
            #expect(many.diagnostics.map(\.description) == one.diagnostics.map(\.description), "\(parts) stretches")
        }
    }
}
