public import ActorGraphCore
import DequeModule

extension ShortestPaths {
    /// Fewest-hop paths from `source` to every node by breadth-first search.
    ///
    /// Edges are followed in their direction in a directed graph, both ways in an undirected
    /// one. Distances are hop counts, equal to networkx `single_source_shortest_path_length`.
    /// - Complexity: O(V + E) time, O(V) space.
    public static func breadthFirst(in graph: Graph, from source: NodeID) -> ShortestPathTree {
        let n = graph.nodeCount
        precondition(source.index < n, "unknown NodeID \(source)")
        var distances = [Double](repeating: .infinity, count: n)
        var parentNode = [UInt32](repeating: .max, count: n)
        var parentEdge = [UInt32](repeating: .max, count: n)
        var queue = Deque<NodeID>(minimumCapacity: min(n, 1024))
        distances[source.index] = 0
        queue.append(source)
        while let u = queue.popFirst() {
            let next = distances[u.index] + 1
            let hood = graph.outNeighbors(of: u)
            for (v, e) in zip(hood.nodes, hood.edges) where distances[v.index] == .infinity {
                distances[v.index] = next
                parentNode[v.index] = u.rawValue
                parentEdge[v.index] = e.rawValue
                queue.append(v)
            }
        }
        return ShortestPathTree(
            graph: graph, source: source, costs: .hops, distances: distances,
            parentNode: parentNode, parentEdge: parentEdge)
    }
}
