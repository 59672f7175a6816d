public import ActorGraphCore

/// Options for ``Centrality/degree(_:options:)``.
public struct DegreeOptions: Hashable, Sendable {
    /// In, out or both in a directed graph; ignored when undirected.
    public var direction: DegreeDirection = .all
    /// Divide by `n - 1`, the largest possible degree in a simple graph (default, as networkx's
    /// `degree_centrality`). `false` gives raw edge counts.
    public var normalized: Bool = true
    public init(direction: DegreeDirection = .all, normalized: Bool = true) {
        self.direction = direction
        self.normalized = normalized
    }
}

extension Centrality {
    /// Degree centrality: the number of ties of each node, by default divided by `n - 1`.
    ///
    /// With the default options this mirrors networkx `degree_centrality(G)`; with
    /// `direction: .in` / `.out` it mirrors `in_degree_centrality` / `out_degree_centrality`
    /// (Freeman 1978/79).
    ///
    /// Counting follows networkx: in a directed graph `.all` is in + out; in an undirected graph
    /// a self-loop adds 2 (both of its ends) and parallel edges each count. Normalised values
    /// divide by `n - 1`, so they can exceed 1 with self-loops or parallel edges, and a graph
    /// with one node scores 1 (as networkx). The empty graph gives empty scores.
    ///
    /// - Complexity: O(n + m).
    public static func degree(_ graph: Graph, options: DegreeOptions = DegreeOptions()) -> CentralityScores {
        let n = graph.nodeCount
        var values = [Double](repeating: 0, count: n)
        for v in graph.nodes {
            let d: Int
            switch (graph.isDirected, options.direction) {
            case (false, _), (true, .all): d = graph.degree(of: v)
            case (true, .in): d = graph.inDegree(of: v)
            case (true, .out): d = graph.outDegree(of: v)
            }
            values[v.index] = Double(d)
        }
        if options.normalized {
            if n == 1 {
                values = [1]
            } else if n > 1 {
                let s = 1.0 / Double(n - 1)
                for i in values.indices { values[i] *= s }
            }
        }
        let name =
            switch options.direction {
            case .all: "degree";
            case .in: "in-degree";
            case .out: "out-degree"
            }
        return CentralityScores(measure: name, values: values, nodeNames: graph.nodeNames)
    }
}
