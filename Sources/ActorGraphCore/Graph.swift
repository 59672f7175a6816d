/// An immutable graph in compressed sparse row (CSR) form, ready for the analysis passes.
///
/// Nodes are `0..<nodeCount` (``NodeID``), each with a stable text name (the actor id, GraphML
/// node id or CSV name). Edges are `0..<edgeCount` (``EdgeID``); an undirected edge is stored
/// once in ``edges`` and appears in the adjacency of both its ends (a self-loop appears once).
/// A directed graph also keeps the reverse (in-) adjacency. Parallel edges are allowed.
///
/// Numeric edge attributes are columns (`edgeColumn("weight")`), one value per edge, `nan` where
/// an edge lacks the attribute. Each edge may carry the ids of the events behind it
/// (``edgeEvents(_:)``), so results can be explained by their events.
///
/// Build one with ``GraphBuilder``. Memory: O(nodes + edges).
public struct Graph: Sendable {
    /// Endpoints of one edge; for an undirected edge `source` and `target` are as first added.
    public struct Endpoints: Hashable, Sendable {
        public let source: NodeID
        public let target: NodeID
        @inlinable public init(source: NodeID, target: NodeID) {
            self.source = source
            self.target = target
        }
    }

    public let isDirected: Bool
    /// Node names, indexed by `NodeID.index`.
    public let nodeNames: [String]
    /// Edge endpoints, indexed by `EdgeID.index`.
    public let edges: ContiguousArray<Endpoints>

    @usableFromInline let outOffsets: ContiguousArray<Int>
    @usableFromInline let outNeighbors: ContiguousArray<NodeID>
    @usableFromInline let outEdgeIDs: ContiguousArray<EdgeID>
    @usableFromInline let inOffsets: ContiguousArray<Int>
    @usableFromInline let inNeighbors: ContiguousArray<NodeID>
    @usableFromInline let inEdgeIDs: ContiguousArray<EdgeID>

    let nameIndex: NameIndex
    let edgeColumns: [String: ContiguousArray<Double>]
    let edgeTextColumns: [String: [String?]]
    let nodeAttributeColumns: [String: [AttributeValue?]]
    let eventTable: EdgeEventTable
    /// The file (and per-edge lines) the graph was read from, for located errors; see ``location(of:)``.
    public internal(set) var origin: GraphOrigin?

    init(
        isDirected: Bool, nodeNames: [String], nodeIndex: [String: NodeID]?,
        edges: ContiguousArray<Endpoints>, edgeColumns: [String: ContiguousArray<Double>],
        edgeTextColumns: [String: [String?]], nodeAttributes: [String: [AttributeValue?]],
        edgeEvents: EdgeEventTable, origin: GraphOrigin? = nil
    ) {
        self.origin = origin
        self.isDirected = isDirected
        self.nodeNames = nodeNames
        self.nameIndex = NameIndex(nodeIndex)
        self.edges = edges
        self.edgeColumns = edgeColumns
        self.edgeTextColumns = edgeTextColumns
        self.nodeAttributeColumns = nodeAttributes
        self.eventTable = edgeEvents
        let n = nodeNames.count
        if isDirected {
            (outOffsets, outNeighbors, outEdgeIDs) = Graph.csr(n, edges, forward: true, backward: false)
            (inOffsets, inNeighbors, inEdgeIDs) = Graph.csr(n, edges, forward: false, backward: true)
        } else {
            (outOffsets, outNeighbors, outEdgeIDs) = Graph.csr(n, edges, forward: true, backward: true)
            (inOffsets, inNeighbors, inEdgeIDs) = (outOffsets, outNeighbors, outEdgeIDs)
        }
    }

