import ActorGraphCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The GraphML namespace networkx and yEd write.
let graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

/// One pass of Foundation's `XMLParser` over a GraphML document, building the graph as it goes.
///
/// Nodes are added in document order as they are declared; edges are kept aside and added after
/// the last node, the way networkx reads (all `<node>`s, then all `<edge>`s), so nodes that only
/// edges name come last, in order of first mention. Problems are collected, not thrown, so one
/// reading reports all of them; a malformed-XML error stops the reading (later events from
/// libxml2's recovery are not trusted).
final class GraphMLParser: NSObject, XMLParserDelegate {
    /// At most this many diagnostics; then one more saying the reading stopped.
    static let diagnosticLimit = 100

    private let file: String
    private var source: SourceText
    private var xmlParser: XMLParser?

    // Diagnostics.
    private(set) var diagnostics: [Diagnostic] = []
    private var stopped = false
    /// `<data>` naming an undeclared key: resolved at the end, in case the key is declared later.
    private var unknownKeyUses: [(key: String, position: XMLPosition)] = []

    // Keys.
    private var keys: [GraphMLKey] = []
    private var keyIndex: [String: Int] = [:]

    // Element stack.
    private enum Frame {
        case graphml
        case key(Int)
        case keyDefault(Int, XMLPosition)
        case graph
        case node(NodeID)
        case edge(Int)
        case data(DataFrame)
        /// An element inside yEd data; `label` when it is a `y:NodeLabel`/`y:EdgeLabel`.
        case yfilesChild(label: Bool)
    }
    /// The element a value belongs to.
    private enum Owner {
        case graphml, graph
        case node(NodeID)
        case edge(Int)

        var domain: GraphMLDomain {
            switch self {
            case .graphml: .graphml
            case .graph: .graph
            case .node: .node
            case .edge: .edge
            }
        }
    }
    private struct DataFrame {
        let key: Int
        let owner: Owner
        let position: XMLPosition
        /// Set once a problem inside this `<data>` is reported, so its value is not stored.
        var failed = false
        /// The text of the first yEd label inside, for yEd keys.
        var label: String?
        var domain: GraphMLDomain { owner.domain }
    }
    private var stack: [Frame] = []
    /// Open elements by qualified name and position, for mismatched-tag messages.
    private var openElements: [(name: String, position: XMLPosition)] = []
    /// > 0 while inside a subtree that is ignored (foreign namespace, or already reported).
    private var skipDepth = 0
    private var rootSeen = false
    private var rootPosition: XMLPosition?

    // Text being collected (inside `<data>`, `<default>` or a yEd label).
    private var collecting = false
    private var text = ""

    // The graph.
    private var graphCount = 0
    private(set) var graphID: String?
    private var graphPosition: XMLPosition?
    private(set) var isDirected = false
    private var builder = GraphBuilder(directed: false)
    private var nodePositions: [XMLPosition] = []
    private var edgeSources: [String] = []
    private var edgeTargets: [String] = []
    /// The line of each `<edge>` element, for errors about an edge found by an analysis.
    private var edgeLines = ContiguousArray<Int32>()

    // Attribute slots: one per attribute name and element kind.
    private var nodeSlotIndex: [String: Int] = [:]
    private var nodeSlotNames: [String] = []
    private var edgeSlotIndex: [String: Int] = [:]
    private var edgeSlotNames: [String] = []
    private var edgeNumeric: [ContiguousArray<Double>] = []
    private var edgeHasNumeric: [Bool] = []
    private var edgeText: [[String?]] = []
    private var edgeHasText: [Bool] = []
    private(set) var graphAttributes: [String: AttributeValue] = [:]

