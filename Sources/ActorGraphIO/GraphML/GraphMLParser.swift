import ActorGraphCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The GraphML namespace networkx and yEd write.
let graphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

/// One pass of Foundation's `XMLParser` over a GraphML document, building the graph as it goes.
///
/// This type follows the XML events: which element is open inside which, the text collected for
/// a value, what is skipped. The parts it drives each hold one idea: ``GraphMLLocator`` (located
/// diagnostics), ``GraphMLKeyTable`` (the `<key>` declarations), ``GraphMLSlotTable`` (which
/// attribute an element already has), ``GraphMLGraphAssembly`` (the graph as read), and the
/// element handlers in `GraphMLParser+Elements.swift`. Problems are collected, not thrown, so
/// one reading reports all of them; a malformed-XML error stops the reading (later events from
/// libxml2's recovery are not trusted).
final class GraphMLParser: NSObject, XMLParserDelegate {
    /// At most this many diagnostics; then one more saying the reading stopped.
    static let diagnosticLimit = GraphMLLocator.diagnosticLimit

    var locator: GraphMLLocator
    var keys = GraphMLKeyTable()
    var assembly = GraphMLGraphAssembly()

    /// An open element that matters to the reading.
    enum Frame {
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
    enum Owner {
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
    /// An open `<data>`.
    struct DataFrame {
        let key: Int
        let owner: Owner
        let position: XMLPosition
        /// Set once a problem inside this `<data>` is reported, so its value is not stored.
        var failed = false
        /// The text of the first yEd label inside, for yEd keys.
        var label: String?
    }
    var stack: [Frame] = []
    /// Open elements by qualified name and position, for mismatched-tag messages.
    private var openElements: [(name: String, position: XMLPosition)] = []
    /// > 0 while inside a subtree that is ignored (foreign namespace, or already reported).
    var skipDepth = 0
    private var rootSeen = false
    private var rootPosition: XMLPosition?

    // Text being collected (inside `<data>`, `<default>` or a yEd label).
    var collecting = false
    var text = ""

    /// How many `<graph>` elements were seen, and where the first is.
    var graphCount = 0
    var graphPosition: XMLPosition?
    var graphID: String?

    init(bytes: [UInt8], file: String) {
        self.locator = GraphMLLocator(bytes: bytes, file: file)
    }

    struct Output {
        let graph: Graph
        let graphID: String?
        let graphAttributes: [String: AttributeValue]
    }

    /// Parses the whole document; throws ``InputError`` with every problem found.
    func run() throws -> Output {
        // Entities would be expanded in attributes but dropped from text: refused, located.
        let bytes = locator.source.bytes
        let entities = EntityDeclarationScan.declarations(in: bytes)
        if !entities.isEmpty {
            for offset in entities {
                let (line, column) = locator.location(ofOffset: offset)
                locator.report(
                    line: line, column: column,
                    "\(EntityDeclarationScan.describe(in: bytes, at: offset)) declared: entity declarations are not supported (element text would lose them); write the text itself (&amp;, &lt;, &#NNN; are fine)"
                )
            }
            throw InputError(locator.diagnostics)
        }
        // UTF-8 only: libxml2 crashes on some other encodings (GraphMLEncodingCheck).
        if let (offset, message) = GraphMLEncodingCheck.problem(in: bytes) {
            let (line, column) = locator.location(ofOffset: offset)
            locator.report(line: line, column: column, message)
            throw InputError(locator.diagnostics)
        }
        // Foundation's XMLParser crashes on `<?target?>` (ProcessingInstructionScan).
        let bare = ProcessingInstructionScan.withoutData(in: bytes)
        if !bare.isEmpty {
            for offset in bare {
                let (line, column) = locator.location(ofOffset: offset)
                locator.report(line: line, column: column, "a processing instruction without data (<?name?>) is not supported; remove it")
            }
            throw InputError(locator.diagnostics)
        }
        // A stream, not `XMLParser(data:)`: on Linux the latter fails with libxml2 error 1 on any
        // input of more than 10,000,000 bytes (libxml2's lookup limit; measured with Swift 6.3.1).
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        locator.xmlParser = parser
        let ok = parser.parse()
        locator.xmlParser = nil
        if !locator.stopped && !openElements.isEmpty {
            // libxml2 does not always report an unclosed element at the end of the input.
            let open = openElements.last!
            let opened = locator.location(ofElement: open.position)
            let end = locator.location(ofOffset: bytes.count)
            locator.report(
                line: end.line, column: end.column,
                "malformed XML: the document ends inside <\(open.name)> opened at line \(opened.line)")
            locator.stopped = true
        } else if !ok && !locator.stopped && locator.diagnostics.isEmpty && rootSeen {
            locator.report(line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1), "malformed XML")
            locator.stopped = true
        }
        if !locator.stopped {
            keys.reportUnknownUses(locator: &locator)
            if !rootSeen && locator.diagnostics.isEmpty {
                locator.report(line: 1, column: 1, "the file holds no XML elements; expected a <graphml> document")
            } else if rootSeen && graphCount == 0 && locator.diagnostics.isEmpty {
                locator.report(element: rootPosition ?? XMLPosition(line: 1, column: 1), "the document has no <graph> element")
            }
        }
        if !locator.diagnostics.isEmpty {
            throw InputError(Diagnostic.inFileOrder(locator.diagnostics))
        }
        return Output(
            graph: assembly.build(keys: keys, file: locator.file), graphID: graphID,
            graphAttributes: assembly.graphAttributes)
    }

