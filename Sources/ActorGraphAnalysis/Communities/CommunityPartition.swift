public import ActorGraphCore

/// Communities found in a graph, largest first, with their modularity.
///
/// Members of each community are sorted by node index; communities of equal size are ordered by
/// their smallest node index.
public struct CommunityPartition: Hashable, Sendable {
    /// The communities, largest first.
    public let communities: [[NodeID]]
    /// `communityOf[v.index]`: the position of `v`'s community in ``communities``.
    public let communityOf: [Int]
    /// The modularity of the partition (Newman 2006) at the resolution used; `nan` for a graph
    /// without edge weight.
    public let modularity: Double

    init(labels: [Int], modularity: Double) {
        let count = (labels.max() ?? -1) + 1
        var groups = [[NodeID]](repeating: [], count: count)
        for (v, label) in labels.enumerated() { groups[label].append(NodeID(v)) }
        groups.removeAll { $0.isEmpty }
        groups.sort { ($0.count, $1[0]) > ($1.count, $0[0]) }
        var communityOf = [Int](repeating: 0, count: labels.count)
        for (i, group) in groups.enumerated() {
            for v in group { communityOf[v.index] = i }
        }
        self.communities = groups
        self.communityOf = communityOf
        self.modularity = modularity
    }

    /// The number of communities.
    public var count: Int { communities.count }
}

/// Community detection and partition quality. Each algorithm is in its own file.
public enum Communities {}

/// A weighted edge list over dense vertices: the original graph or one of Louvain's aggregates.
struct WeightedEdgeList {
    let vertexCount: Int
    let isDirected: Bool
    var sources: [Int] = []
    var targets: [Int] = []
    var weights: [Double] = []

    init(vertexCount: Int, isDirected: Bool) {
        self.vertexCount = vertexCount
        self.isDirected = isDirected
    }

    init(_ graph: Graph, weights: ContiguousArray<Double>) {
        self.init(vertexCount: graph.nodeCount, isDirected: graph.isDirected)
        // Plain loops: key-path maps cost more than the whole first Louvain level on 10^6 edges.
        sources.reserveCapacity(graph.edgeCount)
        targets.reserveCapacity(graph.edgeCount)
        for e in graph.edges {
            sources.append(e.source.index)
            targets.append(e.target.index)
        }
        self.weights = Array(weights)
    }

    /// Total weight (networkx `G.size(weight=...)`).
    var totalWeight: Double { weights.reduce(0, +) }

    /// Weighted out- and in-degrees; both equal the degree (a self-loop counted twice) when undirected.
    func degrees() -> (out: [Double], in: [Double]) {
        var out = [Double](repeating: 0, count: vertexCount)
        var inn = [Double](repeating: 0, count: vertexCount)
        for i in weights.indices {
            out[sources[i]] += weights[i]
            inn[targets[i]] += weights[i]
        }
        if isDirected { return (out, inn) }
        for v in 0..<vertexCount { out[v] += inn[v] }
        return (out, out)
    }

    /// Modularity of the partition `labels` as networkx `community.modularity` computes it:
    /// `sum_c L_c / m - resolution * out_c * in_c / m^2` directed,
    /// `sum_c L_c / m - resolution * (deg_c / 2m)^2` undirected.
    func modularity(labels: [Int], resolution: Double) -> Double {
        let m = totalWeight
        guard m > 0 else { return .nan }
        let count = (labels.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var outSum = [Double](repeating: 0, count: count)
        var inSum = [Double](repeating: 0, count: count)
        let (out, inn) = degrees()
        for v in 0..<vertexCount {
            outSum[labels[v]] += out[v]
            inSum[labels[v]] += inn[v]
        }
        for i in weights.indices where labels[sources[i]] == labels[targets[i]] {
            inside[labels[sources[i]]] += weights[i]
        }
        let norm = isDirected ? 1 / (m * m) : 1 / (4 * m * m)
        var q = 0.0
        for c in 0..<count { q += inside[c] / m - resolution * outSum[c] * inSum[c] * norm }
        return q
    }
}
