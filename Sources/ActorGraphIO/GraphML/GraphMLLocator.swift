import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Where the XML parser was when it reported an element: the line and column of the end of its
/// start tag (libxml2's position). ``GraphMLLocator`` turns it into precise locations.
struct XMLPosition: Equatable {
    let line: Int
    let column: Int
}

/// The diagnostics of one GraphML reading, each located precisely in the source text: at an
/// element's `<`, at one of its attributes, or where its text begins.
///
/// libxml2 reports the position at the end of a start tag; the locator walks back to the `<` and
/// forward to an attribute or the content. After ``GraphMLLocator/diagnosticLimit`` problems it
/// adds one saying the reading stopped, stops the XML parser and ignores every later report.
struct GraphMLLocator {
    /// At most this many diagnostics; then one more saying the reading stopped.
    static let diagnosticLimit = 100

    let file: String
    private(set) var source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when the reading stops (malformed XML, the limit, a document that is not GraphML):
    /// later reports are ignored.
    var stopped = false
    /// The parser to abort at the limit, while one runs.
    var xmlParser: XMLParser?

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.source = SourceText(bytes)
    }

    /// Adds a diagnostic at `line` and `column` unless the reading has stopped.
    mutating func report(line: Int, column: Int, _ message: String) {
        guard !stopped else { return }
        if diagnostics.count >= Self.diagnosticLimit {
            diagnostics.append(
                Diagnostic(
                    file: file, line: line, column: column,
                    message: "too many problems (more than \(Self.diagnosticLimit)); stopped reading here"))
            stopped = true
            xmlParser?.abortParsing()
            return
        }
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// Offset of the `<` that opens the element the parser reported at `position`.
    mutating func tagStart(_ position: XMLPosition) -> Int {
        guard !source.bytes.isEmpty else { return 0 }
        var i = min(source.offset(line: position.line, column: position.column), source.bytes.count - 1)
        if i > 0 && source.bytes[i] == UInt8(ascii: "<") { i -= 1 }
        while i > 0 && source.bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    /// The 1-based line and column of the byte at `offset`.
    mutating func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        source.location(ofOffset: offset)
    }

    /// The line and column of the `<` of the element reported at `position`.
    mutating func location(ofElement position: XMLPosition) -> (line: Int, column: Int) {
        source.location(ofOffset: tagStart(position))
    }

    /// Reports at the `<` of the element.
    mutating func report(element position: XMLPosition, _ message: String) {
        let (line, column) = location(ofElement: position)
        report(line: line, column: column, message)
    }

    /// Reports at the attribute `name` of the element (at the element when it is absent).
    mutating func report(attribute name: String, of position: XMLPosition, _ message: String) {
        let start = tagStart(position)
        let (offset, found) = scanStartTag(from: start, for: Array(name.utf8))
        let (line, column) = source.location(ofOffset: found ? offset : start)
        report(line: line, column: column, message)
    }

    /// Reports at the first character after the element's start tag (where its text begins).
    mutating func report(content position: XMLPosition, _ message: String) {
        let bytes = source.bytes
        let (end, _) = scanStartTag(from: tagStart(position), for: nil)
        var i = end < bytes.count ? end + 1 : end
        // Skip leading whitespace, so the column points at the offending text itself.
        while i < bytes.count && isXMLSpace(bytes[i]) { i += 1 }
        let (line, column) = source.location(ofOffset: i)
        report(line: line, column: column, message)
    }

    /// Walks the start tag whose `<` is at `start`, over quoted values: the offset of attribute
    /// `name` when it is there (`found`), else of the tag's closing `>` (or the end of the text).
    private func scanStartTag(from start: Int, for name: [UInt8]?) -> (offset: Int, found: Bool) {
        let bytes = source.bytes
        var i = start + 1
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return (i, false)
            } else if let name, isXMLSpace(b), i + 1 + name.count <= bytes.count,
                bytes[(i + 1)..<(i + 1 + name.count)].elementsEqual(name)
            {
                var j = i + 1 + name.count
                while j < bytes.count && isXMLSpace(bytes[j]) { j += 1 }
                if j < bytes.count && bytes[j] == UInt8(ascii: "=") { return (i + 1, true) }
            }
            i += 1
        }
        return (i, false)
    }

    private func isXMLSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }
}
