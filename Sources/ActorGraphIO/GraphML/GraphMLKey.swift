import ActorGraphCore

/// The value type of a GraphML `<key>` (`attr.type`).
enum GraphMLValueType: Equatable {
    case int, double, bool, string
    /// A yEd key (`yfiles.type`): its data holds yEd graphics elements, read only for labels.
    case yfiles

    /// `attr.type` as GraphML and networkx spell it. `integer` is accepted because Gephi writes it.
    init?(attrType: String) {
        switch attrType {
        case "int", "long", "integer": self = .int
        case "float", "double": self = .double
        case "boolean": self = .bool
        case "string": self = .string
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .int: "int"
        case .double: "double"
        case .bool: "boolean"
        case .string: "string"
        case .yfiles: "yfiles"
        }
    }

    /// Parses `text` as a value of this type, or returns why it cannot.
    ///
    /// Numbers and booleans may have surrounding XML whitespace (as Python's `int`/`float` allow);
    /// strings are kept exactly. Booleans are `true`/`false`/`1`/`0` in any case (networkx writes
    /// `True`/`False`).
    func parse(_ text: String) -> Result<AttributeValue, ValueProblem> {
        switch self {
        case .string, .yfiles:
            return .success(.string(text))
        case .int:
            let t = trimmed(text)
            if t.isEmpty { return .failure(.empty) }
            if let i = Int(t) { return .success(.int(i)) }
            let digits = t.utf8.first == 0x2B || t.utf8.first == 0x2D ? t.utf8.dropFirst() : t.utf8[...]
            if !digits.isEmpty && digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                return .failure(.outOfRange(t))
            }
            return .failure(.notA(t))
        case .double:
            let t = trimmed(text)
            if t.isEmpty { return .failure(.empty) }
            // Double(String) also takes hexadecimal forms ("0x1p3"); Python's float() does not.
            if !t.utf8.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") }), let d = Double(t) {
                return .success(.double(d))
            }
            return .failure(.notA(t))
        case .bool:
            let t = trimmed(text)
            if t.isEmpty { return .failure(.empty) }
            switch t.lowercased() {
            case "true", "1": return .success(.bool(true))
            case "false", "0": return .success(.bool(false))
            default: return .failure(.notA(t))
            }
        }
    }

    /// `s` without leading and trailing XML whitespace (space, tab, CR, LF).
    private func trimmed(_ s: String) -> Substring {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        let u = s.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end && isSpace(u[start]) { start = u.index(after: start) }
        while end > start && isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        return s[start..<end]
    }
}

/// Why a `<data>` or `<default>` text is not a value of its key's type.
enum ValueProblem: Error {
    case empty
    case notA(Substring)
    case outOfRange(Substring)

    /// The message; `attrType` is the key's `attr.type` as written.
    func message(type: GraphMLValueType, attrType: String, key: String) -> String {
        switch self {
        case .empty:
            return "empty value for key '\(key)' (attr.type \"\(attrType)\")"
        case .notA(let text):
            let what: String
            switch type {
            case .int: what = "an integer"
            case .double: what = "a number"
            case .bool: what = "a boolean (true, false, 1 or 0)"
            case .string, .yfiles: what = "text"
            }
            return "'\(text)' is not \(what), as key '\(key)' requires (attr.type \"\(attrType)\")"
        case .outOfRange(let text):
            return "'\(text)' does not fit in a 64-bit integer (key '\(key)', attr.type \"\(attrType)\")"
        }
    }
}

/// What kinds of element a key applies to (`for`).
enum GraphMLDomain: String {
    case graphml, graph, node, edge
}

/// A declared `<key>`.
struct GraphMLKey {
    let id: String
    let name: String
    let type: GraphMLValueType
    /// `attr.type` as written (`string` when absent), for messages.
    let attrType: String
    /// The `for` attribute: "node", "edge", "graph", "graphml", "all", "hyperedge", "port", "endpoint".
    let scope: String
    var defaultValue: AttributeValue?
    let position: XMLPosition

    func applies(to domain: GraphMLDomain) -> Bool {
        scope == "all" || scope == domain.rawValue
    }
}
