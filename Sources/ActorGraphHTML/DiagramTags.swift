public import ActorGraphCore
public import ActorGraphIO

/// Marks the nodes and edges of a relationship diagram so that the page's script can find them
/// in the SVG Graphviz draws: Graphviz copies a node's or edge's `id` and `class` attributes onto
/// its SVG group (checked with Graphviz 2.43).
///
/// - Node `actor-N`, N the actor's position in ``/ActorGraphCore/EventProjection/nodes`` (and in the page's
///   `actors` array); classes `actor`, `kind-<actor kind>` and `y<year>` for the years its ties'
///   events start or end in.
/// - Edge `tie-N`, N the tie's position in ``/ActorGraphCore/EventProjection/edges`` (and in the page's `ties`
///   array); classes `tie`, `k-<event kind>` for each kind of its events and `y<year>` for the
///   years they start or end in (a standing position dated 1965-2021 adds two years, not 57).
///
/// Ids are positions, never actor ids: an actor id may hold any text, an SVG id should not.
/// Tooltips are left out: the page's details panel shows what they held, and without them
/// Graphviz wraps no shape in a link (on a 6,000-edge page the tooltips were half the bytes and
/// the links a third of the elements the browser restyles when the filter changes).
public enum DiagramTags {
    /// `document` (drawn from `projection` of `dataset`) with the ids and classes above. Nodes
    /// that are not actors of the projection (the legend) are left as they are.
    /// - Complexity: O(nodes + edges × events per edge).
    public static func tagged(_ document: DOTDocument, dataset: Dataset, projection: EventProjection) -> DOTDocument {
        var doc = document
        doc.graphAttributes.removeAll { $0.name == "tooltip" }
        var nodeIndex: [String: Int] = [:]
        for (i, actor) in projection.nodes.enumerated() { nodeIndex[dataset[actor].id] = i }
        var years = [Set<Int>](repeating: [], count: projection.nodes.count)
        var tieQueue: [[String]: [Int]] = [:]
        var tieClasses: [String] = []
        for (i, edge) in projection.edges.enumerated() {
            var tieYears = Set<Int>()
            for id in edge.events {
                let date = dataset[id].date
                tieYears.formUnion([date.start.components.year, date.end.components.year])
            }
            let s = dataset[edge.source].id, t = dataset[edge.target].id
            if let a = nodeIndex[s] { years[a].formUnion(tieYears) }
            if let b = nodeIndex[t] { years[b].formUnion(tieYears) }
            tieQueue[[s, t], default: []].append(i)
            tieClasses.append(
                (["tie"] + edge.kinds.sorted().map { "k-\($0.rawValue)" }
                    + tieYears.sorted().map { "y\($0)" }).joined(separator: " "))
        }
        func tag(_ node: inout DOTDocument.Node) {
            guard let i = nodeIndex[node.id] else { return }
            let kind = dataset[projection.nodes[i]].kind.rawValue
            let classes = ["actor", "kind-\(kind)"] + years[i].sorted().map { "y\($0)" }
            node.attributes.removeAll { $0.name == "tooltip" }
            node.attributes += [.init("id", .plain("actor-\(i)")), .init("class", .plain(classes.joined(separator: " ")))]
        }
        for s in doc.subgraphs.indices {
            for n in doc.subgraphs[s].nodes.indices { tag(&doc.subgraphs[s].nodes[n]) }
        }
        for n in doc.nodes.indices { tag(&doc.nodes[n]) }
        // Edges are drawn in projection order; matching by ends (in order) also holds if the
        // diagram ever leaves some out.
        for e in doc.edges.indices {
            let key = [doc.edges[e].source, doc.edges[e].target]
            guard var queue = tieQueue[key], !queue.isEmpty else { continue }
            let i = queue.removeFirst()
            tieQueue[key] = queue
            doc.edges[e].attributes.removeAll { $0.name == "tooltip" }
            doc.edges[e].attributes += [.init("id", .plain("tie-\(i)")), .init("class", .plain(tieClasses[i]))]
        }
        return doc
    }
}
