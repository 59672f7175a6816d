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
    /// This walker's limit (``visitLimit`` unless a test sets a smaller one).
    let visitLimit: Int

    init(file: String, visitLimit: Int = NodeWalker.visitLimit) {
        self.file = file
        self.visitLimit = visitLimit
    }

    mutating func error(_ node: Node?, _ message: String) {
        let mark = node?.mark
        diagnostics.append(Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Counts a visit to `node`; false once the file has expanded past the limit (reported
    /// once, at the node where the reading stopped).
    mutating func visit(_ node: Node? = nil) -> Bool {
        visited += 1
        if visited == visitLimit {
            error(node, "the document expands to more than \(visitLimit) nodes through its aliases (*name); stopped reading here")
        }
        return visited < visitLimit
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : YAMLSyntaxLocation.quoted(s.string)
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
        guard visit(node) else { return nil }
        guard case .mapping(let m) = node else {
            error(node, "expected \(what) as a mapping with keys \(required.joined(separator: ", ")), found \(NodeWalker.describe(node))")
            return nil
        }
        var result: [String: Node] = [:]
        var present = Set<String>()
        // Explicit keys first, then merged ones (`<<: *base`), which never override them.
        let (explicit, merged) = mergeParts(m)
        for (k, v, isMerged) in explicit.map({ ($0.0, $0.1, false) }) + merged.map({ ($0.0, $0.1, true) }) {
            guard case .scalar(let key) = k else {
                error(k, "expected a key name in \(what), found \(NodeWalker.describe(k))")
                continue
            }
            if !allowed.contains(key.string) {
                let close = allowed.min { editDistance($0, key.string) < editDistance($1, key.string) }
                let hint = close.map { editDistance($0, key.string) <= 2 ? " (did you mean '\($0)'?)" : "" } ?? ""
                error(k, "unknown key \(YAMLSyntaxLocation.quoted(key.string)) in \(what)\(hint); allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            if present.contains(key.string) {
                // A merged key under an explicit (or earlier merged) one is an override, not a duplicate.
                if !isMerged { error(k, "duplicate key '\(key.string)' in \(what)") }
                continue
            }
            present.insert(key.string)
            if NodeWalker.isNull(v) { continue }
            result[key.string] = v
        }
        for key in required where result[key] == nil {
            error(node, "\(what) is missing required key '\(key)'")
        }
        return result
    }

    /// The mapping's own pairs, and the pairs its merge keys (`<<: *base`, `<<: [*a, *b]`) bring
    /// in, in precedence order: YAML's merge rule, where explicit keys win and, in a list, earlier
    /// mappings win over later ones. A merge value that is not a mapping (or list of them) is an
    /// error. Merges nest (a base may merge another), at most 20 deep.
    mutating func mergeParts(_ m: Node.Mapping, depth: Int = 0) -> (explicit: [(Node, Node)], merged: [(Node, Node)]) {
        var explicit: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (k, v) in m {
            guard case .scalar(let key) = k, key.string == "<<", key.style == .plain || key.style == .any else {
                explicit.append((k, v))
                continue
            }
            let sources: [Node]
            switch v {
            case .mapping: sources = [v]
            case .sequence(let list): sources = Array(list)
            default: sources = []
            }
            for source in sources {
                guard visit(source) else { break }
                guard case .mapping(let base) = source, depth < 20 else {
                    error(
                        source,
                        depth < 20
                            ? "a merge key '<<' takes a mapping or a list of mappings, found \(NodeWalker.describe(source))"
                            : "merge keys '<<' nest more than 20 deep")
                    continue
                }
                let (own, inner) = mergeParts(base, depth: depth + 1)
                merged += own + inner
            }
            if sources.isEmpty {
                error(v, "a merge key '<<' takes a mapping or a list of mappings, found \(NodeWalker.describe(v))")
            }
        }
        return (explicit, merged)
    }

    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case .sequence(let s) = node else {
            error(node, "expected \(what) as a list, found \(NodeWalker.describe(node))")
            return nil
        }
        return Array(s)
    }

    /// A text value. Numbers and dates written unquoted are accepted as their text.
    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard visit(node) else { return nil }
        guard case .scalar(let s) = node else {
            error(node, "expected \(what) as text, found \(NodeWalker.describe(node))")
            return nil
        }
        return s.string
    }

    /// A number written as a plain (unquoted) scalar.
    mutating func number(_ node: Node?, what: String) -> Double? {
        guard let node else { return nil }
        guard visit(node) else { return nil }
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let d = Double(s.string) else {
            error(node, "expected \(what) as a number, found \(NodeWalker.describe(node))")
            return nil
        }
        guard d.isFinite else {
            // Double("1e400") is infinity: a number, but beyond what a Double holds.
            var written = Substring(s.string.lowercased())
            if written.first == "+" || written.first == "-" { written = written.dropFirst() }
            let infinite = written == "inf" || written == "infinity"
            error(
                node,
                infinite || d.isNaN
                    ? "expected \(what) as a finite number, found \(NodeWalker.describe(node))"
                    : "\(what) \(NodeWalker.describe(node)) is out of range (beyond ±1.8e308)")
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
