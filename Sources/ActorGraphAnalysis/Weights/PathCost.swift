public import ActorGraphCore

/// What a path measure counts as the length of an edge: betweenness, closeness, harmonic,
/// shortest and k-shortest paths.
///
/// A path needs a **cost** (smaller = closer). A weight column holding strengths (meeting
/// counts) becomes a cost only by a named ``StrengthToCost`` rule.
public enum PathCost: Hashable, Sendable {
    /// Every edge costs 1: shortest paths are fewest hops (breadth-first search).
    case hops
    /// The numeric edge column is a cost, used as is (finite and >= 0; missing values are errors).
    case cost(column: String)
    /// The numeric edge column is a strength, converted to a cost by `conversion` (> 0 required).
    case strength(column: String, conversion: StrengthToCost = .inverse)

    /// Per-edge costs.
    /// - Throws: ``AnalysisError`` `.missingWeight` or
    ///   `AnalysisError.Code.invalidWeight`.
    /// - Complexity: O(edges).
    public func costs(in graph: Graph) throws -> EdgeCosts {
        switch self {
        case .hops:
            return .hops
        case .cost(let column):
            return EdgeCosts(checked: try WeightColumn.values(graph, column, rule: .cost))
        case .strength(let column, let conversion):
            return EdgeCosts(checked: conversion.costs(try WeightColumn.values(graph, column, rule: .convertibleStrength)))
        }
    }

    /// Per-edge costs for counting shortest paths (betweenness): like ``costs(in:)``, but a zero
    /// cost is an error. Brandes' path counting assumes positive lengths; with zero-cost edges,
    /// paths of equal length multiply without bound and the counts (networkx's too) are wrong.
    /// `negativeLog` gives the strongest tie cost 0, so it cannot serve here.
    /// - Throws: ``AnalysisError`` `.invalidWeight` naming the first zero-cost edge.
    public func positiveCosts(in graph: Graph) throws -> EdgeCosts {
        let costs = try costs(in: graph)
        if let values = costs.values, let i = values.firstIndex(of: 0) {
            var advice = "use positive costs"
            if case .strength(_, .negativeLog) = self { advice = "the inverse conversion keeps every cost positive" }
            throw AnalysisError(
                .invalidWeight,
                "\(graph.describe(EdgeID(i))) costs 0; counting shortest paths needs positive costs "
                    + "(a zero-cost tie makes equal paths multiply); \(advice)",
                edge: EdgeID(i), in: graph)
        }
        return costs
    }
}
