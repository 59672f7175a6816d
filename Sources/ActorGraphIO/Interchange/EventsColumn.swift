public import ActorGraphCore

/// Event provenance carried through formats that have no list type (GraphML, GEXF, CSV): each
/// edge's event ids joined by `;` in a text attribute named `events`.
///
/// Dataset event ids are letters, digits, `.`, `_` and `-`, so `;` never occurs inside one. An
/// edge without events has no `events` value (not an empty text), so reading the column back
/// gives exactly the provenance that was written.
///
/// - Complexity: O(nodes + edges + attribute values) for each conversion; both copy the graph.
public enum EventsColumn {
    /// The attribute name: `events`.
    public static let name = "events"
    /// The separator between event ids: `;`.
    public static let separator: Character = ";"

    /// `graph` with its events also as the text column ``name`` (unchanged when the graph has
    /// no provenance or already has such a column).
    public static func exposing(_ graph: Graph) -> Graph {
        guard graph.hasEventProvenance, graph.edgeTextColumn(name) == nil else { return graph }
        let column: [String?] = graph.edges.indices.map { e in
            let ids = graph.edgeEvents(EdgeID(e))
            return ids.isEmpty ? nil : ids.joined(separator: String(separator))
        }
        return GraphCopy.copy(graph, textColumns: [name: column], events: nil)
    }

    /// `graph` with the text column ``name`` turned back into event provenance (and removed as a
    /// column); unchanged when there is no such column.
    public static func absorbing(_ graph: Graph) -> Graph {
        guard let column = graph.edgeTextColumn(name) else { return graph }
        let events: [[String]] = column.map { text in
            guard let text else { return [] }
            return text.split(separator: separator, omittingEmptySubsequences: true).map(String.init)
        }
        return GraphCopy.copy(graph, textColumns: [name: nil], events: events)
    }
}

/// Rebuilds a ``/ActorGraphCore/Graph`` through ``GraphBuilder`` with some columns replaced: the one place that
/// copies every part of a graph (nodes in order, node attributes, edges in order, numeric and
/// text columns, provenance).
enum GraphCopy {
    /// - Parameters:
    ///   - textColumns: text columns to set (a value) or drop (`nil`), by name.
    ///   - events: new provenance per edge, or `nil` to keep the graph's own.
    /// - Complexity: O(nodes + edges · columns).
    static func copy(_ graph: Graph, textColumns: [String: [String?]?] = [:], events: [[String]]?) -> Graph {
        var builder = GraphBuilder(directed: graph.isDirected)
        builder.reserveCapacity(nodes: graph.nodeCount, edges: graph.edgeCount)
        for name in graph.nodeNames { builder.addNode(name) }
        for key in graph.nodeAttributeNames {
            for (i, value) in graph.nodeAttribute(key)!.enumerated() {
                if let value { builder.setNodeAttribute(NodeID(i), key, value) }
            }
        }
        let numeric = graph.edgeColumnNames.map { ($0, graph.edgeColumn($0)!) }
        var text: [(String, [String?])] = graph.edgeTextColumnNames.compactMap { name in
            textColumns.keys.contains(name) ? nil : (name, graph.edgeTextColumn(name)!)
        }
        for (name, column) in textColumns { if let column { text.append((name, column)) } }
        for (e, endpoints) in graph.edges.enumerated() {
            let id = builder.addEdge(
                from: endpoints.source, to: endpoints.target,
                events: events?[e] ?? graph.edgeEvents(EdgeID(e)))
            for (name, column) in numeric where !column[e].isNaN { builder.setEdgeAttribute(id, name, column[e]) }
            for (name, column) in text { if let value = column[e] { builder.setEdgeText(id, name, value) } }
        }
        if let origin = graph.origin { builder.setOrigin(origin) } // same edges, same order
        return builder.build()
    }
}
