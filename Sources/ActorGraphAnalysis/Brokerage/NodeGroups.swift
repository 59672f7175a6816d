public import ActorGraphCore

/// What to do with nodes that lack the group attribute.
public enum MissingGroupPolicy: String, Hashable, Sendable, CaseIterable {
    /// Refuse: throw a ``AnalysisError`` naming the nodes without a group. The default, since a
    /// silently invented group changes every role count and the null model.
    case error
    /// Each node without a group forms a group of its own (a singleton), labelled
    /// `(<node name>)`. Such a node can only be a liaison, gatekeeper or representative.
    case own
    /// All nodes without a group form one shared group, labelled `(none)`, kept apart from
    /// any real group of that name.
    case none
}

/// A partition of a graph's nodes into groups (factions, states, kinds), read from a node attribute.
///
/// Groups are numbered `0..<count` in order of first appearance among the nodes; ``labels``
/// names them. Two nodes are in one group exactly when their group numbers are equal, so the
/// labels only matter for output.
public struct NodeGroups: Hashable, Sendable {
    /// The group number of each node, indexed by `NodeID.index`.
    public let groupOfNode: [Int]
    /// The label of each group, indexed by group number.
    public let labels: [String]

    /// Number of groups.
    public var count: Int { labels.count }

    /// The size of each group, indexed by group number.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: labels.count)
        for g in groupOfNode { sizes[g] += 1 }
        return sizes
    }

    /// The group label of `node`.
    public func label(of node: NodeID) -> String { labels[groupOfNode[node.index]] }

    /// Groups from one label per node (`nil`: no group, handled by `missing`).
    /// - Parameters:
    ///   - nodeLabels: the group label of each node, indexed by `NodeID.index`.
    ///   - nodeNames: used to name nodes without a group in errors and `.own` labels.
    ///   - attribute: the attribute the labels came from, named in errors.
    ///   - missing: what to do with nodes without a group.
    /// - Throws: ``AnalysisError`` (`.missingGroup`) under `.error` when some label is `nil`.
    /// - Complexity: O(n).
    public init(
        labels nodeLabels: [String?], nodeNames: [String], missing: MissingGroupPolicy = .error,
        attribute: String = "group"
    ) throws {
        precondition(nodeLabels.count == nodeNames.count, "one label per node")
        let without = nodeLabels.indices.filter { nodeLabels[$0] == nil }
        if missing == .error && !without.isEmpty {
            let shown = without.prefix(10).map { "'\(nodeNames[$0])'" }.joined(separator: ", ")
            let more = without.count > 10 ? " and \(without.count - 10) more" : ""
            throw AnalysisError(
                .missingGroup,
                "\(without.count) node(s) have no '\(attribute)': \(shown)\(more); give them one, or set missing group to own or none")
        }
        enum Key: Hashable {
            case label(String)
            case own(Int)
            case none
        }
        var index: [Key: Int] = [:]
        var labels: [String] = []
        var groupOfNode: [Int] = []
        groupOfNode.reserveCapacity(nodeLabels.count)
        for (i, label) in nodeLabels.enumerated() {
            let key: Key
            let text: String
            if let label {
                key = .label(label); text = label
            } else if missing == .own {
                key = .own(i); text = "(\(nodeNames[i]))"
            } else {
                key = .none; text = "(none)"
            }
            if let g = index[key] {
                groupOfNode.append(g)
            } else {
                index[key] = labels.count
                groupOfNode.append(labels.count)
                labels.append(text)
            }
        }
        self.groupOfNode = groupOfNode
        self.labels = labels
    }

    /// Groups from the node attribute `attribute` of `graph`; values are compared by their text
    /// form (``/ActorGraphCore/AttributeValue/description``), so `1` and `"1"` are one group.
    /// - Throws: ``AnalysisError`` `.unknownAttribute` (listing the attributes the graph has)
    ///   or `.missingGroup`.
    /// - Complexity: O(n).
    public init(graph: Graph, attribute: String, missing: MissingGroupPolicy = .error) throws {
        // A graph without nodes has no attributes at all, and no groups to need.
        guard let column = graph.nodeAttribute(attribute) ?? (graph.nodeCount == 0 ? [] : nil) else {
            let available = graph.nodeAttributeNames
            throw AnalysisError(
                .unknownAttribute,
                "no node attribute '\(attribute)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
        }
        try self.init(
            labels: column.map { $0?.description }, nodeNames: graph.nodeNames,
            missing: missing, attribute: attribute)
    }
}
