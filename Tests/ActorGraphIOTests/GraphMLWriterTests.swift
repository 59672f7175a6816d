import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// A random multigraph with awkward names and attributes of every kind: parallel edges,
/// self-loops, isolated nodes, names and text needing XML escapes (quotes, `&`, `<`, tabs,
/// line breaks, carriage returns, leading and trailing spaces, non-ASCII), missing values,
/// `nan`/`inf`, integers and fractions, and a node attribute of mixed types.
func randomAttributedGraph(seed: UInt64) -> Graph {
    var rng = SplitMix64(seed: seed)
    let pieces = ["a", "B", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "서울", "é", "🙂", ",", "0", "]]>", "&amp;"]
    func text(_ maxLength: Int) -> String {
        (0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
    var builder = GraphBuilder(directed: Bool.random(using: &rng))
    let n = Int.random(in: 0...25, using: &rng)
    for i in 0..<n { builder.addNode(Bool.random(using: &rng) ? "n\(i)" : "n\(i)" + text(4)) }
    let m = n == 0 ? 0 : Int.random(in: 0...60, using: &rng)
    for _ in 0..<m {
        let s = NodeID(Int.random(in: 0..<n, using: &rng))
        let t = Bool.random(using: &rng) && Int.random(in: 0..<6, using: &rng) == 0 ? s : NodeID(Int.random(in: 0..<n, using: &rng))
        let e = builder.addEdge(from: s, to: t)
        if Int.random(in: 0..<4, using: &rng) > 0 {
            builder.setEdgeAttribute(e, "weight", Double(Int.random(in: -5...100, using: &rng)))
        }
        if Bool.random(using: &rng) {
            let choices: [Double] = [.nan, .infinity, -.infinity, 0.1, -0.0, 1e-300, 123456.789, Double.random(in: -1...1, using: &rng)]
            builder.setEdgeAttribute(e, "tone", choices.randomElement(using: &rng)!)
        }
        if Bool.random(using: &rng) { builder.setEdgeText(e, "label", text(5)) }
        if Int.random(in: 0..<3, using: &rng) == 0 { builder.setEdgeText(e, "id", "e" + text(2)) }
    }
    for i in 0..<n where Bool.random(using: &rng) {
        let value: AttributeValue
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: value = .int(Int.random(in: Int.min...Int.max, using: &rng))
        case 1: value = .double([0.5, -2.25e-7, .infinity, 1e300].randomElement(using: &rng)!)
        case 2: value = .bool(Bool.random(using: &rng))
        default: value = .string(text(6))
        }
        builder.setNodeAttribute(NodeID(i), "mixed", value)
        if Bool.random(using: &rng) { builder.setNodeAttribute(NodeID(i), "club", .string(text(3))) }
    }
    return builder.build()
}

/// Whether two graphs hold the same nodes, edges and attributes (a column with no values
/// equals an absent column; `nan` equals `nan`).
func expectSameGraph(_ a: Graph, _ b: Graph, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.isDirected == b.isDirected, "\(what): directedness", sourceLocation: sourceLocation)
    #expect(a.nodeNames == b.nodeNames, "\(what): nodes", sourceLocation: sourceLocation)
    #expect(a.edges == b.edges, "\(what): edges", sourceLocation: sourceLocation)
    func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
    for name in Set(a.edgeColumnNames).union(b.edgeColumnNames) {
        let x = a.edgeColumn(name) ?? ContiguousArray(repeating: .nan, count: a.edgeCount)
        let y = b.edgeColumn(name) ?? ContiguousArray(repeating: .nan, count: b.edgeCount)
        #expect(x.count == y.count && zip(x, y).allSatisfy(same), "\(what): edge column \(name)", sourceLocation: sourceLocation)
    }
    for name in Set(a.edgeTextColumnNames).union(b.edgeTextColumnNames) {
        let x = a.edgeTextColumn(name) ?? Array(repeating: nil, count: a.edgeCount)
        let y = b.edgeTextColumn(name) ?? Array(repeating: nil, count: b.edgeCount)
        #expect(x == y, "\(what): edge text column \(name)", sourceLocation: sourceLocation)
    }
    for name in Set(a.nodeAttributeNames).union(b.nodeAttributeNames) {
        let x = a.nodeAttribute(name) ?? Array(repeating: nil, count: a.nodeCount)
        let y = b.nodeAttribute(name) ?? Array(repeating: nil, count: b.nodeCount)
        #expect(x == y, "\(what): node attribute \(name)", sourceLocation: sourceLocation)
    }
}

@Suite("GraphML writer")
struct GraphMLWriterTests {
    @Test("writer then reader gives the same graph", arguments: 0..<60)
    func roundTrip(seed: UInt64) throws {
        let graph = randomAttributedGraph(seed: seed)
        let text = try GraphMLWriter.string(for: graph)
        let back = try GraphMLReader.read(data: Data(text.utf8), name: "seed\(seed).graphml")
        expectSameGraph(graph, back, "seed \(seed)")
    }

    @Test("networkx fixtures survive writing and reading", arguments: GraphMLFixtureTests.files)
    func fixturesRoundTrip(_ name: String) throws {
        let document = try GraphMLReader.readDocument(path: try fixturePath("graphml", name + ".graphml"))
        let text = try GraphMLWriter.string(for: document)
        let back = try GraphMLReader.readDocument(data: Data(text.utf8))
        expectSameGraph(document.graph, back.graph, name)
        #expect(back.graphAttributes == document.graphAttributes)
        #expect(back.graphID == document.graphID)
    }

    @Test func writesWhatNetworkxWrites() throws {
        var builder = GraphBuilder(directed: false)
        let e = builder.addEdge(from: "a", to: "b", weight: 4)
        builder.setEdgeText(e, "kind", "x < y")
        builder.setNodeAttribute(builder.node(named: "a")!, "club", .string("Mr. Hi"))
        let text = try GraphMLWriter.string(for: GraphMLDocument(graph: builder.build(), graphAttributes: ["name": .string("g")]))
        #expect(
            text == """
                <?xml version='1.0' encoding='utf-8'?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
                  <key id="d0" for="graph" attr.name="name" attr.type="string" />
                  <key id="d1" for="node" attr.name="club" attr.type="string" />
                  <key id="d2" for="edge" attr.name="weight" attr.type="long" />
                  <key id="d3" for="edge" attr.name="kind" attr.type="string" />
                  <graph edgedefault="undirected">
                    <node id="a">
                      <data key="d1">Mr. Hi</data>
                    </node>
                    <node id="b" />
                    <edge source="a" target="b">
                      <data key="d2">4</data>
                      <data key="d3">x &lt; y</data>
                    </edge>
                    <data key="d0">g</data>
                  </graph>
                </graphml>

                """)
    }

    @Test func controlCharactersAreRefused() {
        var builder = GraphBuilder(directed: true)
        builder.addNode("bell\u{07}")
        #expect(throws: ExportError(.unrepresentableCharacter, "node 'bell\u{07}' holds the character U+7, which XML 1.0 cannot represent")) {
            try GraphMLWriter.string(for: builder.build())
        }
    }

    @Test func writesFilesAtomically() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("graphml-\(UUID().uuidString).graphml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let graph = randomAttributedGraph(seed: 99)
        try GraphMLWriter.write(graph, to: path)
        expectSameGraph(graph, try GraphMLReader.read(path: path), "file")
    }
}
