public import ActorGraphCore

/// One score per node, the result of every node centrality measure.
///
/// Values are indexed by ``NodeID/index``; ``score(of:)`` reads one, ``ranked()`` sorts them.
public struct CentralityScores: Sendable, Hashable {
    /// The measure that produced the scores (`"betweenness"`, `"pagerank"`, ...).
    public let measure: String
    /// Scores indexed by `NodeID.index`.
    public let values: [Double]
    /// Node names indexed by `NodeID.index`, as in the graph.
    public let nodeNames: [String]

    public init(measure: String, values: [Double], nodeNames: [String]) {
        precondition(values.count == nodeNames.count, "one score per node")
        self.measure = measure
        self.values = values
        self.nodeNames = nodeNames
    }

    /// The score of `node`.
    public func score(of node: NodeID) -> Double {
        precondition(node.index < values.count, "unknown NodeID \(node)")
        return values[node.index]
    }

    public subscript(node: NodeID) -> Double { score(of: node) }

    /// The score of the node named `name`, or `nil` if there is no such node. O(n).
    public func score(named name: String) -> Double? {
        nodeNames.firstIndex(of: name).map { values[$0] }
    }

    /// Nodes from the highest score to the lowest; ties (and NaN, last) in node-name order.
    public func ranked() -> [RankedScore] {
        values.indices.map { RankedScore(node: NodeID($0), name: nodeNames[$0], score: values[$0]) }
            .sorted { a, b in
                if a.score.isNaN != b.score.isNaN { return b.score.isNaN }
                if a.score != b.score && !a.score.isNaN { return a.score > b.score }
                return a.name < b.name
            }
    }

    /// Scores keyed by node name.
    public var byName: [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(nodeNames, values))
    }
}

/// A node with its score, as listed by ``CentralityScores/ranked()``.
public struct RankedScore: Sendable, Hashable {
    public let node: NodeID
    public let name: String
    public let score: Double
}

/// One score per edge (edge betweenness).
public struct EdgeCentralityScores: Sendable, Hashable {
    public let measure: String
    /// Scores indexed by `EdgeID.index`.
    public let values: [Double]
    /// Endpoints indexed by `EdgeID.index`, as in the graph.
    public let endpoints: [Graph.Endpoints]

    public init(measure: String, values: [Double], endpoints: [Graph.Endpoints]) {
        precondition(values.count == endpoints.count, "one score per edge")
        self.measure = measure
        self.values = values
        self.endpoints = endpoints
    }

    /// The score of `edge`.
    public func score(of edge: EdgeID) -> Double {
        precondition(edge.index < values.count, "unknown EdgeID \(edge)")
        return values[edge.index]
    }

    public subscript(edge: EdgeID) -> Double { score(of: edge) }
}

/// A centrality that cannot be computed as asked: an iteration that does not converge, a
/// weight column that does not exist or holds unusable values, a graph the measure rejects.
public struct CentralityError: EdgeLocatedError, Hashable, Sendable {
    /// What went wrong; codes can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Kind: String, Hashable, Sendable {
            case notConverged, missingWeight, invalidWeight, invalidGraph, invalidOption
        }
        let kind: Kind
        /// A power iteration stopped at its iteration limit above its tolerance.
        public static let notConverged = Code(kind: .notConverged)
        /// The named weight column does not exist, or some edges lack a value.
        public static let missingWeight = Code(kind: .missingWeight)
        /// A weight is NaN, infinite or out of range for the measure.
        public static let invalidWeight = Code(kind: .invalidWeight)
        /// The graph is empty or has a feature the measure rejects (self-loops for cores).
        public static let invalidGraph = Code(kind: .invalidGraph)
        /// An option is out of range (a personalisation that sums to zero, a negative alpha).
        public static let invalidOption = Code(kind: .invalidOption)
        public var description: String { kind.rawValue }
    }

    public let code: Code
    public let message: String
    /// Iterations run, for ``Code/notConverged``.
    public let iterations: Int?
    /// The last L1 change between iterates, for ``Code/notConverged``.
    public let residual: Double?
    /// `FILE:LINE` of the offending edge when its graph was read from a file.
    public let location: String?

    init(_ code: Code, _ message: String, iterations: Int? = nil, residual: Double? = nil, location: String? = nil) {
        self.code = code
        self.message = message
        self.iterations = iterations
        self.residual = residual
        self.location = location
    }

    static func notConverged(_ measure: String, iterations: Int, residual: Double, tolerance: Double) -> CentralityError {
        CentralityError(.notConverged,
                        "\(measure) did not converge in \(iterations) iterations: last L1 change \(residual) is not below \(tolerance)",
                        iterations: iterations, residual: residual)
    }

    public var description: String { message }
}

/// Which edge column, if any, weighs ties as **strengths** (bigger = stronger tie) in the
/// measures that add weights up: strength, eigenvector, PageRank, Katz, clustering.
public enum StrengthWeight: Hashable, Sendable {
    /// Every edge weighs 1.
    case none
    /// The named column; a missing column or a missing value on any edge is an error.
    case column(String)
    /// The named column when the graph has it, otherwise every edge weighs 1; an edge without
    /// a value weighs 1 too (networkx's behaviour for `weight="weight"`). A column of that name
    /// holding text is an error.
    case columnIfPresent(String)

    /// Per-edge strengths, or `nil` for unit weights.
    ///
    /// - Throws: ``CentralityError`` with ``CentralityError/Code/missingWeight`` or
    ///   ``CentralityError/Code/invalidWeight``.
    func values(in graph: Graph) throws -> ContiguousArray<Double>? {
        let name: String
        // The implicit `weight` column works as networkx's: an edge without a value counts 1.
        var missingCountsOne = false
        switch self {
        case .none: return nil
        case .column(let column):
            guard graph.edgeColumn(column) != nil else {
                throw CentralityError(.missingWeight, graph.missingColumnMessage(column))
            }
            name = column
        case .columnIfPresent(let column):
            guard graph.edgeColumn(column) != nil else {
                // A text column of that name is a mistake in the data, never "unweighted".
                if graph.edgeTextColumn(column) != nil {
                    throw CentralityError(.invalidWeight, graph.missingColumnMessage(column))
                }
                return nil
            }
            name = column
            missingCountsOne = true
        }
        var values = graph.edgeColumn(name)!
        for (i, v) in values.enumerated() {
            if v.isNaN && missingCountsOne {
                values[i] = 1
                continue
            }
            if v.isNaN {
                throw CentralityError(.missingWeight, "\(graph.describe(EdgeID(i))) has no value for '\(name)' (its field is empty, missing or NaN); every edge needs a number",
                                      location: graph.location(of: EdgeID(i)))
            }
            if !v.isFinite || v < 0 {
                throw CentralityError(.invalidWeight,
                    "\(graph.describe(EdgeID(i))) has \(name) = \(v); a strength must be a finite number >= 0",
                    location: graph.location(of: EdgeID(i)))
            }
        }
        return values
    }
}
