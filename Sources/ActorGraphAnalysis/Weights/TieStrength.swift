public import ActorGraphCore

/// What a tie weighs in the measures that add weights up: strength, eigenvector, PageRank,
/// Katz, clustering, modularity and Louvain, structural holes.
///
/// Bigger means a stronger tie. A path measure takes a ``PathCost`` instead; a strength becomes
/// a cost only through ``PathCost/strength(column:conversion:)``.
public enum TieStrength: Hashable, Sendable {
    /// Every edge weighs 1.
    case unit
    /// The named numeric edge column; a missing column or a missing value on any edge is an error.
    case column(String)
    /// The named column when the graph has it, otherwise every edge weighs 1; an edge without a
    /// value weighs 1 too (networkx's behaviour for `weight="weight"`). A column of that name
    /// holding text is an error.
    case columnIfPresent(String)

    /// Per-edge strengths, each finite and >= 0, or `nil` for unit weights.
    ///
    /// - Throws: ``AnalysisError`` `.missingWeight` or
    ///   `AnalysisError.Code.invalidWeight`.
    /// - Complexity: O(edges).
    public func values(in graph: Graph) throws -> ContiguousArray<Double>? {
        switch self {
        case .unit:
            return nil
        case .column(let column):
            return try WeightColumn.values(graph, column, rule: .strength)
        case .columnIfPresent(let column):
            guard graph.edgeColumn(column) != nil else {
                // A text column of that name is a mistake in the data, never "unweighted".
                if graph.edgeTextColumn(column) != nil { throw WeightColumn.absent(graph, column) }
                return nil
            }
            return try WeightColumn.values(graph, column, rule: .strength, missingCountsOne: true)
        }
    }

    /// Per-edge strengths with 1 for unit weights. O(edges).
    func valuesOrOnes(in graph: Graph) throws -> ContiguousArray<Double> {
        try values(in: graph) ?? ContiguousArray(repeating: 1, count: graph.edgeCount)
    }
}
