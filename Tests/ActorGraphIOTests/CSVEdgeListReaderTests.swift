import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// CSV edge lists written by Python's csv module, compared with the networkx multigraph built
/// from the same rows (the `.json` beside each fixture).
@Suite("CSV edge-list reader: fixtures")
struct CSVFixtureTests {
    static let files: [(name: String, directed: Bool)] = [
        ("karate", false), ("multidigraph", true), ("tricky", false), ("mixed", false),
    ]

    @Test("reads like networkx", arguments: files)
    func readsLikeNetworkx(_ name: String, _ directed: Bool) throws {
        let reference = try NetworkxDescription.load("csv", name + ".csv")
        let graph = try CSVEdgeListReader.read(path: try fixturePath("csv", name + ".csv"), directed: directed)
        #expect(graph.isDirected == reference.directed)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(graph.nodeNames == reference.nodes, "nodes in order of first appearance, as networkx adds them")
        #expect(graph.edgeColumnNames == (reference.json["numeric_columns"] as? [String] ?? []))
        #expect(graph.edgeTextColumnNames == (reference.json["text_columns"] as? [String] ?? []))
        let numeric = Set(graph.edgeColumnNames)
        #expect(canonicalEdges(graph) == canonicalEdges(reference, numericNames: numeric))
        for (column, sum) in reference.columnSums where sum.isFinite {
            let values = try #require(graph.edgeColumn(column))
            #expect(abs(values.reduce(0) { $1.isNaN ? $0 : $0 + $1 } - sum) <= 1e-9 * max(1, abs(sum)))
        }
    }

    @Test func karateCSVMatchesKarateGraphML() throws {
        let csv = try CSVEdgeListReader.read(path: try fixturePath("csv", "karate.csv"))
        let graphml = try GraphMLReader.read(path: try fixturePath("graphml", "karate.graphml"))
        #expect(canonicalEdges(csv) == canonicalEdges(graphml))
    }

    @Test func quotingBOMAndCRLF() throws {
        let graph = try CSVEdgeListReader.read(path: try fixturePath("csv", "tricky.csv"))
        #expect(graph.nodeNames.first == "Smith, John", "BOM skipped, quoted comma kept")
        #expect(graph.node(named: "O'Brien \"Bull\"") != nil, "doubled quotes undone")
        #expect(graph.node(named: "Line\nBreak") != nil, "newline inside quotes kept")
        #expect(graph.node(named: "서울") != nil)
        #expect(graph.edgeTextColumn("note") == ["met, twice", nil, "summit", "self", "\"quoted\""])
        let weight = try #require(graph.edgeColumn("weight"))
        #expect(weight[2].isNaN, "empty numeric field is nan")
        #expect(Array(weight).filter { !$0.isNaN } == [1, 2.5, -4, 0.001])
    }

    @Test func fromToHeaderAndTextColumn() throws {
        let graph = try CSVEdgeListReader.read(path: try fixturePath("csv", "multidigraph.csv"), directed: true)
        #expect(graph.isDirected)
        #expect(graph.edgeCount == 5)
        let mixed = try CSVEdgeListReader.read(path: try fixturePath("csv", "mixed.csv"))
        #expect(mixed.edgeColumnNames == ["rank"])
        #expect(mixed.edgeTextColumn("code") == ["10", "n/a", "30"], "one non-number makes the whole column text")
    }

    @Test func smallCases() throws {
        func read(_ text: String, directed: Bool = false) throws -> Graph {
            try CSVEdgeListReader.read(data: Data(text.utf8), name: "t.csv", directed: directed)
        }
        // Header only: an empty graph. No trailing newline, blank lines, CR-only line ends.
        #expect(try read("source,target\n").edgeCount == 0)
        let g = try read("TO,From,w\r\n\r\nb,a,1\n\na,a,\rc,b, 2.5 ")
        #expect(g.nodeNames == ["a", "b", "c"])
        #expect(g.edges.map { [g.name(of: $0.source), g.name(of: $0.target)] } == [["a", "b"], ["a", "a"], ["b", "c"]])
        #expect(g.edgeColumn("w").map { $0.map { $0.isNaN ? -1 : $0 } } == [1, -1, 2.5])
        // A column with no values at all is numeric (all nan); names are exact, not trimmed.
        let h = try read("source,target,empty\n a,b,\n")
        #expect(h.edgeColumn("empty")?.count == 1)
        #expect(h.node(named: " a") != nil)
        // nan / inf words are numbers; hexadecimal is text.
        #expect(try read("source,target,x\na,b,NaN\na,b,-inf\n").edgeColumnNames == ["x"])
        #expect(try read("source,target,x\na,b,0x10\n").edgeTextColumnNames == ["x"])
        // Parallel edges stay separate.
        #expect(try read("source,target\na,b\na,b\nb,a\n").edgeCount == 3)
    }
}

