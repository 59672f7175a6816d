public import ActorGraphCore
public import ActorGraphIO

/// A relationship diagram as an analyst would draw it, as DOT text for Graphviz.
///
/// From a dataset view (a ``/ActorGraphCore/Dataset`` and its ``/ActorGraphCore/EventProjection``):
/// - node shape by actor kind: person ellipse, institution rounded box, state double octagon;
/// - people and institutions inside a box (cluster) labelled with their state (node attribute
///   `state`), the state itself drawn in its box;
/// - edge colour by event kind (meeting, statement, dispute, cooperation; an edge that merges
///   several kinds is drawn as parallel lines, one per kind), pen width growing with the weight;
/// - tooltips: for edges the dates, kinds and ids of the events behind them and the count, for
///   nodes the actor's id, kind, affiliation and state;
/// - a title with a subtitle describing the view, a legend, and highlighting of a node path and
///   of broker nodes.
///
/// Actors without any edge in the view are left out unless highlighted or
/// ``Options/includeIsolated`` is set. From a plain ``/ActorGraphCore/Graph`` (GraphML, CSV) the same layout
/// rules apply with neutral styling.
///
/// ```swift
/// let diagram = RelationshipDiagram(projection: projection,
///                                   options: .init(title: "Korea-Japan 2020", brokers: ["park-jie-won"]))
/// print(diagram.dot)
/// ```
public struct RelationshipDiagram: Sendable {
    /// What to draw and highlight.
    public struct Options: Hashable, Sendable {
        /// The title; `nil` uses the dataset's title (none for a plain graph).
        public var title: String?
        /// Show a subtitle describing the view (counts, kinds, window, roll-up, weight).
        public var showSubtitle: Bool
        /// Node names (actor ids after roll-up) of a path to highlight, in order.
        public var highlightedPath: [String]
        /// Node names of brokers to highlight.
        public var brokers: Set<String>
        /// Seed of the initial layout of neato/fdp/sfdp (Graphviz `start`), for reproducible
        /// drawings; `nil` leaves Graphviz's default.
        public var seed: Int?
        public var showLegend: Bool
        /// Draw people and institutions inside a box labelled with their state.
        public var clusterByState: Bool
        /// Also draw nodes without edges in the view.
        public var includeIsolated: Bool
        /// At most this many events are listed in an edge tooltip.
        public var maxEventsInTooltip: Int
        /// The font; `sans-serif` lets fontconfig pick one and fall back to CJK fonts.
        public var fontName: String
        /// The sign of each edge (+1, -1, 0 neutral), by `EdgeID.index` of the graph drawn: when
        /// set, edges are drawn by sign (positive green and solid, negative red and dashed,
        /// neutral grey and dotted) instead of by event kind. A count that does not match the
        /// edges is ignored.
        public var edgeSigns: [Int8]?

        public init(
            title: String? = nil, showSubtitle: Bool = true, highlightedPath: [String] = [],
            brokers: Set<String> = [], seed: Int? = 1, showLegend: Bool = true,
            clusterByState: Bool = true, includeIsolated: Bool = false,
            maxEventsInTooltip: Int = 12, fontName: String = "sans-serif"
        ) {
            self.title = title
            self.showSubtitle = showSubtitle
            self.highlightedPath = highlightedPath
            self.brokers = brokers
            self.seed = seed
            self.showLegend = showLegend
            self.clusterByState = clusterByState
            self.includeIsolated = includeIsolated
            self.maxEventsInTooltip = maxEventsInTooltip
            self.fontName = fontName
        }
    }

    /// The colour of each event kind (Okabe-Ito palette, distinguishable with colour-blindness).
    public static func color(of kind: EventKind) -> String {
        switch kind {
        case .meeting: "#0072B2"
        case .statement: "#CC79A7"
        case .dispute: "#D55E00"
        case .cooperation: "#009E73"
        }
    }

    /// The shape of each actor kind.
    public static func shape(of kind: ActorKind) -> String {
        switch kind {
        case .person: "ellipse"
        case .institution: "box"
        case .state: "doubleoctagon"
        }
    }

