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
    /// The preparation (distinct degrees with the parallel-edge check, then the oriented
    /// lists) runs in chunks on every thread too, each chunk returning its own slice.
    ///
    /// - Complexity: O(Σ_v deg(v) · outdeg(v)) = O(m sqrt(m)) time, O(n + m) memory (plus O(n)
    ///   per thread).
    static func triangleCounts(_ graph: Graph, execution: ExecutionOptions) -> (triangles: [Int], degrees: [Int])? {
        precondition(!graph.isDirected, "triangle counts here are for undirected graphs")
        let n = graph.nodeCount
        let csr = graph.successors
        // Distinct neighbours, no self-loops; a repeated neighbour means parallel edges. Each
        // chunk of nodes returns its own degrees (a thread's stamps say which neighbours the
        // current node has shown), so the pass runs on every thread with nothing scattered.
        final class Stamps {
            let stamp: UnsafeMutableBufferPointer<Int32>
            init(_ n: Int) {
                stamp = .allocate(capacity: Swift.max(1, n))
                stamp.initialize(repeating: -1)
            }
            deinit { stamp.deallocate() }
        }
        let counted = parallelChunks(
            count: n, threads: execution.threads, progress: nil, into: (degrees: [Int](), parallel: false),
            scratch: { Stamps(n) }
        ) { stamps, nodes -> (degrees: [Int], parallel: Bool) in
            let stamp = stamps.stamp
            var degrees = [Int](repeating: 0, count: nodes.count)
            var parallel = false
            csr.offsets.withUnsafeBufferPointer { all in
                csr.neighbors.withUnsafeBufferPointer { neighbors in
                    for u in nodes {
                        var d = 0
                        for k in all[u]..<all[u + 1] {
                            let v = neighbors[k].index
                            if v == u { continue }
                            if stamp[v] == Int32(u) { parallel = true }
                            stamp[v] = Int32(u)
                            d += 1
                        }
                        degrees[u - nodes.lowerBound] = d
                    }
                }
            }
            return (degrees, parallel)
        } fold: {
            $0.degrees += $1.degrees
            $0.parallel = $0.parallel || $1.parallel
        }
        if counted.parallel { return nil }
        // Oriented CSR: v -> w when (degree[v], v) < (degree[w], w). Each chunk lists its
        // nodes' out-neighbours in node order; appended in chunk order they are the CSR.
        let rank = counted.degrees
        let lists = parallelChunks(
            count: n, threads: execution.threads, progress: nil, into: (counts: [Int](), targets: [Int32]()),
            scratch: {}
        ) { _, nodes -> (counts: [Int], targets: [Int32]) in
            var counts = [Int](repeating: 0, count: nodes.count)
            var targets: [Int32] = []
            rank.withUnsafeBufferPointer { rank in
                csr.offsets.withUnsafeBufferPointer { all in
                    csr.neighbors.withUnsafeBufferPointer { neighbors in
                        targets.reserveCapacity((all[nodes.upperBound] - all[nodes.lowerBound]) / 2 + 16)
                        for u in nodes {
                            let before = targets.count
                            for k in all[u]..<all[u + 1] {
                                let v = neighbors[k].index
                                if rank[u] < rank[v] || (rank[u] == rank[v] && u < v) { targets.append(Int32(v)) }
                            }
                            counts[u - nodes.lowerBound] = targets.count - before
                        }
                    }
                }
            }
            return (counts, targets)
        } fold: {
            $0.counts += $1.counts
            $0.targets += $1.targets
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        for u in 0..<n { offsets[u + 1] = offsets[u] + lists.counts[u] }
        let targets = lists.targets
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
