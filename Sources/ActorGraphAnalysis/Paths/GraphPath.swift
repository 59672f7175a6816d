public import ActorGraphCore

/// One step of a ``GraphPath``: the edge taken, what it cost and the events behind it.
public struct PathHop: Hashable, Sendable {
    /// The node the hop leaves.
    public let from: NodeID
    /// The node the hop reaches.
    public let to: NodeID
    /// The edge taken (for parallel edges, the cheapest one).
    public let edge: EdgeID
    /// The cost of this hop (1 for unweighted paths).
    public let weight: Double
    /// Ids of the events that explain the hop. For ordinary paths: every event behind the edge
    /// (in the graph's order, which for projected datasets is date order). For time-respecting
    /// paths: the one event used as the contact.
    public let events: [String]

    public init(from: NodeID, to: NodeID, edge: EdgeID, weight: Double, events: [String]) {
        self.from = from
        self.to = to
        self.edge = edge
        self.weight = weight
        self.events = events
    }
}

/// A walk through a graph from its first node to its last, explained hop by hop.
///
/// `nodes` has one more element than `edges` and `hops`; a path from a node to itself has one
/// node and no hops, and costs 0.
public struct GraphPath: Hashable, Sendable {
    /// The nodes visited, source first.
    public let nodes: [NodeID]
    /// The edges taken, `edges[i]` joining `nodes[i]` and `nodes[i + 1]`.
    public let edges: [EdgeID]
    /// The total cost: the sum of the hops' weights (the hop count when unweighted).
    public let cost: Double
    /// The hops, with their weights and events.
    public let hops: [PathHop]

    /// A path from explicit hops.
    public init(source: NodeID, hops: [PathHop]) {
        precondition(zip([source] + hops.map(\.to), hops).allSatisfy { $0 == $1.from }, "hops do not chain")
        self.nodes = [source] + hops.map(\.to)
        self.edges = hops.map(\.edge)
        self.hops = hops
        self.cost = hops.reduce(0) { $0 + $1.weight }
    }

    /// The path along `edges` from `nodes[0]`, weighed by `costs` and explained by the graph's
    /// edge events.
    public init(graph: Graph, nodes: [NodeID], edges: [EdgeID], costs: EdgeCosts) {
        precondition(nodes.count == edges.count + 1, "a path has one node more than edges")
        var hops: [PathHop] = []
        hops.reserveCapacity(edges.count)
        for (i, e) in edges.enumerated() {
            hops.append(
                PathHop(
                    from: nodes[i], to: nodes[i + 1], edge: e, weight: costs[e],
                    events: graph.edgeEvents(e)))
        }
        self.init(source: nodes[0], hops: hops)
    }

    /// The first node.
    public var source: NodeID { nodes[0] }
    /// The last node.
    public var target: NodeID { nodes[nodes.count - 1] }
    /// The number of edges.
    public var hopCount: Int { edges.count }
    /// True when no node repeats.
    public var isSimple: Bool { Set(nodes).count == nodes.count }
}
