public import ActorGraphCore

/// What a path measure counts as the length of an edge.
///
/// A path measure needs a **cost** (smaller = closer). A weight column holding strengths (meeting
/// counts) is turned into costs only by an explicit ``StrengthToCost`` rule; see ``WeightMeaning``.
public enum PathWeight: Hashable, Sendable {
    /// Every edge costs 1: shortest paths are fewest hops (breadth-first search).
    case hops
    /// The numeric edge column is a cost, used as is (finite and >= 0; missing values are errors).
    case cost(column: String)
    /// The numeric edge column is a strength, converted to a cost by `conversion` (> 0 required).
    case strength(column: String, conversion: StrengthToCost = .inverse)

    /// Per-edge costs for counting shortest paths (betweenness): like ``costs(in:)``, but a
    /// zero cost is an error. Brandes' path counting assumes positive lengths; with zero-cost
    /// edges, paths of equal length multiply without bound and the counts (networkx's too) are
    /// wrong. `negativeLog` gives the strongest tie cost 0, so it cannot serve here.
    /// - Throws: ``WeightError`` naming the first zero-cost edge.
    public func positiveCosts(in graph: Graph) throws -> ContiguousArray<Double>? {
        guard let costs = try costs(in: graph) else { return nil }
        if let i = costs.firstIndex(of: 0) {
            throw WeightError(edge: EdgeID(i), value: 0, message:
                "\(graph.describe(EdgeID(i))) costs 0; counting shortest paths needs positive costs "
                + "(a zero-cost tie makes equal paths multiply); use --conversion inverse or positive costs",
                location: graph.location(of: EdgeID(i)))
        }
        return costs
    }

    /// Per-edge costs, or `nil` for hop counts.
    /// - Throws: ``WeightError`` from ``Graph/costs(column:meaning:conversion:)``.
    public func costs(in graph: Graph) throws -> ContiguousArray<Double>? {
        switch self {
        case .hops: return nil
        case .cost(let column): return try graph.costs(column: column, meaning: .cost)
        case .strength(let column, let conversion):
            return try graph.costs(column: column, meaning: .strength, conversion: conversion)
        }
    }
}

extension EdgeCosts {
    /// The costs `weight` describes: what centrality options and path queries both resolve to.
    /// - Throws: ``WeightError`` from ``Graph/costs(column:meaning:conversion:)``.
    public init(graph: Graph, weight: PathWeight) throws {
        switch weight {
        case .hops: self = .hops
        case .cost(let column): try self.init(graph: graph, column: column, meaning: .cost)
        case .strength(let column, let conversion):
            try self.init(graph: graph, column: column, meaning: .strength, conversion: conversion)
        }
    }
}