    // MARK: XMLParserDelegate

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if locator.stopped { return }
        let position = XMLPosition(line: parser.lineNumber, column: parser.columnNumber)
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
                locator.report(
                    element: position,
                    "<data key=\"\(keys[frame.key].id)\"> holds an element <\(qualifiedName ?? elementName)>; a \(keys[frame.key].type.name) value must be plain text"
                )
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
                case .data(let frame) = stack[d]
            {
                labelTaken = frame.label != nil
            }
            let isLabel = !labelOpen && !labelTaken && !inGraphML && (elementName == "NodeLabel" || elementName == "EdgeLabel")
            stack.append(.yfilesChild(label: isLabel))
            if isLabel { collecting = true; text = "" }
            return
        }

        if !rootSeen {
            rootSeen = true
            guard inGraphML && elementName == "graphml" else {
                locator.report(element: position, "not a GraphML document: the root element is <\(qualifiedName ?? elementName)>, expected <graphml>")
                locator.stopped = true
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
            guard let key = keys.declare(attributes, at: position, locator: &locator) else { skipDepth = 1; return }
            stack.append(.key(key))
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
                locator.report(
                    element: position,
                    "nested graphs (a <graph> inside a <\(parent.map(frameName) ?? "")>, as yEd writes for groups) are not supported; flatten the graph first")
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
            locator.report(element: position, "hyperedges are not supported; only <edge> between two nodes")
            skipDepth = 1
        case "port":
            locator.report(element: position, "ports are not supported; edges must join nodes directly")
            skipDepth = 1
        case "locator":
            locator.report(element: position, "<locator> (a graph stored elsewhere) is not supported")
            skipDepth = 1
        default:
            locator.report(element: position, "unknown GraphML element <\(elementName)>")
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

    func misplaced(_ name: String, _ position: XMLPosition) {
        let inside = stack.last.map(frameName) ?? "the document"
        locator.report(element: position, "<\(name)> is not allowed inside <\(inside)>")
        skipDepth = 1
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if locator.stopped { return }
        if !openElements.isEmpty { openElements.removeLast() }
        if skipDepth > 0 { skipDepth -= 1; return }
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .key, .graphml:
            break
        case .graph:
            applyDefaults(.graph)
        case .keyDefault(let k, let position):
            collecting = false
            keys.setDefault(of: k, text: text, at: position, locator: &locator)
        case .node(let node):
            applyDefaults(.node(node))
        case .edge(let edge):
            applyDefaults(.edge(edge))
        case .data(let data):
            collecting = false
            endData(data)
        case .yfilesChild(let isLabel):
            if isLabel {
                collecting = false
                if let d = stack.lastIndex(where: { if case .data = $0 { true } else { false } }),
                    case .data(var data) = stack[d]
                {
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
        if locator.stopped { return }
        let code = (parseError as NSError).code
        var line = max(parser.lineNumber, 1), column = max(parser.columnNumber, 1)
        if code == 76 {
            // libxml2 reports the end of the mismatched end tag; point at its '<'.
            (line, column) = locator.location(ofElement: XMLPosition(line: line, column: column))
        }
        let open = openElements.last.map { (name: $0.name, line: locator.location(ofElement: $0.position).line) }
        locator.report(line: line, column: column, "malformed XML: " + GraphMLXMLError.message(code: code, open: open))
        locator.stopped = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: any Error) {}
}
