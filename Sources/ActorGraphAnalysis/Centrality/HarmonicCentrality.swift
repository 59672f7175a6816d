public import ActorGraphCore

/// Options for ``Centrality/harmonic(_:options:execution:)``.
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
    /// **Algorithm.** With hop counts, a bit-parallel breadth-first search runs from 64 sources at
    /// once (Then et al. 2014, `MultiSourceBFS`) and each source adds `1 / d` once per node at
    /// distance `d`, level by level, the very additions (in the very order) of one search per
    /// source, so the scores are the same bit for bit; with costs, Dijkstra runs from each source.
    ///
    /// `execution` sets the threads and reports progress; neither changes the result.
    ///
    /// - Throws: ``AnalysisError`` for a missing cost column or negative, NaN or missing costs.
    /// - Complexity: O(n m / 64 · L + n²) with hops (`L` levels per batch of 64 sources, at
    ///   most the diameter plus one), O(n m log n) with costs; parallel over sources.
    public static func harmonic(
        _ graph: Graph, options: HarmonicOptions = HarmonicOptions(),
        execution: ExecutionOptions = ExecutionOptions()
    ) throws -> CentralityScores {
        let costs = try options.weight.costs(in: graph)
        let direction = options.direction
        let values: [Double]
        if costs.values == nil {
            values = DistanceSweep.byBreadthFirstBatches(graph, direction: direction, execution: execution) { bfs, sources in
                var h = [Double](repeating: 0, count: sources.count)
                bfs.run(from: sources) { d, counts in
                    let x = 1 / Double(d)
                    for i in counts.indices where counts[i] > 0 {
                        var sum = h[i]
                        for _ in 0..<counts[i] { sum += x } // one addition per node, as one BFS adds them
                        h[i] = sum
                    }
                }
                return h
            }
        } else {
            values = DistanceSweep.bySource(graph, direction: direction, costs: costs, execution: execution) { kernel in
                var h = 0.0
                for v in kernel.visited {
                    let d = kernel.distance[Int(v)]
                    if d != 0 { h += 1 / d }
                }
                return h
            }
        }
        return CentralityScores(measure: "harmonic", values: values, nodeNames: graph.nodeNames)
    }
}
