public import ActorGraphCore
public import ActorGraphIO

/// The evidence of one actor's brokerage, for a report: one panel (cluster) per brokered
/// relation, each showing the side the broker linked first, the broker, the other side, and on
/// each link the dated events that show it, laid out left to right in time order.
///
/// Each panel is `from → broker → to` (Graphviz `dot`, `rankdir=LR`): for a temporal brokerage
/// `from` is the actor the broker met first, so earlier contacts stand to the left; for an
/// explicit one (a source names the broker) the sides are as the finding orders them. The
/// contact that later tied the two sides directly, if any, is drawn dashed from `from` to `to`.
/// Panels are stacked in date order. An event shows a link when both ends of the link take part
/// in it (participants, source, target, broker, principal, or their state after roll-up); a
/// finding none of whose events names both ends of a link labels that link with all its events.
///
/// The brokered relations come from the analysis (``Link``; `actorgraph` builds them from
/// Gould-Fernandez brokerage findings, Gould & Fernandez 1989), so this type needs no analysis.
public struct BrokerageDiagram: Sendable {
    /// One brokered relation: `broker` stood between `from` and `to`, shown by `events`.
    public struct Link: Hashable, Sendable {
        public var broker: ActorID
        public var from: ActorID
        public var to: ActorID
        /// Why the relation is asserted (`explicit`, `temporal`).
        public var basis: String
        /// The broker's Gould-Fernandez role (`liaison`, `representative`, ...).
        public var role: String
        /// The evidence, in date order.
        public var events: [EventID]

        public init(broker: ActorID, from: ActorID, to: ActorID, basis: String, role: String, events: [EventID]) {
            self.broker = broker
            self.from = from
            self.to = to
            self.basis = basis
            self.role = role
            self.events = events
        }
    }

    /// The diagram as a DOT document.
    public let document: DOTDocument
    /// The diagram as DOT text.
    public var dot: String { document.text }

