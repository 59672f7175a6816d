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
    /// False while `index` is not built (a builder made from a list of names).
    private var indexed = true
    private var endpoints = ContiguousArray<Graph.Endpoints>()
    private var columns: [String: ContiguousArray<Double>] = [:]
    private var textColumns: [String: [String?]] = [:]
    private var nodeAttributes: [String: [AttributeValue?]] = [:]
    /// The events behind the edges, flat: edge `e`'s ids are `eventIDs[eventEnds[e - 1] ..< eventEnds[e]]`
    /// (from 0 for the first edge). Empty until an edge has events.
    private var eventIDs: [String] = []
    private var eventEnds = ContiguousArray<UInt32>()
    private var origin: GraphOrigin?

    public init(directed: Bool) {
        self.isDirected = directed
    }

    /// A builder that starts with `nodeNames` (distinct, which the caller guarantees, in node
    /// order) and the edges `endpoints`, for a reader that interned the names itself: O(edges),
    /// with no lookup per edge. The index of names is built only when something asks for a node
    /// by name.
    package init(directed: Bool, nodeNames: [String], endpoints: ContiguousArray<Graph.Endpoints>) {
        self.isDirected = directed
        let n = UInt32(nodeNames.count)
        precondition(endpoints.allSatisfy { $0.source.rawValue < n && $0.target.rawValue < n }, "unknown NodeID in the endpoints")
        self.names = nodeNames
        self.indexed = nodeNames.isEmpty
        self.endpoints = endpoints
    }

    /// Builds the index of names of a builder made from a list of names. O(nodes).
    private mutating func ensureIndex() {
        guard !indexed else { return }
        index.reserveCapacity(names.count)
        for (i, name) in names.enumerated() { index[name] = NodeID(i) }
        indexed = true
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
        ensureIndex()
        if let id = index[name] { return id }
        let id = NodeID(names.count)
        names.append(name)
        index[name] = id
        return id
    }

    /// The node named `name`, if it was added: O(1) (O(nodes) on a builder made from a list of names).
    public func node(named name: String) -> NodeID? {
        guard indexed else { return names.firstIndex(of: name).map { NodeID($0) } }
        return index[name]
    }

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
        if !events.isEmpty || !eventEnds.isEmpty {
            if eventEnds.count < id.index { eventEnds.append(contentsOf: repeatElement(0, count: id.index - eventEnds.count)) }
            eventIDs.append(contentsOf: events)
            precondition(eventIDs.count <= Int(UInt32.max), "more than 2^32 event ids behind edges")
            eventEnds.append(UInt32(truncatingIfNeeded: eventIDs.count))
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
        setEdgeColumn(key, ContiguousArray(values))
    }

    /// Sets a whole numeric edge column at once, sharing `values`' storage. O(1).
    public mutating func setEdgeColumn(_ key: String, _ values: ContiguousArray<Double>) {
        precondition(values.count == endpoints.count, "setEdgeColumn needs one value per edge")
        columns[key] = values
    }

    /// Sets a whole text edge column at once, one value (or `nil`) per edge added so far. O(edges).
    public mutating func setEdgeTextColumn(_ key: String, _ values: [String?]) {
        precondition(values.count == endpoints.count, "setEdgeTextColumn needs one value per edge")
        textColumns[key] = values
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
        var eventEnds = self.eventEnds
        if !eventEnds.isEmpty && eventEnds.count < m {
            eventEnds.append(contentsOf: repeatElement(eventEnds[eventEnds.count - 1], count: m - eventEnds.count))
        }
        return Graph(
            isDirected: isDirected, nodeNames: names, nodeIndex: indexed ? index : nil, edges: endpoints,
            edgeColumns: columns, edgeTextColumns: textColumns, nodeAttributes: nodeAttributes,
            edgeEvents: EdgeEventTable(ids: eventIDs, ends: eventEnds),
            origin: origin.map { $0.edgeLines?.count == m ? $0 : GraphOrigin(file: $0.file) })
    }
}
