public import ActorGraphCore

/// Writes a ``/ActorGraphCore/Graph`` as GraphML in the shape networkx's `write_graphml` gives, so that
/// ``GraphMLReader`` and networkx's `read_graphml` read it back.
///
/// What is written:
/// - one `<graph>` with `edgedefault` from ``/ActorGraphCore/Graph/isDirected``; nodes in ``/ActorGraphCore/NodeID`` order with
///   their names as ids; edges in ``/ActorGraphCore/EdgeID`` order (parallel edges and self-loops included);
/// - node attributes, one key per attribute name and value type (`.int` → `long`, `.double` →
///   `double`, `.bool` → `boolean`, `.string` → `string`), as networkx does for mixed types;
/// - numeric edge columns as `long` when every value is an integer of at most 2^53 in
///   magnitude, else `double` (`nan` values, meaning missing, are left out; infinities are
///   written `inf`/`-inf`); text edge columns as `string`; the text column `id`, if any, as
///   the edges' `id` attributes, as the reader reads it;
/// - graph attributes as `<data>` of the `<graph>`.
///
/// Keys are numbered `d0`, `d1`, … in a fixed order (graph, node, then edge attributes, each
/// sorted by name), so the output is deterministic. Text is escaped for XML; carriage returns
/// and, in attributes, tabs and line feeds are written as character references so they survive
/// XML's normalisation.
public enum GraphMLWriter {
    /// The GraphML text of `document`.
    /// - Throws: ``ExportError`` when a name or value holds a character XML 1.0 cannot
    ///   represent (control characters other than tab, line feed and carriage return).
    public static func string(for document: GraphMLDocument) throws -> String {
        var writer = Writer()
        try writer.write(document)
        return writer.out
    }

    /// The GraphML text of `graph`.
    /// - Throws: ``ExportError`` as ``string(for:)-(GraphMLDocument)``.
    public static func string(for graph: Graph) throws -> String {
        try string(for: GraphMLDocument(graph: graph))
    }

    /// Writes `document` to `path` atomically (see ``AtomicFile``).
    /// - Throws: ``ExportError``, or ``FileError`` when the file cannot be written.
    public static func write(_ document: GraphMLDocument, to path: String) throws {
        try AtomicFile.write(try string(for: document), to: path)
    }

    /// Writes `graph` to `path` atomically (see ``AtomicFile``).
    /// - Throws: ``ExportError``, or ``FileError`` when the file cannot be written.
    public static func write(_ graph: Graph, to path: String) throws {
        try write(GraphMLDocument(graph: graph), to: path)
    }
}

private struct Writer {
    var out = ""
    private var nextKey = 0

    private enum ValueKind: Int, Comparable {
        case long, double, boolean, string
        var attrType: String {
            switch self {
            case .long: "long"
            case .double: "double"
            case .boolean: "boolean"
            case .string: "string"
            }
        }
        init(_ value: AttributeValue) {
            switch value {
            case .int: self = .long
            case .double: self = .double
            case .bool: self = .boolean
            case .string: self = .string
            }
        }
        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    private mutating func key(for domain: String, name: String, kind: ValueKind) throws -> String {
        let id = "d\(nextKey)"
        nextKey += 1
        out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\""
        try escape(name, attribute: true, what: "the \(domain) attribute name '\(name)'")
        out += "\" attr.type=\"\(kind.attrType)\" />\n"
        return id
    }

