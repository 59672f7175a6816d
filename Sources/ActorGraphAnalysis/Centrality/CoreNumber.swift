public import ActorGraphCore

extension Centrality {
    /// Core numbers: the largest `k` such that a node belongs to the k-core, the maximal subgraph
    /// in which every node has degree at least `k` (Seidman 1983), by the bucket algorithm of
    /// Batagelj & Zaversnik (2003).
    ///
    /// Mirrors networkx `core_number(G)`: in a directed graph a node's degree is in + out, so a
    /// reciprocated pair counts twice. Parallel edges each count (networkx rejects multigraphs).
    /// Self-loops are rejected with an error, as networkx raises for them, rather than silently
    /// dropped; remove them first if that is what you mean.
    ///
    /// - Throws: `AnalysisError.Code.invalidGraph` when the graph has a self-loop.
    /// - Complexity: O(n + m).
    public static func coreNumber(_ graph: Graph) throws -> CentralityScores {
        if let loop = graph.edges.first(where: { $0.source == $0.target }) {
            throw AnalysisError(
                .invalidGraph,
                "core numbers are undefined with self-loops (node \(graph.name(of: loop.source)) has one); remove self-loops first, as networkx requires")
        }
        let n = graph.nodeCount
        var degree = (0..<n).map { graph.degree(of: NodeID($0)) }
        let maxDegree = degree.max() ?? 0
        // Bucket sort by degree: position of each node, start of each degree's bin.
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
        var order = [Int](repeating: 0, count: n)
        var position = [Int](repeating: 0, count: n)
        var cursor = binStart
        for v in 0..<n { position[v] = cursor[degree[v]]; order[position[v]] = v; cursor[degree[v]] += 1 }
        for i in 0..<n {
            let v = order[i]
            func lower(_ u: Int) {
                guard degree[u] > degree[v] else { return }
                let du = degree[u], pu = position[u], pw = binStart[du], w = order[pw]
                if u != w { order[pu] = w; position[w] = pu; order[pw] = u; position[u] = pw }
                binStart[du] += 1
                degree[u] -= 1
            }
            for u in graph.outNeighbors(of: NodeID(v)).nodes { lower(u.index) }
            if graph.isDirected { for u in graph.inNeighbors(of: NodeID(v)).nodes { lower(u.index) } }
        }
        return CentralityScores(measure: "core", values: degree.map(Double.init), nodeNames: graph.nodeNames)
    }
}
