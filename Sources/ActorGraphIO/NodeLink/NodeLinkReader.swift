public import ActorGraphCore
public import Foundation

/// Reads node-link JSON as networkx's `node_link_data` writes it (`json.dump(nx.node_link_data(G))`).
///
/// ## What is accepted
/// - A top-level object with `nodes` and either `edges` (networkx 3.6's default) or `links`
///   (networkx 3.4 and 3.5, and 3.6 with `edges="links"`); not both. `directed` and
///   `multigraph` are booleans (missing means false, as `node_link_graph` reads them); `graph`
///   is ignored (a ``/ActorGraphCore/Graph`` has no graph-level data).
/// - **Nodes**: objects with an `id` (a string, or a number, which becomes its decimal text:
///   networkx's integer node `0` becomes the node named `0`). Other members are node attributes:
///   strings, integers, numbers and booleans keep their types; lists and objects are kept as
///   their compact JSON text; `null` is no value.
/// - **Edges**: objects with `source` and `target` naming nodes by id (a node only an edge names
///   is added, as networkx does). `key` is networkx's multigraph key and is not kept. `events`,
///   a list of strings, is the edge's provenance. Numbers become numeric edge columns and
///   booleans 0/1 (`nan` where an edge lacks the value); strings become text columns; other
///   lists and objects become text columns holding their compact JSON text. Every edge is kept:
///   in a file that says `"multigraph": false` a repeated pair is still a parallel edge here
///   (networkx would keep the last).
///
/// ## Errors
/// Every problem is reported at once in one ``InputError``, located at `file:line:column`:
/// malformed JSON (the reading stops there), a missing or mistyped member, both `edges` and
/// `links`, a node listed twice, an `events` list holding something other than strings. A file
/// that cannot be read throws ``FileError``.
///
/// - Complexity: O(file size).
public enum NodeLinkReader {
    /// Reads the node-link file at `path`.
    public static func read(path: String) throws -> Graph {
        try parse(SourceText.load(path: path), name: path)
    }

    /// Reads node-link JSON from `data`; `name` labels diagnostics.
    public static func read(data: Data, name: String = "<data>") throws -> Graph {
        try parse([UInt8](data), name: name)
    }

    /// Reads the file at `path` when it is node-link JSON (``isNodeLink(_:)``); `nil` when it is
    /// some other JSON, such as a dataset, or no JSON at all.
    /// - Throws: ``FileError`` when the file cannot be read; ``InputError`` for a node-link
    ///   file with problems.
    public static func readIfNodeLink(path: String) throws -> Graph? {
        let bytes = try SourceText.load(path: path)
        guard isNodeLink(Data(bytes)) else { return nil }
        return try parse(bytes, name: path)
    }

    /// True when `data` is a JSON object with `nodes` and `edges` or `links` at its top level:
    /// how a `.json` file is told apart from a dataset (which has `actors` and `events`).
    public static func isNodeLink(_ data: Data) -> Bool {
        guard let root = try? JSONTextParser.parse([UInt8](data)), case .object(let members) = root.value else { return false }
        let keys = Set(members.map(\.key))
        return keys.contains("nodes") && (keys.contains("edges") || keys.contains("links"))
    }