    mutating func write(_ document: GraphMLDocument) throws {
        let graph = document.graph
        out.reserveCapacity(64 * (graph.nodeCount + graph.edgeCount) + 512)
        out += "<?xml version='1.0' encoding='utf-8'?>\n"
        out +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"

        // Keys.
        var graphKeys: [(name: String, id: String, value: AttributeValue)] = []
        for name in document.graphAttributes.keys.sorted() {
            let value = document.graphAttributes[name]!
            graphKeys.append((name, try key(for: "graph", name: name, kind: ValueKind(value)), value))
        }
        var nodeKeys: [(column: [AttributeValue?], kind: ValueKind, id: String)] = []
        for name in graph.nodeAttributeNames {
            let column = graph.nodeAttribute(name)!
            let kinds = Set(column.compactMap { $0.map(ValueKind.init) }).sorted()
            for kind in kinds {
                nodeKeys.append((column, kind, try key(for: "node", name: name, kind: kind)))
            }
        }
        var numericKeys: [(column: ContiguousArray<Double>, integral: Bool, id: String)] = []
        for name in graph.edgeColumnNames {
            let column = graph.edgeColumn(name)!
            let present = column.filter { !$0.isNaN }
            if present.isEmpty { continue }
            let integral = present.allSatisfy { $0.isFinite && $0 == $0.rounded() && abs($0) <= 9_007_199_254_740_992 }
            numericKeys.append((column, integral, try key(for: "edge", name: name, kind: integral ? .long : .double)))
        }
        var textKeys: [(column: [String?], id: String)] = []
        for name in graph.edgeTextColumnNames where name != "id" {
            let column = graph.edgeTextColumn(name)!
            if column.allSatisfy({ $0 == nil }) { continue }
            textKeys.append((column, try key(for: "edge", name: name, kind: .string)))
        }
        let edgeIDs = graph.edgeTextColumn("id")

        out += graph.isDirected ? "  <graph edgedefault=\"directed\"" : "  <graph edgedefault=\"undirected\""
        if let id = document.graphID {
            out += " id=\""
            try escape(id, attribute: true, what: "the graph id")
            out += "\""
        }
        out += ">\n"

        // Nodes.
        for node in 0..<graph.nodeCount {
            let name = graph.nodeNames[node]
            out += "    <node id=\""
            try escape(name, attribute: true, what: "node '\(name)'")
            var open = false
            for (column, kind, id) in nodeKeys {
                guard let value = column[node], ValueKind(value) == kind else { continue }
                if !open { out += "\">\n"; open = true }
                try data(id, value, what: "an attribute of node '\(name)'")
            }
            out += open ? "    </node>\n" : "\" />\n"
        }

        // Edges.
        for (e, endpoints) in graph.edges.enumerated() {
            out += "    <edge source=\""
            try escape(graph.nodeNames[endpoints.source.index], attribute: true, what: "node name")
            out += "\" target=\""
            try escape(graph.nodeNames[endpoints.target.index], attribute: true, what: "node name")
            out += "\""
            if let id = edgeIDs?[e] {
                out += " id=\""
                try escape(id, attribute: true, what: "the id of edge \(e)")
                out += "\""
            }
            var open = false
            for (column, integral, id) in numericKeys where !column[e].isNaN {
                if !open { out += ">\n"; open = true }
                let v = column[e]
                out += "      <data key=\"\(id)\">"
                out += integral ? String(Int64(v)) : Writer.format(v)
                out += "</data>\n"
            }
            for (column, id) in textKeys {
                guard let text = column[e] else { continue }
                if !open { out += ">\n"; open = true }
                try data(id, .string(text), what: "a text attribute of edge \(e)")
            }
            out += open ? "    </edge>\n" : " />\n"
        }

        for (name, id, value) in graphKeys {
            try data(id, value, indent: "    ", what: "graph attribute '\(name)'")
        }
        out += "  </graph>\n</graphml>\n"
    }

    private mutating func data(_ key: String, _ value: AttributeValue, indent: String = "      ", what: String) throws {
        out += indent + "<data key=\"\(key)\">"
        switch value {
        case .string(let s): try escape(s, attribute: false, what: what)
        case .int(let i): out += String(i)
        case .double(let d): out += Writer.format(d)
        case .bool(let b): out += b ? "true" : "false"
        }
        out += "</data>\n"
    }

    /// Shortest round-tripping decimal; `inf`, `-inf`, `nan` as Python's `float()` reads them.
    static func format(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return "\(d)"
    }

    private mutating func escape(_ s: String, attribute: Bool, what: @autoclosure () -> String) throws {
        // Fast path: nothing to escape.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) {
            out += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += attribute ? "&quot;" : "\""
            case "\r": out += "&#13;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                throw ExportError(
                    .unrepresentableCharacter,
                    "\(what()) holds the character U+\(String(scalar.value, radix: 16, uppercase: true)), which XML 1.0 cannot represent")
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
