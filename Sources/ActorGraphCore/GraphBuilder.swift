/// A mutable graph under construction; ``build()`` freezes it into an immutable CSR ``Graph``.
///
/// Node names are interned once in a dictionary, so adding an edge by name is a hash lookup.
/// Adding a node or an edge is amortised O(1); `build()` is O(nodes + edges).
///
/// ```swift
/// var builder = GraphBuilder(directed: false)
/// let moon = builder.addNode("moon-jae-in")
/// let suga = builder.addNode("yoshihide-suga")
/// builder.addEdge(from: moon, to: suga, weight: 2, events: ["e1", "e2"])
/// let graph = builder.build()
/// ```
public struct GraphBuilder: Sendable {
    public let isDirected: Bool
    private var names: [String] = []
    private var index: [String: NodeID] = [:]
    private var endpoints = ContiguousArray<Graph.Endpoints>()
    private var columns: [String: ContiguousArray<Double>] = [:]
    private var textColumns: [String: [String?]] = [:]
    private var nodeAttributes: [String: [AttributeValue?]] = [:]
    private var events: [[String]] = []
    private var origin: GraphOrigin?

    public init(directed: Bool) {
        self.isDirected = directed
    }

    /// Reserves room for `nodes` nodes and `edges` edges.
    public mutating func reserveCapacity(nodes: Int, edges: Int) {
        names.reserveCapacity(nodes)
        index.reserveCapacity(nodes)
        endpoints.reserveCapacity(edges)
    }

    public var nodeCount: Int { names.count }
    public var edgeCount: Int { endpoints.count }

    /// The node named `name`, added if new.
    @discardableResult
    public mutating func addNode(_ name: String) -> NodeID {
        if let id = index[name] { return id }
        let id = NodeID(names.count)
        names.append(name)
        index[name] = id
        return id
    }

    /// The node named `name`, if it was added.
    public func node(named name: String) -> NodeID? { index[name] }

    /// Sets a node attribute.
    public mutating func setNodeAttribute(_ node: NodeID, _ key: String, _ value: AttributeValue) {
        precondition(node.index < names.count, "unknown NodeID \(node)")
        if nodeAttributes[key] == nil { nodeAttributes[key] = [] }
        let missing = names.count - nodeAttributes[key]!.count
        if missing > 0 { nodeAttributes[key]!.append(contentsOf: repeatElement(nil, count: missing)) }
        nodeAttributes[key]![node.index] = value
    }

    /// Adds an edge and returns its id. `weight`, when given, goes in the `weight` column;
    /// `events` are the ids of the events behind it.
    @discardableResult
    public mutating func addEdge(
        from source: NodeID, to target: NodeID, weight: Double? = nil,
        events: [String] = []
    ) -> EdgeID {
        precondition(source.index < names.count && target.index < names.count, "unknown NodeID in addEdge")
        let id = EdgeID(endpoints.count)
        endpoints.append(Graph.Endpoints(source: source, target: target))
        if let weight { setEdgeAttribute(id, "weight", weight) }
        if !events.isEmpty || !self.events.isEmpty {
            if self.events.count < id.index { self.events.append(contentsOf: repeatElement([], count: id.index - self.events.count)) }
            self.events.append(events)
        }
        return id
    }

    /// Adds an edge between two named nodes, adding the nodes if new.
    @discardableResult
    public mutating func addEdge(
        from source: String, to target: String, weight: Double? = nil,
        events: [String] = []
    ) -> EdgeID {
        let s = addNode(source), t = addNode(target)
        return addEdge(from: s, to: t, weight: weight, events: events)
    }

    /// Sets a numeric edge attribute (a column; edges without it read as `nan`).
    public mutating func setEdgeAttribute(_ edge: EdgeID, _ key: String, _ value: Double) {
        precondition(edge.index < endpoints.count, "unknown EdgeID \(edge)")
        if columns[key] == nil { columns[key] = ContiguousArray() }
        let missing = edge.index + 1 - columns[key]!.count
        if missing > 0 { columns[key]!.append(contentsOf: repeatElement(.nan, count: missing)) }
        columns[key]![edge.index] = value
    }

    /// Sets a whole numeric edge column at once, one value per edge added so far. O(edges).
    public mutating func setEdgeColumn(_ key: String, _ values: [Double]) {
        precondition(values.count == endpoints.count, "setEdgeColumn needs one value per edge")
        columns[key] = ContiguousArray(values)
    }

    /// Sets a text edge attribute.
    public mutating func setEdgeText(_ edge: EdgeID, _ key: String, _ value: String) {
        precondition(edge.index < endpoints.count, "unknown EdgeID \(edge)")
        if textColumns[key] == nil { textColumns[key] = [] }
        let missing = edge.index + 1 - textColumns[key]!.count
        if missing > 0 { textColumns[key]!.append(contentsOf: repeatElement(nil, count: missing)) }
        textColumns[key]![edge.index] = value
    }

    /// Records where the edges came from (a reader's file and each edge's line), so errors about
    /// an edge can name `FILE:LINE`. Lines are indexed like the edges; a count that does not
    /// match the edges at ``build()`` keeps only the file.
    public mutating func setOrigin(_ origin: GraphOrigin) {
        self.origin = origin
    }

    /// Freezes the builder into an immutable CSR graph. O(nodes + edges).
    public func build() -> Graph {
        let m = endpoints.count, n = names.count
        var columns = self.columns
        for key in columns.keys where columns[key]!.count < m {
            columns[key]!.append(contentsOf: repeatElement(.nan, count: m - columns[key]!.count))
        }
        var textColumns = self.textColumns
        for key in textColumns.keys where textColumns[key]!.count < m {
            textColumns[key]!.append(contentsOf: repeatElement(nil, count: m - textColumns[key]!.count))
        }
        var nodeAttributes = self.nodeAttributes
        for key in nodeAttributes.keys where nodeAttributes[key]!.count < n {
            nodeAttributes[key]!.append(contentsOf: repeatElement(nil, count: n - nodeAttributes[key]!.count))
        }
        var events = self.events
        if !events.isEmpty && events.count < m { events.append(contentsOf: repeatElement([], count: m - events.count)) }
        return Graph(
            isDirected: isDirected, nodeNames: names, nodeIndex: index, edges: endpoints,
            edgeColumns: columns, edgeTextColumns: textColumns, nodeAttributes: nodeAttributes,
            eventsByEdge: events,
            origin: origin.map { $0.edgeLines?.count == m ? $0 : GraphOrigin(file: $0.file) })
    }
}
