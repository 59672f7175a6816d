public import ActorGraphCore
import HeapModule

extension ShortestPaths {
    /// The `k` least-cost simple paths from `source` to `target`, cheapest first, by Yen's
    /// algorithm (Yen 1971, "Finding the k shortest loopless paths in a network",
    /// Management Science 17(11)); the first `k` of networkx `shortest_simple_paths`.
    ///
    /// Paths are distinct as node sequences (parallel edges do not make new paths). Costs are
    /// non-decreasing. **Ties**: among candidate paths of equal cost, Yen's algorithm returns the
    /// one with fewer hops first, then the lexicographically smaller node sequence (by node
    /// index); a tied path discovered only later (as a deviation of a tied path) comes after.
    /// networkx breaks ties by discovery order instead, so tied paths may come in a different
    /// order, but the multiset of costs and the set of paths strictly cheaper than the k-th are
    /// the same. Fewer than `k` paths are returned when fewer exist; none when `target` cannot be
    /// reached. With `source == target` the single one-node path is returned.
    /// - Complexity: O(k · L · (V + E) log V) for paths of at most L nodes: one Dijkstra per
    ///   spur node, over scratch arrays reused across searches.
    public static func kShortestSimple(
        in graph: Graph, from source: NodeID, to target: NodeID, k: Int,
        options: PathOptions = PathOptions()
    ) -> [GraphPath] {
        precondition(k >= 0, "k must be >= 0")
        precondition(source.index < graph.nodeCount && target.index < graph.nodeCount, "unknown NodeID")
        guard k > 0 else { return [] }
        let costs = options.costs
        var search = PathSearch(graph: graph, costs: costs)
        guard let first = search.shortest(from: source, to: target) else { return [] }
        var accepted: [(nodes: [NodeID], edges: [EdgeID])] = [first]
        if source == target { return [GraphPath(graph: graph, nodes: first.nodes, edges: [], costs: costs)] }

        var seen: Set<[NodeID]> = [first.nodes]
        var candidates = Heap<Candidate>()
        var serial = 0
        var banned: [EdgeID] = []
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for i in 0..<(previous.nodes.count - 1) {
                let spur = previous.nodes[i]
                let root = previous.nodes[0...i]
                // Ban the next edge of every accepted path sharing this root.
                for path in accepted where path.nodes.count > i + 1 && path.nodes[0...i] == root {
                    let next = path.nodes[i + 1]
                    let hood = graph.outNeighbors(of: spur)
                    for (v, e) in zip(hood.nodes, hood.edges) where v == next && !search.bannedEdge[e.index] {
                        search.bannedEdge[e.index] = true
                        banned.append(e)
                    }
                }
                for node in root.dropLast() { search.bannedNode[node.index] = true }
                if let spurPath = search.shortest(from: spur, to: target) {
                    let nodes = Array(root) + spurPath.nodes.dropFirst()
                    if seen.insert(nodes).inserted {
                        let edges = Array(previous.edges[0..<i]) + spurPath.edges
                        let cost = edges.reduce(0.0) { $0 + costs[$1] }
                        candidates.insert(Candidate(cost: cost, nodes: nodes, edges: edges, serial: serial))
                        serial += 1
                    }
                }
                for node in root.dropLast() { search.bannedNode[node.index] = false }
                for e in banned { search.bannedEdge[e.index] = false }
                banned.removeAll(keepingCapacity: true)
            }
            guard let best = candidates.popMin() else { break }
            accepted.append((best.nodes, best.edges))
        }
        return accepted.map { GraphPath(graph: graph, nodes: $0.nodes, edges: $0.edges, costs: costs) }
    }
}

/// A candidate path in Yen's heap: by cost, then hop count, then node sequence, then discovery.
private struct Candidate: Comparable {
    let cost: Double
    let nodes: [NodeID]
    let edges: [EdgeID]
    let serial: Int

    static func == (a: Candidate, b: Candidate) -> Bool { a.serial == b.serial }
    static func < (a: Candidate, b: Candidate) -> Bool {
        if a.cost != b.cost { return a.cost < b.cost }
        if a.nodes.count != b.nodes.count { return a.nodes.count < b.nodes.count }
        if a.nodes != b.nodes { return a.nodes.lexicographicallyPrecedes(b.nodes) }
        return a.serial < b.serial
    }
}
