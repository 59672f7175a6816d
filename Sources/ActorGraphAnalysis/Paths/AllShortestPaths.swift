public import ActorGraphCore

/// Every shortest path between two nodes, as listed by ``ShortestPaths/all(in:from:to:options:)``.
public struct ShortestPathSet: Sendable {
    /// The paths, in lexicographic order of their node sequences (by node index).
    public let paths: [GraphPath]
    /// The common cost of the paths, or `nil` when the target cannot be reached.
    public let cost: Double?
    /// True when listing stopped at ``PathOptions/maxPaths`` and more shortest paths exist.
    public let isTruncated: Bool
}

extension ShortestPaths {
    /// All shortest paths from `source` to `target` (networkx `all_shortest_paths`).
    ///
    /// A path is listed when every hop is tight: `distance(u) + cost(u, v) == distance(v)`,
    /// compared exactly as networkx does. Paths differing only in which of two equally cheap
    /// parallel edges they take are listed once (with the first such edge). Only simple paths
    /// are listed, so zero-cost cycles do not repeat. When `source == target` the one path is
    /// the single node.
    /// - Complexity: O((V + E) log V) for the distances, then O(E + P·L) for P paths of
    ///   length L; P can grow exponentially, so at most ``PathOptions/maxPaths`` are listed.
    public static func all(
        in graph: Graph, from source: NodeID, to target: NodeID,
        options: PathOptions = PathOptions()
    ) -> ShortestPathSet {
        let n = graph.nodeCount
        precondition(source.index < n && target.index < n, "unknown NodeID")
        let costs = options.costs
        let distance = tree(in: graph, from: source, options: options).distances
        guard distance[target.index].isFinite else { return ShortestPathSet(paths: [], cost: nil, isTruncated: false) }

        // Tight predecessors of each node, one per predecessor node; mark what reaches `target`.
        var onDAG = [Bool](repeating: false, count: n)
        var seenFor = [Int](repeating: -1, count: n)
        var successors = [[(node: NodeID, edge: EdgeID)]](repeating: [], count: n)
        var stack: [NodeID] = [target]
        onDAG[target.index] = true
        while let v = stack.popLast() {
            let hood = graph.inNeighbors(of: v)
            for (u, e) in zip(hood.nodes, hood.edges) where u != v && seenFor[u.index] != v.index {
                guard distance[u.index].isFinite, distance[u.index] + costs[e] == distance[v.index] else { continue }
                seenFor[u.index] = v.index
                successors[u.index].append((v, e))
                if !onDAG[u.index] {
                    onDAG[u.index] = true
                    stack.append(u)
                }
            }
        }
        for i in successors.indices { successors[i].sort { $0.node < $1.node } }

        // Depth-first enumeration from the source in lexicographic order, simple paths only.
        var paths: [GraphPath] = []
        var onPath = [Bool](repeating: false, count: n)
        var nodes: [NodeID] = [source], edges: [EdgeID] = []
        var cursor: [Int] = [0]
        onPath[source.index] = true
        var truncated = false
        if source == target {
            paths.append(GraphPath(graph: graph, nodes: nodes, edges: [], costs: costs))
            cursor.removeAll()
        }
        while let top = cursor.last {
            let u = nodes[nodes.count - 1]
            let next = successors[u.index]
            if top == next.count {
                cursor.removeLast()
                onPath[u.index] = false
                nodes.removeLast()
                if !edges.isEmpty { edges.removeLast() }
                continue
            }
            cursor[cursor.count - 1] += 1
            let (v, e) = next[top]
            if onPath[v.index] { continue }
            if v == target {
                if paths.count == options.maxPaths { truncated = true; break }
                paths.append(GraphPath(graph: graph, nodes: nodes + [v], edges: edges + [e], costs: costs))
                continue
            }
            onPath[v.index] = true
            nodes.append(v)
            edges.append(e)
            cursor.append(0)
        }
        return ShortestPathSet(paths: paths, cost: distance[target.index], isTruncated: truncated)
    }
}
