public import ActorGraphCore

/// Options for ``Centrality/strength(_:options:)``.
public struct StrengthOptions: Hashable, Sendable {
    /// The strength column; by default `weight` when the graph has it, else every edge weighs 1
    /// (networkx `G.degree(weight="weight")`).
    public var weight: TieStrength = .columnIfPresent("weight")
    /// In, out or both in a directed graph; ignored when undirected.
    public var direction: DegreeDirection = .all
    public init(weight: TieStrength = .columnIfPresent("weight"), direction: DegreeDirection = .all) {
        self.weight = weight
        self.direction = direction
    }
}

extension Centrality {
    /// Strength (weighted degree): the sum of the weights of each node's ties.
    ///
    /// Mirrors networkx `dict(G.degree(weight="weight"))` (`G.in_degree` / `G.out_degree` for
    /// `direction: .in` / `.out`). Not normalised. An undirected self-loop adds its weight twice,
    /// as networkx counts it; parallel edges each add theirs (Barrat et al. 2004 call this the
    /// node strength).
    ///
    /// - Throws: ``AnalysisError`` when the named column is missing, an edge lacks a value, or a
    ///   value is negative or not finite.
    /// - Complexity: O(n + m).
    public static func strength(_ graph: Graph, options: StrengthOptions = StrengthOptions()) throws -> CentralityScores {
        let w = try options.weight.values(in: graph)
        var values = [Double](repeating: 0, count: graph.nodeCount)
        for (i, e) in graph.edges.enumerated() {
            let x = w?[i] ?? 1
            if !graph.isDirected || options.direction != .in { values[e.source.index] += x }
            if !graph.isDirected || options.direction != .out { values[e.target.index] += x }
        }
        return CentralityScores(measure: "strength", values: values, nodeNames: graph.nodeNames)
    }
}