    /// The panels of `links` (all with the same broker), in date order of their first event.
    /// - Precondition: `links` is not empty.
    /// - Complexity: O(links × events × participants).
    public init(dataset: Dataset, links: [Link], title: String? = nil, fontName: String = "sans-serif") {
        precondition(!links.isEmpty, "a brokerage diagram needs at least one brokered relation")
        let font = DOTDocument.Value.plain(fontName)
        let stateOf = EventProjection.representatives(dataset, .state)
        let broker = dataset[links[0].broker]
        func start(_ link: Link) -> Day { link.events.map { dataset[$0].date.start }.min() ?? Day(daysSinceEpoch: 0) }
        let ordered = links.enumerated().sorted { (start($0.element), $0.offset) < (start($1.element), $1.offset) }.map(\.element)

        var doc = DOTDocument(name: "brokerage", isDirected: true)
        let heading = title ?? "\(broker.name) as broker"
        let subtitle = "\(ordered.count) brokered relation\(ordered.count == 1 ? "" : "s") · left to right in time · labels: dated events"
        doc.graphAttributes = [
            .init("fontname", font), .init("fontsize", .plain("12")), .init("bgcolor", .plain("white")),
            .init("rankdir", .plain("LR")), .init("pad", .plain("0.2")), .init("nodesep", .plain("0.3")),
            .init("ranksep", .plain("0.9")), .init("newrank", .plain("true")),
            .init("label", TitleLabel.html(heading: heading, subtitle: subtitle)),
            .init("labelloc", .plain("t")), .init("labeljust", .plain("c")), .init("tooltip", .text(heading)),
        ]
        doc.nodeDefaults = [
            .init("fontname", font), .init("fontsize", .plain("12")), .init("style", .plain("filled")),
            .init("fillcolor", .plain("white")), .init("color", .plain("#444444")),
            .init("penwidth", .plain("1.2")), .init("margin", .plain("0.12,0.06")),
        ]
        doc.edgeDefaults = [.init("fontname", font), .init("fontsize", .plain("10")), .init("color", .plain("#444444"))]

        /// The actors an event involves, with their states.
        func involved(_ event: EventID) -> Set<ActorID> {
            let e = dataset[event]
            var set = Set(e.participants)
            for a in [e.source, e.target, e.broker, e.principal].compactMap({ $0 }) { set.insert(a) }
            return set.union(set.map { stateOf[$0.index] })
        }
        func line(_ event: EventID) -> String {
            let e = dataset[event]
            return "\(EgoDiagram.readable(e.date.text))  \(e.kind.rawValue)" + (e.subtype.map { " (\($0))" } ?? "")
        }
        func tooltip(_ events: [EventID]) -> String {
            events.map { "\(dataset[$0].date.text) [\(dataset[$0].id)]" + (dataset[$0].summary.map { "\n" + $0 } ?? "") }
                .joined(separator: "\n")
        }
        func node(_ id: String, _ actor: ActorRecord, isBroker: Bool) -> DOTDocument.Node {
            var attributes: [DOTDocument.Attribute] = [
                .init("label", .text(actor.name)), .init("shape", .plain(RelationshipDiagram.shape(of: actor.kind))),
            ]
            if actor.kind == .institution { attributes.append(.init("style", .plain("filled,rounded"))) }
            if isBroker {
                attributes += [.init("fillcolor", .plain(RelationshipDiagram.brokerFill)), .init("penwidth", .plain("2"))]
            }
            attributes.append(.init("tooltip", .text("\(actor.name) (\(actor.kind.rawValue))\nid: \(actor.id)")))
            return .init(id: id, attributes: attributes)
        }

        for (k, link) in ordered.enumerated() {
            let p = "p\(k + 1):"
            let from = dataset[link.from], to = dataset[link.to]
            let a = BrokerageDiagram.involvedSplit(link, involved)
            let first = link.events.first.map { dataset[$0].date.text } ?? ""
            let last = link.events.last.map { dataset[$0].date.text } ?? ""
            let period = EgoDiagram.readable(first == last ? first : "\(first)/\(last)")
            let panel = "\(k + 1). \(from.name) – \(to.name) · \(link.basis), \(link.role) · \(period)"
            doc.subgraphs.append(
                .init(
                    name: "cluster_\(k + 1)",
                    attributes: [
                        .init("label", .text(panel)), .init("labeljust", .plain("l")), .init("style", .plain("rounded,filled")),
                        .init("fillcolor", .plain("#F7F7F7")), .init("color", .plain("#BBBBBB")), .init("fontsize", .plain("12")),
                    ],
                    nodes: [
                        node(p + from.id, from, isBroker: false), node(p + broker.id, broker, isBroker: true),
                        node(p + to.id, to, isBroker: false),
                    ]))
            func edge(_ s: String, _ t: String, _ events: [EventID], dashed: Bool) -> DOTDocument.Edge {
                var attributes: [DOTDocument.Attribute] = [.init("label", .text(events.map(line).joined(separator: "\n")))]
                let kinds = Set(events.map { dataset[$0].kind })
                if kinds.count == 1, let kind = kinds.first {
                    attributes.append(.init("color", .plain(RelationshipDiagram.color(of: kind))))
                }
                attributes.append(.init("penwidth", .plain("2")))
                if dashed { attributes += [.init("style", .plain("dashed")), .init("constraint", .plain("false"))] }
                attributes.append(.init("tooltip", .text(tooltip(events))))
                return .init(source: p + s, target: p + t, attributes: attributes)
            }
            doc.edges.append(edge(from.id, broker.id, a.first, dashed: false))
            doc.edges.append(edge(broker.id, to.id, a.second, dashed: false))
            if !a.closing.isEmpty { doc.edges.append(edge(from.id, to.id, a.closing, dashed: true)) }
        }
        // With rankdir=LR, Graphviz stacks the clusters bottom-up in the order given: reversed,
        // the first panel is on top.
        doc.subgraphs.reverse()
        document = doc
    }

    /// The events that show each link of `link`: broker with `from`, broker with `to`, and the
    /// contact of `from` with `to` without the broker (the closure of a temporal brokerage).
    static func involvedSplit(_ link: Link, _ involved: (EventID) -> Set<ActorID>)
        -> (first: [EventID], second: [EventID], closing: [EventID])
    {
        var first: [EventID] = [], second: [EventID] = [], closing: [EventID] = []
        for e in link.events {
            let set = involved(e)
            let withBroker = set.contains(link.broker)
            if withBroker && set.contains(link.from) { first.append(e) }
            if withBroker && set.contains(link.to) { second.append(e) }
            if !withBroker && set.contains(link.from) && set.contains(link.to) { closing.append(e) }
        }
        if first.isEmpty { first = link.events }
        if second.isEmpty { second = link.events }
        return (first, second, closing)
    }
}
