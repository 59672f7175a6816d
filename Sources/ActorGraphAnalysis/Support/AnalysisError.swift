public import ActorGraphCore

/// Why an analysis could not run as asked: the one error type every analysis throws
/// (centrality, paths, communities, brokerage, structural holes, balance).
///
/// An unreachable target or an empty result is never an error; a weight, column, option or graph
/// the analysis cannot use is. ``code`` says which; ``message`` says what, in the library's terms
/// (edge columns, option fields), and names the offending edge with its events when it has them;
/// ``location`` is `FILE:LINE` of that edge when the graph was read from a file.
public struct AnalysisError: ActorGraphError, Hashable {
    /// What went wrong. A struct of static values, so codes can be added without breaking a
    /// `switch` in client code.
    public typealias Code = ErrorCode<AnalysisError>

    public let code: Code
    public let message: String
    /// `FILE:LINE` (or `FILE`) of the offending edge when its graph was read from a file.
    public let location: String?
    /// The offending edge, when the error is about one.
    public let edge: EdgeID?
    /// The option field at fault for `.invalidOption` and `.weightMeaningRequired`
    /// (`"conversion"`, `"normalized"`, `"k"` ...), so a front end can name its own flag.
    public let option: String?
    /// Iterations run, for `.notConverged`.
    public let iterations: Int?
    /// The last L1 change between iterates, for `.notConverged`.
    public let residual: Double?

    public init(
        _ code: Code, _ message: String, location: String? = nil, edge: EdgeID? = nil,
        option: String? = nil, iterations: Int? = nil, residual: Double? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.edge = edge
        self.option = option
        self.iterations = iterations
        self.residual = residual
    }

    /// An error about `edge` of `graph`, located at the edge's file and line when it has them.
    init(_ code: Code, _ message: String, edge: EdgeID, in graph: Graph) {
        self.init(code, message, location: graph.location(of: edge), edge: edge)
    }

    /// An option that does not apply or is out of range.
    static func option(_ field: String, _ message: String) -> AnalysisError {
        AnalysisError(.invalidOption, message, option: field)
    }

    static func notConverged(_ measure: String, iterations: Int, residual: Double, tolerance: Double) -> AnalysisError {
        AnalysisError(
            .notConverged,
            "\(measure) did not converge in \(iterations) iterations: last L1 change \(residual) is not below \(tolerance)",
            iterations: iterations, residual: residual)
    }

    public var description: String { message }
}

extension ErrorCode where Domain == AnalysisError {
    /// A named weight column does not exist, or an edge has no value in it.
    public static var missingWeight: Self { Self("missingWeight") }
    /// A weight is NaN, infinite or out of range for its use (a negative cost, a zero
    /// strength converted to a cost, a zero cost in path counting).
    public static var invalidWeight: Self { Self("invalidWeight") }
    /// A path measure was given a weight column without saying whether its numbers are
    /// costs or strengths (``EdgeWeight/meaning``).
    public static var weightMeaningRequired: Self { Self("weightMeaningRequired") }
    /// An option does not apply to the analysis, or is out of range; ``AnalysisError/option``
    /// names the option's field.
    public static var invalidOption: Self { Self("invalidOption") }
    /// A power iteration stopped at its iteration limit above its tolerance.
    public static var notConverged: Self { Self("notConverged") }
    /// The graph is empty or has a feature the analysis rejects (self-loops for cores).
    public static var invalidGraph: Self { Self("invalidGraph") }
    /// No path joins the two nodes asked about (from ``PathQuery``, which promises one).
    public static var noPath: Self { Self("noPath") }
    /// An edge names an event the dataset does not have.
    public static var missingEvent: Self { Self("missingEvent") }
    /// A node attribute or edge column named as groups or signs does not exist.
    public static var unknownAttribute: Self { Self("unknownAttribute") }
    /// Some nodes have no group and the policy refuses them.
    public static var missingGroup: Self { Self("missingGroup") }
    /// A value other than a weight is out of range (a sign that is not finite).
    public static var invalidValue: Self { Self("invalidValue") }
    /// Communities given to modularity do not partition the nodes.
    public static var notAPartition: Self { Self("notAPartition") }
}
