public import ActorGraphCore

/// Options for ``Centrality/betweenness(_:options:)``.
public struct BetweennessOptions: Hashable, Sendable {
    /// Edge lengths: hops (default, networkx `weight=None`) or a cost column.
    public var weight: PathCost = .hops
    /// Divide by the number of pairs that could route through a node (default `true`).
    public var normalized: Bool = true
    /// Count the endpoints of each path as lying on it (default `false`).
    public var endpoints: Bool = false
    public init(weight: PathCost = .hops, normalized: Bool = true, endpoints: Bool = false) {
        self.weight = weight
        self.normalized = normalized
        self.endpoints = endpoints
    }
}

/// Options for ``Centrality/edgeBetweenness(_:options:)``.
public struct EdgeBetweennessOptions: Hashable, Sendable {
    public var weight: PathCost = .hops
    public var normalized: Bool = true
    public init(weight: PathCost = .hops, normalized: Bool = true) {
        self.weight = weight
        self.normalized = normalized
    }
}

extension Centrality {
    /// Shortest-path betweenness: for each node, the sum over pairs `(s, t)` of the fraction of
    /// shortest `s`–`t` paths that pass through it (Freeman 1977; Brandes 2001).
    ///
    /// The defaults mirror networkx `betweenness_centrality(G)` (`normalized=True`,
    /// `endpoints=False`, `weight=None`); `weight: .cost(column:)` mirrors `weight="<column>"`,
    /// which networkx reads as a distance. Brandes' accumulation runs once per source, spread
    /// over two cores, each with its own scratch buffers; the per-chunk sums are added in a fixed
    /// order, so results do not depend on thread timing.
    ///
    /// **Counting.** Paths are counted over ordered pairs `s != t`, both directions in an
    /// undirected graph. Without `endpoints` a node counts only when interior to a path; with
    /// `endpoints` the source and target of every path through or to it count as well (Brandes
    /// 2008), so a node gains one for each node it reaches and each node that reaches it.
    ///
    /// **Normalisation** (exactly networkx's `_rescale`): let `N = n - 1` without endpoints and
    /// `N = n` with them. If `N < 2` nothing is rescaled. Normalised scores are divided by
    /// `N (N - 1)`: `1 / ((n-1)(n-2))` per ordered pair without endpoints, which for an
    /// undirected graph equals `2 / ((n-1)(n-2))` per unordered pair. Unnormalised undirected
    /// scores are halved (each unordered pair once); unnormalised directed scores are raw.
    ///
    /// **Ties, parallel edges, self-loops** (as networkx): two path lengths tie only when exactly
    /// equal in floating point, so costs such as 0.1 + 0.2 vs 0.3 may split what is mathematically
    /// one distance (integer or dyadic costs tie exactly; hop counts always do). This mirrors
    /// networkx's `==`, so results match it even then. Parallel edges are one tie at their
    /// cheapest cost (networkx's multigraph rule); self-loops are never on a shortest path.
    /// Zero costs are refused (``PathCost/positiveCosts(in:)``): with them, path counting
    /// (networkx's too) goes wrong.
    ///
    /// `execution` only reports progress; it never changes the result.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or zero, negative, NaN or missing costs.
    /// - Complexity: O(n m) time with hops, O(n m + n² log n) with costs; O(n + m) memory per core.
    public static func betweenness(_ graph: Graph, options: BetweennessOptions = BetweennessOptions(),
                                   execution: ExecutionOptions = ExecutionOptions()) throws -> CentralityScores {
        let costs = try options.weight.positiveCosts(in: graph)
        let n = graph.nodeCount
        let endpoints = options.endpoints
        let adjacency = SearchAdjacency(graph, direction: .out)
        let partials = parallelChunks(count: n, progress: execution.progress) { sources -> [Double] in
            let kernel = ShortestPathKernel(adjacency: adjacency, costs: costs.values)
            var b = [Double](repeating: 0, count: n)
            var delta = [Double](repeating: 0, count: n)
            b.withUnsafeMutableBufferPointer { b in
                delta.withUnsafeMutableBufferPointer { delta in
                    let sigma = kernel.sigma, predStart = kernel.predStart
                    let predCount = kernel.predCount, predNode = kernel.predNode
                    for s in sources {
                        kernel.run(from: NodeID(s))
                        let visited = kernel.visited
                        for v in visited { delta[Int(v)] = 0 }
                        if endpoints { b[s] += Double(visited.count - 1) }
                        for v in visited.reversed() {
                            let w = Int(v)
                            let coefficient = (1 + delta[w]) / sigma[w]
                            let start = predStart[w]
                            for slot in start..<(start + Int(predCount[w])) {
                                let p = Int(predNode[slot])
                                delta[p] += sigma[p] * coefficient
                            }
                            if w != s { b[w] += endpoints ? delta[w] + 1 : delta[w] }
                        }
                    }
                }
            }
            return b
        }
        var b = [Double](repeating: 0, count: n)
        for partial in partials { for i in 0..<n { b[i] += partial[i] } }
        rescaleBetweenness(&b, n: n, normalized: options.normalized, directed: graph.isDirected, endpoints: endpoints)
        return CentralityScores(measure: "betweenness", values: b, nodeNames: graph.nodeNames)
    }

    /// networkx's `_rescale` without sampling.
    static func rescaleBetweenness(_ b: inout [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool) {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return }
        let scale = normalized ? 1 / (Double(N) * Double(N - 1)) : (directed ? 1 : 0.5)
        if scale != 1 { for i in b.indices { b[i] *= scale } }
    }
}
