import ActorGraphCore
import HeapModule

/// Which way a single-source search follows directed edges.
public enum PathDirection: String, Hashable, Sendable, CaseIterable {
    /// Along edge direction (successors): distances *from* the source.
    case out
    /// Against edge direction (predecessors): distances *to* the source.
    case `in`
}

/// The adjacency of one search direction: the graph's own CSR arrays, read in place (no copy)
/// and shared read-only by every thread's kernel, with the opposite direction's offsets, which
/// bound each node's predecessors.
struct SearchAdjacency: Sendable {
    let nodeCount: Int
    let csr: Graph.CSR
    /// The number of entries of each node in the *opposite* direction, bounding its predecessors.
    let oppositeOffsets: ContiguousArray<Int>
    /// Whether some node lists a neighbour twice (parallel edges): only then must a search
    /// mark the neighbours it has met from the current node.
    let hasParallelEdges: Bool

    /// - Parameter direction: `.out` follows successors (all neighbours when undirected), `.in` predecessors.
    /// - Complexity: O(1): the graph's arrays are shared, not copied.
    init(_ graph: Graph, direction: PathDirection) {
        precondition(
            graph.nodeCount < Int(Int32.max) && graph.edgeCount < Int(Int32.max),
            "graph too large for 32-bit node and edge indices")
        nodeCount = graph.nodeCount
        let forward = !graph.isDirected || direction == .out
        csr = forward ? graph.successors : graph.predecessors
        oppositeOffsets = (forward ? graph.predecessors : graph.successors).offsets
        var last = [Int32](repeating: -1, count: graph.nodeCount)
        var repeated = false
        search: for v in 0..<graph.nodeCount {
            for k in csr.offsets[v]..<csr.offsets[v + 1] {
                let w = csr.neighbors[k].index
                if last[w] == Int32(v) { repeated = true; break search }
                last[w] = Int32(v)
            }
        }
        hasParallelEdges = repeated
    }
}

/// Single-source shortest paths with path counts and predecessor lists, the inner step of
/// Brandes' betweenness algorithm (Brandes 2001), reusable across sources.
///
/// One kernel owns preallocated scratch buffers (distances, path counts, predecessor slots, the
/// visit order and the Dijkstra heap) and resets only the entries the previous run touched, so a
/// run from a source that reaches `r` nodes over `e` edges costs O(r + e) with hop counts and
/// O((r + e) log r) with costs, and allocates nothing. A kernel belongs to one thread; parallel
/// workers each own one and share the read-only ``SearchAdjacency``.
///
/// Conventions (those of networkx's `_single_source_shortest_path_basic` and
/// `_single_source_dijkstra_path_basic`):
/// - Parallel edges between the same ordered pair (same unordered pair when undirected) count as
///   **one** tie whose cost is the cheapest of them, as networkx does for multigraphs; the
///   predecessor entry remembers that cheapest edge.
/// - Self-loops never lie on a shortest path and are skipped.
/// - Distances tie only when exactly equal in floating point (networkx compares with `==`).
///   Sums of costs such as 0.1 + 0.2 may therefore split what is mathematically one distance;
///   integer or dyadic costs (1, 0.5, 0.25) tie exactly.
/// - With zero-cost edges the distances stay exact but the path counts (``sigma``) do not, as in
///   networkx; betweenness therefore refuses zero costs (``PathCost/positiveCosts(in:)``),
///   while closeness and harmonic, which read distances only, accept them.
///
/// The result buffers (``distance``, ``sigma``, predecessors) are valid until the next
/// ``run(from:)`` and while the kernel is alive.
///
/// The hot loops read through unsafe buffer pointers: this file is the one place in the analysis
/// module that keeps them.
final class ShortestPathKernel {
    let adjacency: SearchAdjacency
    let costs: ContiguousArray<Double>?
    /// Whether breadth-first runs fill ``predEdge`` (edge betweenness needs it, node
    /// betweenness does not: skipping it saves a read and a write per shortest-path edge).
    var recordsEdges = true

    /// Distance from the source (`infinity` when unreached).
    let distance: UnsafeMutableBufferPointer<Double>
    /// Number of shortest paths from the source (as a Double, as networkx counts).
    let sigma: UnsafeMutableBufferPointer<Double>
    /// Predecessor slots: node `w`'s predecessors are `predNode[predStart[w] ..< predStart[w] + predCount[w]]`,
    /// reached over the edges `predEdge[...]` in the same slots.
    let predStart: UnsafeMutableBufferPointer<Int>
    let predCount: UnsafeMutableBufferPointer<Int32>
    let predNode: UnsafeMutableBufferPointer<Int32>
    let predEdge: UnsafeMutableBufferPointer<Int32>

