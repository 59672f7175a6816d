import ActorGraphCore
import Foundation
import Testing

/// A fixture computed by a reference tool (networkx, igraph, R sna) and stored as JSON by a
/// script under `scripts/reference/`. Shape:
///
/// ```json
/// {"tool": {"networkx": "3.6.1", ...},
///  "graph": {"name": "karate", "directed": false,
///            "nodes": ["0", "1", ...],
///            "edges": [{"source": "0", "target": "1", "weight": 4.0, ...}, ...],
///            "node_attributes": {"0": {"club": "Mr. Hi"}, ...}},
///  "results": {...}}
/// ```
/// Every numeric edge member other than `source`/`target` becomes an edge column; every node
/// attribute becomes a node attribute.
struct ReferenceFixture {
    let json: [String: Any]
    let graph: Graph

    /// Loads `Fixtures/<name>.json` from the test bundle.
    static func load(_ name: String) throws -> ReferenceFixture {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "fixture \(name).json is missing")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        let json = try #require(object as? [String: Any])
        let g = try #require(json["graph"] as? [String: Any], "fixture \(name) has no graph")
        return ReferenceFixture(json: json, graph: try buildGraph(g))
    }

    static func buildGraph(_ g: [String: Any]) throws -> Graph {
        var builder = GraphBuilder(directed: g["directed"] as? Bool ?? false)
        for node in g["nodes"] as? [Any] ?? [] { builder.addNode("\(node)") }
        for case let edge as [String: Any] in g["edges"] as? [Any] ?? [] {
            let id = builder.addEdge(from: "\(edge["source"]!)", to: "\(edge["target"]!)")
            for (key, value) in edge where key != "source" && key != "target" {
                if let number = value as? NSNumber {
                    builder.setEdgeAttribute(id, key, number.doubleValue)
                } else if let text = value as? String {
                    builder.setEdgeText(id, key, text)
                }
            }
        }
        for (name, attributes) in g["node_attributes"] as? [String: [String: Any]] ?? [:] {
            let node = builder.addNode(name)
            for (key, value) in attributes {
                if let text = value as? String {
                    builder.setNodeAttribute(node, key, .string(text))
                } else if let number = value as? NSNumber {
                    builder.setNodeAttribute(node, key, .double(number.doubleValue))
                }
            }
        }
        return builder.build()
    }

    /// `results[key]` as a map from node name to number (`null` becomes `nan`).
    func scores(_ key: String) throws -> [String: Double] {
        let results = try #require(json["results"] as? [String: Any])
        let raw = try #require(results[key] as? [String: Any], "fixture has no results.\(key)")
        return raw.mapValues { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    /// `results[key]` as it is.
    func result(_ key: String) throws -> Any {
        let results = try #require(json["results"] as? [String: Any])
        return try #require(results[key], "fixture has no results.\(key)")
    }
}

/// Expects `actual` to equal `expected` within a relative tolerance (absolute near zero),
/// and records the largest deviation seen so closing notes can report it.
func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, _ what: @autoclosure () -> String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if expected.isNaN {
        #expect(actual.isNaN, "\(what()): expected NaN, got \(actual)", sourceLocation: sourceLocation)
        return
    }
    let scale = max(abs(expected), 1)
    #expect(
        abs(actual - expected) <= relative * scale,
        "\(what()): got \(actual), reference \(expected)", sourceLocation: sourceLocation)
}

/// The library's seeded generator, under the name the tests use.
typealias SeededGenerator = SplitMix64

/// A random graph G(n, p) with seeded uniform weights in [1, 10), for property tests.
func randomGraph(nodes n: Int, probability p: Double, directed: Bool, seed: UInt64) -> Graph {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(directed: directed)
    for i in 0..<n { builder.addNode("n\(i)") }
    for i in 0..<n {
        for j in (directed ? 0 : i + 1)..<n where i != j && Double.random(in: 0..<1, using: &rng) < p {
            builder.addEdge(from: NodeID(i), to: NodeID(j), weight: Double.random(in: 1..<10, using: &rng))
        }
    }
    return builder.build()
}
