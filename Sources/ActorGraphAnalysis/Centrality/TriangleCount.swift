import ActorGraphCore

extension Centrality {
    /// The number of triangles through each node of an undirected graph, by the degree-ordered
    /// "forward" algorithm (Schank & Wagner 2005; Latapy 2008, the algorithm behind NetworKit's
    /// and igraph's triangle listing), with the simple degrees alongside.
    ///
    /// Nodes are ranked by degree (ties by id) and every edge is oriented from its lower-ranked
    /// end to its higher-ranked one, so a node keeps at most `O(sqrt(m))` out-neighbours. For
    /// each oriented edge `u -> v` the sorted out-lists of `u` and `v` are merged; each common
    /// `w` closes the triangle `{u, v, w}`, found exactly once (from its lowest-ranked corner).
    /// Self-loops are ignored.
    ///
    /// Counts are integers, added per chunk of nodes and folded in chunk order, so they are the
    /// same for any thread count.
    ///
    /// - Returns: `nil` when the graph has parallel edges (clustering then weights a tie by its
    ///   multiplicity, which plain triangle counts cannot say), else the triangles through each
    ///   node and each node's number of distinct neighbours other than itself.
    /// - Complexity: O(m sqrt(m)) time, O(n + m) memory (plus O(n) per thread).
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
        // Oriented CSR: u -> v when (degree[u], u) < (degree[v], v); each list sorted by id.
        var offsets = [Int](repeating: 0, count: n + 1)
        func precedes(_ u: Int, _ v: Int) -> Bool { degree[u] < degree[v] || (degree[u] == degree[v] && u < v) }
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
            targets[offsets[u]..<p].sort()
        }
        let oriented = (offsets: offsets, targets: targets)
        let triangles = parallelChunks(
            count: n, threads: execution.threads, progress: execution.progress,
            into: [Int](repeating: 0, count: n), scratch: { () }
        ) { _, nodes -> [Int] in
            var t = [Int](repeating: 0, count: n)
            oriented.offsets.withUnsafeBufferPointer { offsets in
                oriented.targets.withUnsafeBufferPointer { targets in
                    for u in nodes {
                        let uStart = offsets[u], uEnd = offsets[u + 1]
                        for a in uStart..<uEnd {
                            let v = Int(targets[a])
                            // Merge the out-lists of u and v.
                            var i = uStart, j = offsets[v]
                            let vEnd = offsets[v + 1]
                            while i < uEnd && j < vEnd {
                                let x = targets[i], y = targets[j]
                                if x < y { i += 1 } else if y < x { j += 1 } else {
                                    t[u] += 1; t[v] += 1; t[Int(x)] += 1
                                    i += 1; j += 1
                                }
                            }
                        }
                    }
                }
            }
            return t
        } fold: { total, partial in
            for i in 0..<n { total[i] += partial[i] }
        }
        return (triangles, degree)
    }
}
