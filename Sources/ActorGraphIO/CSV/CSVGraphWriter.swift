public import ActorGraphCore

/// Writes a ``/ActorGraphCore/Graph`` as two CSV files a spreadsheet, pandas or ``CSVGraphReader`` reads: an
/// edge list and a node table.
///
/// - **Edges** (`NAME.csv`): `source,target`, then the numeric edge columns, then the text
///   columns (each group sorted by name), then `events` (the ids of each edge's events joined
///   by `;`, see ``EventsColumn``) when the graph has provenance. One row per edge in edge
///   order, so parallel edges and self-loops stay. Numbers are written as integers when
///   integral (below 2^53), else in the shortest form that reads back exactly; a missing value
///   (`nan`) is an empty field; infinities are `inf` and `-inf`.
/// - **Nodes** (`NAME.nodes.csv`, ``nodesPath(forEdges:)``): `id`, then the node attributes
///   sorted by name, one row per node in node order, isolated nodes included.
///
/// Every cell goes through ``CSVCell/field(_:)`` (RFC 4180 quoting, spreadsheet
/// neutralisation). CSV has no place for the direction of the graph: read a directed graph
/// back with `directed: true`.
///
/// - Complexity: O(nodes · node attributes + edges · edge columns).
public enum CSVGraphWriter {
    /// The text of the two files.
    public struct Files: Hashable, Sendable {
        public let edges: String
        public let nodes: String
    }

    /// The node table's path beside an edge list: `out/x.csv` → `out/x.nodes.csv`.
    public static func nodesPath(forEdges path: String) -> String {
        let base = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return base + ".nodes.csv"
    }

    /// The edge list and node table of `graph`.
    /// - Throws: ``ExportError`` when a column name would be read as another column
    ///   (`source`, `target`, `from`, `to`, `id` in the node table) or names both a numeric and
    ///   a text column.
    public static func files(for graph: Graph) throws -> Files {
        let graph = EventsColumn.exposing(graph)
        let numeric = graph.edgeColumnNames.filter { name in graph.edgeColumn(name)!.contains { !$0.isNaN } }
        var text = graph.edgeTextColumnNames.filter { $0 != EventsColumn.name }
        if graph.edgeTextColumn(EventsColumn.name) != nil { text.append(EventsColumn.name) }
        let reserved = Set((CSVEdgeListReader.sourceColumnNames + CSVEdgeListReader.targetColumnNames))
        for name in numeric + text where reserved.contains(name.lowercased()) {
            throw ExportError(
                .columnNameConflict,
                "the edge attribute '\(name)' would be read as the \(CSVEdgeListReader.sourceColumnNames.contains(name.lowercased()) ? "source" : "target") column of a CSV edge list"
            )
        }
        if let both = Set(numeric).intersection(text).sorted().first {
            throw ExportError(.mixedColumnTypes, "the edge attribute '\(both)' has numbers and texts; a CSV column holds one or the other")
        }
        var edges = (["source", "target"] + numeric + text).map(CSVCell.field).joined(separator: ",") + "\n"
        let numericColumns = numeric.map { graph.edgeColumn($0)! }
        let textColumns = text.map { graph.edgeTextColumn($0)! }
        for (e, ends) in graph.edges.enumerated() {
            var row = [CSVCell.field(graph.nodeNames[ends.source.index]), CSVCell.field(graph.nodeNames[ends.target.index])]
            for column in numericColumns { row.append(number(column[e])) }
            for column in textColumns { row.append(column[e].map(CSVCell.field) ?? "") }
            edges += row.joined(separator: ",") + "\n"
        }

        let attributes = graph.nodeAttributeNames
        if attributes.contains("id") {
            throw ExportError(.columnNameConflict, "the node attribute 'id' would be read as the node table's id column")
        }
        var nodes = (["id"] + attributes).map(CSVCell.field).joined(separator: ",") + "\n"
        let columns = attributes.map { graph.nodeAttribute($0)! }
        for (n, name) in graph.nodeNames.enumerated() {
            var row = [CSVCell.field(name)]
            for column in columns {
                switch column[n] {
                case nil: row.append("")
                case .string(let s)?: row.append(CSVCell.field(s))
                case .int(let i)?: row.append(String(i))
                case .double(let d)?: row.append(number(d))
                case .bool(let b)?: row.append(b ? "true" : "false")
                }
            }
            nodes += row.joined(separator: ",") + "\n"
        }
        return Files(edges: edges, nodes: nodes)
    }

    /// Writes the edge list to `path` and the node table beside it (``nodesPath(forEdges:)``),
    /// each atomically (``AtomicFile``).
    /// - Throws: ``ExportError``, or ``FileError`` when a file cannot be written.
    public static func write(_ graph: Graph, to path: String) throws {
        let files = try files(for: graph)
        try AtomicFile.write(files.nodes, to: nodesPath(forEdges: path))
        try AtomicFile.write(files.edges, to: path)
    }

    /// A number cell: integral values without a fraction, `nan` as an empty field.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) <= 9_007_199_254_740_992 { return String(Int64(d)) }
        return "\(d)"
    }
}
