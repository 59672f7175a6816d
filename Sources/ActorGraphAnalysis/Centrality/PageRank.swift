public import ActorGraphCore

/// Options for ``Centrality/pageRank(_:options:)``.
public struct PageRankOptions: Hashable, Sendable {
    /// Damping: the probability of following a tie rather than teleporting.
    public var alpha: Double = 0.85
    /// Teleport distribution (normalised to sum 1; absent nodes get 0); `nil` is uniform.
    public var personalization: [NodeID: Double]? = nil
    /// Where a walker at a node without out-ties jumps (normalised); `nil` uses the
    /// personalisation (uniform by default), as networkx.
    public var dangling: [NodeID: Double]? = nil
    /// Tie strengths; by default the `weight` column when the graph has one, as networkx
    /// `weight="weight"`.
    public var weight: TieStrength = .columnIfPresent("weight")
    public var maxIterations: Int = 100
    /// Convergence when the L1 change between iterates is below `n * tolerance`.
    public var tolerance: Double = 1e-6
    public init(
        alpha: Double = 0.85, personalization: [NodeID: Double]? = nil, dangling: [NodeID: Double]? = nil,
        weight: TieStrength = .columnIfPresent("weight"), maxIterations: Int = 100, tolerance: Double = 1e-6
    ) {
        self.alpha = alpha
        self.personalization = personalization
        self.dangling = dangling
        self.weight = weight
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

extension Centrality {
    /// PageRank: the stationary distribution of a random walk that follows ties in proportion to
    /// their strength and teleports with probability `1 - alpha` (Page, Brin, Motwani & Winograd
    /// 1999), by power iteration.
    ///
    /// Mirrors networkx `pagerank(G)` (`alpha=0.85`, `max_iter=100`, `tol=1e-06`,
    /// `weight="weight"`, the default scipy implementation) step by step: start uniform,
    /// `x ← alpha (x P + (Σ dangling x) d) + (1 - alpha) p` with `P` the row-normalised weight
    /// matrix, `p` the personalisation and `d` the dangling distribution; stop when the L1
    /// change is below `n * tolerance`. An undirected tie is followed both ways; parallel edges
    /// add up; a node whose out-strength is 0 is dangling. Scores sum to 1.
    ///
    /// - Throws: ``AnalysisError``: `.notConverged` (with iterations and
    ///   the last L1 change), `AnalysisError.Code.invalidOption` for a personalisation or
    ///   dangling distribution that does not sum to a positive number, or a weight problem.
    /// - Complexity: O(maxIterations (n + m)).
    public static func pageRank(_ graph: Graph, options: PageRankOptions = PageRankOptions()) throws -> CentralityScores {
        let n = graph.nodeCount
        guard n > 0 else { return CentralityScores(measure: "pagerank", values: [], nodeNames: []) }
        let w = try options.weight.values(in: graph)

        func distribution(_ map: [NodeID: Double]?, _ what: String) throws -> [Double]? {
            guard let map else { return nil }
            var v = [Double](repeating: 0, count: n)
            for (node, x) in map {
                precondition(node.index < n, "unknown NodeID \(node) in \(what)")
                guard x.isFinite, x >= 0 else {
                    throw AnalysisError(.invalidOption, "\(what) of \(graph.name(of: node)) is \(x); values must be finite and >= 0")
                }
                v[node.index] = x
            }
            let total = v.reduce(0, +)
            guard total > 0 else { throw AnalysisError(.invalidOption, "\(what) must give some node a positive value") }
            return v.map { $0 / total }
        }
        let p = try distribution(options.personalization, "personalization") ?? Array(repeating: 1 / Double(n), count: n)
        let danglingWeights = try distribution(options.dangling, "dangling distribution") ?? p

        // Out-strength of each node, then the row-normalised transition weights per edge end.
        var outStrength = [Double](repeating: 0, count: n)
        for (i, e) in graph.edges.enumerated() {
            let x = w?[i] ?? 1
            outStrength[e.source.index] += x
            if !graph.isDirected && e.source != e.target { outStrength[e.target.index] += x }
        }
        let inverse = outStrength.map { $0 != 0 ? 1 / $0 : 0 }
        let dangling = (0..<n).filter { outStrength[$0] == 0 }

        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        var residual = Double.infinity
        var iterations = 0
        while iterations < options.maxIterations {
            iterations += 1
            for i in 0..<n { next[i] = 0 }
            for (i, e) in graph.edges.enumerated() {
                let s = e.source.index, t = e.target.index
                let x_ = w?[i] ?? 1
                next[t] += x[s] * (inverse[s] * x_)
                if !graph.isDirected && s != t { next[s] += x[t] * (inverse[t] * x_) }
            }
            var danglingMass = 0.0
            for d in dangling { danglingMass += x[d] }
            residual = 0
            for i in 0..<n {
                next[i] = options.alpha * (next[i] + danglingMass * danglingWeights[i]) + (1 - options.alpha) * p[i]
                residual += abs(next[i] - x[i])
            }
            swap(&x, &next)
            if residual < Double(n) * options.tolerance {
                return CentralityScores(measure: "pagerank", values: x, nodeNames: graph.nodeNames)
            }
        }
        throw AnalysisError.notConverged(
            "pagerank", iterations: iterations, residual: residual,
            tolerance: Double(n) * options.tolerance)
    }
}
