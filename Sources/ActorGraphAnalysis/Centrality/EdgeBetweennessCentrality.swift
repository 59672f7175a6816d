public import ActorGraphCore

extension Centrality {
    /// Edge betweenness: for each edge, the sum over pairs `(s, t)` of the fraction of shortest
    /// `s`–`t` paths that use it (Girvan & Newman 2002; Brandes 2008).
    ///
    /// The defaults mirror networkx `edge_betweenness_centrality(G)` (`normalized=True`,
    /// `weight=None`). Normalisation is networkx's with endpoints always included: normalised
    /// scores are divided by `n (n - 1)`; unnormalised undirected scores are halved; nothing is
    /// rescaled when `n < 2`.
    ///
    /// Parallel edges: the pair's share is split equally among the parallel edges of least cost
    /// (all of them with hop counts), as networkx does for multigraphs; the others and
    /// self-loops score 0.
    ///
    /// `execution` sets the threads and reports progress; neither changes the result: sources
    /// are cut into chunks that depend on the number of nodes only, and the chunks' sums are
    /// added in chunk order.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or zero, negative, NaN or missing costs.
    /// - Complexity: O(n m) time with hops, O(n m + n² log n) with costs; O(n + m) memory per thread.
    public static func edgeBetweenness(
        _ graph: Graph, options: EdgeBetweennessOptions = EdgeBetweennessOptions(),
        execution: ExecutionOptions = ExecutionOptions()
    ) throws -> EdgeCentralityScores {
        let costs = try options.weight.positiveCosts(in: graph)
        let n = graph.nodeCount, m = graph.edgeCount
        let adjacency = SearchAdjacency(graph, direction: .out)
        final class Scratch {
            let kernel: ShortestPathKernel
            let delta: UnsafeMutableBufferPointer<Double>
            init(_ adjacency: SearchAdjacency, _ costs: ContiguousArray<Double>?) {
                kernel = ShortestPathKernel(adjacency: adjacency, costs: costs)
                delta = .allocate(capacity: Swift.max(1, adjacency.nodeCount))
                delta.initialize(repeating: 0)
            }
            deinit { delta.deallocate() }
        }
        var b = parallelChunks(
            count: n, threads: execution.threads, progress: execution.progress,
            into: [Double](repeating: 0, count: m),
            scratch: { Scratch(adjacency, costs.values) }
        ) { scratch, sources -> [Double] in
            var b = [Double](repeating: 0, count: m)
            b.withUnsafeMutableBufferPointer { b in
                let kernel = scratch.kernel, delta = scratch.delta
                let sigma = kernel.sigma, predStart = kernel.predStart, predCount = kernel.predCount
                let predNode = kernel.predNode, predEdge = kernel.predEdge
                for s in sources {
                    kernel.run(from: NodeID(s))
                    let visited = kernel.visited
                    for v in visited { delta[Int(v)] = 0 }
                    for v in visited.reversed() {
                        let w = Int(v)
                        let coefficient = (1 + delta[w]) / sigma[w]
                        let start = predStart[w]
                        for slot in start..<(start + Int(predCount[w])) {
                            let p = Int(predNode[slot])
                            let c = sigma[p] * coefficient
                            b[Int(predEdge[slot])] += c
                            delta[p] += c
                        }
                    }
                }
            }
            return b
        } fold: { total, partial in
            for i in 0..<m { total[i] += partial[i] }
        }
        splitAmongParallelEdges(&b, graph: graph, costs: costs.values)
        Centrality.rescaleBetweenness(&b, n: n, normalized: options.normalized, directed: graph.isDirected, endpoints: true)
        return EdgeCentralityScores(measure: "edge-betweenness", values: b, endpoints: Array(graph.edges))
    }

    /// Spreads each pair's credit (held by one representative edge) equally over the parallel
    /// edges of least cost between the pair, as networkx's `_add_edge_keys`.
    private static func splitAmongParallelEdges(_ b: inout [Double], graph: Graph, costs: ContiguousArray<Double>?) {
        var groups: [Graph.Endpoints: [Int]] = [:]
        for (i, e) in graph.edges.enumerated() where e.source != e.target {
            let key = graph.isDirected || e.source < e.target ? e : Graph.Endpoints(source: e.target, target: e.source)
            groups[key, default: []].append(i)
        }
        for (_, edges) in groups where edges.count > 1 {
            let total = edges.reduce(0) { $0 + b[$1] }
            let least = edges.map { costs?[$0] ?? 1 }.min()!
            let cheapest = edges.filter { (costs?[$0] ?? 1) == least }
            for e in edges { b[e] = 0 }
            for e in cheapest { b[e] = total / Double(cheapest.count) }
        }
    }
}