    static let pathColor = "#E69F00"
    static let brokerFill = "#F0E442"
    static let neutralEdge = "#666666"
    /// Above this many edges the diagram asks for straight edges instead of curved ones.
    static let splineLimit = 300

    /// "N nodes, M edges", saying how many nodes without ties are left out of the drawing.
    static func countLine(_ graph: Graph, includeIsolated: Bool) -> String {
        let isolated = includeIsolated ? 0 : graph.nodes.filter { graph.degree(of: $0) == 0 }.count
        return "\(graph.nodeCount - isolated) nodes, \(graph.edgeCount) edges"
            + (isolated > 0 ? " (\(isolated) without ties not drawn)" : "")
    }

    /// The diagram as a DOT document.
    public let document: DOTDocument
    /// The diagram as DOT text.
    public var dot: String { document.text }

    // MARK: Building

    struct NodeInfo {
        var id: String
        var label: String
        var kind: ActorKind?
        var state: String?
        var tooltip: String
    }

    struct EdgeInfo {
        var source: String
        var target: String
        var kinds: [EventKind]
        var weight: Double
        var tooltip: String
        var sign: Int8? = nil
    }

    /// The colours of signed ties: positive, negative, neutral (ColorBrewer RdYlGn ends, grey).
    static let signColors: [Int8: String] = [1: "#1A9850", -1: "#D73027", 0: "#999999"]
    static let signStyles: [Int8: String] = [1: "solid", -1: "dashed", 0: "dotted"]
    static let signNames: [Int8: String] = [1: "positive tie", -1: "negative tie", 0: "neutral tie"]

    /// `edges` with the signs of `options` attached, when there is one per edge.
    static func signing(_ edges: [EdgeInfo], _ options: Options) -> [EdgeInfo] {
        guard let signs = options.edgeSigns, signs.count == edges.count else { return edges }
        return zip(edges, signs).map { edge, sign in
            var edge = edge
            edge.sign = sign
            edge.tooltip += "\nsign: " + (sign > 0 ? "positive" : sign < 0 ? "negative" : "neutral")
            return edge
        }
    }

    /// The diagram of a dataset view: the projection and the dataset it keeps.
    /// - Complexity: O(nodes + edges × events per edge).
    public init(projection: EventProjection, options: Options = Options()) {
        let dataset = projection.dataset, graph = projection.graph
        precondition(graph.edgeCount == projection.edges.count, "projection does not match its graph")
        var stateNames: [String: String] = [:]
        for a in dataset.actors where a.kind == .state { stateNames[a.id] = a.name }
        let nodes = RelationshipDiagram.nodeInfos(projection)
        let edges = RelationshipDiagram.edgeInfos(projection, options).signed(by: options)
        var subtitle: [String] = []
        let kinds = projection.options.kinds
        subtitle.append(
            kinds.count == EventKind.allCases.count
                ? "all event kinds"
                : kinds.sorted().map(\.rawValue).joined(separator: ", "))
        let window = projection.options.window
        if window.from != nil || window.to != nil {
            subtitle.append("\(window.from.map(\.description) ?? "…") – \(window.to.map(\.description) ?? "…")")
        } else if let first = projection.eventsUsed.map({ dataset[$0].date.start }).min(),
            let last = projection.eventsUsed.map({ dataset[$0].date.end }).max()
        {
            subtitle.append("\(first) – \(last)")
        }
        if projection.options.rollUp != .none { subtitle.append("rolled up to \(projection.options.rollUp.rawValue)") }
        subtitle.append("line width: \(projection.options.aggregation.name == "count" ? "number of events" : projection.options.aggregation.name)")
        self.document = RelationshipDiagram.assemble(
            directed: graph.isDirected, nodes: nodes, edges: edges, stateNames: stateNames,
            title: options.title ?? dataset.title, subtitle: subtitle, options: options, kindsKnown: true)
    }