    /// Counting-sort construction of one adjacency structure. O(n + m), two passes over the
    /// edges, writing through unsafe buffers (the offsets bound every write).
    private static func csr(_ n: Int, _ edges: ContiguousArray<Endpoints>, forward: Bool, backward: Bool)
        -> (ContiguousArray<Int>, ContiguousArray<NodeID>, ContiguousArray<EdgeID>)
    {
        var offsets = ContiguousArray<Int>(repeating: 0, count: n + 1)
        edges.withUnsafeBufferPointer { e in
            offsets.withUnsafeMutableBufferPointer { o in
                for edge in e {
                    if forward { o[edge.source.index + 1] += 1 }
                    if backward && !(forward && edge.source == edge.target) { o[edge.target.index + 1] += 1 }
                }
                for i in 0..<n { o[i + 1] += o[i] }
            }
        }
        let total = offsets[n]
        var cursor = offsets
        var neighbors = ContiguousArray<NodeID>(repeating: NodeID(UInt32(0)), count: total)
        var ids = ContiguousArray<EdgeID>(repeating: EdgeID(UInt32(0)), count: total)
        edges.withUnsafeBufferPointer { e in
            cursor.withUnsafeMutableBufferPointer { c in
                neighbors.withUnsafeMutableBufferPointer { nb in
                    ids.withUnsafeMutableBufferPointer { ib in
                        for i in 0..<e.count {
                            let edge = e[i]
                            let id = EdgeID(UInt32(truncatingIfNeeded: i))
                            if forward {
                                let p = c[edge.source.index]
                                c[edge.source.index] = p + 1
                                nb[p] = edge.target
                                ib[p] = id
                            }
                            if backward && !(forward && edge.source == edge.target) {
                                let p = c[edge.target.index]
                                c[edge.target.index] = p + 1
                                nb[p] = edge.source
                                ib[p] = id
                            }
                        }
                    }
                }
            }
        }
        return (offsets, neighbors, ids)
    }

    // MARK: Size and names

    @inlinable public var nodeCount: Int { nodeNames.count }
    @inlinable public var edgeCount: Int { edges.count }
    /// All node ids, `0..<nodeCount`.
    public var nodes: LazyMapSequence<Range<Int>, NodeID> { (0..<nodeCount).lazy.map(NodeID.init) }

    /// The node named `name` (exact match), in O(1) (the index of names is built on the first call
    /// when the reader did not build it, in O(nodes)).
    public func node(named name: String) -> NodeID? { nameIndex.node(named: name, among: nodeNames) }
    public func name(of node: NodeID) -> String { nodeNames[node.index] }

    // MARK: Adjacency (O(1) slices into the CSR arrays)

    /// Successors of `node` (all neighbours when undirected), with the edge leading to each.
    @inlinable public func outNeighbors(of node: NodeID) -> Neighborhood {
        Neighborhood(
            nodes: outNeighbors[outOffsets[node.index]..<outOffsets[node.index + 1]],
            edges: outEdgeIDs[outOffsets[node.index]..<outOffsets[node.index + 1]])
    }

    /// Predecessors of `node` (all neighbours when undirected).
    @inlinable public func inNeighbors(of node: NodeID) -> Neighborhood {
        Neighborhood(
            nodes: inNeighbors[inOffsets[node.index]..<inOffsets[node.index + 1]],
            edges: inEdgeIDs[inOffsets[node.index]..<inOffsets[node.index + 1]])
    }

    /// Out-degree (degree when undirected; a self-loop counts once here, see ``degree(of:)``).
    @inlinable public func outDegree(of node: NodeID) -> Int { outOffsets[node.index + 1] - outOffsets[node.index] }
    @inlinable public func inDegree(of node: NodeID) -> Int { inOffsets[node.index + 1] - inOffsets[node.index] }

    /// Degree as networkx counts it: in + out for directed graphs; for undirected graphs the number
    /// of incident edge ends, so a self-loop counts twice.
    public func degree(of node: NodeID) -> Int {
        if isDirected { return outDegree(of: node) + inDegree(of: node) }
        let loops = outNeighbors(of: node).nodes.reduce(0) { $0 + ($1 == node ? 1 : 0) }
        return outDegree(of: node) + loops
    }

    /// The other end of `edge` seen from `node`.
    @inlinable public func opposite(of node: NodeID, along edge: EdgeID) -> NodeID {
        let e = edges[edge.index]
        return e.source == node ? e.target : e.source
    }

    // MARK: Attributes

