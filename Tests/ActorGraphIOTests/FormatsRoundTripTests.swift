import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Shared by the format tests: the seed dataset, its views, and graph equality.
enum FormatsSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seedPath = root.appendingPathComponent("Graphs/korea-japan-2020.yaml").path

    static func seed() throws -> Dataset { try DatasetReader.read(path: seedPath) }

    /// The views `scripts/reference/formats_interop.py` writes: the options of `edges`.
    static func view(_ name: String, of dataset: Dataset) -> Graph {
        var options = ProjectionOptions()
        if name == "layers" { options.separateLayers = true }
        return EventProjection(dataset, options: options).graph
    }

    /// Differences between two graphs, everything included: direction, node names in order,
    /// node attributes with their types, edges in order, numeric columns (`nan` = missing),
    /// text columns and events. Empty when equal.
    static func differences(_ a: Graph, _ b: Graph, numericNodeTypesLoose: Bool = false) -> [String] {
        var out: [String] = []
        if a.isDirected != b.isDirected { out.append("direction \(a.isDirected) vs \(b.isDirected)") }
        if a.nodeNames != b.nodeNames { out.append("node names \(a.nodeNames.prefix(5)) vs \(b.nodeNames.prefix(5))") }
        if a.nodeAttributeNames != b.nodeAttributeNames { out.append("node attributes \(a.nodeAttributeNames) vs \(b.nodeAttributeNames)") }
        for name in a.nodeAttributeNames where b.nodeAttribute(name) != nil {
            let x = a.nodeAttribute(name)!, y = b.nodeAttribute(name)!
            for i in x.indices where i < y.count {
                let same = numericNodeTypesLoose && x[i]?.number != nil ? x[i]?.number == y[i]?.number : x[i] == y[i]
                if !same { out.append("node \(a.nodeNames[i]) \(name): \(String(describing: x[i])) vs \(String(describing: y[i]))") }
            }
        }
        if a.edges != b.edges { out.append("edge endpoints differ") }
        let numericA = a.edgeColumnNames.filter { a.edgeColumn($0)!.contains { !$0.isNaN } }
        let numericB = b.edgeColumnNames.filter { b.edgeColumn($0)!.contains { !$0.isNaN } }
        if numericA != numericB { out.append("edge columns \(numericA) vs \(numericB)") }
        for name in numericA where b.edgeColumn(name) != nil {
            let x = a.edgeColumn(name)!, y = b.edgeColumn(name)!
            for e in x.indices where e < y.count && !(x[e] == y[e] || (x[e].isNaN && y[e].isNaN)) {
                out.append("edge \(e) \(name): \(x[e]) vs \(y[e])")
            }
        }
        if a.edgeTextColumnNames != b.edgeTextColumnNames { out.append("text columns \(a.edgeTextColumnNames) vs \(b.edgeTextColumnNames)") }
        for name in a.edgeTextColumnNames where b.edgeTextColumn(name) != nil && a.edgeTextColumn(name)! != b.edgeTextColumn(name)! {
            out.append("text column \(name) differs")
        }
        for e in 0..<min(a.edgeCount, b.edgeCount) where a.edgeEvents(EdgeID(e)) != b.edgeEvents(EdgeID(e)) {
            out.append("edge \(e) events \(a.edgeEvents(EdgeID(e))) vs \(b.edgeEvents(EdgeID(e)))")
        }
        return out
    }

    /// A graph with the awkward parts: parallel edges, a self-loop, an isolated node, texts a
    /// spreadsheet would run, commas, quotes, line breaks, non-ASCII, typed node attributes,
    /// negative and infinite numbers, missing values, events.
    static func awkward(directed: Bool) -> Graph {
        var b = GraphBuilder(directed: directed)
        let a = b.addNode("a"), minus = b.addNode("-minus"), quote = b.addNode("'=quoted"), korea = b.addNode("한국, \"Korea\"")
        b.addNode("isolated")
        b.setNodeAttribute(a, "rank", .int(3))
        b.setNodeAttribute(minus, "rank", .int(-7))
        b.setNodeAttribute(a, "score", .double(0.25))
        b.setNodeAttribute(korea, "score", .double(-1.5))
        b.setNodeAttribute(a, "active", .bool(true))
        b.setNodeAttribute(quote, "active", .bool(false))
        b.setNodeAttribute(a, "label", .string("@home\nsecond line"))
        b.setNodeAttribute(korea, "label", .string("+82"))
        let e0 = b.addEdge(from: a, to: minus, weight: 2, events: ["e1", "e2"])
        let e1 = b.addEdge(from: a, to: minus, weight: 0.5, events: ["e3"])
        let e2 = b.addEdge(from: korea, to: korea, weight: -3, events: [])
        let e3 = b.addEdge(from: quote, to: a, weight: .infinity, events: ["e4"])
        b.setEdgeAttribute(e0, "tone", -2.5)
        b.setEdgeAttribute(e2, "tone", 7)
        b.setEdgeText(e1, "note", "=SUM(A1:A2)")
        b.setEdgeText(e3, "note", "tab\tand, comma")
        _ = e2
        return b.build()
    }
}

