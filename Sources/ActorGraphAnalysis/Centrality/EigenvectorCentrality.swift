public import ActorGraphCore

/// Options for ``Centrality/eigenvector(_:options:)``.
public struct EigenvectorOptions: Hashable, Sendable {
    /// Tie strengths; by default unweighted, as networkx `weight=None`.
    public var weight: TieStrength = .unit
    public var maxIterations: Int = 100
    /// Convergence when the L1 change between iterates is below `n * tolerance`.
    public var tolerance: Double = 1e-6
    public init(weight: TieStrength = .unit, maxIterations: Int = 100, tolerance: Double = 1e-6) {
        self.weight = weight
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

extension Centrality {
    /// Eigenvector centrality: each node's score is proportional to the sum of its neighbours'
    /// scores (Bonacich 1972), by power iteration.
    ///
    /// Mirrors networkx `eigenvector_centrality(G)` (`max_iter=100`, `tol=1e-6`, `weight=None`)
    /// step by step: start from the uniform vector `1/n`, iterate with `A + I` (the identity
    /// shift keeps bipartite graphs from oscillating), rescale to unit Euclidean norm each step,
    /// and stop when the L1 change is below `n * tolerance`. In a directed graph a node is scored
    /// by its **in**-edges (the left eigenvector: `x[v] += x[u] * w` for each edge `u -> v`).
    /// Parallel edges add up; a self-loop adds its weight once.
    ///
    /// - Throws: ``AnalysisError``: `.notConverged` (with iterations and
    ///   the last L1 change), `AnalysisError.Code.invalidGraph` for the empty graph, or a
    ///   weight problem.
    /// - Complexity: O(maxIterations (n + m)).
    public static func eigenvector(_ graph: Graph, options: EigenvectorOptions = EigenvectorOptions()) throws -> CentralityScores {
        let n = graph.nodeCount
        guard n > 0 else { throw AnalysisError(.invalidGraph, "eigenvector centrality of the empty graph is undefined") }
        let w = try options.weight.values(in: graph)
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = x
        var residual = Double.infinity
        for _ in 0..<options.maxIterations {
            next = x
            for (i, e) in graph.edges.enumerated() {
                let weight = w?[i] ?? 1
                next[e.target.index] += x[e.source.index] * weight
                if !graph.isDirected && e.source != e.target { next[e.source.index] += x[e.target.index] * weight }
            }
            var norm = euclideanNorm(next)
            if norm == 0 { norm = 1 }
            residual = 0
            for i in 0..<n {
                next[i] /= norm
                residual += abs(next[i] - x[i])
            }
            swap(&x, &next)
            if residual < Double(n) * options.tolerance {
                return CentralityScores(measure: "eigenvector", values: x, nodeNames: graph.nodeNames)
            }
        }
        throw AnalysisError.notConverged(
            "eigenvector centrality", iterations: options.maxIterations,
            residual: residual, tolerance: Double(n) * options.tolerance)
    }

    /// The Euclidean norm without overflow for large entries (as `math.hypot`).
    static func euclideanNorm(_ v: [Double]) -> Double {
        let top = v.reduce(0) { Swift.max($0, abs($1)) }
        guard top > 0, top.isFinite else { return top }
        var sum = 0.0
        for x in v { let r = x / top; sum += r * r }
        return top * sum.squareRoot()
    }
}
