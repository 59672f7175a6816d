import ActorGraphCore

/// The graph of a GraphML document as its elements are read, and the ``/ActorGraphCore/Graph`` made from it.
///
/// Nodes are added in document order as they are declared; edges are kept aside and added after
/// the last node, the way networkx reads (all `<node>`s, then all `<edge>`s), so nodes that only
/// edges name come last, in order of first mention. Edge values wait in one numeric and one text
/// column per attribute slot, and become the graph's edge columns at the end.
struct GraphMLGraphAssembly {
    private(set) var isDirected = false
    private var builder = GraphBuilder(directed: false)
    /// The `<node>` of each declared node, for "declared twice" messages.
    private var nodePositions: [XMLPosition] = []
    private var edgeSources: [String] = []
    private var edgeTargets: [String] = []
    /// The line of each `<edge>` element, for errors about an edge found by an analysis.
    private var edgeLines = ContiguousArray<Int32>()
    /// By edge slot: the numeric values (`nan` where missing) and whether there is one.
    private var edgeNumeric: [ContiguousArray<Double>] = []
    private var edgeHasNumeric: [Bool] = []
    /// By edge slot: the text values and whether there is one.
    private var edgeText: [[String?]] = []
    private var edgeHasText: [Bool] = []
    /// Data of the `<graph>` (and of `<graphml>`), by attribute name.
    private(set) var graphAttributes: [String: AttributeValue] = [:]

    /// The attribute slots of nodes, of edges and of the graph (which `<graphml>` shares).
    private var nodeSlots = GraphMLSlotTable()
    private var edgeSlots = GraphMLSlotTable()
    private var graphSlots = GraphMLSlotTable()

    /// The `<graph>` begins: its edges are directed or not.
    mutating func startGraph(directed: Bool) {
        isDirected = directed
        builder = GraphBuilder(directed: directed)
        graphSlots.startElement()
    }

    /// The `<node>` that declared node `id`, if one did.
    func position(ofNode id: String) -> XMLPosition? {
        builder.node(named: id).map { nodePositions[$0.index] }
    }

    /// Adds the node `id` declared by the `<node>` at `position`.
    mutating func addNode(_ id: String, at position: XMLPosition) -> NodeID {
        let node = builder.addNode(id)
        nodePositions.append(position)
        nodeSlots.startElement()
        return node
    }

    /// Keeps aside the edge of the `<edge>` at `position`; returns its number.
    mutating func addEdge(from source: String, to target: String, at position: XMLPosition) -> Int {
        let edge = edgeSources.count
        edgeSources.append(source)
        edgeTargets.append(target)
        edgeLines.append(Int32(clamping: position.line))
        edgeSlots.startElement()
        return edge
    }

    /// Calls `body` with the slot table of `domain`'s elements.
    mutating func withSlots<R>(of domain: GraphMLDomain, _ body: (inout GraphMLSlotTable) -> R) -> R {
        switch domain {
        case .node: body(&nodeSlots)
        case .edge: body(&edgeSlots)
        case .graph, .graphml: body(&graphSlots)
        }
    }

    mutating func setNodeValue(_ node: NodeID, _ name: String, _ value: AttributeValue) {
        builder.setNodeAttribute(node, name, value)
    }

    mutating func setGraphValue(_ name: String, _ value: AttributeValue) {
        graphAttributes[name] = value
    }

    mutating func setEdgeValue(_ edge: Int, slot: Int, _ value: AttributeValue) {
        if slot >= edgeNumeric.count {
            let added = slot + 1 - edgeNumeric.count
            edgeNumeric.append(contentsOf: repeatElement([], count: added))
            edgeHasNumeric.append(contentsOf: repeatElement(false, count: added))
            edgeText.append(contentsOf: repeatElement([], count: added))
            edgeHasText.append(contentsOf: repeatElement(false, count: added))
        }
        switch value {
        case .string(let s):
            if edgeText[slot].count <= edge {
                edgeText[slot].append(contentsOf: repeatElement(nil, count: edge + 1 - edgeText[slot].count))
            }
            edgeText[slot][edge] = s
            edgeHasText[slot] = true
        default:
            if edgeNumeric[slot].count <= edge {
                edgeNumeric[slot].append(contentsOf: repeatElement(.nan, count: edge + 1 - edgeNumeric[slot].count))
            }
            edgeNumeric[slot][edge] = value.number!
            edgeHasNumeric[slot] = true
        }
    }

    /// The graph: the declared nodes, then the edges in document order (adding the nodes only
    /// they name, with the node defaults of `keys`), the edge columns, and `file` as origin.
    func build(keys: GraphMLKeyTable, file: String) -> Graph {
        var builder = self.builder
        let declaredNodes = builder.nodeCount
        builder.reserveCapacity(nodes: builder.nodeCount, edges: edgeSources.count)
        for i in edgeSources.indices {
            builder.addEdge(from: edgeSources[i], to: edgeTargets[i])
        }
        builder.setOrigin(GraphOrigin(file: file, edgeLines: edgeLines))
        // Nodes that only edges name get the node defaults too.
        if builder.nodeCount > declaredNodes {
            var given: Set<String> = []
            for key in keys.keys where key.type != .yfiles && key.applies(to: .node) {
                guard let value = key.defaultValue, given.insert(key.name).inserted else { continue }
                for node in declaredNodes..<builder.nodeCount {
                    builder.setNodeAttribute(NodeID(node), key.name, value)
                }
            }
        }
        let m = edgeSources.count
        if m > 0 {
            for slot in edgeSlots.names.indices where slot < edgeNumeric.count {
                let name = edgeSlots.names[slot]
                if edgeHasNumeric[slot] {
                    let column = edgeNumeric[slot]
                    // Setting the last edge first creates the whole column (nan where missing).
                    builder.setEdgeAttribute(EdgeID(m - 1), name, m - 1 < column.count ? column[m - 1] : .nan)
                    for (i, value) in column.enumerated() where !value.isNaN {
                        builder.setEdgeAttribute(EdgeID(i), name, value)
                    }
                }
                if edgeHasText[slot] {
                    for (i, value) in edgeText[slot].enumerated() {
                        if let value { builder.setEdgeText(EdgeID(i), name, value) }
                    }
                }
            }
        }
        return builder.build()
    }
}
