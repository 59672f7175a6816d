public import ActorGraphCore
public import Foundation

/// Reads the two CSV files ``CSVGraphWriter`` writes: an edge list (read by
/// ``CSVEdgeListReader``, every rule of which applies) and, when given, a node table.
///
/// ## The node table
/// RFC 4180, a header row with a column named `id` (case-insensitive) and one column per node
/// attribute, then one row per node. Nodes come in the table's order, then the nodes that only
/// the edge list names (in its order), so a graph written by ``CSVGraphWriter`` comes back with
/// its node order and its isolated nodes. Each attribute column is typed by all its non-empty
/// values: all integers → `.int`, all numbers → `.double`, all `true`/`false` → `.bool`, else
/// `.string`; an empty field is no value. Text cells lose the `'` that neutralises a formula
/// (``CSVCell/unneutralised(_:)``).
///
/// The edge list's `events` column (ids joined by `;`) becomes the edges' provenance
/// (``EventsColumn``).
///
/// ## Errors
/// Node table problems are reported together in one ``InputError`` located at
/// `file:line:column`: no `id` column, an empty or repeated column name, a row with the wrong
/// number of fields, an empty or repeated node id, an unterminated quote.
///
/// - Complexity: O(size of both files).
public enum CSVGraphReader {
    /// Reads the edge list at `edgesPath` and the node table at `nodesPath`, if any.
    /// - Throws: ``FileError`` when a file cannot be read; ``InputError`` with every problem.
    public static func read(edgesPath: String, nodesPath: String?, directed: Bool = false) throws -> Graph {
        let edges = try CSVEdgeListReader.read(path: edgesPath, directed: directed)
        guard let nodesPath else { return EventsColumn.absorbing(edges) }
        let text = try SourceText.load(path: nodesPath)
        return try merge(edges: edges, nodes: try NodeTable.parse(text, file: nodesPath))
    }

    /// Reads an edge list and a node table from memory; the names label diagnostics.
    /// - Throws: ``InputError`` with every problem.
    public static func read(
        edges: Data, nodes: Data?, directed: Bool = false,
        edgesName: String = "<edges>", nodesName: String = "<nodes>"
    ) throws -> Graph {
        let graph = try CSVEdgeListReader.read(data: edges, name: edgesName, directed: directed)
        guard let nodes else { return EventsColumn.absorbing(graph) }
        return try merge(edges: graph, nodes: try NodeTable.parse([UInt8](nodes), file: nodesName))
    }

    private static func merge(edges: Graph, nodes table: NodeTable) throws -> Graph {
        var builder = GraphBuilder(directed: edges.isDirected)
        for id in table.ids { builder.addNode(id) }
        for name in edges.nodeNames { builder.addNode(name) }
        for (name, values) in table.columns {
            for (row, value) in values.enumerated() {
                if let value { builder.setNodeAttribute(NodeID(row), name, value) }
            }
        }
        // The edge graph's own node ids differ from the builder's once the table reorders them.
        let events = edges.edgeTextColumn(EventsColumn.name)
        for (e, ends) in edges.edges.enumerated() {
            let id = builder.addEdge(
                from: edges.nodeNames[ends.source.index], to: edges.nodeNames[ends.target.index],
                events: events?[e].map { $0.split(separator: EventsColumn.separator).map(String.init) } ?? [])
            for name in edges.edgeColumnNames {
                let v = edges.edgeColumn(name)![e]
                if !v.isNaN { builder.setEdgeAttribute(id, name, v) }
            }
            for name in edges.edgeTextColumnNames where name != EventsColumn.name {
                if let v = edges.edgeTextColumn(name)![e] { builder.setEdgeText(id, name, v) }
            }
        }
        if let origin = edges.origin { builder.setOrigin(origin) } // same edges, same order
        return builder.build()
    }
}

/// A parsed node table: ids in row order and typed attribute columns.
struct NodeTable {
    var ids: [String] = []
    var columns: [(String, [AttributeValue?])] = []

