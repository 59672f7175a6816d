import ActorGraphCore

/// The GraphML elements that make the graph: `<graph>`, `<node>`, `<edge>` and `<data>`, and
/// the values they give to the element that owns them.
extension GraphMLParser {
    func startGraph(_ attributes: [String: String], _ position: XMLPosition) {
        graphCount += 1
        if graphCount > 1 {
            let first = graphPosition.map { locator.location(ofElement: $0).line } ?? 1
            locator.report(element: position, "a second <graph>: only one graph per file is supported (the first is at line \(first))")
            skipDepth = 1
            return
        }
        graphPosition = position
        var directed = false
        switch attributes["edgedefault"] {
        case nil, "undirected"?: directed = false
        case "directed"?: directed = true
        case let other?:
            locator.report(attribute: "edgedefault", of: position, "edgedefault=\"\(other)\" is neither \"directed\" nor \"undirected\"")
        }
        assembly.startGraph(directed: directed)
        graphID = attributes["id"]
        stack.append(.graph)
    }

    func startNode(_ attributes: [String: String], _ position: XMLPosition) {
        guard let id = attributes["id"] else {
            locator.report(element: position, "<node> without an id attribute")
            skipDepth = 1
            return
        }
        if let existing = assembly.position(ofNode: id) {
            let first = locator.location(ofElement: existing)
            locator.report(attribute: "id", of: position, "node '\(id)' is declared twice (first at line \(first.line))")
            skipDepth = 1
            return
        }
        let node = assembly.addNode(id, at: position)
        stack.append(.node(node))
    }

    func startEdge(_ attributes: [String: String], _ position: XMLPosition) {
        var ok = true
        if let directed = attributes["directed"] {
            switch directed {
            case "true" where !assembly.isDirected:
                locator.report(
                    attribute: "directed", of: position,
                    "directed=\"true\" edge in an undirected graph: graphs mixing directed and undirected edges are not supported")
                ok = false
            case "false" where assembly.isDirected:
                locator.report(
                    attribute: "directed", of: position,
                    "directed=\"false\" edge in a directed graph: graphs mixing directed and undirected edges are not supported")
                ok = false
            case "true", "false":
                break
            default:
                locator.report(attribute: "directed", of: position, "directed=\"\(directed)\" is neither \"true\" nor \"false\"")
                ok = false
            }
        }
        let source = attributes["source"], target = attributes["target"]
        if source == nil { locator.report(element: position, "<edge> without a source attribute"); ok = false }
        if target == nil { locator.report(element: position, "<edge> without a target attribute"); ok = false }
        guard ok, let source, let target else { skipDepth = 1; return }
        let edge = assembly.addEdge(from: source, to: target, at: position)
        stack.append(.edge(edge))
        if let id = attributes["id"] {
            store(.string(id), name: "id", key: -1, owner: .edge(edge), position: position)
        }
    }

    func startData(_ attributes: [String: String], _ position: XMLPosition, parent: Frame?) {
        let owner: Owner
        switch parent {
        case .graphml?: owner = .graphml
        case .graph?: owner = .graph
        case .node(let node)?: owner = .node(node)
        case .edge(let edge)?: owner = .edge(edge)
        default: return misplaced("data", position)
        }
        let domain = owner.domain
        guard let keyID = attributes["key"] else {
            locator.report(element: position, "<data> without a key attribute")
            skipDepth = 1
            return
        }
        guard let k = keys.key(id: keyID) else {
            keys.noteUnknownUse(of: keyID, at: position)
            skipDepth = 1
            return
        }
        guard keys[k].applies(to: domain) else {
            locator.report(
                attribute: "key", of: position,
                "key '\(keyID)' is declared for=\"\(keys[k].scope)\", so it cannot be used on a <\(domain.rawValue)>")
            skipDepth = 1
            return
        }
        stack.append(.data(DataFrame(key: k, owner: owner, position: position)))
        collecting = keys[k].type != .yfiles
        text = ""
    }

    /// Stores the value of a closed `<data>`: its text parsed as its key's type, or the label
    /// of a yEd key.
    func endData(_ data: DataFrame) {
        let key = keys[data.key]
        if key.type == .yfiles {
            if let label = data.label {
                store(.string(label), name: "label", key: data.key, owner: data.owner, position: data.position)
            }
        } else if !data.failed {
            switch key.type.parse(text) {
            case .success(let value):
                store(value, name: key.name, key: data.key, owner: data.owner, position: data.position)
            case .failure(let problem):
                locator.report(content: data.position, problem.message(type: key.type, attrType: key.attrType, key: key.id))
            }
        }
    }

    /// Stores a value of `key` (or the label of a yEd key; `-1` for an edge's id) on `owner`;
    /// a second value of one name for one element is reported and dropped.
    func store(_ value: AttributeValue, name: String, key: Int, owner: Owner, position: XMLPosition) {
        let domain = owner.domain
        let (slot, earlier) = assembly.withSlots(of: domain) { $0.fill(name, by: key) }
        if let earlier {
            let by = earlier >= 0 ? "key '\(keys[earlier].id)'" : "the edge's id attribute"
            let now = key >= 0 ? "key '\(keys[key].id)'" : "the edge's id attribute"
            locator.report(
                element: position,
                earlier == key
                    ? "a second value of '\(name)' for this \(domain.rawValue) (\(now))"
                    : "a second value of '\(name)' for this \(domain.rawValue): \(now), after \(by)")
            return
        }
        switch owner {
        case .node(let node): assembly.setNodeValue(node, name, value)
        case .edge(let edge): assembly.setEdgeValue(edge, slot: slot, value)
        case .graph, .graphml: assembly.setGraphValue(name, value)
        }
    }

    /// Gives the element `owner` the defaults of the keys it has no data for.
    func applyDefaults(_ owner: Owner) {
        let domain = owner.domain
        for (k, key) in keys.keys.enumerated() where key.defaultValue != nil && key.type != .yfiles && key.applies(to: domain) {
            let filled = assembly.withSlots(of: domain) { slots in
                let slot = slots.slot(key.name)
                return slots.isFilled(slot)
            }
            if !filled {
                store(key.defaultValue!, name: key.name, key: k, owner: owner, position: key.position)
            }
        }
    }
}