    /// Slots (and the key that filled each; -1 for the edge's `id` attribute) already given a
    /// value in the current element of each kind: duplicates are errors and defaults fill the rest.
    private var nodeSeen: [(slot: Int, key: Int)] = []
    private var edgeSeen: [(slot: Int, key: Int)] = []
    private var graphSeen: [(slot: Int, key: Int)] = []
    private var graphSlotNames: [String] = []
    private var graphSlotIndex: [String: Int] = [:]

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.source = SourceText(bytes)
    }

    struct Output {
        let graph: Graph
        let graphID: String?
        let graphAttributes: [String: AttributeValue]
    }

    /// Parses the whole document; throws ``InputError`` with every problem found.
    func run() throws -> Output {
        // Entities would be expanded in attributes but dropped from text: refused, located.
        let entities = EntityDeclarationScan.declarations(in: source.bytes)
        if !entities.isEmpty {
            for offset in entities {
                let (line, column) = source.location(ofOffset: offset)
                report(line: line, column: column,
                       "\(EntityDeclarationScan.describe(in: source.bytes, at: offset)) declared: entity declarations are not supported (element text would lose them); write the text itself (&amp;, &lt;, &#NNN; are fine)")
            }
            throw InputError(diagnostics)
        }
        // UTF-8 only: libxml2 crashes on some other encodings (GraphMLEncodingCheck).
        if let (offset, message) = GraphMLEncodingCheck.problem(in: source.bytes) {
            let (line, column) = source.location(ofOffset: offset)
            report(line: line, column: column, message)
            throw InputError(diagnostics)
        }
        // Foundation's XMLParser crashes on `<?target?>` (ProcessingInstructionScan).
        let bare = ProcessingInstructionScan.withoutData(in: source.bytes)
        if !bare.isEmpty {
            for offset in bare {
                let (line, column) = source.location(ofOffset: offset)
                report(line: line, column: column, "a processing instruction without data (<?name?>) is not supported; remove it")
            }
            throw InputError(diagnostics)
        }
        // A stream, not `XMLParser(data:)`: on Linux the latter fails with libxml2 error 1 on any
        // input of more than 10,000,000 bytes (libxml2's lookup limit; measured with Swift 6.3.1).
        let parser = XMLParser(stream: InputStream(data: Data(source.bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        xmlParser = parser
        let ok = parser.parse()
        xmlParser = nil
        if !stopped && !openElements.isEmpty {
            // libxml2 does not always report an unclosed element at the end of the input.
            let open = openElements.last!
            let opened = source.location(ofOffset: tagStart(open.position))
            let end = source.location(ofOffset: source.bytes.count)
            report(line: end.line, column: end.column,
                   "malformed XML: the document ends inside <\(open.name)> opened at line \(opened.line)")
            stopped = true
        } else if !ok && !stopped && diagnostics.isEmpty && rootSeen {
            report(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), "malformed XML")
            stopped = true
        }
        if !stopped {
            finishUnknownKeys()
            if !rootSeen && diagnostics.isEmpty {
                report(line: 1, column: 1, "the file holds no XML elements; expected a <graphml> document")
            } else if rootSeen && graphCount == 0 && diagnostics.isEmpty {
                report(element: rootPosition ?? XMLPosition(line: 1, column: 1), "the document has no <graph> element")
            }
        }
        if !diagnostics.isEmpty {
            throw InputError(Diagnostic.inFileOrder(diagnostics))
        }
        var builder = self.builder
        let declaredNodes = builder.nodeCount
        builder.reserveCapacity(nodes: builder.nodeCount, edges: edgeSources.count)
        for i in edgeSources.indices {
            builder.addEdge(from: edgeSources[i], to: edgeTargets[i])
        }
        builder.setOrigin(GraphOrigin(file: file, edgeLines: edgeLines))
        // Nodes that only edges name get the node defaults too.
        if builder.nodeCount > declaredNodes {
            var given: Set<String> = []
            for key in keys where key.type != .yfiles && key.applies(to: .node) {
                guard let value = key.defaultValue, given.insert(key.name).inserted else { continue }
                for node in declaredNodes..<builder.nodeCount {
                    builder.setNodeAttribute(NodeID(node), key.name, value)
                }
            }
        }
        let m = edgeSources.count
        if m > 0 {
            for slot in edgeSlotNames.indices {
                let name = edgeSlotNames[slot]
                if edgeHasNumeric[slot] {
                    let column = edgeNumeric[slot]
                    // Setting the last edge first creates the whole column (nan where missing).
                    builder.setEdgeAttribute(EdgeID(m - 1), name, m - 1 < column.count ? column[m - 1] : .nan)
                    for (i, value) in column.enumerated() where !value.isNaN {
                        builder.setEdgeAttribute(EdgeID(i), name, value)
                    }
                }
                if edgeHasText[slot] {
                    for (i, value) in edgeText[slot].enumerated() {
                        if let value { builder.setEdgeText(EdgeID(i), name, value) }
                    }
                }
            }
        }
        return Output(graph: builder.build(), graphID: graphID, graphAttributes: graphAttributes)
    }

    // MARK: Diagnostics

    private func report(line: Int, column: Int, _ message: String) {
        guard !stopped else { return }
        if diagnostics.count >= Self.diagnosticLimit {
            diagnostics.append(Diagnostic(file: file, line: line, column: column,
                                          message: "too many problems (more than \(Self.diagnosticLimit)); stopped reading here"))
            stopped = true
            xmlParser?.abortParsing()
            return
        }
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Offset of the `<` that opens the element the parser reported at `position`.
    private func tagStart(_ position: XMLPosition) -> Int {
        guard !source.bytes.isEmpty else { return 0 }
        var i = min(source.offset(line: position.line, column: position.column), source.bytes.count - 1)
        if i > 0 && source.bytes[i] == UInt8(ascii: "<") { i -= 1 }
        while i > 0 && source.bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    /// Reports at the `<` of the element.
    private func report(element position: XMLPosition, _ message: String) {
        let (line, column) = source.location(ofOffset: tagStart(position))
        report(line: line, column: column, message)
    }

    /// Reports at the attribute `name` of the element (at the element when it is absent).
    private func report(attribute name: String, of position: XMLPosition, _ message: String) {
        let start = tagStart(position)
        let bytes = source.bytes
        let target = Array(name.utf8)
        var i = start + 1
        var quote: UInt8 = 0
        var found = start
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            } else if (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D), i + 1 + target.count <= bytes.count,
                      Array(bytes[(i + 1)..<(i + 1 + target.count)]) == target {
                var j = i + 1 + target.count
                while j < bytes.count && (bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D) { j += 1 }
                if j < bytes.count && bytes[j] == UInt8(ascii: "=") { found = i + 1; break }
            }
            i += 1
        }
        let (line, column) = source.location(ofOffset: found)
        report(line: line, column: column, message)
    }

    /// Reports at the first character after the element's start tag (where its text begins).
    private func report(content position: XMLPosition, _ message: String) {
        let bytes = source.bytes
        var i = tagStart(position) + 1
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                i += 1
                break
            }
            i += 1
        }
        // Skip leading whitespace, so the column points at the offending text itself.
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
        let (line, column) = source.location(ofOffset: i)
        report(line: line, column: column, message)
    }

    private var here: XMLPosition {
        XMLPosition(line: xmlParser?.lineNumber ?? 1, column: xmlParser?.columnNumber ?? 1)
    }

    private func finishUnknownKeys() {
        for use in unknownKeyUses {
            if let k = keyIndex[use.key] {
                let declared = source.location(ofOffset: tagStart(keys[k].position))
                report(attribute: "key", of: use.position,
                       "key '\(use.key)' is used before it is declared (line \(declared.line)); GraphML requires every <key> before the <graph>")
            } else {
                report(attribute: "key", of: use.position, "<data> names key '\(use.key)', which no <key> declares")
            }
        }
        unknownKeyUses = []
    }

    // MARK: Slots

    private func edgeSlot(_ name: String) -> Int {
        if let s = edgeSlotIndex[name] { return s }
        let s = edgeSlotNames.count
        edgeSlotNames.append(name)
        edgeSlotIndex[name] = s
        edgeNumeric.append([])
        edgeHasNumeric.append(false)
        edgeText.append([])
        edgeHasText.append(false)
        return s
    }

    private func nodeSlot(_ name: String) -> Int {
        if let s = nodeSlotIndex[name] { return s }
        let s = nodeSlotNames.count
        nodeSlotNames.append(name)
        nodeSlotIndex[name] = s
        return s
    }

    private func graphSlot(_ name: String) -> Int {
        if let s = graphSlotIndex[name] { return s }
        let s = graphSlotNames.count
        graphSlotNames.append(name)
        graphSlotIndex[name] = s
        return s
    }

    private func setEdgeValue(_ edge: Int, slot: Int, _ value: AttributeValue) {
        switch value {
        case .string(let s):
            if edgeText[slot].count <= edge {
                edgeText[slot].append(contentsOf: repeatElement(nil, count: edge + 1 - edgeText[slot].count))
            }
            edgeText[slot][edge] = s
            edgeHasText[slot] = true
        default:
            if edgeNumeric[slot].count <= edge {
                edgeNumeric[slot].append(contentsOf: repeatElement(.nan, count: edge + 1 - edgeNumeric[slot].count))
            }
            edgeNumeric[slot][edge] = value.number!
            edgeHasNumeric[slot] = true
        }
    }

    /// Stores a value of `key` (or the label of a yEd key, `-1` for an edge id) on the element
    /// at the top of the stack. Returns false (after reporting) for a second value of one name.
    private func store(_ value: AttributeValue, name: String, key: Int, owner: Owner,
                       position: XMLPosition) {
        let domain = owner.domain
        func duplicate(_ seen: [(slot: Int, key: Int)], _ slot: Int) -> Bool {
            guard let first = seen.first(where: { $0.slot == slot }) else { return false }
            let by = first.key >= 0 ? "key '\(keys[first.key].id)'" : "the edge's id attribute"
            let now = key >= 0 ? "key '\(keys[key].id)'" : "the edge's id attribute"
            report(element: position, first.key == key
                   ? "a second value of '\(name)' for this \(domain.rawValue) (\(now))"
                   : "a second value of '\(name)' for this \(domain.rawValue): \(now), after \(by)")
            return true
        }
        switch owner {
        case .node(let node):
            let slot = nodeSlot(name)
            if duplicate(nodeSeen, slot) { return }
            nodeSeen.append((slot, key))
            builder.setNodeAttribute(node, name, value)
        case .edge(let edge):
            let slot = edgeSlot(name)
            if duplicate(edgeSeen, slot) { return }
            edgeSeen.append((slot, key))
            setEdgeValue(edge, slot: slot, value)
        case .graph:
            let slot = graphSlot(name)
            if duplicate(graphSeen, slot) { return }
            graphSeen.append((slot, key))
            graphAttributes[name] = value
        case .graphml:
            // Shares the graph's list: both land in `graphAttributes`.
            let slot = graphSlot(name)
            if duplicate(graphSeen, slot) { return }
            graphSeen.append((slot, key))
            graphAttributes[name] = value
        }
    }

    /// Gives the current element of `domain` the defaults of the keys it has no data for.
    private func applyDefaults(_ owner: Owner) {
        let domain = owner.domain
        for (k, key) in keys.enumerated() where key.defaultValue != nil && key.type != .yfiles && key.applies(to: domain) {
            let seen: [(slot: Int, key: Int)]
            let slot: Int
            switch domain {
            case .node: seen = nodeSeen; slot = nodeSlot(key.name)
            case .edge: seen = edgeSeen; slot = edgeSlot(key.name)
            case .graph: seen = graphSeen; slot = graphSlot(key.name)
            case .graphml: return
            }
            if !seen.contains(where: { $0.slot == slot }) {
                store(key.defaultValue!, name: key.name, key: k, owner: owner, position: key.position)
            }
        }
    }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if stopped { return }
        let position = here
        openElements.append((qualifiedName ?? elementName, position))
        if skipDepth > 0 { skipDepth += 1; return }
        let inGraphML = namespaceURI == nil || namespaceURI!.isEmpty || namespaceURI!.hasPrefix(graphMLNamespace)

        // Inside yEd data: look for labels, ignore the rest.
        if case .data(var frame)? = stack.last {
            if keys[frame.key].type == .yfiles {
                let isLabel = !inGraphML && (elementName == "NodeLabel" || elementName == "EdgeLabel") && frame.label == nil
                stack.append(.yfilesChild(label: isLabel))
                if isLabel { collecting = true; text = "" }
                return
            }
            if !frame.failed {
                report(element: position, "<data key=\"\(keys[frame.key].id)\"> holds an element <\(qualifiedName ?? elementName)>; a \(keys[frame.key].type.name) value must be plain text")
                frame.failed = true
                stack[stack.count - 1] = .data(frame)
            }
            collecting = false
            skipDepth = 1
            return
        }
        if case .yfilesChild? = stack.last {
            let labelOpen = stack.contains { if case .yfilesChild(true) = $0 { true } else { false } }
            // A label's text is what precedes its first child element (ElementTree's `.text`,
            // which networkx reads).
            if labelOpen { collecting = false }
            var labelTaken = false
            if let d = stack.lastIndex(where: { if case .data = $0 { true } else { false } }),
               case .data(let frame) = stack[d] { labelTaken = frame.label != nil }
            let isLabel = !labelOpen && !labelTaken && !inGraphML && (elementName == "NodeLabel" || elementName == "EdgeLabel")
            stack.append(.yfilesChild(label: isLabel))
            if isLabel { collecting = true; text = "" }
            return
        }

        if !rootSeen {
            rootSeen = true
            guard inGraphML && elementName == "graphml" else {
                report(element: position, "not a GraphML document: the root element is <\(qualifiedName ?? elementName)>, expected <graphml>")
                stopped = true
                parser.abortParsing()
                return
            }
            stack.append(.graphml)
            rootPosition = position
            return
        }
        guard inGraphML else {
            // Extensions in other namespaces (yEd, custom): ignored with everything inside them.
            skipDepth = 1
            return
        }

        let parent = stack.last
        switch elementName {
        case "key":
            guard case .graphml? = parent else { return misplaced(elementName, position) }
            startKey(attributes, position)
        case "default":
            guard case .key(let k)? = parent else { return misplaced(elementName, position) }
            stack.append(.keyDefault(k, position))
            collecting = true
            text = ""
        case "graph":
            switch parent {
            case .graphml?:
                startGraph(attributes, position)
            case .node?, .edge?:
                report(element: position, "nested graphs (a <graph> inside a <\(parent.map(frameName) ?? "")>, as yEd writes for groups) are not supported; flatten the graph first")
                skipDepth = 1
            default:
                misplaced(elementName, position)
            }
        case "node":
            guard case .graph? = parent else { return misplaced(elementName, position) }
            startNode(attributes, position)
        case "edge":
            guard case .graph? = parent else { return misplaced(elementName, position) }
            startEdge(attributes, position)
        case "data":
            startData(attributes, position, parent: parent)
        case "desc":
            skipDepth = 1
        case "hyperedge":
            report(element: position, "hyperedges are not supported; only <edge> between two nodes")
            skipDepth = 1
        case "port":
            report(element: position, "ports are not supported; edges must join nodes directly")
            skipDepth = 1
        case "locator":
            report(element: position, "<locator> (a graph stored elsewhere) is not supported")
            skipDepth = 1
        default:
            report(element: position, "unknown GraphML element <\(elementName)>")
            skipDepth = 1
        }
    }

    private func frameName(_ frame: Frame) -> String {
        switch frame {
        case .graphml: "graphml"
        case .key: "key"
        case .keyDefault: "default"
        case .graph: "graph"
        case .node: "node"
        case .edge: "edge"
        case .data: "data"
        case .yfilesChild: "yEd element"
        }
    }

    private func misplaced(_ name: String, _ position: XMLPosition) {
        let inside = stack.last.map(frameName) ?? "the document"
        report(element: position, "<\(name)> is not allowed inside <\(inside)>")
        skipDepth = 1
    }

    private func startKey(_ attributes: [String: String], _ position: XMLPosition) {
        var ok = true
        guard let id = attributes["id"] else {
            report(element: position, "<key> without an id attribute")
            skipDepth = 1
            return
        }
        if let previous = keyIndex[id] {
            let first = source.location(ofOffset: tagStart(keys[previous].position))
            report(attribute: "id", of: position, "key '\(id)' is declared twice (first at line \(first.line))")
            ok = false
        }
        let scope = attributes["for"] ?? "all"
        if !["node", "edge", "graph", "graphml", "all", "hyperedge", "port", "endpoint"].contains(scope) {
            report(attribute: "for", of: position, "for=\"\(scope)\" is not one of node, edge, graph, graphml, all")
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
                report(attribute: "attr.type", of: position,
                       "attr.type=\"\(attrType)\" is not one of boolean, int, long, float, double, string")
                ok = false
            }
        }
        guard ok else { skipDepth = 1; return }
        keyIndex[id] = keys.count
        keys.append(GraphMLKey(id: id, name: name, type: type, attrType: attributes["attr.type"] ?? type.name, scope: scope, defaultValue: nil, position: position))
        stack.append(.key(keys.count - 1))
    }

    private func startGraph(_ attributes: [String: String], _ position: XMLPosition) {
        graphCount += 1
        if graphCount > 1 {
            let first = graphPosition.map { source.location(ofOffset: tagStart($0)).line } ?? 1
            report(element: position, "a second <graph>: only one graph per file is supported (the first is at line \(first))")
            skipDepth = 1
            return
        }
        graphPosition = position
        switch attributes["edgedefault"] {
        case nil, "undirected"?: isDirected = false
        case "directed"?: isDirected = true
        case let other?:
            report(attribute: "edgedefault", of: position, "edgedefault=\"\(other)\" is neither \"directed\" nor \"undirected\"")
        }
        builder = GraphBuilder(directed: isDirected)
        graphID = attributes["id"]
        graphSeen = []
        stack.append(.graph)
    }

    private func startNode(_ attributes: [String: String], _ position: XMLPosition) {
        guard let id = attributes["id"] else {
            report(element: position, "<node> without an id attribute")
            skipDepth = 1
            return
        }
        if let existing = builder.node(named: id) {
            let first = source.location(ofOffset: tagStart(nodePositions[existing.index]))
            report(attribute: "id", of: position, "node '\(id)' is declared twice (first at line \(first.line))")
            skipDepth = 1
            return
        }
        let node = builder.addNode(id)
        nodePositions.append(position)
        nodeSeen = []
        stack.append(.node(node))
    }

    private func startEdge(_ attributes: [String: String], _ position: XMLPosition) {
        var ok = true
        if let directed = attributes["directed"] {
            switch directed {
            case "true" where !isDirected:
                report(attribute: "directed", of: position,
                       "directed=\"true\" edge in an undirected graph: graphs mixing directed and undirected edges are not supported")
                ok = false
            case "false" where isDirected:
                report(attribute: "directed", of: position,
                       "directed=\"false\" edge in a directed graph: graphs mixing directed and undirected edges are not supported")
                ok = false
            case "true", "false":
                break
            default:
                report(attribute: "directed", of: position, "directed=\"\(directed)\" is neither \"true\" nor \"false\"")
                ok = false
            }
        }
        let source = attributes["source"], target = attributes["target"]
        if source == nil { report(element: position, "<edge> without a source attribute"); ok = false }
        if target == nil { report(element: position, "<edge> without a target attribute"); ok = false }
        guard ok, let source, let target else { skipDepth = 1; return }
        let edge = edgeSources.count
        edgeSources.append(source)
        edgeTargets.append(target)
        edgeLines.append(Int32(clamping: position.line))
        edgeSeen = []
        stack.append(.edge(edge))
        if let id = attributes["id"] {
            store(.string(id), name: "id", key: -1, owner: .edge(edge), position: position)
        }
    }

    private func startData(_ attributes: [String: String], _ position: XMLPosition, parent: Frame?) {
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
            report(element: position, "<data> without a key attribute")
            skipDepth = 1
            return
        }
        guard let k = keyIndex[keyID] else {
            unknownKeyUses.append((keyID, position))
            skipDepth = 1
            return
        }
        guard keys[k].applies(to: domain) else {
            report(attribute: "key", of: position,
                   "key '\(keyID)' is declared for=\"\(keys[k].scope)\", so it cannot be used on a <\(domain.rawValue)>")
            skipDepth = 1
            return
        }
        stack.append(.data(DataFrame(key: k, owner: owner, position: position)))
        collecting = keys[k].type != .yfiles
        text = ""
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if stopped { return }
        if !openElements.isEmpty { openElements.removeLast() }
        if skipDepth > 0 { skipDepth -= 1; return }
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .key:
            break
        case .graph:
            applyDefaults(.graph)
        case .graphml:
            break
        case .keyDefault(let k, let position):
            collecting = false
            let key = keys[k]
            if key.type != .yfiles {
                switch key.type.parse(text) {
                case .success(let value): keys[k].defaultValue = value
                case .failure(let problem):
                    report(content: position,
                           "<default>: " + problem.message(type: key.type, attrType: key.attrType, key: key.id))
                }
            }
        case .node(let node):
            applyDefaults(.node(node))
        case .edge(let edge):
            applyDefaults(.edge(edge))
        case .data(let data):
            collecting = false
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
                    report(content: data.position, problem.message(type: key.type, attrType: key.attrType, key: key.id))
                }
            }
        case .yfilesChild(let isLabel):
            if isLabel {
                collecting = false
                if let d = stack.lastIndex(where: { if case .data = $0 { true } else { false } }),
                   case .data(var data) = stack[d] {
                    data.label = text
                    stack[d] = .data(data)
                }
            }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if stopped { return }
        let code = (parseError as NSError).code
        var line = max(parser.lineNumber, 1), column = max(parser.columnNumber, 1)
        if code == 76 {
            // libxml2 reports the end of the mismatched end tag; point at its '<'.
            let at = tagStart(XMLPosition(line: line, column: column))
            (line, column) = source.location(ofOffset: at)
        }
        report(line: line, column: column, "malformed XML: " + xmlMessage(code))
        stopped = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {}

    /// A readable message for libxml2's error codes (`xmlParserErrors`; on Linux Foundation passes
    /// them through as the `NSError` code, with no text).
    private func xmlMessage(_ code: Int) -> String {
        let open = openElements.last.map { ($0.name, source.location(ofOffset: tagStart($0.position)).line) }
        switch code {
        case 76:
            if let (name, line) = open { return "end tag does not match <\(name)> opened at line \(line)" }
            return "end tag does not match the open element"
        case 5, 77, 85:
            if let (name, line) = open { return "the document ends inside <\(name)> opened at line \(line)" }
            return code == 5 ? "content after the end of the root element" : "the document ends early"
        case 86: return "content after the end of the root element"
        case 3, 4: return "the document is empty or is not XML"
        case 6, 7, 8: return "invalid character reference"
        case 9: return "a character that XML does not allow"
        case 22, 24: return "'&' without an entity name (escape '&' as &amp;)"
        case 23, 25: return "entity reference without ';' (escape '&' as &amp;)"
        case 26, 27: return "undefined entity (escape '&' as &amp;)"
        case 28: return "an unparsed entity (NDATA) used as text"
        case 29: return "an external entity (SYSTEM or PUBLIC) used in an attribute value; entities are not expanded"
        case 30: return "a parameter entity (%name;) used outside the document type declaration"
        case 2: return "out of memory"
        case 10, 11, 12, 13: return "a character reference out of place"
        case 14, 15, 16, 17, 18, 19, 20, 21: return "an entity reference out of place (escape '&' as &amp;)"
        case 33, 34: return "a quoted value without its opening or closing quote"
        case 36, 37: return "an entity declaration that does not end"
        case 43, 44: return "a quoted literal (a SYSTEM or PUBLIC id?) that does not end"
        case 46, 47: return "a processing instruction without '?>'"
        case 61: return "a document type declaration (<!DOCTYPE ...>) that does not end"
        case 62: return "']]>' outside a CDATA section"
        case 87: return "a character that XML does not allow, inside an entity"
        case 90: return "an entity that breaks the element structure"
        case 111: return "the reading was stopped"
        case 31, 32, 79, 81: return "unsupported or invalid character encoding"
        case 38: return "'<' inside an attribute value (escape it as &lt;), or a missing closing quote"
        case 39: return "attribute value without quotes"
        case 40: return "attribute value without a closing quote"
        case 41, 75: return "attribute without '=' and a value"
        case 42: return "the same attribute twice in one element"
        case 45: return "comment without '-->'"
        case 56, 57, 64: return "malformed or misplaced XML declaration"
        case 63: return "CDATA section without ']]>'"
        case 65: return "a space is required here (between attributes?)"
        case 68: return "expected a name (a stray '<'?)"
        case 73: return "expected '>' or '/>' to end the tag"
        case 74: return "expected '</' to close the element"
        case 80: return "'--' inside a comment"
        case 1: return "the XML cannot be read here (a document type declaration or markup out of place?)"
        case 88, 89: return "an entity that refers to itself or expands too far (entities are not expanded)"
        default: return "the XML is not well-formed here (libxml2's error code \(code), see xmlParserErrors in libxml/xmlerror.h)"
        }
    }
}
