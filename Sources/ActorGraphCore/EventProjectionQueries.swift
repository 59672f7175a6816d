extension EventProjection {
    /// The same projection whose graph names `origin` (``Graph/with(origin:)``), so an error
    /// about one of its edges names the dataset's file and the edge's events. O(1).
    public func with(origin: GraphOrigin?) -> EventProjection {
        var copy = self
        copy.graph = graph.with(origin: origin)
        return copy
    }

    /// The actor node `node` stands for (after roll-up, the representative actor). O(1).
    /// Traps when `node` is not a node of ``graph``.
    public func actor(of node: NodeID) -> ActorID { nodes[node.index] }

    /// The node that stands for `actor` after roll-up: its own node, or that of the institution
    /// or state it was rolled up into. O(1). Every actor has one: nodes include actors without
    /// edges. Traps when `actor` is not an actor of ``dataset``.
    public func node(of actor: ActorID) -> NodeID { nodeOfActor[actor.index] }

    /// The node of the actor whose id, name or alias is `text` (``Dataset/actorID(named:)``), or
    /// `nil` when no actor has it. O(1) expected.
    public func node(named text: String) -> NodeID? {
        dataset.actorID(named: text).map(node(of:))
    }

    /// The state `actor` belongs to through its affiliations (an institution's, a person's
    /// institution's), itself for a state, or `nil` when the chain reaches no state. O(1).
    public func state(of actor: ActorID) -> ActorID? {
        let state = stateOfActor[actor.index]
        return dataset[state].kind == .state ? state : nil
    }

    /// The tie behind `edge` of ``graph``: its actors, weight, kinds and dates. O(1).
    public func tie(_ edge: EdgeID) -> ProjectedEdge { edges[edge.index] }

    /// The events behind `edge` of ``graph``, in date order. O(1).
    public func events(of edge: EdgeID) -> [EventID] { edges[edge.index].events }

    /// The ties of `node` (both directions in a directed projection), each with its edge, the
    /// node at the other end and the tie, strongest first (by weight, then by edge order). O(d log d).
    public func ties(of node: NodeID) -> [(edge: EdgeID, other: NodeID, tie: ProjectedEdge)] {
        var seen = Set<EdgeID>()
        var result: [(edge: EdgeID, other: NodeID, tie: ProjectedEdge)] = []
        // An undirected graph's in-adjacency is its out-adjacency: read it once.
        let sides = graph.isDirected ? [graph.outNeighbors(of: node), graph.inNeighbors(of: node)] : [graph.outNeighbors(of: node)]
        for neighbours in sides {
            for (other, edge) in neighbours where seen.insert(edge).inserted {
                result.append((edge, other, edges[edge.index]))
            }
        }
        return result.sorted { ($0.tie.weight, $1.edge) > ($1.tie.weight, $0.edge) }
    }
}
