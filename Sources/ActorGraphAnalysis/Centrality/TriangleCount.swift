import ActorGraphCore

extension Centrality {
    /// The number of triangles through each node of an undirected graph, counted over
    /// degree-ordered adjacency (the orientation of Schank & Wagner 2005 and Latapy 2008, as in
    /// NetworKit's and igraph's triangle counting), with the simple degrees alongside.
    ///
    /// Nodes are ranked by degree (ties by id) and every edge is oriented towards its
    /// higher-ranked end, so a node keeps at most `O(sqrt(m))` out-neighbours. Forward
    /// counting: each node `u` marks its out-neighbours, and each out-neighbour `v` looks its
    /// own out-list up in the marks; a hit `w` is the triangle met once, from its lowest-ranked
    /// corner `u`, and credits `u`, `v` and `w`. Each thread adds its credits into its own
    /// counts, summed at the end; counts are integers, the same for any thread count. The
    /// preparation (distinct degrees with the parallel-edge check, then the oriented lists)
    /// runs in chunks on every thread too, each chunk returning its own slice. Self-loops are
    /// ignored.
    ///
    /// - Returns: `nil` when the graph has parallel edges (clustering then weights a tie by its
    ///   multiplicity, which plain triangle counts cannot say), else the triangles through each
    ///   node and each node's number of distinct neighbours other than itself.
    /// - Complexity: O(Σ_v indeg(v) · outdeg(v)) = O(m sqrt(m)) time, O(n + m) memory (plus
    ///   O(n) per thread).
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
        // Forward counting (Schank & Wagner 2005; Latapy 2008): each node u marks its
        // out-list, and each out-neighbour v looks its own out-list up in the marks; a hit w
        // is the triangle u -> v -> w met once, from its lowest-ranked corner, and credits
        // all three corners. The credits scatter, so each thread adds them into its own
        // counts; integer sums, so adding the threads' counts up gives the same result for
        // any thread count and any scheduling.
        final class Counts {
            let stamp: UnsafeMutableBufferPointer<Int32>
            let triangles: UnsafeMutableBufferPointer<Int>
            init(_ n: Int) {
                stamp = .allocate(capacity: Swift.max(1, n))
                stamp.initialize(repeating: -1)
                triangles = .allocate(capacity: Swift.max(1, n))
                triangles.initialize(repeating: 0)
            }
            deinit {
                stamp.deallocate()
                triangles.deallocate()
            }
        }
        let threadCounts = ThreadLock([Counts]())
        _ = parallelChunks(
            count: n, threads: execution.threads, progress: execution.progress, into: 0,
            scratch: { () -> Counts in
                let counts = Counts(n)
                threadCounts.withLock { $0.append(counts) }
                return counts
            }
        ) { counts, nodes -> Int in
            let stamp = counts.stamp, triangles = counts.triangles
            oriented.offsets.withUnsafeBufferPointer { offsets in
                oriented.targets.withUnsafeBufferPointer { targets in
                    for u in nodes {
                        for a in offsets[u]..<offsets[u + 1] { stamp[Int(targets[a])] = Int32(u) }
                        for a in offsets[u]..<offsets[u + 1] {
                            let v = Int(targets[a])
                            for b in offsets[v]..<offsets[v + 1] where stamp[Int(targets[b])] == Int32(u) {
                                triangles[u] += 1
                                triangles[v] += 1
                                triangles[Int(targets[b])] += 1
                            }
                        }
                    }
                }
            }
            return 0
        } fold: { _, _ in
        }
        var triangles = [Int](repeating: 0, count: n)
        for counts in threadCounts.withLock({ $0 }) {
            for u in 0..<n { triangles[u] += counts.triangles[u] }
        }
        return (triangles, rank)
    }
}
