public import ActorGraphCore

/// Options for ``Communities/louvain(_:options:execution:)``.
public struct LouvainOptions: Hashable, Sendable {
    /// What an edge weighs (finite, >= 0); ``TieStrength/unit`` counts every edge as 1.
    public var weight: TieStrength
    /// The resolution γ of the modularity maximised (networkx default 1).
    public var resolution: Double
    /// A level stops the algorithm when it raises modularity by no more than this (networkx 1e-7).
    public var threshold: Double
    /// Seed of the random node order; the same seed gives the same partition.
    public var seed: UInt64
    /// How many runs, with seeds `seed, seed + 1, ...`; the partition of highest modularity is
    /// kept (the earliest on a tie).
    public var trials: Int

    public init(
        weight: TieStrength = .unit, resolution: Double = 1, threshold: Double = 1e-7,
        seed: UInt64 = 0, trials: Int = 1
    ) {
        precondition(trials >= 1, "trials must be >= 1")
        self.weight = weight
        self.resolution = resolution
        self.threshold = threshold
        self.seed = seed
        self.trials = trials
    }
}

extension Communities {
    /// Communities maximising modularity by the Louvain method (Blondel, Guillaume, Lambiotte &
    /// Lefebvre 2008, "Fast unfolding of communities in large networks", J. Stat. Mech. P10008),
    /// following networkx `louvain_communities` step by step on levels of fewer than 10,000
    /// vertices.
    ///
    /// Each level visits the nodes in a seeded random order (Fisher–Yates over SplitMix64),
    /// moving each to the neighbouring community of largest positive modularity gain (the
    /// first found on a tie, in order of first appearance among its neighbours) until no move
    /// helps; then communities are merged into nodes and the next level runs. The method stops
    /// when a level raises modularity by no more than ``LouvainOptions/threshold``. Directed
    /// graphs use the directed modularity gain (Dugué & Perez 2015), as networkx does.
    /// networkx draws its order from Python's Mersenne Twister, so the partitions differ run by
    /// run from networkx's but are of the same quality; ``LouvainOptions/trials`` keeps the best
    /// of several seeds.
    ///
    /// Levels of 10,000 vertices or more move their vertices in parallel, deterministically
    /// (`LouvainParallelSweep`: buckets of the same order choose against a snapshot, then
    /// moves are re-checked and made in order), and after the first sweep revisit only the
    /// neighbours of vertices that moved (the pruning of Ozaki, Tezuka & Inaba 2016, "A Simple
    /// Acceleration Method for the Louvain Algorithm", IJCEE 8(3)).
    /// The partition depends on the seed only, never on ``/ActorGraphCore/ExecutionOptions/threads``.
    /// - Returns: the partition and its modularity on the input graph (`nan` when the graph has
    ///   no weight, with every node alone).
    /// - Throws: ``AnalysisError`` for a missing, negative or NaN weight.
    /// - Complexity: O(trials · levels · passes · (V + E)) time, typically near-linear, the
    ///   large levels' passes divided over the threads; O(V + E) space plus O(V) per thread.
    public static func louvain(
        _ graph: Graph, options: LouvainOptions = LouvainOptions(), execution: ExecutionOptions = ExecutionOptions()
    ) throws -> CommunityPartition {
        try louvain(graph, options: options, execution: execution, schedule: .standard)
    }

    /// ``louvain(_:options:execution:)`` with the sweeps cut up by `schedule` (tests make
    /// small graphs take the parallel path).
    static func louvain(
        _ graph: Graph, options: LouvainOptions, execution: ExecutionOptions, schedule: LouvainSchedule
    ) throws -> CommunityPartition {
        let base = WeightedEdgeList(graph, weights: try options.weight.valuesOrOnes(in: graph))
        var best: CommunityPartition?
        for trial in 0..<options.trials {
            let labels = louvainRun(
                base, options: options, seed: options.seed &+ UInt64(trial), schedule: schedule,
                threads: execution.threads)
            let q = base.modularity(labels: labels, resolution: options.resolution)
            if best == nil || q > best!.modularity {
                best = CommunityPartition(labels: labels, modularity: q)
            }
        }
        return best!
    }

    /// One seeded run; returns a community label per original node.
    static func louvainRun(
        _ base: WeightedEdgeList, options: LouvainOptions, seed: UInt64, schedule: LouvainSchedule, threads: Int?
    ) -> [Int] {
        var labels = Array(0..<base.vertexCount)
        let m = base.totalWeight
        guard m > 0 else { return labels }
        var rng = SplitMix64(seed: seed)
        var level = base
        var modularity = level.modularity(labels: Array(0..<level.vertexCount), resolution: options.resolution)
        while true {
            guard
                let inner = louvainLevel(
                    level, m: m, resolution: options.resolution, rng: &rng, schedule: schedule, threads: threads)
            else { break }
            for v in labels.indices { labels[v] = inner[labels[v]] }
            let next = level.modularity(labels: inner, resolution: options.resolution)
            if next - modularity <= options.threshold { break }
            modularity = next
            level = level.aggregated(labels: inner, count: (inner.max() ?? -1) + 1)
        }
        return labels
    }

    /// One level of local moves. Returns dense community labels of `graph`'s vertices, or `nil`
    /// when no vertex moved.
    ///
    /// Levels smaller than ``LouvainSchedule/parallelMinimum`` move one vertex at a time in
    /// the seeded order, sweep after sweep, until a sweep moves none (networkx `_one_level`);
    /// larger ones sweep the same order with ``LouvainParallelSweep``.
    static func louvainLevel(
        _ graph: WeightedEdgeList, m: Double, resolution: Double,
        rng: inout SplitMix64, schedule: LouvainSchedule, threads: Int?
    ) -> [Int]? {
        let n = graph.vertexCount
        let level = LouvainLevel(graph, m: m, resolution: resolution)
        var order = Array(0..<n)
        rng.shuffle(&order)
        var improved = false
        if n < schedule.parallelMinimum {
            let scratch = level.makeScratch()
            var moves = 1
            while moves > 0 {
                moves = 0
                for u in order where level.moveNow(u, scratch: scratch) { moves += 1 }
                if moves > 0 { improved = true }
            }
        } else {
            let sweep = LouvainParallelSweep(level: level, order: order, schedule: schedule, threads: threads)
            while sweep.sweep() > 0 { improved = true }
        }
        guard improved else { return nil }
        // Renumber densely in order of first appearance.
        var dense = [Int](repeating: -1, count: n)
        var labels = [Int](repeating: 0, count: n)
        var next = 0
        for v in 0..<n {
            let c = Int(level.community[v])
            if dense[c] < 0 {
                dense[c] = next
                next += 1
            }
            labels[v] = dense[c]
        }
        return labels
    }
}
