public import ActorGraphCore
import HeapModule

/// Which way a single-source search follows directed edges.
public enum PathDirection: String, Hashable, Sendable, CaseIterable {
    /// Along edge direction (successors): distances *from* the source.
    case out
    /// Against edge direction (predecessors): distances *to* the source.
    case `in`
}

/// What a path measure counts as the length of an edge.
///
/// A path measure needs a **cost** (smaller = closer). A weight column holding strengths (meeting
/// counts) is turned into costs only by an explicit ``StrengthToCost`` rule; see ``WeightMeaning``.
public enum PathWeight: Hashable, Sendable {
    /// Every edge costs 1: shortest paths are fewest hops (breadth-first search).
    case hops
    /// The numeric edge column is a cost, used as is (finite and >= 0; missing values are errors).
    case cost(column: String)
    /// The numeric edge column is a strength, converted to a cost by `conversion` (> 0 required).
    case strength(column: String, conversion: StrengthToCost = .inverse)

    /// Per-edge costs, or `nil` for hop counts.
    /// - Throws: ``WeightError`` from ``Graph/costs(column:meaning:conversion:)``.
    func costs(in graph: Graph) throws -> ContiguousArray<Double>? {
        switch self {
        case .hops: return nil
        case .cost(let column): return try graph.costs(column: column, meaning: .cost)
        case .strength(let column, let conversion):
            return try graph.costs(column: column, meaning: .strength, conversion: conversion)
        }
    }
}

/// Single-source shortest paths with path counts and predecessor lists, the inner step of
/// Brandes' betweenness algorithm (Brandes 2001), reusable across sources.
///
/// One kernel owns preallocated scratch arrays (distances, path counts, predecessor slots, the
/// visit order and the Dijkstra heap) and resets only the entries the previous run touched, so a
/// run from a source that reaches `r` nodes over `e` edges costs O(r + e) with hop counts and
/// O((r + e) log r) with costs, and allocates nothing. Parallel threads each own a kernel.
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
/// - With zero-cost edges, networkx (and this kernel, which follows it step by step) may count
///   paths that tie through an already-settled node incompletely; prefer strictly positive costs.
struct ShortestPathKernel {
    let graph: Graph
    let costs: ContiguousArray<Double>?
    let direction: PathDirection

    /// Distance from the source (`infinity` when unreached).
    private(set) var distance: [Double]
    /// Number of shortest paths from the source (as a Double, as networkx counts).
    private(set) var sigma: [Double]
    /// Nodes settled, in non-decreasing distance from the source.
    private(set) var order: [Int32]
    private(set) var orderCount = 0

    /// Predecessor slots: node `w`'s predecessors are `predNode[predStart[w] ..< predStart[w] + predCount[w]]`.
    private(set) var predStart: [Int]
    private(set) var predCount: [Int32]
    private(set) var predNode: [Int32]
    private(set) var predEdge: [Int32]

    private var settled: [Bool]
    private var seen: [Bool]
    private var tick: [Int]
    private var bestCost: [Double]
    private var bestEdge: [Int32]
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
    ///   - costs: per-edge costs (finite, >= 0), or `nil` for hop counts (BFS).
    ///   - direction: `.out` follows successors; `.in` follows predecessors. Ignored when undirected.
    init(graph: Graph, costs: ContiguousArray<Double>?, direction: PathDirection = .out) {
        precondition(costs == nil || costs!.count == graph.edgeCount, "one cost per edge")
        self.graph = graph
        self.costs = costs
        self.direction = graph.isDirected ? direction : .out
        let n = graph.nodeCount
        distance = Array(repeating: .infinity, count: n)
        sigma = Array(repeating: 0, count: n)
        order = Array(repeating: 0, count: n)
        settled = Array(repeating: false, count: n)
        seen = Array(repeating: false, count: n)
        tick = Array(repeating: -1, count: n)
        bestCost = Array(repeating: 0, count: n)
        bestEdge = Array(repeating: 0, count: n)
        predCount = Array(repeating: 0, count: n)
        // A predecessor of w reaches w by an edge, so w's slots never outnumber its entries in
        // the opposite adjacency.
        var start = Array(repeating: 0, count: n + 1)
        for i in 0..<n {
            let v = NodeID(i)
            let entries = self.direction == .out ? graph.inNeighbors(of: v).count : graph.outNeighbors(of: v).count
            start[i + 1] = start[i] + entries
        }
        predStart = start
        predNode = Array(repeating: 0, count: start[n])
        predEdge = Array(repeating: 0, count: start[n])
    }

