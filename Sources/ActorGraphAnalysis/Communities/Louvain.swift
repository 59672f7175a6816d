public import ActorGraphCore

/// Options for ``Communities/louvain(_:options:)``.
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
    /// following networkx `louvain_communities` step by step.
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
    /// - Returns: the partition and its modularity on the input graph (`nan` when the graph has
    ///   no weight, with every node alone).
    /// - Throws: ``AnalysisError`` for a missing, negative or NaN weight.
    /// - Complexity: O(trials · levels · passes · (V + E)) time, typically near-linear; O(V + E) space.
    public static func louvain(_ graph: Graph, options: LouvainOptions = LouvainOptions()) throws -> CommunityPartition {
        let base = WeightedEdgeList(graph, weights: try options.weight.valuesOrOnes(in: graph))
        var best: CommunityPartition?
        for trial in 0..<options.trials {
            let labels = louvainRun(base, options: options, seed: options.seed &+ UInt64(trial))
            let q = base.modularity(labels: labels, resolution: options.resolution)
            if best == nil || q > best!.modularity {
                best = CommunityPartition(labels: labels, modularity: q)
            }
        }
        return best!
    }

    /// One seeded run; returns a community label per original node.
    static func louvainRun(_ base: WeightedEdgeList, options: LouvainOptions, seed: UInt64) -> [Int] {
        var labels = Array(0..<base.vertexCount)
        let m = base.totalWeight
        guard m > 0 else { return labels }
        var rng = SplitMix64(seed: seed)
        var level = base
        var modularity = level.modularity(labels: Array(0..<level.vertexCount), resolution: options.resolution)
        while true {
            guard let inner = louvainLevel(level, m: m, resolution: options.resolution, rng: &rng) else { break }
            for v in labels.indices { labels[v] = inner[labels[v]] }
            let next = level.modularity(labels: inner, resolution: options.resolution)
            if next - modularity <= options.threshold { break }
            modularity = next
            level = aggregate(level, labels: inner)
        }
        return labels
    }

    /// One level of local moves. Returns dense community labels of `graph`'s vertices, or `nil`
    /// when no vertex moved.
    static func louvainLevel(
        _ graph: WeightedEdgeList, m: Double, resolution: Double,
        rng: inout SplitMix64
    ) -> [Int]? {
        let n = graph.vertexCount
        // Neighbour weights without self-loops, in- and out-edges together (networkx `nbrs`), as CSR.
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in graph.weights.indices where graph.sources[i] != graph.targets[i] {
            offsets[graph.sources[i] + 1] += 1
            offsets[graph.targets[i] + 1] += 1
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var neighbor = [Int](repeating: 0, count: offsets[n])
        var weight = [Double](repeating: 0, count: offsets[n])
        for i in graph.weights.indices where graph.sources[i] != graph.targets[i] {
            let s = graph.sources[i], t = graph.targets[i], w = graph.weights[i]
            neighbor[cursor[s]] = t; weight[cursor[s]] = w; cursor[s] += 1
            neighbor[cursor[t]] = s; weight[cursor[t]] = w; cursor[t] += 1
        }
        let (outDegree, inDegree) = graph.degrees()
        var totalOut = outDegree, totalIn = inDegree
        var community = Array(0..<n)
        var order = Array(0..<n)
        rng.shuffle(&order)

        // Scratch reused for every vertex: weight to each community and the communities touched.
        var toCommunity = [Double](repeating: 0, count: n)
        var isTouched = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        touched.reserveCapacity(64)
        let directed = graph.isDirected
        var improved = false
        var moves = 1
        while moves > 0 {
            moves = 0
            for u in order {
                for p in offsets[u]..<offsets[u + 1] {
                    let c = community[neighbor[p]]
                    if !isTouched[c] { isTouched[c] = true; touched.append(c) }
                    toCommunity[c] += weight[p]
                }
                let current = community[u]
                var bestCommunity = current, bestGain = 0.0
                let dOut = outDegree[u], dIn = inDegree[u]
                totalOut[current] -= dOut
                totalIn[current] -= dIn
                let removeCost: Double
                if directed {
                    removeCost =
                        -toCommunity[current] / m
                        + resolution * (dOut * totalIn[current] + dIn * totalOut[current]) / (m * m)
                } else {
                    removeCost = -toCommunity[current] / m + resolution * (totalOut[current] * dOut) / (2 * m * m)
                }
                for c in touched {
                    let gain: Double
                    if directed {
                        gain =
                            removeCost + toCommunity[c] / m
                            - resolution * (dOut * totalIn[c] + dIn * totalOut[c]) / (m * m)
                    } else {
                        gain = removeCost + toCommunity[c] / m - resolution * (totalOut[c] * dOut) / (2 * m * m)
                    }
                    if gain > bestGain {
                        bestGain = gain
                        bestCommunity = c
                    }
                }
                totalOut[bestCommunity] += dOut
                totalIn[bestCommunity] += dIn
                if bestCommunity != current {
                    community[u] = bestCommunity
                    moves += 1
                    improved = true
                }
                for c in touched { toCommunity[c] = 0; isTouched[c] = false }
                touched.removeAll(keepingCapacity: true)
            }
        }
        guard improved else { return nil }
        // Renumber densely in order of first appearance.
        var dense = [Int](repeating: -1, count: n)
        var next = 0
        for v in 0..<n {
            if dense[community[v]] < 0 { dense[community[v]] = next; next += 1 }
            community[v] = dense[community[v]]
        }
        return community
    }

    /// The graph whose vertices are the communities of `labels`, edge weights summed (edges
    /// inside a community become a self-loop), as networkx `_gen_graph`.
    static func aggregate(_ graph: WeightedEdgeList, labels: [Int]) -> WeightedEdgeList {
        let count = (labels.max() ?? -1) + 1
        var result = WeightedEdgeList(vertexCount: count, isDirected: graph.isDirected)
        var index: [Int: Int] = [:]
        for i in graph.weights.indices {
            var a = labels[graph.sources[i]], b = labels[graph.targets[i]]
            if !graph.isDirected && b < a { swap(&a, &b) }
            let key = a * count + b
            if let j = index[key] {
                result.weights[j] += graph.weights[i]
            } else {
                index[key] = result.weights.count
                result.sources.append(a)
                result.targets.append(b)
                result.weights.append(graph.weights[i])
            }
        }
        return result
    }
}
