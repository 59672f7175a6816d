public import ActorGraphCore

/// Options for ``Centrality/harmonic(_:options:)``.
public struct HarmonicOptions: Hashable, Sendable {
    /// Edge lengths: hops (default, networkx `distance=None`) or a cost column.
    public var weight: PathCost = .hops
    /// In a directed graph, `.in` (default, as networkx) sums `1 / d(v, u)` over the others `v`;
    /// `.out` sums `1 / d(u, v)`. Ignored when undirected.
    public var direction: PathDirection = .in
    public init(weight: PathCost = .hops, direction: PathDirection = .in) {
        self.weight = weight
        self.direction = direction
    }
}

extension Centrality {
    /// Harmonic centrality: the sum of reciprocal shortest-path distances between a node and the
    /// others, unreachable ones adding 0 (Marchiori & Latora 2000; Boldi & Vigna 2014).
    ///
    /// The defaults mirror networkx `harmonic_centrality(G)` (`distance=None`): not normalised,
    /// and in a directed graph the distances are *incoming*, `d(v, u)` from every `v` to `u`
    /// (`direction: .in`). Nodes at distance 0 (the node itself, or reached over zero-cost edges)
    /// are skipped, as networkx does.
    ///
    /// Parallel edges count as one tie at their cheapest cost; self-loops are ignored.
    ///
    /// `execution` only reports progress; it never changes the result.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or negative, NaN or missing costs.
    /// - Complexity: O(n m) with hops, O(n m log n) with costs; parallel over sources.
    public static func harmonic(_ graph: Graph, options: HarmonicOptions = HarmonicOptions(),
                                execution: ExecutionOptions = ExecutionOptions()) throws -> CentralityScores {
        let costs = try options.weight.costs(in: graph)
        let n = graph.nodeCount
        let direction = options.direction
        let adjacency = SearchAdjacency(graph, direction: direction)
        let partials = parallelChunks(count: n, progress: execution.progress) { sources -> [Double] in
            let kernel = ShortestPathKernel(adjacency: adjacency, costs: costs.values)
            var out = [Double]()
            out.reserveCapacity(sources.count)
            for s in sources {
                kernel.run(from: NodeID(s))
                var h = 0.0
                for v in kernel.visited {
                    let d = kernel.distance[Int(v)]
                    if d != 0 { h += 1 / d }
                }
                out.append(h)
            }
            return out
        }
        return CentralityScores(measure: "harmonic", values: partials.flatMap { $0 }, nodeNames: graph.nodeNames)
    }
}
