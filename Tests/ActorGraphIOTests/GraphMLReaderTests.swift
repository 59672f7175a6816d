import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// GraphML files written by networkx, read here and compared with what networkx itself reads
/// from the same files (the `.json` beside each fixture).
@Suite("GraphML reader: networkx fixtures")
struct GraphMLFixtureTests {
    static let files = ["karate", "florentine", "multidigraph", "typed", "random_directed"]

    @Test("reads like networkx", arguments: files)
    func readsLikeNetworkx(_ name: String) throws {
        let reference = try NetworkxDescription.load("graphml", name + ".graphml")
        let document = try GraphMLReader.readDocument(path: try fixturePath("graphml", name + ".graphml"))
        let graph = document.graph

        #expect(graph.isDirected == reference.directed)
        #expect(graph.nodeCount == reference.nodeCount)
        #expect(graph.edgeCount == reference.edgeCount)
        #expect(graph.nodeNames == reference.nodes, "node order is networkx's: declared nodes in file order")

        // Node attributes, typed as networkx types them, with GraphML defaults for the rest.
        for node in reference.nodes {
            let id = try #require(graph.node(named: node))
            var expected = reference.nodeDefault.compactMapValues { attributeValue($0) }
            for (key, value) in reference.nodeAttributes[node] ?? [:] { expected[key] = attributeValue(value) }
            for (key, value) in expected {
                #expect(graph.nodeAttribute(key)?[id.index] == value, "node \(node) attribute \(key)")
            }
            for key in graph.nodeAttributeNames where expected[key] == nil {
                #expect(graph.nodeAttribute(key)?[id.index] == nil, "node \(node) has no \(key) in networkx")
            }
        }

        // Edges as multisets: endpoints and every attribute.
        let numeric = Set(graph.edgeColumnNames)
        #expect(canonicalEdges(graph) == canonicalEdges(reference, numericNames: numeric, defaults: reference.edgeDefault))

        // Column sums.
        for (name, sum) in reference.columnSums where sum.isFinite && reference.edgeDefault[name] == nil {
            let column = try #require(graph.edgeColumn(name), "no edge column \(name)")
            let total = column.reduce(0) { $1.isNaN ? $0 : $0 + $1 }
            #expect(abs(total - sum) <= 1e-9 * max(1, abs(sum)), "sum of \(name)")
        }

        // Graph-level data.
        for (key, value) in reference.graphData {
            #expect(document.graphAttributes[key] == attributeValue(value), "graph attribute \(key)")
        }
    }

    @Test func karateWeightsAndClubs() throws {
        let graph = try GraphMLReader.read(path: try fixturePath("graphml", "karate.graphml"))
        let weight = try #require(graph.edgeColumn("weight"))
        #expect(weight.allSatisfy { !$0.isNaN && $0 == $0.rounded() })
        let club = try #require(graph.nodeAttribute("club"))
        #expect(Set(club.compactMap { $0 }) == [.string("Mr. Hi"), .string("Officer")])
        #expect(graph.edgeTextColumnNames.isEmpty)
    }

    @Test func parallelEdgesAndSelfLoopAreKept() throws {
        let graph = try GraphMLReader.read(path: try fixturePath("graphml", "multidigraph.graphml"))
        let seoul = try #require(graph.node(named: "Seoul")), tokyo = try #require(graph.node(named: "Tokyo"))
        let arcs = graph.outNeighbors(of: seoul).nodes.filter { $0 == tokyo }
        #expect(arcs.count == 2)
        #expect(graph.outNeighbors(of: tokyo).nodes.contains(tokyo))
        // networkx writes weight as two keys (long and double): both land in one column.
        #expect(graph.edgeColumnNames == ["weight"])
        #expect(graph.edgeTextColumn("id") == ["0", "1", "0", "0", "0"])
    }

    @Test func typedAttributesAndDefaults() throws {
        let graph = try GraphMLReader.read(path: try fixturePath("graphml", "typed.graphml"))
        let c = try #require(graph.node(named: "c"))
        #expect(graph.nodeAttribute("color")?[c.index] == .string("red"), "default applied")
        #expect(graph.nodeAttribute("size")?[c.index] == .int(1), "default applied")
        let a = try #require(graph.node(named: "a"))
        #expect(graph.nodeAttribute("active")?[a.index] == .bool(true))
        #expect(graph.nodeAttribute("count")?[a.index] == .int(7))
        #expect(graph.nodeAttribute("score")?[a.index] == .double(2.5))
        #expect(graph.nodeAttribute("note")?[a.index] == .string("x < y & \"z\""))
        // Booleans are 0/1 in a numeric column; capacity has a default of 1.0.
        #expect(graph.edgeColumn("secret").map { Array($0) }?.filter { !$0.isNaN }.sorted() == [0, 1])
        #expect(graph.edgeColumn("capacity").map { Array($0) }?.contains(where: \.isNaN) == false)
        #expect(graph.edgeColumn("share")?.contains(.infinity) == true)
        #expect(graph.edgeTextColumn("kind")?.contains("  spaced  ") == true, "string data kept exactly")
    }
}