    /// The drawn facts of each node of a dataset view: label, kind, state, tooltip.
    static func nodeInfos(_ projection: EventProjection) -> [NodeInfo] {
        let dataset = projection.dataset
        return projection.nodes.map { actorID in
            let actor = dataset[actorID]
            let state = projection.state(of: actorID).map { dataset[$0] }
            var tooltip = "\(actor.name) (\(actor.kind.rawValue))\nid: \(actor.id)"
            if let aff = actor.affiliation { tooltip += "\naffiliation: \(dataset[aff].name)" }
            if let state, state.id != actor.id { tooltip += "\nstate: \(state.name)" }
            if !actor.aliases.isEmpty { tooltip += "\nalso: " + actor.aliases.joined(separator: ", ") }
            return NodeInfo(id: actor.id, label: actor.name, kind: actor.kind, state: state?.id, tooltip: tooltip)
        }
    }

    /// The drawn facts of each edge of a dataset view, in the projection's edge order.
    static func edgeInfos(_ projection: EventProjection, _ options: Options) -> [EdgeInfo] {
        let dataset = projection.dataset
        let arrow = projection.options.directed ? " → " : " — "
        return projection.edges.map { edge in
            let s = dataset[edge.source], t = dataset[edge.target]
            let n = edge.events.count
            var tooltip = s.name + arrow + t.name
            tooltip += "\n\(n) event\(n == 1 ? "" : "s"), \(edge.first)"
            if edge.last != edge.first { tooltip += " – \(edge.last)" }
            tooltip += " (weight \(DOTDocument.number(edge.weight)))"
            for id in edge.events.prefix(options.maxEventsInTooltip) {
                let e = dataset[id]
                tooltip += "\n\(e.date.text)  \(e.kind.rawValue)" + (e.subtype.map { " (\($0))" } ?? "") + "  [\(e.id)]"
            }
            if n > options.maxEventsInTooltip { tooltip += "\n… and \(n - options.maxEventsInTooltip) more" }
            return EdgeInfo(source: s.id, target: t.id, kinds: edge.kinds.sorted(), weight: edge.weight, tooltip: tooltip)
        }
    }

    /// The diagram of a plain graph (GraphML, CSV): neutral edges, shapes from a `kind` node
    /// attribute and boxes from a `state` node attribute when present.
    /// - Complexity: O(nodes + edges).
    public init(graph: Graph, options: Options = Options()) {
        let (nodes, edges, labelOf) = RelationshipDiagram.graphInfos(graph, options)
        self.document = RelationshipDiagram.assemble(
            directed: graph.isDirected, nodes: nodes, edges: edges, stateNames: labelOf,
            title: options.title, subtitle: [RelationshipDiagram.countLine(graph, includeIsolated: options.includeIsolated)],
            options: options, kindsKnown: false)
    }

    /// The drawn facts of each node and edge of a plain graph, and each node's label by name.
    ///
    /// A node is labelled with its `name` attribute (else its name in the graph) and its tooltip
    /// lists its attributes; an edge's tooltip names its ends, its `weight` and (at most
    /// ``Options/maxEventsInTooltip`` of) its events. A missing weight counts as 1.
    static func graphInfos(_ graph: Graph, _ options: Options) -> (nodes: [NodeInfo], edges: [EdgeInfo], labels: [String: String]) {
        let names = graph.nodeAttribute("name"), kinds = graph.nodeAttribute("kind"), states = graph.nodeAttribute("state")
        var labelOf: [String: String] = [:]
        let nodes: [NodeInfo] = graph.nodes.map { node in
            let id = graph.name(of: node)
            let label = names?[node.index]?.description ?? id
            labelOf[id] = label
            var tooltip = id
            for key in graph.nodeAttributeNames {
                if let value = graph.nodeAttribute(key)?[node.index] { tooltip += "\n\(key): \(value)" }
            }
            return NodeInfo(
                id: id, label: label, kind: kinds?[node.index].flatMap { ActorKind(rawValue: $0.description) },
                state: states?[node.index]?.description, tooltip: tooltip)
        }
        let weights = graph.edgeColumn("weight")
        let arrow = graph.isDirected ? " → " : " — "
        let edges: [EdgeInfo] = graph.edges.enumerated().map { i, e in
            let s = graph.name(of: e.source), t = graph.name(of: e.target)
            let w = weights?[i] ?? .nan
            var tooltip = (labelOf[s] ?? s) + arrow + (labelOf[t] ?? t)
            if w.isFinite { tooltip += "\nweight \(DOTDocument.number(w))" }
            let events = graph.edgeEvents(EdgeID(i))
            if !events.isEmpty {
                tooltip +=
                    "\n\(events.count) event\(events.count == 1 ? "" : "s"): "
                    + events.prefix(options.maxEventsInTooltip).joined(separator: ", ")
                    + (events.count > options.maxEventsInTooltip ? ", …" : "")
            }
            return EdgeInfo(source: s, target: t, kinds: [], weight: w.isFinite ? w : 1, tooltip: tooltip)
        }.signed(by: options)
        return (nodes, edges, labelOf)
    }