    /// Names of the numeric edge columns, sorted.
    public var edgeColumnNames: [String] { edgeColumns.keys.sorted() }
    /// A numeric edge column (one value per edge, `nan` where missing), or `nil` if no edge has it.
    public func edgeColumn(_ name: String) -> ContiguousArray<Double>? { edgeColumns[name] }
    /// Names of the text edge columns, sorted.
    public var edgeTextColumnNames: [String] { edgeTextColumns.keys.sorted() }
    public func edgeTextColumn(_ name: String) -> [String?]? { edgeTextColumns[name] }

    /// Names of node attributes, sorted.
    public var nodeAttributeNames: [String] { nodeAttributeColumns.keys.sorted() }
    /// A node attribute (one value per node, `nil` where missing), or `nil` if no node has it.
    public func nodeAttribute(_ name: String) -> [AttributeValue?]? { nodeAttributeColumns[name] }

    /// Ids of the events behind `edge` (empty for graphs not built from events).
    public func edgeEvents(_ edge: EdgeID) -> [String] { eventTable.events(of: edge.index) }
    /// True when edges carry event provenance.
    public var hasEventProvenance: Bool { !eventTable.isEmpty }
}

/// The node of each name, built on the first lookup when the graph was made without it (a reader
/// that interned its names itself needs none to build the graph), and shared by every copy of
/// the graph. Thread-safe.
final class NameIndex: Sendable {
    private let index: ThreadLock<[String: NodeID]?>

    init(_ index: [String: NodeID]?) { self.index = ThreadLock(index) }

    /// The node named `name`; `names` are the graph's node names, to build the index from. O(1)
    /// after the first call.
    func node(named name: String, among names: [String]) -> NodeID? {
        index.withLock { index in
            if index == nil {
                var built = [String: NodeID](minimumCapacity: names.count)
                for (i, n) in names.enumerated() { built[n] = NodeID(i) }
                index = built
            }
            return index?[name]
        }
    }
}

/// The event ids behind each edge, in two flat arrays (no array per edge): edge `e`'s ids are
/// `ids[ends[e - 1] ..< ends[e]]`, from 0 for the first edge. Empty when no edge has events.
struct EdgeEventTable: Sendable {
    let ids: [String]
    let ends: ContiguousArray<UInt32>

    var isEmpty: Bool { ends.isEmpty }

    /// The ids behind edge `e`. O(number of them).
    func events(of e: Int) -> [String] {
        guard !ends.isEmpty else { return [] }
        let start = e == 0 ? 0 : Int(ends[e - 1])
        return Array(ids[start..<Int(ends[e])])
    }
}

/// The neighbours of a node and the edges that lead to them, as parallel slices.
public struct Neighborhood: Sendable, RandomAccessCollection {
    public let nodes: ArraySlice<NodeID>
    public let edges: ArraySlice<EdgeID>

    @inlinable init(nodes: ContiguousArray<NodeID>.SubSequence, edges: ContiguousArray<EdgeID>.SubSequence) {
        self.nodes = nodes
        self.edges = edges
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { nodes.count }
    @inlinable public subscript(i: Int) -> (node: NodeID, edge: EdgeID) {
        (nodes[nodes.startIndex + i], edges[edges.startIndex + i])
    }
}

extension Graph {
    /// One direction's adjacency in compressed sparse row form, sharing the graph's storage (no
    /// copy): the neighbours of `v` are `neighbors[offsets[v] ..< offsets[v + 1]]`, reached over
    /// the edges in the same slots of `edges`.
    public struct CSR: Sendable {
        public let offsets: ContiguousArray<Int>
        public let neighbors: ContiguousArray<NodeID>
        public let edges: ContiguousArray<EdgeID>
    }

    /// Successors of each node (every neighbour when undirected), in place. O(1).
    public var successors: CSR { CSR(offsets: outOffsets, neighbors: outNeighbors, edges: outEdgeIDs) }

    /// Predecessors of each node (every neighbour when undirected), in place. O(1).
    public var predecessors: CSR { CSR(offsets: inOffsets, neighbors: inNeighbors, edges: inEdgeIDs) }
}
