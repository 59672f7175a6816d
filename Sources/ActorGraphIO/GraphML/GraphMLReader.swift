public import ActorGraphCore
public import Foundation

/// Reads GraphML (<http://graphml.graphdrawing.org>) as networkx's `write_graphml` and yEd write it.
///
/// ## What is accepted
/// - **Keys**: `<key id=… for="node|edge|graph|graphml|all" attr.name=… attr.type=…>` with an
///   optional `<default>`. `attr.type` is one of `boolean`, `int`, `long`, `integer`, `float`,
///   `double`, `string` (missing means `string`); a key without `attr.name` is named by its `id`.
///   Keys must come before the `<graph>`, as GraphML requires. Several keys may share one
///   `attr.name` (networkx writes one key per Python type, e.g. `weight` as `long` and `double`).
/// - **The graph**: exactly one `<graph>`, `edgedefault="directed"` or `"undirected"`
///   (missing means undirected, as networkx reads it).
/// - **Nodes**: `<node id=…>`; the ``/ActorGraphCore/Graph``'s node names are these ids. Node data become node
///   attributes typed by their key: `int`/`long` → ``/ActorGraphCore/AttributeValue/int(_:)``, `float`/`double`
///   → `.double`, `boolean` → `.bool`, `string` → `.string`.
/// - **Edges**: `<edge source=… target=…>` with optional `id` and `directed`. Every edge is kept:
///   parallel edges stay separate edges and self-loops are kept. An edge naming an undeclared
///   node adds that node (as networkx does); such nodes come after all declared nodes. Numeric
///   edge data (`int`, `long`, `float`, `double`, and `boolean` as 0/1) become numeric edge
///   columns (`nan` where an edge lacks the value; integers beyond 2^53 lose precision there,
///   as in any `Double`); `string` data become text columns. Numeric and string values of one
///   attribute name go to a numeric and a text column of that name. The edge's `id` attribute
///   goes in the text column `id`.
/// - **Defaults**: a key's `<default>` is given to every node, edge or graph that lacks data for
///   that attribute name, nodes added implicitly by edges included (GraphML's rule; networkx
///   instead keeps defaults aside in `G.graph["node_default"]` and `["edge_default"]`).
/// - **Graph data**: `<data>` of the `<graph>` (and of `<graphml>`) are in
///   ``GraphMLDocument/graphAttributes``.
/// - **Extensions**: elements in other XML namespaces (yEd's `y:`, custom ones) are ignored with
///   their content. Data of yEd keys (`yfiles.type`) are read only for their label text
///   (`y:NodeLabel`/`y:EdgeLabel` → attribute `label`); yEd geometry and styles are ignored.
///   `<desc>` is ignored.
///
/// ## Errors
/// Every problem found is reported at once in one ``InputError``, each located at
/// `file:line:column` (columns count characters): malformed XML (the reading stops there),
/// `<data>` naming an undeclared key or a key declared for another kind of element, a value that
/// does not parse as its `attr.type`, two values of one attribute on one element, `<edge>`
/// without `source` or `target`, a node declared twice, an edge whose `directed` differs from
/// the graph's `edgedefault` (mixed graphs are not supported), and the unsupported parts of
/// GraphML: nested graphs, hyperedges, ports, locators, more than one graph. A file that cannot
/// be read throws ``FileError``. After 100 problems the reading stops.
///
/// - Complexity: O(file size); the reading is one streaming pass of Foundation's `XMLParser`.
public enum GraphMLReader {
    /// Reads the GraphML file at `path`.
    ///
    /// A ``/ActorGraphCore/Graph`` has no place for the `<graph>` element's own id and data (networkx's
    /// `G.graph`, e.g. `name`); ``readDocument(path:)`` returns them too.
    /// - Throws: ``FileError`` when the file cannot be read; ``InputError`` with every problem.
    public static func read(path: String) throws -> Graph {
        try readDocument(path: path).graph
    }

    /// Reads GraphML from `data`; `name` is the file name used in diagnostics.
    /// - Throws: ``InputError`` with every problem found.
    public static func read(data: Data, name: String = "<data>") throws -> Graph {
        try readDocument(data: data, name: name).graph
    }

    /// Reads the GraphML file at `path`, with the graph's id and graph-level data.
    /// - Throws: ``FileError`` when the file cannot be read; ``InputError`` with every problem.
    public static func readDocument(path: String) throws -> GraphMLDocument {
        try parse(SourceText.load(path: path), name: path)
    }

    /// Reads GraphML from `data`, with the graph's id and graph-level data.
    /// - Throws: ``InputError`` with every problem found.
    public static func readDocument(data: Data, name: String = "<data>") throws -> GraphMLDocument {
        try parse([UInt8](data), name: name)
    }

    static func parse(_ bytes: [UInt8], name: String) throws -> GraphMLDocument {
        let output = try GraphMLParser(bytes: bytes, file: name).run()
        return GraphMLDocument(graph: output.graph, graphID: output.graphID, graphAttributes: output.graphAttributes)
    }
}

/// A GraphML document as read: the graph, plus what a ``/ActorGraphCore/Graph`` has no place for.
public struct GraphMLDocument: Sendable {
    /// The graph.
    public let graph: Graph
    /// The `id` of the `<graph>` element, if it has one.
    public let graphID: String?
    /// Data of the `<graph>` element (and of `<graphml>`), by `attr.name`, with defaults applied.
    /// networkx writes `G.graph` here, e.g. `name`.
    public let graphAttributes: [String: AttributeValue]

    public init(graph: Graph, graphID: String? = nil, graphAttributes: [String: AttributeValue] = [:]) {
        self.graph = graph
        self.graphID = graphID
        self.graphAttributes = graphAttributes
    }
}
