import ActorGraphCore

extension Centrality {
    /// The number of triangles through each node of an undirected graph, counted over
    /// degree-ordered adjacency (the orientation of Schank & Wagner 2005 and Latapy 2008, as in
    /// NetworKit's and igraph's triangle counting), with the simple degrees alongside.
    ///
    /// Nodes are ranked by degree (ties by id) and every edge is oriented towards its
    /// higher-ranked end, so a node keeps at most `O(sqrt(m))` out-neighbours. The triangles
    /// through `u` are the oriented edges `v -> w` between two neighbours of `u`: with `u`'s
    /// neighbours marked, each neighbour `v` looks its out-list up in the marks, and each edge
    /// among the neighbours is met exactly once (from its lower-ranked end). Each node's count
    /// is written by the one thread that owns the node, so chunks return their own slice and
    /// nothing is scattered; counts are integers, the same for any thread count. Self-loops
    /// are ignored.
    ///
    /// - Returns: `nil` when the graph has parallel edges (clustering then weights a tie by its
    ///   multiplicity, which plain triangle counts cannot say), else the triangles through each
    ///   node and each node's number of distinct neighbours other than itself.
    /// - Complexity: O(Σ_v deg(v) · outdeg(v)) = O(m sqrt(m)) time, O(n + m) memory (plus O(n)
    ///   per thread).
    static func triangleCounts(_ graph: Graph, execution: ExecutionOptions) -> (triangles: [Int], degrees: [Int])? {
        precondition(!graph.isDirected, "triangle counts here are for undirected graphs")
        let n = graph.nodeCount
        let csr = graph.successors
        // Distinct neighbours, no self-loops; a repeated neighbour means parallel edges.
        var degree = [Int](repeating: 0, count: n)
        var mark = [Int](repeating: -1, count: n)
        for u in 0..<n {
            for k in csr.offsets[u]..<csr.offsets[u + 1] {
                let v = csr.neighbors[k].index
                if v == u { continue }
                if mark[v] == u { return nil }
                mark[v] = u
                degree[u] += 1
            }
        }
        // Oriented CSR: v -> w when (degree[v], v) < (degree[w], w). (`rank` is a constant, so
        // the comparison needs no exclusivity checks.)
        let rank = degree
        var offsets = [Int](repeating: 0, count: n + 1)
        func precedes(_ u: Int, _ v: Int) -> Bool { rank[u] < rank[v] || (rank[u] == rank[v] && u < v) }
        for u in 0..<n {
            var out = 0
            for k in csr.offsets[u]..<csr.offsets[u + 1] where precedes(u, csr.neighbors[k].index) { out += 1 }
            offsets[u + 1] = offsets[u] + out
        }
        var targets = [Int32](repeating: 0, count: offsets[n])
        for u in 0..<n {
            var p = offsets[u]
            for k in csr.offsets[u]..<csr.offsets[u + 1] {
                let v = csr.neighbors[k].index
                if precedes(u, v) { targets[p] = Int32(v); p += 1 }
            }
        }
        let oriented = (offsets: offsets, targets: targets)
        final class Marks {
            let stamp: UnsafeMutableBufferPointer<Int32>
            init(_ n: Int) { stamp = .allocate(capacity: Swift.max(1, n)); stamp.initialize(repeating: -1) }
            deinit { stamp.deallocate() }
        }
        let triangles = parallelChunks(
            count: n, threads: execution.threads, progress: execution.progress,
            into: [Int](), scratch: { Marks(n) }
        ) { marks, nodes -> [Int] in
            let stamp = marks.stamp
            return csr.offsets.withUnsafeBufferPointer { all in
                csr.neighbors.withUnsafeBufferPointer { neighbors in
                    oriented.offsets.withUnsafeBufferPointer { offsets in
                        oriented.targets.withUnsafeBufferPointer { targets in
                            nodes.map { u -> Int in
                                for k in all[u]..<all[u + 1] { stamp[neighbors[k].index] = Int32(u) }
                                stamp[u] = -1 // a self-loop marks u itself; u is no neighbour
                                var t = 0
                                for k in all[u]..<all[u + 1] {
                                    let v = neighbors[k].index
                                    if v == u { continue }
                                    for a in offsets[v]..<offsets[v + 1] where stamp[Int(targets[a])] == Int32(u) { t += 1 }
                                }
                                return t
                            }
                        }
                    }
                }
            }
        } fold: {
            $0 += $1
        }
        return (triangles, rank)
    }
}
