public import ActorGraphCore

/// Options shared by the path searches.
public struct PathOptions: Sendable {
    /// What each edge costs (default: 1 per hop, so paths are fewest hops).
    public var costs: EdgeCosts
    /// The most paths ``ShortestPaths/all(in:from:to:options:)`` lists before it stops, since
    /// the number of shortest paths can grow exponentially with the graph.
    public var maxPaths: Int

    public init(costs: EdgeCosts = .hops, maxPaths: Int = 10_000) {
        precondition(maxPaths > 0, "maxPaths must be positive")
        self.costs = costs
        self.maxPaths = maxPaths
    }
}

/// Shortest paths from one source to every node: distances and, for each reached node, the
/// edge it was first reached by.
///
/// Made by ``ShortestPaths/breadthFirst(in:from:)`` (unit costs) or
/// ``ShortestPaths/dijkstra(in:from:costs:)``. Unreachable nodes have distance `+infinity`.
/// When several shortest paths reach a node, the tree keeps the first found: neighbours are
/// scanned in adjacency order (edge insertion order) and a later path replaces an earlier one
/// only when strictly shorter.
public struct ShortestPathTree: Sendable {
    /// The graph searched.
    public let graph: Graph
    /// The source node.
    public let source: NodeID
    /// The costs the distances are measured in.
    public let costs: EdgeCosts
    /// `distances[v.index]`: the cost of a shortest path from the source to `v`, `+infinity` when none.
    public let distances: [Double]
    /// Predecessor node and edge of each reached node (`UInt32.max` for the source and unreached nodes).
    let parentNode: [UInt32]
    let parentEdge: [UInt32]

    init(graph: Graph, source: NodeID, costs: EdgeCosts, distances: [Double], parentNode: [UInt32], parentEdge: [UInt32]) {
        self.graph = graph
        self.source = source
        self.costs = costs
        self.distances = distances
        self.parentNode = parentNode
        self.parentEdge = parentEdge
    }

    /// The distance to `node`, or `nil` when it cannot be reached.
    public func distance(to node: NodeID) -> Double? {
        let d = distances[node.index]
        return d.isFinite ? d : nil
    }

    /// True when a path from the source reaches `node`.
    public func reaches(_ node: NodeID) -> Bool { distances[node.index].isFinite }

    /// The nodes a path reaches, the source included, in node order.
    public var reachedNodes: [NodeID] {
        distances.indices.filter { distances[$0].isFinite }.map(NodeID.init)
    }

    /// The tree's shortest path from the source to `node`, explained hop by hop, or `nil` when
    /// `node` cannot be reached.
    /// - Complexity: O(path length + events on it).
    public func path(to node: NodeID) -> GraphPath? {
        guard reaches(node) else { return nil }
        var nodes: [NodeID] = [node], edges: [EdgeID] = []
        var v = node.index
        while v != source.index {
            edges.append(EdgeID(parentEdge[v]))
            v = Int(parentNode[v])
            nodes.append(NodeID(v))
        }
        return GraphPath(graph: graph, nodes: nodes.reversed(), edges: edges.reversed(), costs: costs)
    }
}

/// Shortest-path searches: single source trees, one path, all shortest paths, k shortest
/// simple paths. Each search is in its own file.
public enum ShortestPaths {
    /// The shortest-path tree from `source`: breadth-first search for unit costs, Dijkstra otherwise.
    /// - Complexity: O(V + E) unweighted; O((V + E) log V) weighted.
    public static func tree(in graph: Graph, from source: NodeID, options: PathOptions = PathOptions()) -> ShortestPathTree {
        options.costs.isUnit ? breadthFirst(in: graph, from: source) : dijkstra(in: graph, from: source, costs: options.costs)
    }

    /// One shortest path from `source` to `target`, or `nil` when there is none.
    /// - Complexity: as ``tree(in:from:options:)``; the search stops once `target` is settled.
    public static func path(
        in graph: Graph, from source: NodeID, to target: NodeID,
        options: PathOptions = PathOptions()
    ) -> GraphPath? {
        var search = PathSearch(graph: graph, costs: options.costs)
        guard let (nodes, edges) = search.shortest(from: source, to: target) else { return nil }
        return GraphPath(graph: graph, nodes: nodes, edges: edges, costs: options.costs)
    }
}
