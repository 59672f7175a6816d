public import ActorGraphCore

/// Options for ``Centrality/closeness(_:options:)``.
public struct ClosenessOptions: Hashable, Sendable {
    /// Edge lengths: hops (default, networkx `distance=None`) or a cost column.
    public var weight: PathCost = .hops
    /// In a directed graph, `.in` (default, as networkx) measures distances **to** each node from
    /// the others; `.out` measures distances **from** it. Ignored when undirected.
    public var direction: PathDirection = .in
    /// Wasserman–Faust correction for graphs that are not (strongly) connected (default `true`,
    /// as networkx `wf_improved=True`).
    public var wassermanFaust: Bool = true
    public init(weight: PathCost = .hops, direction: PathDirection = .in, wassermanFaust: Bool = true) {
        self.weight = weight
        self.direction = direction
        self.wassermanFaust = wassermanFaust
    }
}

extension Centrality {
    /// Closeness: the reciprocal of the average shortest-path distance between a node and the
    /// nodes it can reach (Freeman 1978/79), with the Wasserman–Faust correction.
    ///
    /// The defaults mirror networkx `closeness_centrality(G)` (`distance=None`,
    /// `wf_improved=True`). For node `u` reaching `r - 1` other nodes at total distance `D`:
    /// `C(u) = (r - 1) / D`, multiplied by `(r - 1) / (n - 1)` when `wassermanFaust` is on
    /// (Wasserman & Faust 1994), so nodes in small components score less. A node that reaches
    /// nothing (or only at distance 0) scores 0.
    ///
    /// **Direction.** networkx's closeness of a directed graph uses *incoming* distance (it runs
    /// on `G.reverse()`); that is `direction: .in`, the default. `direction: .out` uses outgoing
    /// distance (networkx `closeness_centrality(G.reverse())`).
    ///
    /// Parallel edges count as one tie at their cheapest cost; self-loops are ignored.
    ///
    /// `execution` only reports progress; it never changes the result.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or negative, NaN or missing costs.
    /// - Complexity: O(n m) with hops, O(n m log n) with costs; parallel over sources.
    public static func closeness(_ graph: Graph, options: ClosenessOptions = ClosenessOptions(),
                                 execution: ExecutionOptions = ExecutionOptions()) throws -> CentralityScores {
        let costs = try options.weight.costs(in: graph)
        let n = graph.nodeCount
        // networkx reverses a directed graph, so its searches follow predecessors.
        let direction: PathDirection = options.direction == .in ? .in : .out
        let wf = options.wassermanFaust
        let adjacency = SearchAdjacency(graph, direction: direction)
        let partials = parallelChunks(count: n, progress: execution.progress) { sources -> [Double] in
            let kernel = ShortestPathKernel(adjacency: adjacency, costs: costs.values)
            var out = [Double]()
            out.reserveCapacity(sources.count)
            for s in sources {
                kernel.run(from: NodeID(s))
                var total = 0.0
                for v in kernel.visited { total += kernel.distance[Int(v)] }
                let reached = Double(kernel.visited.count - 1)
                var c = 0.0
                if total > 0 && n > 1 {
                    c = reached / total
                    if wf { c *= reached / Double(n - 1) }
                }
                out.append(c)
            }
            return out
        }
        return CentralityScores(measure: "closeness", values: partials.flatMap { $0 }, nodeNames: graph.nodeNames)
    }
}
