public import ActorGraphCore

/// Writes a ``/ActorGraphCore/Graph`` as node-link JSON, the shape of networkx's `node_link_data`, so that
/// `networkx.node_link_graph` (and ``NodeLinkReader``) read it back.
///
/// ```
/// {"directed": false, "multigraph": false, "graph": {},
///  "nodes": [{"id": "moon-jae-in", "kind": "person", ...}],
///  "edges": [{"source": "moon-jae-in", "target": "suga", "weight": 2, "events": ["e1", "e7"]}]}
/// ```
/// - `edges` is networkx 3.6's default key; ``EdgesKey/links`` writes `links`, the key of
///   networkx 3.4 and 3.5 (and of 3.6 with `edges="links"`).
/// - `multigraph` is true when two edges join the same pair (the same ordered pair when
///   directed); each edge then has a `key`, numbered from 0 per pair in edge order, as networkx
///   numbers them.
/// - Node attributes keep their types; numeric edge columns are integers when integral (below
///   2^53), else numbers; a missing value (`nan`) is left out, infinities too (JSON has no
///   such numbers); text columns are strings; the events behind an edge are a list of ids
///   (`events`).
///
/// Keys within nodes and edges are in a fixed order (`id`/`source`, `target`, `key`, then
/// attributes sorted by name), so the output is deterministic.
///
/// - Complexity: O(nodes · node attributes + edges · edge columns).
public enum NodeLinkWriter {
    /// The name of the edge list: networkx 3.6 writes `edges`, 3.4 and 3.5 wrote `links`.
    public enum EdgesKey: String, Hashable, Sendable, CaseIterable {
        case edges, links
    }

    /// The node-link JSON value of `graph`.
    public static func json(_ graph: Graph, edgesKey: EdgesKey = .edges) -> JSONValue {
        var multigraph = false
        var keys = [Int](repeating: 0, count: graph.edgeCount)
        var seen: [Graph.Endpoints: Int] = [:]
        for (e, ends) in graph.edges.enumerated() {
            let pair =
                graph.isDirected || ends.source <= ends.target
                ? ends
                : Graph.Endpoints(source: ends.target, target: ends.source)
            let count = seen[pair, default: 0]
            if count > 0 { multigraph = true }
            keys[e] = count
            seen[pair] = count + 1
        }
        let attributes = graph.nodeAttributeNames.filter { $0 != "id" }.map { ($0, graph.nodeAttribute($0)!) }
        let nodes: [JSONValue] = graph.nodeNames.enumerated().map { n, name in
            var members: [(String, JSONValue)] = [("id", .string(name))]
            for (key, column) in attributes {
                guard let value = column[n] else { continue }
                switch value {
                case .string(let s): members.append((key, .string(s)))
                case .int(let i): members.append((key, .int(i)))
                case .double(let d): if d.isFinite { members.append((key, .number(d))) }
                case .bool(let b): members.append((key, .bool(b)))
                }
            }
            return .object(members)
        }
        let reserved: Set<String> = ["source", "target", "key", EventsColumn.name]
        let numeric = graph.edgeColumnNames.filter { !reserved.contains($0) }.map { ($0, graph.edgeColumn($0)!) }
        let text = graph.edgeTextColumnNames.filter { !reserved.contains($0) }.map { ($0, graph.edgeTextColumn($0)!) }
        let edges: [JSONValue] = graph.edges.enumerated().map { e, ends in
            var members: [(String, JSONValue)] = [
                ("source", .string(graph.nodeNames[ends.source.index])),
                ("target", .string(graph.nodeNames[ends.target.index])),
            ]
            if multigraph { members.append(("key", .int(keys[e]))) }
            var attributes: [(String, JSONValue)] = []
            for (name, column) in numeric where column[e].isFinite {
                let v = column[e]
                attributes.append((name, v == v.rounded() && abs(v) <= 9_007_199_254_740_992 ? .int(Int(v)) : .number(v)))
            }
            for (name, column) in text { if let s = column[e] { attributes.append((name, .string(s))) } }
            if graph.hasEventProvenance { attributes.append((EventsColumn.name, .array(graph.edgeEvents(EdgeID(e)).map { .string($0) }))) }
            return .object(members + attributes.sorted { $0.0 < $1.0 })
        }
        return .object([
            ("directed", .bool(graph.isDirected)), ("multigraph", .bool(multigraph)),
            ("graph", .object([])), ("nodes", .array(nodes)), (edgesKey.rawValue, .array(edges)),
        ])
    }

    /// The node-link JSON text of `graph`, indented, with a final newline.
    public static func string(for graph: Graph, edgesKey: EdgesKey = .edges) -> String {
        json(graph, edgesKey: edgesKey).serialized(pretty: true) + "\n"
    }

    /// Writes `graph` to `path` atomically (``AtomicFile``).
    /// - Throws: ``FileError`` when the file cannot be written.
    public static func write(_ graph: Graph, to path: String, edgesKey: EdgesKey = .edges) throws {
        try AtomicFile.write(string(for: graph, edgesKey: edgesKey), to: path)
    }
}