    private let order: UnsafeMutableBufferPointer<Int32>
    private let settled: UnsafeMutableBufferPointer<Bool>
    private let seen: UnsafeMutableBufferPointer<Bool>
    private let tick: UnsafeMutableBufferPointer<Int>
    private let bestCost: UnsafeMutableBufferPointer<Double>
    private let bestEdge: UnsafeMutableBufferPointer<Int32>
    /// Hop count from the source (-1 when unreached), for the breadth-first search.
    private let level: UnsafeMutableBufferPointer<Int32>
    private var orderCount = 0
    private var currentTick = 0
    private var heap = Heap<Entry>()

    private struct Entry: Comparable {
        let distance: Double
        let sequence: Int
        let node: Int32
        static func < (a: Entry, b: Entry) -> Bool {
            a.distance < b.distance || (a.distance == b.distance && a.sequence < b.sequence)
        }
        static func == (a: Entry, b: Entry) -> Bool { a.distance == b.distance && a.sequence == b.sequence }
    }

    /// - Parameters:
    ///   - adjacency: the direction to search, shared by the kernels of one analysis.
    ///   - costs: per-edge costs (finite, >= 0), or `nil` for hop counts (BFS).
    init(adjacency: SearchAdjacency, costs: ContiguousArray<Double>?) {
        self.adjacency = adjacency
        self.costs = costs
        let n = adjacency.nodeCount
        func buffer<T>(_ value: T, _ count: Int = n) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: Swift.max(1, count))
            b.initialize(repeating: value)
            return b
        }
        distance = buffer(.infinity)
        sigma = buffer(0)
        order = buffer(0)
        settled = buffer(false)
        seen = buffer(false)
        tick = buffer(-1)
        bestCost = buffer(0)
        bestEdge = buffer(0)
        level = buffer(-1)
        predCount = buffer(0)
        // A predecessor of w reaches w by an edge, so w's slots never outnumber its entries in
        // the opposite adjacency.
        predStart = buffer(0, n + 1)
        for i in 0...n { predStart[i] = adjacency.oppositeOffsets[i] }
        predNode = buffer(0, adjacency.oppositeOffsets[n])
        predEdge = buffer(0, adjacency.oppositeOffsets[n])
    }

    /// A kernel for one-off use and tests.
    convenience init(graph: Graph, costs: ContiguousArray<Double>?, direction: PathDirection = .out) {
        precondition(costs == nil || costs!.count == graph.edgeCount, "one cost per edge")
        self.init(adjacency: SearchAdjacency(graph, direction: direction), costs: costs)
    }

    deinit {
        distance.deallocate(); sigma.deallocate(); order.deallocate(); settled.deallocate()
        seen.deallocate(); tick.deallocate(); bestCost.deallocate(); bestEdge.deallocate()
        predCount.deallocate(); predStart.deallocate(); predNode.deallocate(); predEdge.deallocate()
        level.deallocate()
    }

    /// The settled nodes of the last run, in non-decreasing distance.
    var visited: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(rebasing: order[0..<orderCount]) }

    /// Runs the search from `source`, replacing the previous run's results.
    ///
    /// - Complexity: O(r + e) with hop counts, O((r + e) log r) with costs, for the `r` nodes and
    ///   `e` adjacency entries reached; no allocation once the heap has grown.
    func run(from source: NodeID) {
        precondition(source.index < adjacency.nodeCount, "unknown NodeID \(source)")
        for k in 0..<orderCount {
            let v = Int(order[k])
            distance[v] = .infinity; sigma[v] = 0; predCount[v] = 0
            settled[v] = false; seen[v] = false; level[v] = -1
        }
        orderCount = 0
        let csr = adjacency.csr
        csr.offsets.withUnsafeBufferPointer { offsets in
            csr.neighbors.withUnsafeBufferPointer { targets in
                csr.edges.withUnsafeBufferPointer { edges in
                    if let costs {
                        costs.withUnsafeBufferPointer { dijkstra(source.index, offsets, targets, edges, $0) }
                    } else {
                        breadthFirst(source.index, offsets, targets, edges)
                    }
                }
            }
        }
    }

    /// Hop counts are compared as `Int32` levels; in a graph without parallel edges every
    /// entry of a node's list is a distinct neighbour, so the per-node marks (`tick`) that keep
    /// a parallel edge from counting twice are skipped, and a self-loop fails the level test.
    private func breadthFirst(
        _ s: Int, _ offsets: UnsafeBufferPointer<Int>, _ targets: UnsafeBufferPointer<NodeID>,
        _ edges: UnsafeBufferPointer<EdgeID>
    ) {
        let distance = self.distance, sigma = self.sigma, level = self.level, tick = self.tick, order = self.order
        let predStart = self.predStart, predCount = self.predCount, predNode = self.predNode, predEdge = self.predEdge
        let simple = !adjacency.hasParallelEdges
        var currentTick = self.currentTick
        distance[s] = 0; sigma[s] = 1; level[s] = 0
        order[0] = Int32(s)
        var count = 1, head = 0
        while head < count {
            let v = Int(order[head]); head += 1
            let next = level[v] + 1
            let sv = sigma[v]
            if simple && !recordsEdges {
                for k in offsets[v]..<offsets[v + 1] {
                    let w = targets[k].index
                    let lw = level[w]
                    if lw < 0 {
                        level[w] = next; distance[w] = Double(next); sigma[w] = sv
                        order[count] = Int32(w); count += 1
                        predNode[predStart[w]] = Int32(v)
                        predCount[w] = 1
                    } else if lw == next {
                        sigma[w] += sv
                        predNode[predStart[w] + Int(predCount[w])] = Int32(v)
                        predCount[w] += 1
                    }
                }
                continue
            }
            if simple {
                for k in offsets[v]..<offsets[v + 1] {
                    let w = targets[k].index
                    let lw = level[w]
                    if lw < 0 {
                        level[w] = next; distance[w] = Double(next); sigma[w] = sv
                        order[count] = Int32(w); count += 1
                        let slot = predStart[w]
                        predNode[slot] = Int32(v); predEdge[slot] = Int32(truncatingIfNeeded: edges[k].rawValue)
                        predCount[w] = 1
                    } else if lw == next {
                        sigma[w] += sv
                        let slot = predStart[w] + Int(predCount[w])
                        predNode[slot] = Int32(v); predEdge[slot] = Int32(truncatingIfNeeded: edges[k].rawValue)
                        predCount[w] += 1
                    }
                }
                continue
            }
            currentTick += 1
            for k in offsets[v]..<offsets[v + 1] {
                let w = targets[k].index
                if w == v || tick[w] == currentTick { continue } // self-loop or parallel edge
                tick[w] = currentTick
                if level[w] < 0 {
                    level[w] = next; distance[w] = Double(next)
                    order[count] = Int32(w); count += 1
                }
                if level[w] == next {
                    sigma[w] += sv
                    let slot = predStart[w] + Int(predCount[w])
                    predNode[slot] = Int32(v); predEdge[slot] = Int32(truncatingIfNeeded: edges[k].rawValue)
                    predCount[w] += 1
                }
            }
        }
        self.orderCount = count
        self.currentTick = currentTick
    }

    private func dijkstra(
        _ s: Int, _ offsets: UnsafeBufferPointer<Int>, _ targets: UnsafeBufferPointer<NodeID>,
        _ edges: UnsafeBufferPointer<EdgeID>, _ costs: UnsafeBufferPointer<Double>
    ) {
        let distance = self.distance, sigma = self.sigma, seen = self.seen, settled = self.settled
        let tick = self.tick, order = self.order, bestCost = self.bestCost, bestEdge = self.bestEdge
        let predStart = self.predStart, predCount = self.predCount, predNode = self.predNode, predEdge = self.predEdge
        var currentTick = self.currentTick
        var heap = Heap<Entry>()
        swap(&heap, &self.heap)
        defer { swap(&heap, &self.heap) }
        var sequence = 0, count = 0
        distance[s] = 0; seen[s] = true; sigma[s] = 1
        heap.insert(Entry(distance: 0, sequence: sequence, node: Int32(s)))
        while let top = heap.popMin() {
            let v = Int(top.node)
            if settled[v] { continue }
            settled[v] = true
            order[count] = Int32(v); count += 1
            let d = top.distance
            let range = offsets[v]..<offsets[v + 1]
            // Pass 1: the cheapest of any parallel edges to each neighbour.
            currentTick += 1
            for k in range {
                let w = targets[k].index
                if w == v { continue }
                let c = costs[edges[k].index]
                if tick[w] != currentTick || c < bestCost[w] {
                    tick[w] = currentTick; bestCost[w] = c; bestEdge[w] = Int32(truncatingIfNeeded: edges[k].rawValue)
                }
            }
            // Pass 2: relax each neighbour once (networkx's rule, ties compared exactly).
            currentTick += 1
            let sv = sigma[v]
            for k in range {
                let w = targets[k].index
                if w == v || tick[w] == currentTick { continue }
                tick[w] = currentTick
                let vw = d + bestCost[w]
                if !settled[w] && (!seen[w] || vw < distance[w]) {
                    seen[w] = true; distance[w] = vw
                    sequence += 1
                    heap.insert(Entry(distance: vw, sequence: sequence, node: Int32(w)))
                    sigma[w] = sv
                    predNode[predStart[w]] = Int32(v); predEdge[predStart[w]] = bestEdge[w]
                    predCount[w] = 1
                } else if vw == distance[w] {
                    sigma[w] += sv
                    let slot = predStart[w] + Int(predCount[w])
                    predNode[slot] = Int32(v); predEdge[slot] = bestEdge[w]
                    predCount[w] += 1
                }
            }
        }
        self.orderCount = count
        self.currentTick = currentTick
    }
}