    /// Sets attribute `name`, replacing an earlier value in place.
    static func set(_ attributes: inout [DOTDocument.Attribute], _ name: String, _ value: DOTDocument.Value) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            attributes[i].value = value
        } else {
            attributes.append(.init(name, value))
        }
    }

    /// The statement of node `n`: its label, the shape and fill of its kind, its tooltip, and
    /// the marks of a broker and of a node on the highlighted path.
    static func nodeStatement(_ n: NodeInfo, broker: Bool = false, onPath: Bool = false) -> DOTDocument.Node {
        var attributes: [DOTDocument.Attribute] = [.init("label", .text(n.label))]
        if let kind = n.kind {
            attributes.append(.init("shape", .plain(shape(of: kind))))
            switch kind {
            case .person: break
            case .institution:
                attributes += [.init("style", .plain("filled,rounded")), .init("fillcolor", .plain("#EEF3F8"))]
            case .state:
                attributes += [.init("fillcolor", .plain("#F3EFE6")), .init("fontsize", .plain("13"))]
            }
        }
        if broker {
            set(&attributes, "fillcolor", .plain(brokerFill))
            set(&attributes, "penwidth", .plain("2"))
        }
        if onPath {
            set(&attributes, "color", .plain(pathColor))
            set(&attributes, "penwidth", .plain("3.5"))
        }
        var tooltip = n.tooltip
        if broker { tooltip += "\nbroker" }
        if onPath { tooltip += "\non the highlighted path" }
        attributes.append(.init("tooltip", .text(tooltip)))
        return DOTDocument.Node(id: n.id, attributes: attributes)
    }

    /// The statement of edge `e` drawn `width` wide: the colours of its kinds or its sign, and
    /// its tooltip; on the highlighted path it is drawn in the path's colour, at least 3.5 wide.
    static func edgeStatement(_ e: EdgeInfo, width: Double, onPath: Bool = false) -> DOTDocument.Edge {
        var attributes: [DOTDocument.Attribute] = []
        if onPath {
            attributes += [.init("color", .plain(pathColor)), .init("penwidth", .number(max(width, 3.5)))]
        } else {
            if let sign = e.sign {
                attributes += [.init("color", .plain(signColors[sign]!)), .init("style", .plain(signStyles[sign]!))]
            } else if !e.kinds.isEmpty {
                attributes.append(.init("color", .plain(e.kinds.map(color(of:)).joined(separator: ":"))))
            }
            attributes.append(.init("penwidth", .number(width)))
        }
        attributes.append(.init("tooltip", .text(e.tooltip)))
        return DOTDocument.Edge(source: e.source, target: e.target, attributes: attributes)
    }

    static func assemble(
        directed: Bool, nodes: [NodeInfo], edges: [EdgeInfo], stateNames: [String: String],
        title: String?, subtitle: [String], options: Options, kindsKnown: Bool
    ) -> DOTDocument {
        var doc = DOTDocument(name: "relationships", isDirected: directed)
        let font = DOTDocument.Value.plain(options.fontName)

        // Which nodes to draw.
        var connected = Set<String>()
        for e in edges { connected.insert(e.source); connected.insert(e.target) }
        let path = options.highlightedPath
        let pathNodes = Set(path)
        var drawn = nodes.filter { options.includeIsolated || connected.contains($0.id) || pathNodes.contains($0.id) || options.brokers.contains($0.id) }
        let drawnIDs = Set(drawn.map(\.id))
        var pathEdges = Set<[String]>()
        for (a, b) in zip(path, path.dropFirst()) {
            pathEdges.insert([a, b])
            if !directed { pathEdges.insert([b, a]) }
        }

        // Graph attributes: title, fonts, layout hints.
        var titleLines: [String] = []
        if let title, !title.isEmpty {
            titleLines.append("<FONT POINT-SIZE=\"18\"><B>\(DOTEscaping.html(title))</B></FONT>")
        }
        let counts = kindsKnown ? ["\(drawn.count) actors, \(edges.count) ties"] : []
        if options.showSubtitle {
            titleLines.append(
                "<FONT POINT-SIZE=\"11\" COLOR=\"#555555\">"
                    + DOTEscaping.html((counts + subtitle).joined(separator: " · ")) + "</FONT>")
        }
        var graphAttributes: [DOTDocument.Attribute] = [
            .init("fontname", font), .init("fontsize", .plain("12")), .init("bgcolor", .plain("white")),
            .init("pad", .plain("0.3")), .init("nodesep", .plain("0.35")), .init("ranksep", .plain("0.7")),
            .init("overlap", .plain("false")), .init("outputorder", .plain("edgesfirst")),
        ]
        // Curved edges read better than straight ones and cost little (true spline routing cost
        // 0.5 s on the seed diagram); large drawings keep straight lines.
        if edges.count <= splineLimit { graphAttributes.append(.init("splines", .plain("curved"))) }
        if !titleLines.isEmpty {
            graphAttributes += [
                .init("label", .html(titleLines.joined(separator: "<BR/>"))),
                .init("labelloc", .plain("t")), .init("labeljust", .plain("c")),
            ]
        }
        if let title, !title.isEmpty { graphAttributes.append(.init("tooltip", .text(title))) }
        if let seed = options.seed { graphAttributes.append(.init("start", .plain(String(seed)))) }
        // Layered left to right: on the seed dataset, dot's drawing has node boxes on 9.8% of
        // its canvas and 11 pt labels 14.3 px high in a 1600 px wide PNG, where fdp's had 4.6%
        // and 6.1 px (DiagramLegibilityTests); it keeps the state boxes. A renderer's `auto`
        // engine follows this hint for graphs within its size limit and uses sfdp beyond.
        graphAttributes += [.init("layout", .plain("dot")), .init("rankdir", .plain("LR"))]
        doc.graphAttributes = graphAttributes
        doc.nodeDefaults = [
            .init("fontname", font), .init("fontsize", .plain("11")), .init("style", .plain("filled")),
            .init("fillcolor", .plain("white")), .init("color", .plain("#444444")),
            .init("penwidth", .plain("1.2")), .init("margin", .plain("0.12,0.06")),
        ]
        doc.edgeDefaults = [
            .init("fontname", font), .init("fontsize", .plain("9")),
            .init("color", .plain(neutralEdge)),
        ]

        // Nodes.
        func statement(_ n: NodeInfo) -> DOTDocument.Node {
            nodeStatement(n, broker: options.brokers.contains(n.id), onPath: pathNodes.contains(n.id))
        }
        if options.clusterByState {
            // Group by state, in order of first appearance; a state node joins its own box.
            var order: [String] = []
            var members: [String: [NodeInfo]] = [:]
            for n in drawn {
                guard let state = n.state else { continue }
                if members[state] == nil { order.append(state) }
                members[state, default: []].append(n)
            }
            var clustered = Set<String>()
            for (k, state) in order.enumerated() {
                let group = members[state]!
                guard group.contains(where: { $0.id != state }) else { continue }
                clustered.formUnion(group.map(\.id))
                doc.subgraphs.append(
                    .init(
                        name: "cluster_\(k)",
                        attributes: [
                            .init("label", .text(stateNames[state] ?? state)), .init("style", .plain("rounded,filled")),
                            .init("fillcolor", .plain("#F7F7F7")), .init("color", .plain("#BBBBBB")),
                            .init("fontcolor", .plain("#555555")), .init("fontsize", .plain("12")),
                        ], nodes: group.map(statement)))
            }
            drawn.removeAll { clustered.contains($0.id) }
        }
        doc.nodes = drawn.map(statement)

        // Edges.
        let widths = PenWidthScale(weights: edges.map(\.weight))
        var kindsSeen = Set<EventKind>()
        var signsSeen = Set<Int8>()
        var mixedEdges = false
        for e in edges where drawnIDs.contains(e.source) && drawnIDs.contains(e.target) {
            if let sign = e.sign { signsSeen.insert(sign) } else { kindsSeen.formUnion(e.kinds) }
            mixedEdges = mixedEdges || (e.sign == nil && e.kinds.count > 1)
            doc.edges.append(edgeStatement(e, width: widths.width(of: e.weight), onPath: pathEdges.contains([e.source, e.target])))
        }

        // Legend.
        if options.showLegend {
            var rows: [String] = []
            func row(_ symbol: String, _ text: String) -> String {
                "<TR><TD ALIGN=\"CENTER\">\(symbol)</TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(text))</TD></TR>"
            }
            let line = "━━━"
            for kind in EventKind.allCases where kindsSeen.contains(kind) {
                rows.append(row("<FONT COLOR=\"\(color(of: kind))\">\(line)</FONT>", kind.rawValue))
            }
            if mixedEdges { rows.append(row("", "parallel lines: several kinds")) }
            for sign: Int8 in [1, -1, 0] where signsSeen.contains(sign) {
                let symbol = sign > 0 ? "━━━" : sign < 0 ? "╍╍╍" : "┈┈┈"
                rows.append(row("<FONT COLOR=\"\(signColors[sign]!)\">\(symbol)</FONT>", signNames[sign]!))
            }
            let kindsDrawn = Set(nodes.filter { drawnIDs.contains($0.id) }.compactMap(\.kind))
            for kind in ActorKind.allCases where kindsDrawn.contains(kind) {
                rows.append(row(["person": "ellipse", "institution": "box", "state": "double octagon"][kind.rawValue]!, kind.rawValue))
            }
            if !options.brokers.isDisjoint(with: drawnIDs) {
                rows.append("<TR><TD BGCOLOR=\"\(brokerFill)\" BORDER=\"1\"> </TD><TD ALIGN=\"LEFT\">broker</TD></TR>")
            }
            if path.count > 1 {
                rows.append(row("<FONT COLOR=\"\(pathColor)\">\(line)</FONT>", "highlighted path"))
            }
            if !rows.isEmpty {
                let table =
                    "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
                    + "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>" + rows.joined() + "</TABLE>"
                var legendID = "legend"
                let allIDs = Set(nodes.map(\.id))
                while allIDs.contains(legendID) { legendID = "_" + legendID }
                doc.nodes.append(
                    .init(
                        id: legendID,
                        attributes: [
                            .init("shape", .plain("plaintext")), .init("style", .plain("solid")),
                            .init("label", .html(table)), .init("tooltip", .text("legend")),
                        ]))
            }
        }
        return doc
    }
}

extension Array where Element == RelationshipDiagram.EdgeInfo {
    /// With the signs of `options` attached (``RelationshipDiagram/Options/edgeSigns``).
    func signed(by options: RelationshipDiagram.Options) -> [RelationshipDiagram.EdgeInfo] {
        RelationshipDiagram.signing(self, options)
    }
}
