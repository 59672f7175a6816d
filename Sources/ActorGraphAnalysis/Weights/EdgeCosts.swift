public import ActorGraphCore

/// What each edge costs on a path, resolved from a ``PathCost``: one per hop, or a checked
/// column.
///
/// Costs are never read from a weight column implicitly: pass ``hops`` for unweighted paths, or
/// resolve a ``PathCost`` (``PathCost/costs(in:)``), which says whether the column is already a
/// cost or a strength to convert.
public struct EdgeCosts: Hashable, Sendable {
    /// Per-edge costs, or `nil` when every edge costs 1.
    public let values: ContiguousArray<Double>?

    /// Every edge costs 1: path lengths are hop counts (networkx `weight=None`).
    public static let hops = EdgeCosts(checked: nil)

    init(checked values: ContiguousArray<Double>?) { self.values = values }

    /// The costs `cost` describes on `graph`; the same as `cost.costs(in: graph)`.
    /// - Throws: ``AnalysisError`` for a missing column, a negative or NaN cost, or a non-positive strength.
    public init(graph: Graph, cost: PathCost) throws {
        self = try cost.costs(in: graph)
    }

    /// Costs given directly, one per edge. Traps when one is negative, infinite or NaN
    /// (a programmer error; data goes through ``PathCost``).
    public init(_ values: ContiguousArray<Double>) {
        precondition(values.allSatisfy { $0.isFinite && $0 >= 0 }, "edge costs must be finite and >= 0")
        self.init(checked: values)
    }

    /// True when every edge costs 1.
    @inlinable public var isUnit: Bool { values == nil }

    /// The cost of `edge`.
    @inlinable public subscript(edge: EdgeID) -> Double { values?[edge.index] ?? 1 }
}
