public import ActorGraphCore

/// Options for ``Centrality/katz(_:options:)``.
public struct KatzOptions: Hashable, Sendable {
    /// Attenuation per step; must be below `1 / λmax` of the adjacency matrix to converge.
    public var alpha: Double = 0.1
    /// The score every node receives regardless of its ties.
    public var beta: Double = 1.0
    /// Rescale the result to unit Euclidean norm (networkx `normalized=True`).
    public var normalized: Bool = true
    /// Tie strengths; by default unweighted, as networkx `weight=None`.
    public var weight: TieStrength = .unit
    public var maxIterations: Int = 1000
    /// Convergence when the L1 change between iterates is below `n * tolerance`.
    public var tolerance: Double = 1e-6
    public init(
        alpha: Double = 0.1, beta: Double = 1.0, normalized: Bool = true, weight: TieStrength = .unit,
        maxIterations: Int = 1000, tolerance: Double = 1e-6
    ) {
        self.alpha = alpha
        self.beta = beta
        self.normalized = normalized
        self.weight = weight
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }
}

extension Centrality {
    /// Katz centrality: `x = alpha Aᵀ x + beta`, the walks reaching each node attenuated by
    /// `alpha` per step (Katz 1953), by fixed-point iteration.
    ///
    /// Mirrors networkx `katz_centrality(G)` (`alpha=0.1`, `beta=1.0`, `max_iter=1000`,
    /// `tol=1e-06`, `normalized=True`, `weight=None`) step by step: start from zeros, stop when
    /// the L1 change is below `n * tolerance`, then (when normalised) rescale to unit Euclidean
    /// norm. In a directed graph a node is scored by its **in**-edges. Parallel edges add up; a
    /// self-loop adds its weight once.
    ///
    /// - Throws: ``AnalysisError``: `.notConverged` (typically
    ///   `alpha >= 1 / λmax`), with iterations and the last L1 change; or a weight problem.
    /// - Complexity: O(maxIterations (n + m)).
    public static func katz(_ graph: Graph, options: KatzOptions = KatzOptions()) throws -> CentralityScores {
        let n = graph.nodeCount
        guard n > 0 else { return CentralityScores(measure: "katz", values: [], nodeNames: []) }
        guard options.alpha.isFinite, options.beta.isFinite else {
            throw AnalysisError(.invalidOption, "katz alpha and beta must be finite numbers")
        }
        let w = try options.weight.values(in: graph)
        var x = [Double](repeating: 0, count: n)
        var next = x
        var residual = Double.infinity
        var iterations = 0
        while iterations < options.maxIterations {
            iterations += 1
            for i in 0..<n { next[i] = 0 }
            for (i, e) in graph.edges.enumerated() {
                let weight = w?[i] ?? 1
                next[e.target.index] += x[e.source.index] * weight
                if !graph.isDirected && e.source != e.target { next[e.source.index] += x[e.target.index] * weight }
            }
            residual = 0
            for i in 0..<n {
                next[i] = options.alpha * next[i] + options.beta
                residual += abs(next[i] - x[i])
            }
            swap(&x, &next)
            if residual < Double(n) * options.tolerance {
                if options.normalized {
                    let norm = euclideanNorm(x)
                    if norm > 0 { for i in 0..<n { x[i] /= norm } }
                }
                return CentralityScores(measure: "katz", values: x, nodeNames: graph.nodeNames)
            }
            if !residual.isFinite { break }
        }
        throw AnalysisError.notConverged(
            "katz centrality (alpha \(options.alpha))", iterations: iterations,
            residual: residual, tolerance: Double(n) * options.tolerance)
    }
}
