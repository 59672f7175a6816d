/// The `<key>` declarations of a GraphML document, by id, and the `<data>` that named a key
/// not (yet) declared.
///
/// A declaration with a problem (a second key of one id, a `for` or `attr.type` GraphML does
/// not define) is reported and not added. A `<data>` naming an unknown key is resolved at the
/// end of the document, so the message can say whether the key was declared too late (GraphML
/// requires every `<key>` before the `<graph>`) or never.
struct GraphMLKeyTable {
    /// The keys in declaration order; a key's index is its number in ``GraphMLSlotTable``'s
    /// record of who filled a slot.
    private(set) var keys: [GraphMLKey] = []
    private var index: [String: Int] = [:]
    /// `<data>` naming an undeclared key: resolved at the end, in case the key is declared later.
    private var unknownUses: [(key: String, position: XMLPosition)] = []

    subscript(key: Int) -> GraphMLKey { keys[key] }

    /// The index of the key declared as `id`.
    func key(id: String) -> Int? { index[id] }

    /// Declares the `<key>` at `position` from its attributes; returns its index, or nil (after
    /// reporting every problem) when it is not added.
    mutating func declare(
        _ attributes: [String: String], at position: XMLPosition,
        locator: inout GraphMLLocator
    ) -> Int? {
        var ok = true
        guard let id = attributes["id"] else {
            locator.report(element: position, "<key> without an id attribute")
            return nil
        }
        if let previous = index[id] {
            let first = locator.location(ofElement: keys[previous].position)
            locator.report(attribute: "id", of: position, "key '\(id)' is declared twice (first at line \(first.line))")
            ok = false
        }
        let scope = attributes["for"] ?? "all"
        if !["node", "edge", "graph", "graphml", "all", "hyperedge", "port", "endpoint"].contains(scope) {
            locator.report(attribute: "for", of: position, "for=\"\(scope)\" is not one of node, edge, graph, graphml, all")
            ok = false
        }
        var type = GraphMLValueType.string
        var name = attributes["attr.name"] ?? id
        if let yfiles = attributes["yfiles.type"] {
            type = .yfiles
            name = attributes["attr.name"] ?? yfiles
        } else if let attrType = attributes["attr.type"] {
            if let t = GraphMLValueType(attrType: attrType) {
                type = t
            } else {
                locator.report(
                    attribute: "attr.type", of: position,
                    "attr.type=\"\(attrType)\" is not one of boolean, int, long, float, double, string")
                ok = false
            }
        }
        guard ok else { return nil }
        index[id] = keys.count
        keys.append(
            GraphMLKey(id: id, name: name, type: type, attrType: attributes["attr.type"] ?? type.name, scope: scope, defaultValue: nil, position: position))
        return keys.count - 1
    }

    /// Parses the text of key `key`'s `<default>` (at `position`) as its type.
    mutating func setDefault(of key: Int, text: String, at position: XMLPosition, locator: inout GraphMLLocator) {
        let declared = keys[key]
        guard declared.type != .yfiles else { return }
        switch declared.type.parse(text) {
        case .success(let value): keys[key].defaultValue = value
        case .failure(let problem):
            locator.report(
                content: position,
                "<default>: " + problem.message(type: declared.type, attrType: declared.attrType, key: declared.id))
        }
    }

    /// Notes a `<data>` at `position` naming `id`, which no key declares so far.
    mutating func noteUnknownUse(of id: String, at position: XMLPosition) {
        unknownUses.append((id, position))
    }

    /// Reports every `<data>` whose key was declared late or never.
    mutating func reportUnknownUses(locator: inout GraphMLLocator) {
        for use in unknownUses {
            if let k = index[use.key] {
                let declared = locator.location(ofElement: keys[k].position)
                locator.report(
                    attribute: "key", of: use.position,
                    "key '\(use.key)' is used before it is declared (line \(declared.line)); GraphML requires every <key> before the <graph>")
            } else {
                locator.report(attribute: "key", of: use.position, "<data> names key '\(use.key)', which no <key> declares")
            }
        }
        unknownUses = []
    }
}
