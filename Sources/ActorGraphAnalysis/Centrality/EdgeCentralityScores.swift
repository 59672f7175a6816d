public import ActorGraphCore

/// One score per edge (edge betweenness).
public struct EdgeCentralityScores: Sendable, Hashable {
    public let measure: String
    /// Scores indexed by `EdgeID.index`.
    public let values: [Double]
    /// Endpoints indexed by `EdgeID.index`, as in the graph.
    public let endpoints: [Graph.Endpoints]

    public init(measure: String, values: [Double], endpoints: [Graph.Endpoints]) {
        precondition(values.count == endpoints.count, "one score per edge")
        self.measure = measure
        self.values = values
        self.endpoints = endpoints
    }

    /// The score of `edge`.
    public func score(of edge: EdgeID) -> Double {
        precondition(edge.index < values.count, "unknown EdgeID \(edge)")
        return values[edge.index]
    }

    public subscript(edge: EdgeID) -> Double { score(of: edge) }
}
