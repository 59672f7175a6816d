public import ActorGraphCore
public import ActorGraphIO

/// A dataset view in time: one row per actor, one column per event in date order, a mark where
/// an actor takes part in an event and a line joining the marks of one event (the tie it makes),
/// so that a sequence of contacts reads left to right.
///
/// Every position is computed here and pinned (`pos="x,y!"`, drawn with `neato`): rows in order
/// of each actor's first event, columns one per event sorted by start date (events of one date
/// side by side, the date written above the first of them, cycling through three header lines
/// so neighbouring dates do not overlap). Marks are coloured by event kind; a broker's mark is a
/// diamond. A faint line runs along each row.
///
/// The events are those of the view (its kinds and window), with or without an edge; after a
/// roll-up an actor's representative takes its row.
public struct TimelineDiagram: Sendable {
    /// The diagram as a DOT document.
    public let document: DOTDocument
    /// The diagram as DOT text.
    public var dot: String { document.text }
    /// The actor ids of the rows, top to bottom.
    public let rows: [String]
    /// The event ids of the columns, left to right.
    public let columns: [String]

    /// Column width and row height, in inches.
    static let columnWidth = 0.32, rowHeight = 0.3

    /// The timeline of a dataset view: the projection and the dataset it keeps.
    /// - Complexity: O(events × participants + actors) plus the sort of the events.
    public init(projection: EventProjection, title: String? = nil, fontName: String = "sans-serif") {
        let dataset = projection.dataset
        let font = DOTDocument.Value.plain(fontName)
        let rep = projection.representative
        let events = Set(projection.eventsUsed + projection.eventsWithoutEdges)
            .sorted { (dataset[$0].date.start, dataset[$0].date.end, $0.index) < (dataset[$1].date.start, dataset[$1].date.end, $1.index) }
        /// The actors of an event (representatives), each once, brokers last.
        func parties(_ event: EventID) -> (actors: [ActorID], broker: ActorID?) {
            let e = dataset[event]
            var seen = Set<ActorID>(), out: [ActorID] = []
            for a in e.participants + [e.source, e.target, e.principal].compactMap({ $0 }) where seen.insert(rep[a.index]).inserted {
                out.append(rep[a.index])
            }
            let broker = e.broker.map { rep[$0.index] }
            if let broker, seen.insert(broker).inserted { out.append(broker) }
            return (out, broker)
        }
        var rowOf: [ActorID: Int] = [:], rowActors: [ActorID] = []
        for e in events {
            for a in parties(e).actors where rowOf[a] == nil {
                rowOf[a] = rowActors.count
                rowActors.append(a)
            }
        }
        rows = rowActors.map { dataset[$0].id }
        // The name column fits the longest name (about 0.065 in a character at 10 pt).
        let nameWidth = 0.5 + 0.065 * Double(rowActors.map { dataset[$0].name.count }.max() ?? 8)
        columns = events.map { dataset[$0].id }

        func x(_ column: Int) -> Double { nameWidth + Double(column) * Self.columnWidth }
        func y(_ row: Int) -> Double { -Double(row) * Self.rowHeight }
        func pos(_ x: Double, _ y: Double) -> DOTDocument.Attribute {
            .init("pos", .plain(DOTDocument.number(x) + "," + DOTDocument.number(y) + "!"))
        }

        var doc = DOTDocument(name: "timeline", isDirected: false)
        let heading = title ?? (dataset.title.map { "\($0): timeline" } ?? "Timeline")
        var subtitle = "\(rowActors.count) actors, \(events.count) events · one column per event, in date order"
        if let first = events.first, let last = events.last {
            subtitle += " · \(dataset[first].date.text) – \(dataset[last].date.text)"
        }
        doc.graphAttributes = [
            .init("layout", .plain("neato")), .init("fontname", font), .init("fontsize", .plain("12")),
            .init("bgcolor", .plain("white")), .init("pad", .plain("0.2")), .init("splines", .plain("false")),
            .init("overlap", .plain("true")), .init("outputorder", .plain("edgesfirst")),
            .init("label", TitleLabel.html(heading: heading, subtitle: subtitle)),
            .init("labelloc", .plain("t")), .init("labeljust", .plain("c")), .init("tooltip", .text(heading)),
        ]
        doc.nodeDefaults = [.init("fontname", font), .init("fontsize", .plain("10")), .init("fixedsize", .plain("true"))]
        doc.edgeDefaults = [.init("penwidth", .plain("2"))]

        // Row names and faint row lines.
        let end = x(max(events.count - 1, 0)) + Self.columnWidth / 2
        for (r, actor) in rowActors.enumerated() {
            let record = dataset[actor]
            doc.nodes.append(
                .init(
                    id: "row:" + record.id,
                    attributes: [
                        .init("label", .text(record.name + "\r")), .init("shape", .plain("plaintext")),
                        .init("width", .number(nameWidth - 0.3)), .init("height", .number(Self.rowHeight * 0.9)),
                        pos((nameWidth - 0.3) / 2, y(r)),
                        .init("tooltip", .text("\(record.name) (\(record.kind.rawValue))\nid: \(record.id)")),
                    ]))
            doc.nodes.append(
                .init(
                    id: "rowend:" + record.id,
                    attributes: [
                        .init("shape", .plain("point")), .init("style", .plain("invis")), .init("width", .plain("0.01")), pos(end, y(r)),
                    ]))
            doc.edges.append(
                .init(
                    source: "row:" + record.id, target: "rowend:" + record.id,
                    attributes: [
                        .init("color", .plain("#E4E4E4")), .init("penwidth", .plain("1")), .init("tooltip", .text(record.name)),
                    ]))
        }
        // Date headers, cycling through three lines.
        var previousDate: String? = nil, header = 0
        for (c, event) in events.enumerated() {
            let e = dataset[event]
            // The start of the date, year over the rest: "2020" over "11-09".
            let start = e.date.text.split(separator: "/").first.map(String.init) ?? e.date.text
            guard start != previousDate else { continue }
            previousDate = start
            let parts = start.split(separator: "-", maxSplits: 1).map(String.init)
            doc.nodes.append(
                .init(
                    id: "date:\(c)",
                    attributes: [
                        .init("label", .text(parts.joined(separator: "\n"))), .init("shape", .plain("plaintext")),
                        .init("fontsize", .plain("8")), .init("fontcolor", .plain("#555555")),
                        .init("width", .plain("0.5")), .init("height", .plain("0.26")),
                        pos(x(c), Self.rowHeight * (1.2 + Double(header % 3))),
                        .init("tooltip", .text(e.date.text)),
                    ]))
            header += 1
        }
        // Marks and the ties of each event.
        for (c, event) in events.enumerated() {
            let e = dataset[event]
            let (actors, broker) = parties(event)
            let colour = RelationshipDiagram.color(of: e.kind)
            let text =
                "\(e.date.text)  \(e.kind.rawValue)" + (e.subtype.map { " (\($0))" } ?? "") + "  [\(e.id)]"
                + "\n" + actors.map { dataset[$0].name }.joined(separator: ", ") + (e.summary.map { "\n" + $0 } ?? "")
            let marks = actors.sorted { rowOf[$0]! < rowOf[$1]! }
            for a in marks {
                let isBroker = a == broker
                doc.nodes.append(
                    .init(
                        id: "e\(c):" + dataset[a].id,
                        attributes: [
                            .init("label", .plain("")), .init("shape", .plain(isBroker ? "diamond" : "circle")),
                            .init("width", .plain(isBroker ? "0.2" : "0.14")), .init("height", .plain(isBroker ? "0.2" : "0.14")),
                            .init("style", .plain("filled")), .init("fillcolor", .plain(colour)), .init("color", .plain(colour)),
                            pos(x(c), y(rowOf[a]!)), .init("tooltip", .text(text)),
                        ]))
            }
            for (s, t) in zip(marks, marks.dropFirst()) {
                doc.edges.append(
                    .init(
                        source: "e\(c):" + dataset[s].id, target: "e\(c):" + dataset[t].id,
                        attributes: [
                            .init("color", .plain(colour)), .init("tooltip", .text(text)),
                        ]))
            }
        }
        // Legend: the kinds drawn.
        let kinds = Set(events.map { dataset[$0].kind })
        var rowsHTML = EventKind.allCases.filter(kinds.contains).map {
            "<TR><TD><FONT COLOR=\"\(RelationshipDiagram.color(of: $0))\">●</FONT></TD><TD ALIGN=\"LEFT\">\($0.rawValue)</TD></TR>"
        }
        if events.contains(where: { dataset[$0].broker != nil }) {
            rowsHTML.append("<TR><TD>◆</TD><TD ALIGN=\"LEFT\">broker of the event</TD></TR>")
        }
        if !rowsHTML.isEmpty {
            doc.nodes.append(
                .init(
                    id: "legend",
                    attributes: [
                        .init("shape", .plain("plaintext")), .init("fixedsize", .plain("false")),
                        .init(
                            "label",
                            .html(
                                "<TABLE BORDER=\"1\" COLOR=\"#BBBBBB\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">"
                                    + "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>" + rowsHTML.joined() + "</TABLE>")),
                        pos((nameWidth - 0.3) / 2, Self.rowHeight * 4.2 + 0.3), .init("tooltip", .text("legend")),
                    ]))
        }
        document = doc
    }
}
