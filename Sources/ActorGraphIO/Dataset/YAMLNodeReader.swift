internal import ActorGraphCore
internal import Yams

/// Walks a Yams node tree while collecting located diagnostics, so a reader can report every
/// problem in a file at once rather than stopping at the first.
struct NodeWalker {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes visited so far; bounded because YAML aliases (`*a`) come back as the anchored node
    /// itself, so a "billion laughs" file would otherwise multiply the work.
    private var visited = 0
    static let visitLimit = 5_000_000

    init(file: String) { self.file = file }

    mutating func error(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Counts a visit; false once the file has expanded past the limit (reported once).
    mutating func visit() -> Bool {
        visited += 1
        if visited == NodeWalker.visitLimit {
            error(line: 1, column: 1, "the document expands to more than \(NodeWalker.visitLimit) nodes (aliases?); stopped reading")
        }
        return visited < NodeWalker.visitLimit
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// True for `~`, `null`, `Null`, `NULL` and an empty plain scalar (YAML's null).
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The entries of a mapping, checking keys against `allowed` and `required`. Duplicate keys
    /// and unknown keys are errors (with a suggestion for likely typos).
    mutating func mapping(_ node: Node, what: String, allowed: [String], required: [String]) -> [String: Node]? {
        guard visit() else { return nil }
        guard case .mapping(let m) = node else {
            error(node, "expected \(what) as a mapping with keys \(required.joined(separator: ", ")), found \(NodeWalker.describe(node))")
            return nil
        }
        var result: [String: Node] = [:]
        for (k, v) in m {
            guard case .scalar(let key) = k else {
                error(k, "expected a key name in \(what), found \(NodeWalker.describe(k))")
                continue
            }
            if !allowed.contains(key.string) {
                let close = allowed.min { editDistance($0, key.string) < editDistance($1, key.string) }
                let hint = close.map { editDistance($0, key.string) <= 2 ? " (did you mean '\($0)'?)" : "" } ?? ""
                error(k, "unknown key '\(key.string)' in \(what)\(hint); allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            if result[key.string] != nil {
                error(k, "duplicate key '\(key.string)' in \(what)")
                continue
            }
            if NodeWalker.isNull(v) { continue }
            result[key.string] = v
        }
        for key in required where result[key] == nil {
            error(node, "\(what) is missing required key '\(key)'")
        }
        return result
    }

    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard visit() else { return nil }
        guard case .sequence(let s) = node else {
            error(node, "expected \(what) as a list, found \(NodeWalker.describe(node))")
            return nil
        }
        return Array(s)
    }

    /// A text value. Numbers and dates written unquoted are accepted as their text.
    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard visit() else { return nil }
        guard case .scalar(let s) = node else {
            error(node, "expected \(what) as text, found \(NodeWalker.describe(node))")
            return nil
        }
        return s.string
    }

    /// A number written as a plain (unquoted) scalar.
    mutating func number(_ node: Node?, what: String) -> Double? {
        guard let node else { return nil }
        guard visit() else { return nil }
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let d = Double(s.string), d.isFinite else {
            error(node, "expected \(what) as a number, found \(NodeWalker.describe(node))")
            return nil
        }
        return d
    }

    /// A list of texts; a single text is accepted where a list is expected only if `allowSingle`.
    mutating func strings(_ node: Node?, what: String) -> [(String, Node)]? {
        guard let node else { return nil }
        guard let items = sequence(node, what: what) else { return nil }
        var result: [(String, Node)] = []
        for item in items {
            if let s = string(item, what: "each of \(what)") { result.append((s, item)) }
        }
        return result
    }
}