@Suite struct FormatsRoundTripTests {
    static let views = ["all", "layers"]

    @Test(arguments: views)
    func graphMLKeepsEveryPartOfTheSeedGraph(view: String) throws {
        let graph = FormatsSupport.view(view, of: try FormatsSupport.seed())
        let text = try GraphMLWriter.string(for: EventsColumn.exposing(graph))
        let back = EventsColumn.absorbing(try GraphMLReader.read(data: Data(text.utf8)))
        #expect(FormatsSupport.differences(graph, back) == [])
    }

    @Test(arguments: views, NodeLinkWriter.EdgesKey.allCases)
    func nodeLinkKeepsEveryPartOfTheSeedGraph(view: String, key: NodeLinkWriter.EdgesKey) throws {
        let graph = FormatsSupport.view(view, of: try FormatsSupport.seed())
        let text = NodeLinkWriter.string(for: graph, edgesKey: key)
        #expect(text.contains("\"\(key.rawValue)\": ["))
        let back = try NodeLinkReader.read(data: Data(text.utf8))
        #expect(FormatsSupport.differences(graph, back) == [])
    }

    @Test(arguments: views)
    func csvKeepsEveryPartOfTheSeedGraph(view: String) throws {
        let graph = FormatsSupport.view(view, of: try FormatsSupport.seed())
        let files = try CSVGraphWriter.files(for: graph)
        let back = try CSVGraphReader.read(edges: Data(files.edges.utf8), nodes: Data(files.nodes.utf8))
        #expect(FormatsSupport.differences(graph, back) == [])
    }

    @Test(arguments: [false, true])
    func awkwardValuesSurviveNodeLink(directed: Bool) throws {
        let graph = FormatsSupport.awkward(directed: directed)
        let text = NodeLinkWriter.string(for: graph)
        #expect(text.contains("\"multigraph\": true"), "a parallel edge makes a multigraph")
        let back = try NodeLinkReader.read(data: Data(text.utf8))
        // JSON has no infinity: the infinite weight is left out, as networkx could not read it.
        var differences = FormatsSupport.differences(graph, back)
        differences.removeAll { $0 == "edge 3 weight: inf vs nan" }
        #expect(differences == [])
    }

    @Test(arguments: [false, true])
    func awkwardValuesSurviveCSV(directed: Bool) throws {
        let graph = FormatsSupport.awkward(directed: directed)
        let files = try CSVGraphWriter.files(for: graph)
        // Neutralised for spreadsheets: texts that start a formula get a quote; numbers do not.
        #expect(files.nodes.contains("'-minus"))
        #expect(files.nodes.contains("''=quoted"))
        #expect(files.edges.contains("'=SUM(A1:A2)"))
        #expect(files.edges.contains(",-2.5,") || files.edges.contains(",-2.5\n"))
        let back = try CSVGraphReader.read(edges: Data(files.edges.utf8), nodes: Data(files.nodes.utf8), directed: directed)
        #expect(FormatsSupport.differences(graph, back) == [])
    }

