public import ActorGraphCore

/// Writes a ``/ActorGraphCore/Graph`` as GEXF 1.3 (<https://gexf.net>, the format of Gephi), with **time
/// spells** from the dates of each edge's events, so Gephi's timeline shows when actors were
/// in contact.
///
/// ## What is written
/// - `<graph defaultedgetype>` from ``/ActorGraphCore/Graph/isDirected``; nodes in ``/ActorGraphCore/NodeID`` order with their
///   names as ids and the `name` attribute (when it is text) as the label; edges in
///   ``/ActorGraphCore/EdgeID`` order with their index as id, so parallel edges and self-loops stay.
/// - Node attributes as `<attributes class="node">` typed `string`, `long`, `double` or
///   `boolean` (`string` when one name holds values of several types), so an actor's `kind`
///   and `state` can colour and partition nodes in Gephi.
/// - The numeric column `weight` as each edge's `weight`; the other numeric columns as `double`
///   edge attributes (`nan`, meaning missing, is left out); text columns as `string`
///   attributes; the text column `layer` also as the edge's `kind`, GEXF 1.3's way to keep
///   parallel edges of different layers apart; the event ids of each edge as the attribute
///   `events` (joined by `;`, see ``EventsColumn``).
/// - **Spells**: for each edge, the dates of its events whose ids `eventDates` knows, as closed
///   intervals of days (`timeformat="date"`, GEXF 1.3's inclusive `start` and `end`): a day
///   `2020-11-13` is `[2020-11-13, 2020-11-13]`, a month `2020-11` is
///   `[2020-11-01, 2020-11-30]`, a year `2014` is `[2014-01-01, 2014-12-31]`, a range spans from
///   its first to its last day. Intervals of one edge that overlap are merged into one
///   (Gephi refuses overlapping intervals on one element); spells are sorted by start. The
///   graph is `mode="dynamic"` when some edge has a spell, else `static`. Nodes have no spells:
///   they exist throughout.
///
/// Attribute ids are `n0`, `n1`, … and `e0`, `e1`, … in name order, so the output is
/// deterministic. Text is escaped for XML; characters XML 1.0 cannot hold are an error.
///
/// - Complexity: O(nodes · node attributes + edges · (edge columns + events · log events)).
public enum GEXFWriter {
    /// The GEXF 1.3 text of `graph`; `eventDates` gives the date of each event id for spells.
    /// - Throws: ``ExportError`` for a text holding a character XML 1.0 cannot represent.
    public static func string(for graph: Graph, eventDates: [String: EventDate] = [:]) throws -> String {
        var w = Writer()
        try w.write(graph, eventDates: eventDates)
        return w.out
    }

    /// The GEXF 1.3 text of `graph`, with spells from the dates of `dataset`'s events.
    public static func string(for graph: Graph, dataset: Dataset) throws -> String {
        try string(for: graph, eventDates: eventDates(of: dataset))
    }

    /// Writes `graph` to `path` atomically (``AtomicFile``).
    /// - Throws: ``ExportError``, or ``FileError`` when the file cannot be written.
    public static func write(_ graph: Graph, eventDates: [String: EventDate] = [:], to path: String) throws {
        try AtomicFile.write(try string(for: graph, eventDates: eventDates), to: path)
    }

