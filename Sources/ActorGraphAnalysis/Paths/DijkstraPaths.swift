public import ActorGraphCore
import HeapModule

extension ShortestPaths {
    /// Least-cost paths from `source` to every node by Dijkstra's algorithm (Dijkstra 1959).
    ///
    /// Costs must be finite and non-negative, which ``EdgeCosts`` guarantees. Distances equal
    /// networkx `single_source_dijkstra_path_length`. Of parallel edges the cheapest is used.
    /// - Complexity: O((V + E) log V) time with a binary heap (lazy deletion), O(V + E) space.
    public static func dijkstra(in graph: Graph, from source: NodeID, costs: EdgeCosts) -> ShortestPathTree {
        precondition(source.index < graph.nodeCount, "unknown NodeID \(source)")
        var search = PathSearch(graph: graph, costs: costs)
        search.run(from: source, to: nil)
        return ShortestPathTree(
            graph: graph, source: source, costs: costs, distances: search.distance,
            parentNode: search.parentNode, parentEdge: search.parentEdge)
    }
}

/// A heap entry: a tentative distance and its node, ordered by distance then node index.
struct QueueEntry: Comparable {
    let distance: Double
    let node: UInt32
    static func < (a: QueueEntry, b: QueueEntry) -> Bool {
        a.distance < b.distance || (a.distance == b.distance && a.node < b.node)
    }
}

/// The reusable engine behind the searches: Dijkstra with optional banned nodes and edges and
/// an early stop, over preallocated scratch arrays that are reset only where touched, so Yen's
/// algorithm can run many spur searches without reallocating.
struct PathSearch {
    let graph: Graph
    let costs: EdgeCosts
    var distance: [Double]
    var parentNode: [UInt32]
    var parentEdge: [UInt32]
    var settled: [Bool]
    /// Nodes that may not be entered (Yen's root path).
    var bannedNode: [Bool]
    /// Edges that may not be taken (Yen's deviations).
    var bannedEdge: [Bool]
    private var touched: [Int] = []
    private var heap = Heap<QueueEntry>()

    init(graph: Graph, costs: EdgeCosts) {
        let n = graph.nodeCount
        self.graph = graph
        self.costs = costs
        distance = [Double](repeating: .infinity, count: n)
        parentNode = [UInt32](repeating: .max, count: n)
        parentEdge = [UInt32](repeating: .max, count: n)
        settled = [Bool](repeating: false, count: n)
        bannedNode = [Bool](repeating: false, count: n)
        bannedEdge = [Bool](repeating: false, count: graph.edgeCount)
    }

    /// Clears the distances left by the previous run (bans stay).
    mutating func reset() {
        for v in touched {
            distance[v] = .infinity
            parentNode[v] = .max
            parentEdge[v] = .max
            settled[v] = false
        }
        touched.removeAll(keepingCapacity: true)
    }

    /// Runs Dijkstra from `source`, stopping when `target` (if any) is settled.
    mutating func run(from source: NodeID, to target: NodeID?) {
        reset()
        // Drain what an early stop left, keeping the heap's storage for the next run.
        while heap.popMin() != nil {}
        distance[source.index] = 0
        touched.append(source.index)
        heap.insert(QueueEntry(distance: 0, node: source.rawValue))
        while let entry = heap.popMin() {
            let u = Int(entry.node)
            if settled[u] { continue }
            settled[u] = true
            if let target, u == target.index { return }
            let hood = graph.outNeighbors(of: NodeID(u))
            for (v, e) in zip(hood.nodes, hood.edges) {
                let vi = v.index
                if settled[vi] || bannedNode[vi] || bannedEdge[e.index] { continue }
                let candidate = entry.distance + costs[e]
                if candidate < distance[vi] {
                    if distance[vi] == .infinity { touched.append(vi) }
                    distance[vi] = candidate
                    parentNode[vi] = UInt32(u)
                    parentEdge[vi] = e.rawValue
                    heap.insert(QueueEntry(distance: candidate, node: v.rawValue))
                }
            }
        }
    }

    /// A least-cost path as node and edge lists, or `nil`.
    mutating func shortest(from source: NodeID, to target: NodeID) -> (nodes: [NodeID], edges: [EdgeID])? {
        precondition(source.index < graph.nodeCount && target.index < graph.nodeCount, "unknown NodeID")
        if bannedNode[source.index] { return nil }
        run(from: source, to: target)
        guard distance[target.index].isFinite else { return nil }
        var nodes: [NodeID] = [target], edges: [EdgeID] = []
        var v = target.index
        while v != source.index {
            edges.append(EdgeID(parentEdge[v]))
            v = Int(parentNode[v])
            nodes.append(NodeID(v))
        }
        return (nodes.reversed(), edges.reversed())
    }
}
