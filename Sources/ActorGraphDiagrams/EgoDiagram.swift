public import ActorGraphCore
public import ActorGraphIO

/// One actor's world: the actor, every actor within `depth` ties of it in a dataset view, the
/// ties among them, and on each tie a summary of its events (count, kinds, first and last date).
///
/// Drawn like ``RelationshipDiagram`` (shapes by actor kind, colours by event kind) with the
/// centre actor filled and outlined in bold, each actor's state under its name instead of state
/// boxes, edge labels added, and laid out in layers left to right (`layout=dot`, `rankdir=LR`). The neighbourhood is the
/// breadth-first ball of radius `depth` around the centre in the view's graph (Wasserman & Faust
/// 1994, §2.4 "ego-centered networks"): the ego, its alters and the ties among all of them.
///
/// ```swift
/// let ego = EgoDiagram(projection: projection,
///                      center: dataset.actorID(forID: "park-jie-won")!, depth: 1)
/// print(ego.dot)
/// ```
public struct EgoDiagram: Sendable {
    /// The diagram as a DOT document.
    public let document: DOTDocument
    /// The diagram as DOT text.
    public var dot: String { document.text }
    /// The actor ids drawn, the centre first, then by distance and dataset order.
    public let members: [String]

    /// The ego diagram of `center` in a dataset view.
    /// - Parameters:
    ///   - projection: the dataset view (its ties, roll-up and dataset).
    ///   - center: the ego; after a roll-up, its representative is drawn.
    ///   - depth: how many ties away an actor may be (at least 1).
    ///   - options: the relationship diagram's options, applied to the ego's neighbourhood.
    /// - Precondition: `depth >= 1`.
    /// - Complexity: O(nodes + edges × events per edge).
    public init(
        projection: EventProjection, center: ActorID, depth: Int = 1,
        options: RelationshipDiagram.Options = .init()
    ) {
        precondition(depth >= 1, "depth must be at least 1")
        let dataset = projection.dataset, graph = projection.graph
        let centerID = dataset[projection.representative[center.index]].id
        // Breadth-first ball of radius `depth`.
        var distance: [Int: Int] = [:]
        var order: [NodeID] = []
        let start = projection.node(of: center)
        distance[start.index] = 0
        order.append(start)
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            let d = distance[node.index]!
            guard d < depth else { continue }
            let next = (Array(graph.outNeighbors(of: node)) + Array(graph.inNeighbors(of: node)))
                .map(\.node).sorted { $0.index < $1.index }
            for n in next where distance[n.index] == nil {
                distance[n.index] = d + 1
                order.append(n)
            }
        }
        let inBall = Set(order.map { graph.name(of: $0) })
        members = order.map { graph.name(of: $0) }

        var stateNames: [String: String] = [:]
        for a in dataset.actors where a.kind == .state { stateNames[a.id] = a.name }
        var nodes = RelationshipDiagram.nodeInfos(projection)
        let allEdges = RelationshipDiagram.edgeInfos(projection, options).signed(by: options)
        var edges: [RelationshipDiagram.EdgeInfo] = []
        var labels: [String] = []
        for (edge, info) in zip(projection.edges, allEdges) where inBall.contains(info.source) && inBall.contains(info.target) {
            edges.append(info)
            labels.append(EgoDiagram.summary(edge, dataset))
        }
        // The centre is drawn even when it has no tie in the view. No state boxes: Graphviz 2.43
        // corrupts its heap freeing the layout of labelled edges between clusters (dot, neato
        // and fdp alike, in process), so each actor's state is the second line of its label.
        nodes = nodes.filter { inBall.contains($0.id) || $0.id == centerID }.map { node in
            var node = node
            if let state = node.state, state != node.id { node.label += "\n" + (stateNames[state] ?? state) }
            return node
        }
        if !nodes.contains(where: { $0.id == centerID }) {
            let actor = dataset[center]
            nodes.append(.init(id: actor.id, label: actor.name, kind: actor.kind, state: nil, tooltip: actor.name))
        }
        var drawOptions = options
        drawOptions.includeIsolated = true
        drawOptions.clusterByState = false
        let centerName = dataset.actors.first { $0.id == centerID }?.name ?? centerID
        let subtitle = [
            "\(edges.count) ties within \(depth) step\(depth == 1 ? "" : "s") of \(centerName)",
            "edge labels: events, kinds, first – last date",
        ]
        var doc = RelationshipDiagram.assemble(
            directed: graph.isDirected, nodes: nodes, edges: edges, stateNames: stateNames,
            title: options.title ?? "\(centerName): ties within \(depth) step\(depth == 1 ? "" : "s")",
            subtitle: subtitle, options: drawOptions, kindsKnown: true)
        // Labels on ties; the ego outlined.
        for i in doc.edges.indices {
            doc.edges[i].attributes.insert(.init("label", .text(labels[i])), at: 0)
        }
        func emphasise(_ node: inout DOTDocument.Node) {
            guard node.id == centerID else { return }
            RelationshipDiagram.set(&node.attributes, "penwidth", .plain("3"))
            RelationshipDiagram.set(&node.attributes, "fontsize", .plain("13"))
            RelationshipDiagram.set(&node.attributes, "fillcolor", .plain(RelationshipDiagram.brokerFill))
        }
        for i in doc.nodes.indices { emphasise(&doc.nodes[i]) }
        for s in doc.subgraphs.indices {
            for i in doc.subgraphs[s].nodes.indices { emphasise(&doc.subgraphs[s].nodes[i]) }
        }
        // Layered left to right (`dot`): it places edge labels as nodes of their own, so labels
        // never cover a node or another label (fdp put them at edge midpoints, over each other).
        RelationshipDiagram.set(&doc.graphAttributes, "layout", .plain("dot"))
        RelationshipDiagram.set(&doc.graphAttributes, "rankdir", .plain("LR"))
        RelationshipDiagram.set(&doc.graphAttributes, "splines", .plain("true"))
        document = doc
    }

    /// A date as a reader writes it: the interval "2020-11-09/2020-11-12" as "2020-11-09 – 2020-11-12".
    static func readable(_ date: String) -> String {
        date.split(separator: "/").joined(separator: " – ")
    }

    /// "3 events: meeting, statement\n2020-11-09 – 2020-11-12": count, kinds, first and last date.
    static func summary(_ edge: ProjectedEdge, _ dataset: Dataset) -> String {
        let n = edge.events.count
        var text = "\(n) event\(n == 1 ? "" : "s"): " + edge.kinds.sorted().map(\.rawValue).joined(separator: ", ")
        // From the start of the earliest event to the end of the latest, as the dataset wrote
        // them: "2017" and "2020-11/2021-02" give "2017 – 2021-02".
        let first = edge.events.map { dataset[$0].date }.min { ($0.start, $0.end) < ($1.start, $1.end) }
        let last = edge.events.map { dataset[$0].date }.max { ($0.end, $0.start) < ($1.end, $1.start) }
        if let first, let last {
            let from = first.text.split(separator: "/").first.map(String.init) ?? first.text
            let to = last.text.split(separator: "/").last.map(String.init) ?? last.text
            text += "\n" + (from == to ? from : from + " – " + to)
        }
        return text
    }
}
