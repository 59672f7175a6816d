public import ActorGraphCore

extension Components {
    /// The strongly connected components of a directed graph by Tarjan's algorithm (Tarjan 1972,
    /// "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2)), iterative: an
    /// explicit stack of (node, next-edge position) replaces recursion, so deep graphs cannot
    /// overflow the call stack. For an undirected graph the result equals ``connected(_:)``.
    /// Matches networkx `strongly_connected_components` as a set of sets.
    /// - Complexity: O(V + E) time, O(V) space.
    public static func stronglyConnected(_ graph: Graph) -> ComponentPartition {
        guard graph.isDirected else { return connected(graph) }
        let n = graph.nodeCount
        let unvisited = -1
        var index = [Int](repeating: unvisited, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int](repeating: -1, count: n)
        var tarjanStack: [Int] = []
        var callStack: [(node: Int, next: Int)] = []
        tarjanStack.reserveCapacity(n)
        var counter = 0, count = 0

        for root in 0..<n where index[root] == unvisited {
            index[root] = counter; low[root] = counter; counter += 1
            tarjanStack.append(root); onStack[root] = true
            callStack.append((root, 0))
            while let (u, next) = callStack.last {
                let successors = graph.outNeighbors(of: NodeID(u)).nodes
                if next < successors.count {
                    callStack[callStack.count - 1].next += 1
                    let v = successors[successors.startIndex + next].index
                    if index[v] == unvisited {
                        index[v] = counter; low[v] = counter; counter += 1
                        tarjanStack.append(v); onStack[v] = true
                        callStack.append((v, 0))
                    } else if onStack[v] {
                        low[u] = min(low[u], index[v])
                    }
                    continue
                }
                // All successors done: close u.
                callStack.removeLast()
                if let parent = callStack.last { low[parent.node] = min(low[parent.node], low[u]) }
                if low[u] == index[u] {
                    while true {
                        let w = tarjanStack.removeLast()
                        onStack[w] = false
                        label[w] = count
                        if w == u { break }
                    }
                    count += 1
                }
            }
        }
        return ComponentPartition(labels: label, count: count)
    }
}