    static func parse(_ bytes: [UInt8], name: String) throws -> Graph {
        var source = SourceText(bytes)
        var diagnostics: [Diagnostic] = []
        func problem(_ at: LocatedJSON?, _ message: String) {
            let (line, column) = source.location(ofOffset: at?.offset ?? 0)
            diagnostics.append(Diagnostic(file: name, line: line, column: column, message: message))
        }
        let root: LocatedJSON
        do {
            root = try JSONTextParser.parse(bytes)
        } catch {
            let (line, column) = source.location(ofOffset: error.offset)
            throw InputError([Diagnostic(file: name, line: line, column: column, message: "JSON syntax: \(error.message)")])
        }
        guard case .object = root.value else {
            throw InputError(file: name, "expected a node-link object with nodes and edges, found \(root.kindName)")
        }
        func flag(_ key: String) -> Bool {
            guard let v = root[key] else { return false }
            guard case .bool(let b) = v.value else { problem(v, "'\(key)' must be true or false, found \(v.kindName)"); return false }
            return b
        }
        let directed = flag("directed")
        _ = flag("multigraph")
        let nodeList = root["nodes"]
        let edgeList: LocatedJSON?
        switch (root["edges"], root["links"]) {
        case (let e?, let l?):
            problem(l, "the file has both 'edges' and 'links'; networkx writes one of them")
            edgeList = e
        case (let e?, nil): edgeList = e
        case (nil, let l?): edgeList = l
        case (nil, nil):
            problem(root, "the file has no 'edges' (networkx 3.6) or 'links' (networkx 3.4, 3.5)")
            edgeList = nil
        }
        if nodeList == nil { problem(root, "the file has no 'nodes'") }

        func nodeName(_ v: LocatedJSON?, _ what: String) -> String? {
            guard let v else { return nil }
            switch v.value {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .double(let d): return String(d)
            default: problem(v, "\(what) must be a string or a number, found \(v.kindName)"); return nil
            }
        }
        func compactText(_ v: LocatedJSON) -> String { jsonValue(v).serialized(pretty: false) }

        var builder = GraphBuilder(directed: directed)
        var declared = Set<String>()
        if let nodeList {
            if case .array(let nodes) = nodeList.value {
                for node in nodes {
                    guard case .object(let members) = node.value else { problem(node, "a node must be an object, found \(node.kindName)"); continue }
                    guard let idValue = node["id"] else { problem(node, "a node needs an 'id'"); continue }
                    guard let id = nodeName(idValue, "a node id") else { continue }
                    guard declared.insert(id).inserted else { problem(idValue, "node '\(id)' is listed twice"); continue }
                    let n = builder.addNode(id)
                    for (key, value) in members where key != "id" {
                        switch value.value {
                        case .null: break
                        case .bool(let b): builder.setNodeAttribute(n, key, .bool(b))
                        case .int(let i): builder.setNodeAttribute(n, key, .int(i))
                        case .double(let d): builder.setNodeAttribute(n, key, .double(d))
                        case .string(let s): builder.setNodeAttribute(n, key, .string(s))
                        case .array, .object: builder.setNodeAttribute(n, key, .string(compactText(value)))
                        }
                    }
                }
            } else {
                problem(nodeList, "'nodes' must be a list, found \(nodeList.kindName)")
            }
        }
        if let edgeList {
            if case .array(let edges) = edgeList.value {
                for edge in edges {
                    guard case .object(let members) = edge.value else { problem(edge, "an edge must be an object, found \(edge.kindName)"); continue }
                    guard edge["source"] != nil, edge["target"] != nil else { problem(edge, "an edge needs a 'source' and a 'target'"); continue }
                    guard let s = nodeName(edge["source"], "an edge's source"), let t = nodeName(edge["target"], "an edge's target") else { continue }
                    var events: [String] = []
                    if let list = edge[EventsColumn.name] {
                        if case .array(let items) = list.value {
                            for item in items {
                                if case .string(let id) = item.value {
                                    events.append(id)
                                } else {
                                    problem(item, "an event id must be a string, found \(item.kindName)")
                                }
                            }
                        } else {
                            problem(list, "'events' must be a list of event ids, found \(list.kindName)")
                        }
                    }
                    let e = builder.addEdge(from: s, to: t, events: events)
                    for (key, value) in members where !["source", "target", "key", EventsColumn.name].contains(key) {
                        switch value.value {
                        case .null: break
                        case .bool(let b): builder.setEdgeAttribute(e, key, b ? 1 : 0)
                        case .int(let i): builder.setEdgeAttribute(e, key, Double(i))
                        case .double(let d): builder.setEdgeAttribute(e, key, d)
                        case .string(let str): builder.setEdgeText(e, key, str)
                        case .array, .object: builder.setEdgeText(e, key, compactText(value))
                        }
                    }
                }
            } else {
                problem(edgeList, "the edge list must be a list, found \(edgeList.kindName)")
            }
        }
        guard diagnostics.isEmpty else {
            throw InputError(diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return builder.build()
    }

    /// The ordered ``JSONValue`` of a parsed value.
    static func jsonValue(_ v: LocatedJSON) -> JSONValue {
        switch v.value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .number(d)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(jsonValue))
        case .object(let members): .object(members.map { ($0.key, jsonValue($0.value)) })
        }
    }
}