/// Every problem the CSV reader reports, with its exact line and column.
@Suite("CSV edge-list reader: errors")
struct CSVErrorTests {
    func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        problems(bytes: Array(text.utf8), sourceLocation: sourceLocation)
    }

    func problems(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try CSVEdgeListReader.read(data: Data(bytes), name: "edges.csv")
            return []
        } catch let error as InputError {
            #expect(error.diagnostics.allSatisfy { $0.file == "edges.csv" }, sourceLocation: sourceLocation)
            return error.diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    @Test func everyRowProblemAtOnce() {
        let csv = #"""
            source,target,weight,note
            a,b,1,ok
            a,b,2
            ,c,3,x
            d,,4,y
            e,f,5,"say ""hi""",extra
            "g" h,i,6,z
            j,k"l,7,w
            m,n,8,"multi
            line",9
            """#
        #expect(
            problems(csv) == [
                "3:1: line 3 has 3 fields, the header has 4",
                "4:1: empty source (column 1, 'source')",
                "5:3: empty target (column 2, 'target')",
                "6:1: line 6 has 5 fields, the header has 4",
                "7:4: text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")",
                "8:4: a quote inside an unquoted field (quote the whole field and write the quote as \"\")",
                "9:1: line 9 has 5 fields, the header has 4",
            ])
    }

    @Test func unterminatedQuoteStopsTheReading() {
        #expect(
            problems("source,target\na,b\nc,\"d\ne,f\n") == [
                "3:3: unterminated quote: the quoted field starting here never ends"
            ])
    }

    @Test(arguments: [
        ("", "1:1: the file is empty; expected a header row naming the source and target columns (e.g. source,target,weight)"),
        ("\n\r\n", "1:1: the file is empty; expected a header row naming the source and target columns (e.g. source,target,weight)"),
        ("a,b\nx,y\n", "1:1: the header has no source column (named 'source' or 'from'); it has 'a', 'b'"),
    ])
    func noHeader(_ text: String, _ expected: String) {
        #expect(problems(text).first == expected)
    }

    @Test func headerProblems() {
        #expect(
            problems("source,weight\na,1\n") == [
                "1:1: the header has no target column (named 'target' or 'to'); it has 'source', 'weight'"
            ])
        #expect(
            problems("from,to,source,w,,w\n") == [
                "1:9: two source columns: 'from' (column 1) and 'source' (column 3)",
                "1:18: column 5 of the header has no name; every column needs one",
                "1:19: column name 'w' appears twice in the header (columns 4 and 6)",
            ])
    }

    @Test func semicolonSeparatedFilesGetAHint() {
        #expect(
            problems("source;target\na;b\n") == [
                "1:1: the header has no source column (named 'source' or 'from'); it has 'source;target' (fields must be separated by commas)",
                "1:1: the header has no target column (named 'target' or 'to'); it has 'source;target' (fields must be separated by commas)",
            ])
    }

    @Test func locationsCountCharactersAndSkipTheBOM() {
        #expect(
            problems(bytes: [0xEF, 0xBB, 0xBF] + Array("source,target\r\n서울,\r\n".utf8)) == [
                "2:4: empty target (column 2, 'target')"
            ])
        #expect(
            problems(bytes: Array("source,target\na,".utf8) + [0xFF] + Array("\n".utf8)) == [
                "2:3: invalid UTF-8 (byte 0xFF); save the file as UTF-8"
            ])
    }

    @Test func tooManyProblemsStop() {
        let rows = String(repeating: ",x\n", count: 150)
        let found = problems("source,target\n" + rows)
        #expect(found.count == CSVEdgeListParser.diagnosticLimit + 1)
        #expect(found.last == "102:1: too many problems (more than 100); stopped reading here")
    }

    @Test func missingFileIsAFileError() {
        #expect(throws: FileError(.notFound, path: "/nonexistent/edges.csv", reason: "no such file")) {
            try CSVEdgeListReader.read(path: "/nonexistent/edges.csv")
        }
    }
}
