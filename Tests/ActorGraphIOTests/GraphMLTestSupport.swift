import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// Helpers shared by the GraphML and CSV tests: fixture paths, networkx's JSON descriptions,
/// and a canonical form of a graph's edges to compare as multisets.

/// The path of `Fixtures/<folder>/<file>` in the test bundle.
func fixturePath(_ folder: String, _ file: String) throws -> String {
    let base = try #require(Bundle.module.resourceURL, "test bundle has no resources")
    let url = base.appendingPathComponent("Fixtures").appendingPathComponent(folder).appendingPathComponent(file)
    #expect(FileManager.default.fileExists(atPath: url.path), "fixture \(folder)/\(file) is missing")
    return url.path
}

/// What networkx reported about a fixture file (written by scripts/reference/make_io_fixtures.py).
struct NetworkxDescription {
    let json: [String: Any]

    static func load(_ folder: String, _ file: String) throws -> NetworkxDescription {
        let data = try Data(contentsOf: URL(fileURLWithPath: try fixturePath(folder, file + ".json")))
        return NetworkxDescription(json: try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    var directed: Bool { json["directed"] as? Bool ?? false }
    var nodeCount: Int { json["node_count"] as? Int ?? -1 }
    var edgeCount: Int { json["edge_count"] as? Int ?? -1 }
    var nodes: [String] { json["nodes"] as? [String] ?? [] }
    var nodeAttributes: [String: [String: Any]] { json["node_attributes"] as? [String: [String: Any]] ?? [:] }
    var nodeDefault: [String: Any] { json["node_default"] as? [String: Any] ?? [:] }
    var edgeDefault: [String: Any] { json["edge_default"] as? [String: Any] ?? [:] }
    var graphData: [String: Any] { json["graph"] as? [String: Any] ?? [:] }
    var columnSums: [String: Double] {
        (json["column_sums"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
    var edges: [(source: String, target: String, data: [String: Any])] {
        (json["edges"] as? [[String: Any]] ?? []).map {
            ($0["source"] as? String ?? "", $0["target"] as? String ?? "", $0["data"] as? [String: Any] ?? [:])
        }
    }
}

/// A JSON value from networkx as a typed attribute value. Booleans, integers and floats are told
/// apart by the number's `objCType` (`c` for JSON booleans, `d` for numbers with a fraction); "nan"/"inf"/"-inf" strings are numbers when `numeric`.
func attributeValue(_ value: Any, numeric: Bool = false) -> AttributeValue? {
    if let n = value as? NSNumber {
        switch String(cString: n.objCType) {
        case "c", "B": return .bool(n.boolValue)
        case "d", "f": return .double(n.doubleValue)
        default: return .int(n.intValue)
        }
    }
    if let s = value as? String {
        if numeric, let special = ["nan": Double.nan, "inf": .infinity, "-inf": -.infinity][s] { return .double(special) }
        return .string(s)
    }
    return nil
}

/// One edge as text: endpoints (sorted when undirected) and its attributes, numbers as doubles,
/// `nan` dropped (a `nan` in a column means "missing").
func canonicalEdge(_ source: String, _ target: String, directed: Bool, _ attributes: [String: AttributeValue]) -> String {
    let (a, b) = directed || source <= target ? (source, target) : (target, source)
    let items = attributes.compactMap { key, value -> String? in
        if case .string(let s) = value { return "\(key)=\"\(s)\"" }
        guard let number = value.number, !number.isNaN else { return nil }
        return "\(key)=\(number)"
    }.sorted()
    return "\(a) -> \(b) {\(items.joined(separator: ", "))}"
}

/// The graph's edges in canonical form, sorted.
func canonicalEdges(_ graph: Graph) -> [String] {
    var result: [String] = []
    let numeric = graph.edgeColumnNames.map { ($0, graph.edgeColumn($0)!) }
    let text = graph.edgeTextColumnNames.map { ($0, graph.edgeTextColumn($0)!) }
    for (i, e) in graph.edges.enumerated() {
        var attributes: [String: AttributeValue] = [:]
        for (name, column) in numeric where !column[i].isNaN { attributes[name] = .double(column[i]) }
        for (name, column) in text { if let s = column[i] { attributes[name] = .string(s) } }
        result.append(canonicalEdge(graph.name(of: e.source), graph.name(of: e.target), directed: graph.isDirected, attributes))
    }
    return result.sorted()
}

/// networkx's edges in canonical form, sorted, with `defaults` given to edges lacking them.
func canonicalEdges(
    _ reference: NetworkxDescription, numericNames: Set<String>,
    defaults: [String: Any] = [:]
) -> [String] {
    reference.edges.map { edge in
        var attributes: [String: AttributeValue] = [:]
        for (key, value) in defaults { attributes[key] = attributeValue(value, numeric: numericNames.contains(key)) }
        for (key, value) in edge.data { attributes[key] = attributeValue(value, numeric: numericNames.contains(key)) }
        for (key, value) in attributes where numericNames.contains(key) {
            if let n = value.number { attributes[key] = .double(n) }
        }
        return canonicalEdge(edge.source, edge.target, directed: reference.directed, attributes)
    }.sorted()
}