    /// Event id → date, for every event of `dataset`.
    public static func eventDates(of dataset: Dataset) -> [String: EventDate] {
        Dictionary(dataset.events.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
    }

    /// The spells of one edge: the events' date intervals, sorted, overlapping ones merged.
    /// O(k log k) for k events.
    public static func spells(events: [String], eventDates: [String: EventDate]) -> [ClosedRange<Day>] {
        let intervals = events.compactMap { eventDates[$0] }.map { $0.start...$0.end }
            .sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [ClosedRange<Day>] = []
        for r in intervals {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

private struct Writer {
    var out = ""

    mutating func write(_ graph: Graph, eventDates: [String: EventDate]) throws {
        // Node attribute declarations: one type per name.
        var nodeAttributes: [(id: String, name: String, type: String, column: [AttributeValue?])] = []
        for (i, name) in graph.nodeAttributeNames.enumerated() {
            let column = graph.nodeAttribute(name)!
            let types = Set(column.compactMap { $0.map(Writer.type) })
            nodeAttributes.append(("n\(i)", name, types.count == 1 ? types.first! : "string", column))
        }
        let weight = graph.edgeColumn("weight")
        let numeric = graph.edgeColumnNames.filter { $0 != "weight" }.map { ($0, graph.edgeColumn($0)!) }
            .filter { $0.1.contains { !$0.isNaN } }
        var text = graph.edgeTextColumnNames.filter { $0 != EventsColumn.name }.map { ($0, graph.edgeTextColumn($0)!) }
        if graph.hasEventProvenance {
            text.append(
                (
                    EventsColumn.name,
                    graph.edges.indices.map { e in
                        let ids = graph.edgeEvents(EdgeID(e))
                        return ids.isEmpty ? nil : ids.joined(separator: String(EventsColumn.separator))
                    }
                ))
        } else if let column = graph.edgeTextColumn(EventsColumn.name) {
            text.append((EventsColumn.name, column))
        }
        let edgeAttributes: [(id: String, name: String, type: String)] =
            (numeric.map { ($0.0, "double") } + text.map { ($0.0, "string") }).enumerated().map { ("e\($0.offset)", $0.element.0, $0.element.1) }
        let spells: [[ClosedRange<Day>]] = graph.edges.indices.map { e in
            GEXFWriter.spells(events: graph.edgeEvents(EdgeID(e)), eventDates: eventDates)
        }
        let dynamic = spells.contains { !$0.isEmpty }
        let layers = graph.edgeTextColumn("layer")
        let labels = graph.nodeAttribute("name")

        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
        out += "  <meta>\n    <creator>ActorGraph</creator>\n  </meta>\n"
        out += "  <graph defaultedgetype=\"\(graph.isDirected ? "directed" : "undirected")\" mode=\"\(dynamic ? "dynamic" : "static")\""
        out += dynamic ? " timeformat=\"date\">\n" : ">\n"
        if !nodeAttributes.isEmpty {
            out += "    <attributes class=\"node\">\n"
            for a in nodeAttributes {
                out += "      <attribute id=\"\(a.id)\" title=\"\(try escape(a.name))\" type=\"\(a.type)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        if !edgeAttributes.isEmpty {
            out += "    <attributes class=\"edge\">\n"
            for a in edgeAttributes {
                out += "      <attribute id=\"\(a.id)\" title=\"\(try escape(a.name))\" type=\"\(a.type)\"/>\n"
            }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for (n, name) in graph.nodeNames.enumerated() {
            out += "      <node id=\"\(try escape(name))\""
            if case .string(let label)? = labels?[n] { out += " label=\"\(try escape(label))\"" }
            let values = nodeAttributes.compactMap { a in a.column[n].map { (a.id, a.type, $0) } }
            if values.isEmpty { out += "/>\n"; continue }
            out += ">\n        <attvalues>\n"
            for (id, _, value) in values {
                out += "          <attvalue for=\"\(id)\" value=\"\(try escape(Writer.text(value)))\"/>\n"
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (e, ends) in graph.edges.enumerated() {
            out +=
                "      <edge id=\"\(e)\" source=\"\(try escape(graph.nodeNames[ends.source.index]))\" target=\"\(try escape(graph.nodeNames[ends.target.index]))\""
            if let w = weight?[e], !w.isNaN { out += " weight=\"\(Writer.number(w))\"" }
            if let layer = layers?[e] { out += " kind=\"\(try escape(layer))\"" }
            var values: [(String, String)] = []
            for (i, (_, column)) in numeric.enumerated() where !column[e].isNaN {
                values.append((edgeAttributes[i].id, Writer.number(column[e])))
            }
            for (j, (_, column)) in text.enumerated() {
                if let s = column[e] { values.append((edgeAttributes[numeric.count + j].id, s)) }
            }
            if values.isEmpty && spells[e].isEmpty { out += "/>\n"; continue }
            out += ">\n"
            if !values.isEmpty {
                out += "        <attvalues>\n"
                for (id, value) in values { out += "          <attvalue for=\"\(id)\" value=\"\(try escape(value))\"/>\n" }
                out += "        </attvalues>\n"
            }
            if !spells[e].isEmpty {
                out += "        <spells>\n"
                for s in spells[e] { out += "          <spell start=\"\(s.lowerBound)\" end=\"\(s.upperBound)\"/>\n" }
                out += "        </spells>\n"
            }
            out += "      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
    }

    static func type(_ value: AttributeValue) -> String {
        switch value {
        case .string: "string"
        case .int: "long"
        case .double: "double"
        case .bool: "boolean"
        }
    }

    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .double(let d): number(d)
        default: value.description
        }
    }

    /// Shortest round-tripping decimal; `INF`, `-INF`, `NaN` as XML Schema's `xs:double` spells them.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "INF" : "-INF" }
        return "\(d)"
    }

    /// `s` escaped for a double-quoted XML attribute; tabs, line feeds and carriage returns as
    /// character references so attribute normalisation keeps them.
    func escape(_ s: String) throws -> String {
        var r = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "\t": r += "&#9;"
            case "\n": r += "&#10;"
            case "\r": r += "&#13;"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                throw ExportError(
                    .unrepresentableCharacter,
                    "the text '\(s.prefix(40))' holds the character U+\(String(scalar.value, radix: 16, uppercase: true)), which XML 1.0 cannot represent")
            default: r.unicodeScalars.append(scalar)
            }
        }
        return r
    }
}
