public import ActorGraphCore
import DequeModule

extension Components {
    /// The connected components of an undirected graph, or the weakly connected components of a
    /// directed one (edge directions ignored): networkx `connected_components` and
    /// `weakly_connected_components`.
    ///
    /// Breadth-first search from each unvisited node in index order, over in- and out-edges.
    /// - Complexity: O(V + E) time, O(V) space.
    public static func connected(_ graph: Graph) -> ComponentPartition {
        let n = graph.nodeCount
        var label = [Int](repeating: -1, count: n)
        var queue = Deque<NodeID>()
        var count = 0
        for start in 0..<n where label[start] < 0 {
            label[start] = count
            queue.append(NodeID(start))
            while let u = queue.popFirst() {
                for v in graph.outNeighbors(of: u).nodes where label[v.index] < 0 {
                    label[v.index] = count
                    queue.append(v)
                }
                if graph.isDirected {
                    for v in graph.inNeighbors(of: u).nodes where label[v.index] < 0 {
                        label[v.index] = count
                        queue.append(v)
                    }
                }
            }
            count += 1
        }
        return ComponentPartition(labels: label, count: count)
    }

    /// The weakly connected components: the same as ``connected(_:)``, named for directed graphs.
    /// - Complexity: O(V + E).
    public static func weaklyConnected(_ graph: Graph) -> ComponentPartition { connected(graph) }
}
