public import ActorGraphCore

/// The node centrality measures by name, as the command line offers them.
public enum CentralityMeasure: String, CaseIterable, Hashable, Sendable {
    case degree
    case inDegree = "in-degree"
    case outDegree = "out-degree"
    case strength
    case betweenness
    case closeness
    case harmonic
    case eigenvector
    case pagerank
    case katz
    case clustering
    case core

    /// How the measure reads an edge weight.
    public enum WeightRole: Hashable, Sendable {
        /// Counts ties; takes no weight (degree, cores).
        case none
        /// Path lengths: a weight must be a cost or be converted from a strength.
        case cost
        /// Sums or spreads tie strengths.
        case strength
    }

    public var weightRole: WeightRole {
        switch self {
        case .degree, .inDegree, .outDegree, .core: .none
        case .betweenness, .closeness, .harmonic: .cost
        case .strength, .eigenvector, .pagerank, .katz, .clustering: .strength
        }
    }

    /// The networkx call the defaults mirror.
    public var networkxCall: String {
        switch self {
        case .degree: "degree_centrality(G)"
        case .inDegree: "in_degree_centrality(G)"
        case .outDegree: "out_degree_centrality(G)"
        case .strength: "G.degree(weight=\"weight\")"
        case .betweenness: "betweenness_centrality(G)  (normalized, no endpoints)"
        case .closeness: "closeness_centrality(G)  (wf_improved=True; incoming distance)"
        case .harmonic: "harmonic_centrality(G)  (incoming distance)"
        case .eigenvector: "eigenvector_centrality(G)  (max_iter=100, tol=1e-6; in-edges)"
        case .pagerank: "pagerank(G)  (alpha=0.85, weight=\"weight\" when present)"
        case .katz: "katz_centrality(G)  (alpha=0.1, beta=1, normalized)"
        case .clustering: "clustering(G)"
        case .core: "core_number(G)"
        }
    }

    /// Whether `normalized` means something for the measure.
    public var hasNormalization: Bool {
        switch self {
        case .degree, .inDegree, .outDegree, .betweenness, .katz: true
        default: false
        }
    }

    /// Whether `direction` means something for the measure.
    public var hasDirection: Bool {
        switch self {
        case .closeness, .harmonic, .strength: true
        default: false
        }
    }
}

/// A measure with the choices a user makes about it by name: which weight column, what its
/// numbers mean, normalisation and direction. ``validate()`` rejects combinations that do not
/// make sense (with a message saying what to do instead), so a command line stays thin.
public struct CentralityRequest: Hashable, Sendable {
    public var measure: CentralityMeasure
    /// A numeric edge column and what it means; `nil` for the measure's default (unweighted,
    /// except that strength and PageRank use `weight` when present, as networkx). A path
    /// measure (betweenness, closeness, harmonic) needs its meaning said.
    public var weight: EdgeWeight?
    /// `nil` keeps the measure's default (normalised, as networkx).
    public var normalized: Bool?
    /// `nil` keeps the default: incoming distance for closeness and harmonic, in + out for strength.
    public var direction: PathDirection?
    /// Betweenness only: estimate from this many sampled sources (``BetweennessOptions/samples``);
    /// `nil` computes it exactly.
    public var samples: Int?
    /// Betweenness with ``samples`` only: the seed choosing the sources (`nil`: 0).
    public var seed: UInt64?

    public init(
        measure: CentralityMeasure, weight: EdgeWeight? = nil, normalized: Bool? = nil,
        direction: PathDirection? = nil, samples: Int? = nil, seed: UInt64? = nil
    ) {
        self.measure = measure
        self.weight = weight
        self.normalized = normalized
        self.direction = direction
        self.samples = samples
        self.seed = seed
    }

    /// - Throws: ``AnalysisError`` `.invalidOption` naming the option field
    ///   at fault (`samples` and `seed` on a measure other than betweenness, or `seed` alone, too) (``AnalysisError/option``), or `AnalysisError.Code.weightMeaningRequired`.
    public func validate() throws {
        let m = measure.rawValue
        switch measure.weightRole {
        case .none:
            if weight != nil {
                throw AnalysisError.option("weight", "\(m) counts ties and takes no weight; the strength measure is the weighted degree")
            }
        case .cost:
            _ = try weight?.pathCost(for: m)
        case .strength:
            _ = try weight?.tieStrength(for: m)
        }
        if normalized != nil && !measure.hasNormalization {
            throw AnalysisError.option("normalized", "normalisation applies to degree, in-degree, out-degree, betweenness and katz, not \(m)")
        }
        if direction != nil && !measure.hasDirection {
            throw AnalysisError.option("direction", "a direction applies to closeness, harmonic and strength, not \(m)")
        }
        if let samples {
            if measure != .betweenness {
                throw AnalysisError.option("samples", "sampled sources apply to betweenness, not \(m)")
            }
            if samples < 1 { throw AnalysisError.option("samples", "samples must be at least 1, not \(samples)") }
        }
        if seed != nil && samples == nil {
            throw AnalysisError.option("seed", "a seed chooses sampled sources, so it needs samples")
        }
    }

    private func pathCost() throws -> PathCost {
        try weight?.pathCost(for: measure.rawValue) ?? .hops
    }

    private func tieStrength(default fallback: TieStrength) throws -> TieStrength {
        try weight?.tieStrength(for: measure.rawValue) ?? fallback
    }

    /// Validates the request and computes the scores, named after the measure. `execution`
    /// sets the threads of the measures that loop over every source (and of clustering) and
    /// reports their progress; it never changes a score.
    ///
    /// - Throws: ``AnalysisError`` from validation or the measure.
    /// - Complexity: that of the measure.
    public func compute(on graph: Graph, execution: ExecutionOptions = ExecutionOptions()) throws -> CentralityScores {
        try validate()
        let scores: CentralityScores
        switch measure {
        case .degree, .inDegree, .outDegree:
            let direction: DegreeDirection = measure == .inDegree ? .in : measure == .outDegree ? .out : .all
            scores = Centrality.degree(graph, options: .init(direction: direction, normalized: normalized ?? true))
        case .strength:
            let direction: DegreeDirection =
                switch self.direction {
                case nil: .all;
                case .in?: .in;
                case .out?: .out
                }
            scores = try Centrality.strength(
                graph,
                options: .init(
                    weight: try tieStrength(default: .columnIfPresent("weight")),
                    direction: direction))
        case .betweenness:
            scores = try Centrality.betweenness(
                graph,
                options: .init(
                    weight: try pathCost(), normalized: normalized ?? true,
                    samples: samples, seed: seed ?? 0), execution: execution)
        case .closeness:
            scores = try Centrality.closeness(graph, options: .init(weight: try pathCost(), direction: direction ?? .in), execution: execution)
        case .harmonic:
            scores = try Centrality.harmonic(graph, options: .init(weight: try pathCost(), direction: direction ?? .in), execution: execution)
        case .eigenvector:
            scores = try Centrality.eigenvector(graph, options: .init(weight: try tieStrength(default: .unit)))
        case .pagerank:
            scores = try Centrality.pageRank(graph, options: .init(weight: try tieStrength(default: .columnIfPresent("weight"))))
        case .katz:
            scores = try Centrality.katz(graph, options: .init(normalized: normalized ?? true, weight: try tieStrength(default: .unit)))
        case .clustering:
            scores = try Centrality.clustering(graph, options: .init(weight: try tieStrength(default: .unit)), execution: execution)
        case .core:
            scores = try Centrality.coreNumber(graph)
        }
        return CentralityScores(measure: measure.rawValue, values: scores.values, nodeNames: scores.nodeNames)
    }
}
