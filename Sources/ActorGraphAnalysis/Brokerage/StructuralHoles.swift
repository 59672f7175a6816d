public import ActorGraphCore

/// Options for ``StructuralHoles/compute(_:options:)``.
public struct StructuralHolesOptions: Hashable, Sendable {
    /// What a tie weighs: a **strength** (more contact = stronger), finite and >= 0;
    /// ``TieStrength/unit`` for every edge weighing 1.
    public var weight: TieStrength

    public init(weight: TieStrength = .unit) {
        self.weight = weight
    }
}

/// Burt's structural-hole measures of every node, indexed by `NodeID.index`.
///
/// All three are `nan` for a node without neighbours (networkx's convention: undefined).
public struct StructuralHoles: Sendable {
    /// Burt's constraint: how much a node's ties are invested in contacts who are invested in
    /// each other. Between 0 and about 1 (a single contact gives 1); lower means more holes.
    public let constraint: [Double]
    /// Burt's effective size: the number of contacts minus their redundancy.
    public let effectiveSize: [Double]
    /// Effective size divided by the degree as networkx counts it (in + out degree for a
    /// directed graph, so a reciprocated tie counts twice; parallel edges count each).
    public let efficiency: [Double]

    /// Burt's measures for every node of `graph`, as networkx 3.6 computes them.
    ///
    /// Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition.* Harvard
    /// University Press. networkx: `constraint`, `effective_size` (and efficiency as its
    /// documentation derives it, `effective_size / G.degree(n)`).
    ///
    /// The **mutual weight** of `u` and `v` is the sum of the weights of all edges joining them
    /// in either direction: `a_uv + a_vu` (an undirected edge counts in both, so `2w`; parallel
    /// edges add, as networkx's adjacency matrix of a multigraph). With
    /// `p_uv = mutual(u, v) / Σ_w mutual(u, w)` and `m_uv = mutual(u, v) / max_w mutual(u, w)`:
    /// - constraint `c(u) = Σ_{v ∈ N(u)} (p_uv + Σ_w p_uw p_wv)²`;
    /// - effective size `e(u) = Σ_{v ∈ N(u)} (1 - Σ_w p_uw m_vw)`;
    /// - efficiency `e(u) / degree(u)`.
    ///
    /// `N(u)` are the nodes with a positive mutual weight to `u` (predecessors and successors);
    /// an edge of weight 0 is no tie (networkx's matrix code drops it too), but counts in the
    /// degree. A node with no tie at all gets `nan` for all three measures.
    ///
    /// Agreement with networkx 3.6.1 (tested to 1e-9): constraint equals `nx.constraint`.
    /// Effective size equals the documented formula, which networkx's default
    /// `nx.effective_size(G, weight=...)` does **not** compute for weighted or directed graphs
    /// (its sparse code divides by row maxima along the wrong axis, networkx PR #8906); it equals
    /// that code with the fix, and `nx.effective_size(G, nodes=list(G))` except that the latter
    /// returns `nan` for a directed node with predecessors but no successors. Self-loops are ignored; networkx adds them to the mutual weights of the node
    /// with itself, so results differ from networkx only on graphs with self-loops.
    ///
    /// - Throws: ``AnalysisError`` (`.missingWeight`,
    ///   `AnalysisError.Code.invalidWeight`) from ``TieStrength/values(in:)``.
    /// - Complexity: O(Σ_u Σ_{v ∈ N(u)} deg(v)) time (the number of two-step walks), O(n + m)
    ///   memory.
    public static func compute(_ graph: Graph, options: StructuralHolesOptions = StructuralHolesOptions()) throws
        -> StructuralHoles
    {
        let n = graph.nodeCount
        let weights = try options.weight.values(in: graph)

        // Mutual weights as sorted adjacency lists without self-loops.
        var neighbours = [[Int]](repeating: [], count: n)
        var mutual = [[Double]](repeating: [], count: n)
        var degree = [Int](repeating: 0, count: n)
        var scratch = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for u in 0..<n {
            let node = NodeID(u)
            func add(_ hood: Neighborhood) {
                for (v, e) in zip(hood.nodes, hood.edges) where v.index != u {
                    degree[u] += 1
                    if !seen[v.index] { seen[v.index] = true; touched.append(v.index) }
                    scratch[v.index] += weights?[e.index] ?? 1
                }
            }
            add(graph.outNeighbors(of: node))
            // Undirected: the adjacency already lists each edge once at each end, and the
            // mutual weight counts it in both directions.
            if graph.isDirected { add(graph.inNeighbors(of: node)) }
            touched.sort()
            for v in touched {
                let w = scratch[v] * (graph.isDirected ? 1 : 2)
                if w > 0 { neighbours[u].append(v); mutual[u].append(w) }
                scratch[v] = 0
                seen[v] = false
            }
            touched.removeAll(keepingCapacity: true)
        }

        var p = [[Double]](repeating: [], count: n) // normalised by the row sum
        var m = [[Double]](repeating: [], count: n) // normalised by the row maximum
        for u in 0..<n {
            let sum = mutual[u].reduce(0, +)
            let top = mutual[u].max() ?? 0
            p[u] = mutual[u].map { $0 / sum }
            m[u] = mutual[u].map { $0 / top }
        }

        var constraint = [Double](repeating: .nan, count: n)
        var effective = [Double](repeating: .nan, count: n)
        var efficiency = [Double](repeating: .nan, count: n)
        var pu = [Double](repeating: 0, count: n) // p_uw for w in N(u), 0 elsewhere
        var indirect = [Double](repeating: 0, count: n)
        for u in 0..<n where !neighbours[u].isEmpty {
            for (k, w) in neighbours[u].enumerated() { pu[w] = p[u][k] }
            // Σ_w p_uw p_wv for every v two steps away.
            for (k, w) in neighbours[u].enumerated() {
                let puw = p[u][k]
                for (j, v) in neighbours[w].enumerated() { indirect[v] += puw * p[w][j] }
            }
            var c = 0.0, e = 0.0
            for (k, v) in neighbours[u].enumerated() {
                let local = p[u][k] + indirect[v]
                c += local * local
                var redundancy = 0.0
                for (j, w) in neighbours[v].enumerated() { redundancy += pu[w] * m[v][j] }
                e += 1 - redundancy
            }
            constraint[u] = c
            effective[u] = e
            efficiency[u] = e / Double(degree[u])
            for w in neighbours[u] {
                pu[w] = 0
                for v in neighbours[w] { indirect[v] = 0 }
            }
        }
        return StructuralHoles(constraint: constraint, effectiveSize: effective, efficiency: efficiency)
    }
}