    /// The settled nodes of the last run, in non-decreasing distance.
    var visited: ArraySlice<Int32> { order[0..<orderCount] }

    /// Runs the search from `source`, replacing the previous run's results.
    mutating func run(from source: NodeID) {
        for k in 0..<orderCount {
            let v = Int(order[k])
            distance[v] = .infinity; sigma[v] = 0; predCount[v] = 0
            settled[v] = false; seen[v] = false
        }
        orderCount = 0
        if costs == nil { breadthFirst(source) } else { dijkstra(source) }
    }

    @inline(__always)
    private func neighbors(_ v: Int) -> Neighborhood {
        direction == .out ? graph.outNeighbors(of: NodeID(v)) : graph.inNeighbors(of: NodeID(v))
    }

    @inline(__always)
    private mutating func appendPredecessor(_ w: Int, _ v: Int, _ edge: Int32) {
        let slot = predStart[w] + Int(predCount[w])
        predNode[slot] = Int32(v); predEdge[slot] = edge
        predCount[w] += 1
    }

    private mutating func breadthFirst(_ s: NodeID) {
        let s = s.index
        distance[s] = 0; sigma[s] = 1; seen[s] = true
        order[0] = Int32(s); orderCount = 1
        var head = 0
        while head < orderCount {
            let v = Int(order[head]); head += 1
            currentTick += 1
            let nb = neighbors(v)
            let nodes = nb.nodes, edges = nb.edges
            let next = distance[v] + 1
            for k in nodes.indices {
                let w = nodes[k].index
                if w == v || tick[w] == currentTick { continue }   // self-loop or parallel edge
                tick[w] = currentTick
                if !seen[w] {
                    seen[w] = true; distance[w] = next
                    order[orderCount] = Int32(w); orderCount += 1
                }
                if distance[w] == next {
                    sigma[w] += sigma[v]
                    appendPredecessor(w, v, edges[k].rawValue.asInt32)
                }
            }
        }
        for k in 0..<orderCount { settled[Int(order[k])] = true }
    }

    private mutating func dijkstra(_ s: NodeID) {
        let costs = self.costs!
        let s = s.index
        var sequence = 0
        distance[s] = 0; seen[s] = true; sigma[s] = 1
        heap.insert(Entry(distance: 0, sequence: sequence, node: Int32(s)))
        while let top = heap.popMin() {
            let v = Int(top.node)
            if settled[v] { continue }
            settled[v] = true
            order[orderCount] = Int32(v); orderCount += 1
            let d = top.distance
            let nb = neighbors(v)
            let nodes = nb.nodes, edges = nb.edges
            // Pass 1: the cheapest of any parallel edges to each neighbour.
            currentTick += 1
            for k in nodes.indices {
                let w = nodes[k].index
                if w == v { continue }
                let c = costs[edges[k].index]
                if tick[w] != currentTick || c < bestCost[w] {
                    tick[w] = currentTick; bestCost[w] = c; bestEdge[w] = edges[k].rawValue.asInt32
                }
            }
            // Pass 2: relax each neighbour once (networkx's rule, ties compared exactly).
            currentTick += 1
            for k in nodes.indices {
                let w = nodes[k].index
                if w == v || tick[w] == currentTick { continue }
                tick[w] = currentTick
                let vw = d + bestCost[w]
                if !settled[w] && (!seen[w] || vw < distance[w]) {
                    seen[w] = true; distance[w] = vw
                    sequence += 1
                    heap.insert(Entry(distance: vw, sequence: sequence, node: Int32(w)))
                    sigma[w] = sigma[v]
                    predCount[w] = 0
                    appendPredecessor(w, v, bestEdge[w])
                } else if vw == distance[w] {
                    sigma[w] += sigma[v]
                    appendPredecessor(w, v, bestEdge[w])
                }
            }
        }
    }
}

extension UInt32 {
    @inline(__always) var asInt32: Int32 { Int32(bitPattern: self) }
}
