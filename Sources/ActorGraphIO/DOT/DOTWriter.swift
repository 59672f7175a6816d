public import ActorGraphCore

/// Writes a ``Graph`` as DOT: one statement per node and edge, every id and label escaped.
///
/// Node ids are the graph's node names; each node is labelled with its `name` attribute when
/// it has one (datasets), else with its id. Edges carry their `weight` as pen width and a
/// tooltip. Data attributes are **not** copied into Graphviz attributes (a GraphML attribute
/// named `URL` or `shape` would otherwise change the drawing or inject links); they appear in
/// node tooltips instead.
public enum DOTWriter {
    /// The DOT document for `graph`.
    /// - Complexity: O(nodes × attributes + edges).
    public static func document(for graph: Graph, name: String = "G") -> DOTDocument {
        var doc = DOTDocument(name: name, isDirected: graph.isDirected)
        let labels = graph.nodeAttribute("name")
        let attributeNames = graph.nodeAttributeNames
        let columns = attributeNames.map { graph.nodeAttribute($0)! }
        for node in graph.nodes {
            let id = graph.name(of: node)
            var tooltip = id
            for (k, column) in zip(attributeNames, columns) {
                if let value = column[node.index] { tooltip += "\n\(k): \(value)" }
            }
            doc.nodes.append(.init(id: id, attributes: [
                .init("label", .text(labels?[node.index]?.description ?? id)),
                .init("tooltip", .text(tooltip)),
            ]))
        }
        let weights = graph.edgeColumn("weight")
        let widths = penWidths(weights)
        for (i, e) in graph.edges.enumerated() {
            var attributes: [DOTDocument.Attribute] = []
            var tooltip = graph.name(of: e.source) + (graph.isDirected ? " → " : " — ") + graph.name(of: e.target)
            if let weights, weights[i].isFinite {
                attributes.append(.init("penwidth", .number(widths[i])))
                tooltip += "\nweight \(DOTDocument.number(weights[i]))"
            }
            let events = graph.edgeEvents(EdgeID(i))
            if !events.isEmpty { tooltip += "\nevents: " + events.joined(separator: ", ") }
            attributes.append(.init("tooltip", .text(tooltip)))
            doc.edges.append(.init(source: graph.name(of: e.source), target: graph.name(of: e.target), attributes: attributes))
        }
        return doc
    }

    /// The DOT text for `graph`.
    public static func write(_ graph: Graph, name: String = "G") -> String {
        document(for: graph, name: name).text
    }

    /// Pen widths from 1 to 6 growing with the square root of |weight| relative to the largest
    /// |weight|; 1 where the weight is missing.
    static func penWidths(_ weights: ContiguousArray<Double>?) -> [Double] {
        guard let weights else { return [] }
        let top = weights.lazy.filter(\.isFinite).map(abs).max() ?? 0
        return weights.map { w in
            guard w.isFinite, top > 0 else { return 1 }
            return 1 + 5 * (abs(w) / top).squareRoot()
        }
    }
}
