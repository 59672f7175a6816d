public import ActorGraphCore

/// One score per node, the result of every node centrality measure.
///
/// Values are indexed by ``/ActorGraphCore/DenseIndex/index``; ``score(of:)`` reads one, ``ranked()`` sorts them.
public struct CentralityScores: Sendable, Hashable {
    /// The measure that produced the scores (`"betweenness"`, `"pagerank"`, ...).
    public let measure: String
    /// Scores indexed by `NodeID.index`.
    public let values: [Double]
    /// Node names indexed by `NodeID.index`, as in the graph.
    public let nodeNames: [String]

    public init(measure: String, values: [Double], nodeNames: [String]) {
        precondition(values.count == nodeNames.count, "one score per node")
        self.measure = measure
        self.values = values
        self.nodeNames = nodeNames
    }

    /// The score of `node`.
    public func score(of node: NodeID) -> Double {
        precondition(node.index < values.count, "unknown NodeID \(node)")
        return values[node.index]
    }

    public subscript(node: NodeID) -> Double { score(of: node) }

    /// The score of the node named `name`, or `nil` if there is no such node. O(n).
    public func score(named name: String) -> Double? {
        nodeNames.firstIndex(of: name).map { values[$0] }
    }

    /// Nodes from the highest score to the lowest; ties (and NaN, last) in node-name order.
    public func ranked() -> [RankedScore] {
        values.indices.map { RankedScore(node: NodeID($0), name: nodeNames[$0], score: values[$0]) }
            .sorted(by: Self.ranksBefore)
    }

    /// The first `k` of ``ranked()``, without sorting the rest: O(n log k) when the scores come
    /// in no particular order (a kept list of the best `k`, each candidate placed by binary search).
    public func ranked(top k: Int) -> [RankedScore] {
        guard k > 0 else { return [] }
        guard k < values.count / 8 else { return Array(ranked().prefix(k)) }
        var best: [RankedScore] = []
        best.reserveCapacity(k + 1)
        for i in values.indices {
            let candidate = RankedScore(node: NodeID(i), name: nodeNames[i], score: values[i])
            if best.count == k, let last = best.last, !Self.ranksBefore(candidate, last) { continue }
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Self.ranksBefore(best[mid], candidate) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(candidate, at: lo)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    /// The rank order: higher score first, `nan` last, ties by name.
    private static func ranksBefore(_ a: RankedScore, _ b: RankedScore) -> Bool {
        if a.score.isNaN != b.score.isNaN { return b.score.isNaN }
        if a.score != b.score && !a.score.isNaN { return a.score > b.score }
        return a.name < b.name
    }

    /// Scores keyed by node name.
    public var byName: [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(nodeNames, values))
    }
}

/// A node with its score, as listed by ``CentralityScores/ranked()``.
public struct RankedScore: Sendable, Hashable {
    public let node: NodeID
    public let name: String
    public let score: Double
}