    static func parse(_ bytes: [UInt8], file: String) throws -> NodeTable {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        guard let text = String(validating: bytes[start...], as: UTF8.self) else {
            throw InputError(file: file, "the node table is not valid UTF-8", code: .unreadable)
        }
        var diagnostics: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
        }
        let rows = tokenize(text, report: problem)
        guard let header = rows.first else { throw InputError(file: file, "the node table is empty; expected a header with an 'id' column") }
        let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard let idColumn = names.firstIndex(where: { $0.lowercased() == "id" }) else {
            throw InputError(file: file, line: header.line, "the node table has no 'id' column")
        }
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            if name.isEmpty {
                problem(header.line, header.fields[i].column, "column \(i + 1) of the node table has no name")
            } else if !seen.insert(name).inserted {
                problem(header.line, header.fields[i].column, "the column name '\(name)' is repeated")
            }
        }
        var table = NodeTable()
        var raw: [[String]] = Array(repeating: [], count: names.count)
        var ids = Set<String>()
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                problem(row.line, 1, "the row has \(row.fields.count) fields; the header has \(names.count)")
                continue
            }
            let id = row.fields[idColumn].text
            if id.isEmpty { problem(row.line, row.fields[idColumn].column, "the node id is empty"); continue }
            guard ids.insert(id).inserted else {
                problem(row.line, row.fields[idColumn].column, "node '\(id)' is listed twice")
                continue
            }
            table.ids.append(id)
            for (c, field) in row.fields.enumerated() where c != idColumn { raw[c].append(field.text) }
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }) }
        for (c, name) in names.enumerated() where c != idColumn {
            table.columns.append((name, typed(raw[c])))
        }
        return table
    }

    /// Types a column by all its non-empty values.
    static func typed(_ values: [String]) -> [AttributeValue?] {
        let present = values.filter { !$0.isEmpty }
        if present.allSatisfy({ Int($0) != nil }) { return values.map { Int($0).map(AttributeValue.int) } }
        if present.allSatisfy({ Double($0) != nil }) { return values.map { Double($0).map(AttributeValue.double) } }
        if present.allSatisfy({ $0 == "true" || $0 == "false" }) { return values.map { $0.isEmpty ? nil : .bool($0 == "true") } }
        return values.map { $0.isEmpty ? nil : .string($0) }
    }

    struct Field { var text: String; var column: Int; var quoted: Bool }
    struct Row { var line: Int; var fields: [Field] }

    /// RFC 4180 rows (blank lines skipped); quoted fields may hold commas, quotes and line breaks.
    static func tokenize(_ text: String, report: (Int, Int, String) -> Void) -> [Row] {
        var rows: [Row] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0, line = 1, column = 1
        while i < scalars.count {
            if scalars[i] == "\n" { i += 1; line += 1; column = 1; continue }
            if scalars[i] == "\r" { i += (i + 1 < scalars.count && scalars[i + 1] == "\n") ? 2 : 1; line += 1; column = 1; continue }
            var row = Row(line: line, fields: [])
            while true {
                var field = Field(text: "", column: column, quoted: false)
                var value = String.UnicodeScalarView()
                if i < scalars.count && scalars[i] == "\"" {
                    field.quoted = true
                    let (openLine, openColumn) = (line, column)
                    i += 1; column += 1
                    var closed = false
                    while i < scalars.count {
                        let s = scalars[i]
                        if s == "\"" {
                            if i + 1 < scalars.count && scalars[i + 1] == "\"" { value.append("\""); i += 2; column += 2; continue }
                            i += 1; column += 1; closed = true; break
                        }
                        value.append(s); i += 1
                        if s == "\n" { line += 1; column = 1 } else { column += 1 }
                    }
                    if !closed { report(openLine, openColumn, "the quote opened here is never closed"); return rows }
                    if i < scalars.count && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" {
                        report(line, column, "text after a closing quote")
                        while i < scalars.count && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" { i += 1; column += 1 }
                    }
                } else {
                    while i < scalars.count && scalars[i] != "," && scalars[i] != "\n" && scalars[i] != "\r" {
                        value.append(scalars[i]); i += 1; column += 1
                    }
                }
                field.text = CSVCell.unneutralised(String(value))
                row.fields.append(field)
                if i < scalars.count && scalars[i] == "," { i += 1; column += 1; continue }
                break
            }
            rows.append(row)
        }
        return rows
    }
}