    @Test(arguments: [false, true])
    func awkwardValuesSurviveGraphML(directed: Bool) throws {
        let graph = FormatsSupport.awkward(directed: directed)
        let back = EventsColumn.absorbing(try GraphMLReader.read(data: Data(try GraphMLWriter.string(for: EventsColumn.exposing(graph)).utf8)))
        #expect(FormatsSupport.differences(graph, back) == [])
    }

    @Test func csvCellRuleIsTheOneTheReaderUndoes() {
        for text in ["-x", "'-x", "''=y", "=1+2", "@a", "\tt", "+", "plain", "'plain", "-2.5", "+3", "1e5", ""] {
            #expect(CSVCell.unneutralised(CSVCell.neutralised(text)) == text, "\(text)")
        }
        #expect(CSVCell.neutralised("-2.5") == "-2.5")
        #expect(CSVCell.neutralised("-x") == "'-x")
        #expect(CSVCell.field("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(CSVCell.field("line\r\nbreak") == "\"line\r\nbreak\"")
    }

    @Test(arguments: DatasetCanonicalWriter.Format.allCases)
    func canonicalDatasetIsAFixedPoint(format: DatasetCanonicalWriter.Format) throws {
        let dataset = try FormatsSupport.seed()
        let once = DatasetCanonicalWriter.string(for: dataset, format: format)
        let reread = try DatasetReader.read(text: once, file: "canonical.\(format.rawValue)")
        let twice = DatasetCanonicalWriter.string(for: reread, format: format)
        #expect(once == twice, "writing the reread dataset gives the same bytes")
        // Nothing is lost: the reread dataset is the original, record for record.
        #expect(reread.actors == dataset.actors)
        #expect(reread.events == dataset.events)
        #expect(reread.sources == dataset.sources)
        #expect(reread.title == dataset.title && reread.description == dataset.description)
        #expect(reread.schemaVersion == dataset.schemaVersion)
        #expect(!dataset.relations.isEmpty, "the seed has schema 2 relations, so they are checked here")
        #expect(reread.relations == dataset.relations)
        #expect(once.contains(format == .yaml ? "\nschema: 2\n" : "\"schema\": 2"))
    }

    @Test func canonicalYAMLQuotesWhatYAMLWouldMisread() throws {
        let source = SourceRecord(id: "s", title: "null", publisher: "yes", date: EventDate("2020"), url: "http://x.org/a#b: c")
        let actors = [
            ActorRecord(
                id: "a", name: "- dash", kind: .person, aliases: ["x, y", "[z]", "true"],
                description: "line\nbreak \u{7} bell"),
            ActorRecord(id: "b", name: "Kim  Double space", kind: .state),
        ]
        let event = EventRecord(
            id: "e", date: EventDate("2020-11-13")!, kind: .meeting, participants: [ActorID(0), ActorID(1)],
            tone: -2.5, summary: "#hash: colon", citations: [Citation(source: SourceID(0), quote: "\"quoted\" 'single'")])
        let dataset = try Dataset(title: "T: a title", sources: [source], actors: actors, events: [event])
        let text = DatasetCanonicalWriter.string(for: dataset, format: .yaml)
        let back = try DatasetReader.read(text: text, file: "awkward.yaml")
        #expect(back.actors == dataset.actors)
        #expect(back.events == dataset.events)
        #expect(back.sources == dataset.sources)
        #expect(back.title == dataset.title)
        #expect(DatasetCanonicalWriter.string(for: back, format: .yaml) == text)
    }
}
