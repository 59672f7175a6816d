public import ActorGraphCore

/// Options for ``Communities/modularity(of:in:options:)``.
public struct ModularityOptions: Hashable, Sendable {
    /// What an edge weighs (finite, >= 0); ``TieStrength/unit`` counts every edge as 1.
    public var weight: TieStrength
    /// The resolution γ: above 1 favours smaller communities, below 1 larger ones.
    public var resolution: Double

    public init(weight: TieStrength = .unit, resolution: Double = 1) {
        self.weight = weight
        self.resolution = resolution
    }
}

extension Communities {
    /// The modularity of a partition (Newman & Girvan 2004; Newman 2006, PNAS 103(23)), as
    /// networkx `community.modularity` computes it.
    ///
    /// Undirected: `Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]` with `L_c` the weight of edges inside
    /// `c` (a self-loop once), `d_c` the total weighted degree of `c` (a self-loop twice) and `m`
    /// the total weight. Directed (Leicht & Newman 2008): `Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ]`
    /// with out- and in-strength sums. Parallel edges add up.
    /// - Returns: `nan` for a graph whose total weight is 0 (networkx divides by zero).
    /// - Throws: ``AnalysisError`` when `communities` is not a partition of the nodes (a node
    ///   missing or repeated) or a weight is missing, negative or NaN.
    /// - Complexity: O(V + E).
    public static func modularity(
        of communities: [[NodeID]], in graph: Graph,
        options: ModularityOptions = ModularityOptions()
    ) throws -> Double {
        var labels = [Int](repeating: -1, count: graph.nodeCount)
        for (c, members) in communities.enumerated() {
            for v in members {
                guard v.index < graph.nodeCount, labels[v.index] < 0 else {
                    throw AnalysisError(
                        .notAPartition, "node \(v.index < graph.nodeCount ? graph.name(of: v) : v.description) is in two communities or not in the graph")
                }
                labels[v.index] = c
            }
        }
        if let missing = labels.firstIndex(of: -1) {
            throw AnalysisError(.notAPartition, "node \(graph.nodeNames[missing]) is in no community")
        }
        let list = WeightedEdgeList(graph, weights: try options.weight.valuesOrOnes(in: graph))
        return list.modularity(labels: labels, resolution: options.resolution)
    }
}
