public import ActorGraphCore

/// A partition of a graph's nodes into components, largest first.
///
/// Members of each component are sorted by node index; components of equal size are ordered by
/// their smallest node index, so the result is deterministic.
public struct ComponentPartition: Hashable, Sendable {
    /// The components, largest first.
    public let components: [[NodeID]]
    /// `componentOf[v.index]`: the position of `v`'s component in ``components``.
    public let componentOf: [Int]

    /// Builds the partition from a component label per node (labels are arbitrary integers `0..<k`).
    init(labels: [Int], count: Int) {
        var groups = [[NodeID]](repeating: [], count: count)
        for (v, label) in labels.enumerated() { groups[label].append(NodeID(v)) }
        groups.sort { ($0.count, $1[0]) > ($1.count, $0[0]) }
        var componentOf = [Int](repeating: 0, count: labels.count)
        for (i, group) in groups.enumerated() {
            for v in group { componentOf[v.index] = i }
        }
        self.components = groups
        self.componentOf = componentOf
    }

    /// The number of components.
    public var count: Int { components.count }
    /// The component holding `node`.
    public func component(of node: NodeID) -> [NodeID] { components[componentOf[node.index]] }
    /// True when `a` and `b` are in the same component.
    public func connects(_ a: NodeID, _ b: NodeID) -> Bool { componentOf[a.index] == componentOf[b.index] }
}

/// Connected components: of undirected graphs, and weakly and strongly connected ones of
/// directed graphs. Each algorithm is in its own file.
public enum Components {}
