public import ActorGraphCore
public import ActorGraphIO

/// Writes a ``/ActorGraphCore/Graph`` as DOT: one statement per node and edge, every id and label escaped, and
/// nothing else (no title, legend, state boxes or layout attributes).
///
/// The statements are those of the graph's ``RelationshipDiagram``: a node is labelled with its
/// `name` attribute when it has one (datasets), else with its id, shaped by its `kind`
/// attribute, and its tooltip lists its attributes; an edge is drawn as wide as its `weight`
/// says (`PenWidthScale`: 1 to 4.5 points from the weakest to the strongest tie) and its
/// tooltip names its ends, its weight and all its events. Every node is written, isolated ones
/// too. Data attributes are **not** copied into Graphviz attributes (a GraphML attribute named
/// `URL` or `shape` would otherwise change the drawing or inject links); they appear in node
/// tooltips instead.
public enum DOTWriter {
    /// The DOT document for `graph`.
    /// - Complexity: O(nodes × attributes + edges × events).
    public static func document(for graph: Graph, name: String = "G") -> DOTDocument {
        var options = RelationshipDiagram.Options(includeIsolated: true)
        options.maxEventsInTooltip = .max
        let (nodes, edges, _) = RelationshipDiagram.graphInfos(graph, options)
        let widths = PenWidthScale(weights: edges.map(\.weight))
        var doc = DOTDocument(name: name, isDirected: graph.isDirected)
        doc.nodes = nodes.map { RelationshipDiagram.nodeStatement($0) }
        doc.edges = edges.map { RelationshipDiagram.edgeStatement($0, width: widths.width(of: $0.weight)) }
        return doc
    }

    /// The DOT text for `graph`.
    public static func write(_ graph: Graph, name: String = "G") -> String {
        document(for: graph, name: name).text
    }
}
