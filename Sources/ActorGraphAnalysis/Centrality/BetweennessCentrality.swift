public import ActorGraphCore

/// Options for ``Centrality/betweenness(_:options:execution:)``.
public struct BetweennessOptions: Hashable, Sendable {
    /// Edge lengths: hops (default, networkx `weight=None`) or a cost column.
    public var weight: PathCost = .hops
    /// Divide by the number of pairs that could route through a node (default `true`).
    public var normalized: Bool = true
    /// Count the endpoints of each path as lying on it (default `false`).
    public var endpoints: Bool = false
    /// Estimate from this many source nodes (pivots) instead of all of them, as networkx's `k`;
    /// `nil` (the default) computes exact betweenness. Must be within `1...nodeCount`.
    public var samples: Int?
    /// Chooses the pivots when ``samples`` is set: the same seed gives the same pivots, hence the
    /// same scores, on every run and for any thread count (networkx's `seed`, though networkx's
    /// generator picks other pivots for the same number).
    public var seed: UInt64 = 0
    public init(
        weight: PathCost = .hops, normalized: Bool = true, endpoints: Bool = false,
        samples: Int? = nil, seed: UInt64 = 0
    ) {
        self.weight = weight
        self.normalized = normalized
        self.endpoints = endpoints
        self.samples = samples
        self.seed = seed
    }
}

/// Options for ``Centrality/edgeBetweenness(_:options:execution:)``.
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
    /// over the threads of `execution`, each with its own scratch buffers.
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
    /// **Sampling** (``BetweennessOptions/samples``; Brandes & Pich 2007, networkx's `k`): the
    /// accumulation runs from `K` pivots drawn without replacement by a SplitMix64 generator
    /// seeded with ``BetweennessOptions/seed`` (taken in node order), and the sums are scaled up
    /// as networkx 3.6 does (`_rescale` with `sampled_nodes`): with endpoints by `N / K` (`N`
    /// as above); without endpoints a pivot's own score, which misses its own paths, by
    /// `N / (K - 1)` (NaN when `K = 1`), the others' by `N / K`. With `K = n` the result is the
    /// exact one, bit for bit. The estimate of each normalised score is unbiased and, because
    /// every pivot adds at most `n / (n - 1)` to it, Hoeffding's inequality with a union bound
    /// over the nodes gives an additive error of at most `eps` for **every** node with
    /// probability `1 - delta` once `K >= (n / (n - 1))^2 ln(2n / delta) / (2 eps^2)`.
    /// Riondato & Kornaropoulos (2016), sampling shortest paths between random pairs rather than
    /// pivots, need only `K >= (c / eps^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta))` samples
    /// (`VD` the vertex diameter, `c` about 0.5), independent of `n`; that bound is theirs and
    /// is quoted here as the yardstick for choosing `K`, not as a guarantee of this estimator.
    ///
    /// `execution` sets the threads and reports progress; neither changes the result: sources
    /// are cut into chunks that depend on the number of sources only, and the chunks' sums are
    /// added in chunk order.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or zero, negative, NaN or missing
    ///   costs, and for `samples` outside `1...nodeCount` (``AnalysisError/option`` `samples`).
    /// - Complexity: O(n m) time with hops, O(n m + n² log n) with costs (`K` instead of the
    ///   first `n` when sampling); O(n + m) memory per thread.
    public static func betweenness(
        _ graph: Graph, options: BetweennessOptions = BetweennessOptions(),
        execution: ExecutionOptions = ExecutionOptions()
    ) throws -> CentralityScores {
        let n = graph.nodeCount
        var pivots: [Int]? = nil
        if let k = options.samples {
            guard k >= 1 && k <= n else {
                throw AnalysisError.option("samples", "samples must be between 1 and the number of nodes (\(n)), not \(k)")
            }
            var rng = SplitMix64(seed: options.seed)
            var nodes = Array(0..<n)
            rng.shuffle(&nodes)
            pivots = nodes.prefix(k).sorted()
        }
        return try betweenness(graph, options: options, pivots: pivots, execution: execution)
    }

    /// Betweenness from the given sources (`nil`: every node), scaled as networkx scales a
    /// sample of them; `pivots` are distinct and ascending. ``betweenness(_:options:execution:)``
    /// chooses them; tests give networkx's.
    static func betweenness(
        _ graph: Graph, options: BetweennessOptions, pivots: [Int]?,
        execution: ExecutionOptions
    ) throws -> CentralityScores {
        let costs = try options.weight.positiveCosts(in: graph)
        let n = graph.nodeCount
        let sources = pivots
        let endpoints = options.endpoints
        let adjacency = SearchAdjacency(graph, direction: .out)
        final class Scratch {
            let kernel: ShortestPathKernel
            let delta: UnsafeMutableBufferPointer<Double>
            init(_ adjacency: SearchAdjacency, _ costs: ContiguousArray<Double>?) {
                kernel = ShortestPathKernel(adjacency: adjacency, costs: costs)
                kernel.recordsEdges = false
                delta = .allocate(capacity: Swift.max(1, adjacency.nodeCount))
                delta.initialize(repeating: 0)
            }
            deinit { delta.deallocate() }
        }
        var b = parallelChunks(
            count: sources?.count ?? n, threads: execution.threads, progress: execution.progress,
            into: [Double](repeating: 0, count: n),
            scratch: { Scratch(adjacency, costs.values) }
        ) { scratch, chunk -> [Double] in
            var b = [Double](repeating: 0, count: n)
            b.withUnsafeMutableBufferPointer { b in
                let kernel = scratch.kernel, delta = scratch.delta
                let sigma = kernel.sigma, predStart = kernel.predStart
                let predCount = kernel.predCount, predNode = kernel.predNode
                for i in chunk {
                    let s = sources?[i] ?? i
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
            return b
        } fold: { total, partial in
            for i in 0..<n { total[i] += partial[i] }
        }
        rescaleBetweenness(
            &b, n: n, normalized: options.normalized, directed: graph.isDirected, endpoints: endpoints,
            pivots: pivots)
        return CentralityScores(measure: "betweenness", values: b, nodeNames: graph.nodeNames)
    }

    /// networkx 3.6's `_rescale`: `pivots` are the sampled sources (`sampled_nodes`), `nil`
    /// when every node is a source.
    static func rescaleBetweenness(
        _ b: inout [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool,
        pivots: [Int]? = nil
    ) {
        let N = endpoints ? n : n - 1
        guard N >= 2 else { return }
        let K = Double(pivots?.count ?? N)
        let correction: Double = directed ? 1 : 2
        guard let pivots, !endpoints else {
            let scale = normalized ? 1 / (K * Double(N - 1)) : Double(N) / (K * correction)
            if scale != 1 { for i in b.indices { b[i] *= scale } }
            return
        }
        // A pivot's own score has no paths from itself: K - 1 sources instead of K.
        let source = K > 1 ? (normalized ? 1 / ((K - 1) * Double(N - 1)) : Double(N) / ((K - 1) * correction)) : .nan
        let other = normalized ? 1 / (K * Double(N - 1)) : Double(N) / (K * correction)
        var isPivot = [Bool](repeating: false, count: n)
        for p in pivots { isPivot[p] = true }
        for i in b.indices { b[i] *= isPivot[i] ? source : other }
    }
}
