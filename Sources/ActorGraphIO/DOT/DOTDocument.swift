/// A DOT graph as data: attributes, clusters, nodes and edges, printed by ``text`` with every
/// id and value escaped (``DOTEscaping``).
///
/// Printing is deterministic: statements appear in the order they were added, attributes in
/// the order given, numbers in a fixed short form, so DOT output can be golden-tested.
public struct DOTDocument: Hashable, Sendable {
    /// An attribute value and how it is escaped.
    public enum Value: Hashable, Sendable {
        /// Displayed text (labels, tooltips): escaped with ``DOTEscaping/text(_:)``.
        case text(String)
        /// A plain value (colour, shape, style, number): escaped with ``DOTEscaping/quoted(_:)``.
        case plain(String)
        /// An HTML-like label, written `<...>` verbatim. Build it from trusted markup and
        /// ``DOTEscaping/html(_:)``-escaped text only.
        case html(String)

        /// A number written with at most 3 decimals and no trailing zeros.
        public static func number(_ value: Double) -> Value { .plain(DOTDocument.number(value)) }
    }

    /// `name=value`.
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: Value
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    public struct Node: Hashable, Sendable {
        public var id: String
        public var attributes: [Attribute]
        public init(id: String, attributes: [Attribute] = []) {
            self.id = id
            self.attributes = attributes
        }
    }

    public struct Edge: Hashable, Sendable {
        public var source: String
        public var target: String
        public var attributes: [Attribute]
        public init(source: String, target: String, attributes: [Attribute] = []) {
            self.source = source
            self.target = target
            self.attributes = attributes
        }
    }

    /// A subgraph; its name starts with `cluster` when Graphviz should draw it as a box.
    public struct Subgraph: Hashable, Sendable {
        public var name: String
        public var attributes: [Attribute]
        public var nodes: [Node]
        public init(name: String, attributes: [Attribute] = [], nodes: [Node] = []) {
            self.name = name
            self.attributes = attributes
            self.nodes = nodes
        }
    }

    public var name: String
    public var isDirected: Bool
    public var graphAttributes: [Attribute] = []
    public var nodeDefaults: [Attribute] = []
    public var edgeDefaults: [Attribute] = []
    public var subgraphs: [Subgraph] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init(name: String = "G", isDirected: Bool) {
        self.name = name
        self.isDirected = isDirected
    }

    /// The DOT text.
    /// - Complexity: O(size of the document).
    public var text: String {
        var out = (isDirected ? "digraph " : "graph ") + DOTEscaping.quoted(name) + " {\n"
        func list(_ attributes: [Attribute]) -> String {
            attributes.map { DOTEscaping.name($0.name) + "=" + DOTDocument.value($0.value) }.joined(separator: ", ")
        }
        for a in graphAttributes { out += "  " + DOTEscaping.name(a.name) + "=" + DOTDocument.value(a.value) + ";\n" }
        if !nodeDefaults.isEmpty { out += "  node [" + list(nodeDefaults) + "];\n" }
        if !edgeDefaults.isEmpty { out += "  edge [" + list(edgeDefaults) + "];\n" }
        func node(_ n: Node, indent: String) -> String {
            indent + DOTEscaping.quoted(n.id) + (n.attributes.isEmpty ? "" : " [" + list(n.attributes) + "]") + ";\n"
        }
        // Each subgraph sits in an anonymous `{ }` block. Graphviz (cgraph) orders named
        // subgraphs by the address of their interned name, so in a long-running process the same
        // text could be laid out with its clusters in another order; anonymous subgraphs are
        // ordered as they appear, and layouts find clusters inside them.
        for s in subgraphs {
            out += "  {\n    subgraph " + DOTEscaping.quoted(s.name) + " {\n"
            for a in s.attributes { out += "      " + DOTEscaping.name(a.name) + "=" + DOTDocument.value(a.value) + ";\n" }
            for n in s.nodes { out += node(n, indent: "      ") }
            out += "    }\n  }\n"
        }
        for n in nodes { out += node(n, indent: "  ") }
        let arrow = isDirected ? " -> " : " -- "
        for e in edges {
            out +=
                "  " + DOTEscaping.quoted(e.source) + arrow + DOTEscaping.quoted(e.target)
                + (e.attributes.isEmpty ? "" : " [" + list(e.attributes) + "]") + ";\n"
        }
        out += "}\n"
        return out
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .text(let s): return DOTEscaping.text(s)
        case .plain(let s): return DOTEscaping.quoted(s)
        case .html(let s): return "<" + s + ">"
        }
    }

    /// `3`, `2.5`, `0.125`: at most 3 decimals, no trailing zeros, no exponent.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 1000).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        var text = String(magnitude / 1000)
        var fraction = magnitude % 1000
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.last == "0" { digits.removeLast(); fraction /= 10 }
            text += "." + digits
        }
        return (negative ? "-" : "") + text
    }
}
