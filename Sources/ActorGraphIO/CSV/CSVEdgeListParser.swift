import ActorGraphCore
import Foundation

/// The RFC 4180 tokenizer and edge-list builder behind ``CSVEdgeListReader``.
///
/// One pass over the bytes reads record after record into a reusable list of field ranges and
/// builds as it goes: node names are interned as bytes (``ByteInterner``, a `String` per
/// distinct name only), numbers are parsed in place (``DecimalBytes``), and each edge's line is
/// counted on the way. A column that turns out not to be numeric is read as text in a second
/// pass over the records.
struct CSVEdgeListParser {
    static let diagnosticLimit = 100

    private let file: String
    private var source: SourceText
    private var diagnostics: [Diagnostic] = []
    private var stopped = false

    /// One field of the record being read: the content's byte range (inside the quotes for a
    /// quoted field) and flags (bit 0: quoted; bit 1: holds doubled quotes to undo).
    private struct Field {
        var start: Int
        var end: Int
        var flags: UInt8
        /// Offset of the field's first byte in the file (its opening quote when quoted).
        var offset: Int { start - Int(flags & 1) }
        var isEmpty: Bool { start == end }
    }

    /// The fields of the record last read.
    private var fields: [Field] = []

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""),
        cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), apostrophe = UInt8(ascii: "'")

    init(bytes: [UInt8], file: String) {
        self.file = file
        self.source = SourceText(bytes)
    }

    // MARK: Diagnostics

    private mutating func report(offset: Int, _ message: String) {
        guard !stopped else { return }
        let (line, column) = source.location(ofOffset: offset)
        if diagnostics.count >= Self.diagnosticLimit {
            diagnostics.append(
                Diagnostic(
                    file: file, line: line, column: column,
                    message: "too many problems (more than \(Self.diagnosticLimit)); stopped reading here"))
            stopped = true
            return
        }
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    /// All diagnostics, in file order.
    private func failure() -> InputError {
        InputError(Diagnostic.inFileOrder(diagnostics))
    }

    // MARK: Tokenizing

    /// Skips blank lines from `i`, counting them in `line`.
    private static func skipBlankLines(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int) {
        let n = b.count
        while i < n {
            if b[i] == lf {
                i += 1
            } else if b[i] == cr {
                i += (i + 1 < n && b[i + 1] == lf) ? 2 : 1
            } else {
                return
            }
            line += 1
        }
    }

    /// Reads the record that starts at `i` into ``fields`` and moves `i` past its line break,
    /// counting the lines it spans in `line`. Returns `false` when reading must stop (an
    /// unterminated quote, reported).
    private mutating func readRecord(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int) -> Bool {
        let n = b.count
        fields.removeAll(keepingCapacity: true)
        while true {
            let offset = i
            if i < n && b[i] == Self.quote {
                i += 1
                let contentStart = i
                var escaped = false
                var contentEnd = -1
                while i < n {
                    let c = b[i]
                    if c == Self.quote {
                        if i + 1 < n && b[i + 1] == Self.quote {
                            escaped = true
                            i += 2
                            continue
                        }
                        contentEnd = i
                        i += 1
                        break
                    }
                    if c == Self.lf || (c == Self.cr && (i + 1 == n || b[i + 1] != Self.lf)) { line += 1 }
                    i += 1
                }
                if contentEnd < 0 {
                    report(offset: offset, "unterminated quote: the quoted field starting here never ends")
                    stopped = true
                    return false
                }
                fields.append(Field(start: contentStart, end: contentEnd, flags: escaped ? 3 : 1))
                if i < n && b[i] != Self.comma && b[i] != Self.cr && b[i] != Self.lf {
                    report(offset: i, "text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")")
                    while i < n && b[i] != Self.comma && b[i] != Self.cr && b[i] != Self.lf { i += 1 }
                }
            } else {
                var reportedQuote = false
                while i < n {
                    let c = b[i]
                    if c == Self.comma || c == Self.cr || c == Self.lf { break }
                    if c == Self.quote && !reportedQuote {
                        report(offset: i, "a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                        reportedQuote = true
                    }
                    i += 1
                }
                fields.append(Field(start: offset, end: i, flags: 0))
            }
            if i >= n { return true }
            if b[i] == Self.comma {
                i += 1
                continue
            }
            // End of record.
            i += (b[i] == Self.cr && i + 1 < n && b[i + 1] == Self.lf) ? 2 : 1
            line += 1
            return true
        }
    }

    /// The first byte offset at which `bytes` is not valid UTF-8, if any.
    private static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            let raw = UnsafeRawBufferPointer(b)
            while i < n {
                // Eight ASCII bytes at a time, the common case.
                if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch c {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(c & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(c & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(c & 0x07)
                default: return i
                }
                guard i + length <= n else { return i }
                for k in 1..<length {
                    let d = b[i + k]
                    guard d & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(d & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += length
            }
            return nil
        }
    }

    // MARK: Fields

    /// The text of a field: quotes undone, and the `'` that neutralises a spreadsheet formula
    /// removed (see ``CSVEdgeListReader/unneutralised(_:)``).
    private func text(_ field: Field) -> String {
        withKeyBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the field's text (as ``text(_:)`` gives it), with no
    /// `String` made: quotes undone, one neutralising `'` dropped.
    private func withKeyBytes<R>(_ field: Field, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        source.bytes.withUnsafeBufferPointer { b in
            if field.flags & 2 == 0 {
                let start = field.start + Self.neutralisingQuote(b, field.start, field.end)
                return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[start..<field.end])))
            }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(field.end - field.start)
            var i = field.start
            while i < field.end {
                unescaped.append(b[i])
                i += (b[i] == Self.quote) ? 2 : 1
            }
            return unescaped.withUnsafeBufferPointer { u in
                let start = Self.neutralisingQuote(u, 0, u.count)
                return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[start...])))
            }
        }
    }

    /// 1 when `bytes[start..<end]` is one or more `'` followed by a formula trigger (the `'` a
    /// writer added, see ``CSVEdgeListReader/unneutralised(_:)``), else 0. The triggers are all
    /// ASCII, so bytes decide as scalars would.
    private static func neutralisingQuote(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard start < end, b[start] == apostrophe else { return 0 }
        var i = start
        while i < end && b[i] == apostrophe { i += 1 }
        guard i < end else { return 0 }
        switch b[i] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), cr: return 1
        default: return 0
        }
    }

    /// The field as a number, when it is a decimal number (spaces around it allowed), `nan` or
    /// `inf`/`infinity`. Hexadecimal forms, which `Double(_:)` would also take, are not numbers here.
    private func number(_ field: Field) -> Double? {
        source.bytes.withUnsafeBufferPointer { b in
            var start = field.start, end = field.end
            while start < end && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
            while end > start && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
            guard start < end, end - start < 64 else { return nil }
            if let value = DecimalBytes.fastValue(b, start, end) { return value }
            for k in start..<end {
                let c = b[k]
                let ok =
                    (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                if !ok {
                    // Only the words nan, inf, infinity (any case) besides decimal forms.
                    let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).lowercased()
                    let body = word.hasPrefix("-") || word.hasPrefix("+") ? String(word.dropFirst()) : word
                    guard body == "nan" || body == "inf" || body == "infinity" else { return nil }
                    return Double(word)
                }
            }
            return Double(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
        }
    }

    // MARK: Building

    /// Names interned together, source and target of `batch / 2` rows.
    private static let batch = 64

    /// The field as an interner key when its text is its bytes as they are (no doubled quotes, no
    /// neutralising `'`), else `nil`.
    private func plainKey(_ b: UnsafeBufferPointer<UInt8>, _ field: Field) -> ByteInterner.Key? {
        guard field.flags & 2 == 0, Self.neutralisingQuote(b, field.start, field.end) == 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[field.start..<field.end]))
        return ByteInterner.key(bytes, overread: field.start + 8 <= b.count)
    }

    /// Interns the pending names (source, target, source, ...) in order and adds their edges.
    private static func intern(
        _ pending: inout [ByteInterner.Key], into interner: inout ByteInterner, _ endpoints: inout ContiguousArray<Graph.Endpoints>
    ) {
        var k = 0
        while k < pending.count {
            let s = interner.intern(pending[k]), t = interner.intern(pending[k + 1])
            endpoints.append(Graph.Endpoints(source: NodeID(s), target: NodeID(t)))
            k += 2
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The header's columns: names, and where the source and target are.
    private struct Header {
        var names: [String] = []
        var sourceColumn: Int?
        var targetColumn: Int?
    }

    /// Checks the header row in ``fields`` (at byte `offset`).
    private mutating func readHeader(at offset: Int) -> Header {
        var header = Header()
        var seen: [String: Int] = [:]
        for (c, f) in fields.enumerated() {
            let name = text(f).trimmingCharacters(in: .whitespaces)
            header.names.append(name)
            let lower = name.lowercased()
            if name.isEmpty {
                report(offset: f.offset, "column \(c + 1) of the header has no name; every column needs one")
                continue
            }
            if let first = seen[name] {
                report(offset: f.offset, "column name '\(name)' appears twice in the header (columns \(first + 1) and \(c + 1))")
                continue
            }
            seen[name] = c
            if CSVEdgeListReader.sourceColumnNames.contains(lower) {
                if let s = header.sourceColumn {
                    report(offset: f.offset, "two source columns: '\(header.names[s])' (column \(s + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    header.sourceColumn = c
                }
            }
            if CSVEdgeListReader.targetColumnNames.contains(lower) {
                if let t = header.targetColumn {
                    report(offset: f.offset, "two target columns: '\(header.names[t])' (column \(t + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    header.targetColumn = c
                }
            }
        }
        let names = header.names
        var found = names.map { "'\($0)'" }.joined(separator: ", ")
        if names.count == 1, let only = names.first, only.contains(";") || only.contains("\t") {
            found += " (fields must be separated by commas)"
        }
        if header.sourceColumn == nil {
            report(offset: offset, "the header has no source column (named 'source' or 'from'); it has \(found)")
        }
        if header.targetColumn == nil {
            report(offset: offset, "the header has no target column (named 'target' or 'to'); it has \(found)")
        }
        return header
    }

    /// Tokenizes, checks and builds the graph; throws ``InputError`` with every problem.
    /// `parsed` is called once the file is read, before the adjacency is built (`--time`).
    mutating func graph(directed: Bool, parsed: () -> Void = {}) throws -> Graph {
        if let bad = Self.invalidUTF8Offset(source.bytes) {
            let hex = String(source.bytes[bad], radix: 16, uppercase: true)
            report(offset: bad, "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex)); save the file as UTF-8")
            throw failure()
        }
        var bytes = source.bytes
        let n = bytes.count
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var line = 1
        let dataStart: Int, dataLine: Int
        var header = Header()
        let headerRead: Bool = bytes.withUnsafeBufferPointer { b in
            Self.skipBlankLines(b, &i, &line)
            guard i < n else { return false }
            let offset = i
            guard readRecord(b, &i, &line) else { return false }
            header = readHeader(at: offset)
            return true
        }
        guard headerRead else {
            if diagnostics.isEmpty {
                report(offset: 0, "the file is empty; expected a header row naming the source and target columns (e.g. source,target,weight)")
            }
            throw failure()
        }
        (dataStart, dataLine) = (i, line)
        let names = header.names
        let headerFields = names.count
        let sourceColumn = header.sourceColumn ?? -1, targetColumn = header.targetColumn ?? -1
        let attributeColumns = (0..<headerFields).filter { $0 != sourceColumn && $0 != targetColumn }

        // One pass: check every row; build while no problem was found.
        let estimate = max(1, n / 16)
        var interner = ByteInterner(expected: min(estimate, 1 << 20))
        var endpoints = ContiguousArray<Graph.Endpoints>()
        endpoints.reserveCapacity(estimate)
        var edgeLines = ContiguousArray<Int32>()
        edgeLines.reserveCapacity(estimate)
        var pending: [ByteInterner.Key] = []
        pending.reserveCapacity(Self.batch)
        var touched: UInt32 = 0
        var numeric = [Bool](repeating: true, count: attributeColumns.count)
        var values = [ContiguousArray<Double>](repeating: [], count: attributeColumns.count)
        bytes.withUnsafeBufferPointer { b in
            while i < n && !stopped {
                Self.skipBlankLines(b, &i, &line)
                guard i < n else { break }
                let recordOffset = i, recordLine = line
                guard readRecord(b, &i, &line) else { break }
                if fields.count != headerFields {
                    let count = fields.count
                    report(offset: recordOffset, "line \(recordLine) has \(count) field\(count == 1 ? "" : "s"), the header has \(headerFields)")
                    continue
                }
                if sourceColumn >= 0, fields[sourceColumn].isEmpty {
                    report(offset: fields[sourceColumn].offset, "empty source (column \(sourceColumn + 1), '\(names[sourceColumn])')")
                }
                if targetColumn >= 0, fields[targetColumn].isEmpty {
                    report(offset: fields[targetColumn].offset, "empty target (column \(targetColumn + 1), '\(names[targetColumn])')")
                }
                guard diagnostics.isEmpty else { continue }
                let source = fields[sourceColumn], target = fields[targetColumn]
                if let s = plainKey(b, source), let t = plainKey(b, target) {
                    // Names as they are in the file: interned in batches (see ``ByteInterner/touch(_:)``).
                    touched &+= interner.touch(s) &+ interner.touch(t)
                    pending.append(s)
                    pending.append(t)
                    if pending.count == Self.batch { Self.intern(&pending, into: &interner, &endpoints) }
                } else {
                    Self.intern(&pending, into: &interner, &endpoints)
                    let s = withKeyBytes(source) { interner.intern($0) }
                    let t = withKeyBytes(target) { interner.intern($0) }
                    endpoints.append(Graph.Endpoints(source: NodeID(s), target: NodeID(t)))
                }
                edgeLines.append(Int32(clamping: recordLine))
                for (k, c) in attributeColumns.enumerated() where numeric[k] {
                    if fields[c].isEmpty {
                        values[k].append(.nan)
                    } else if let v = number(fields[c]) {
                        values[k].append(v)
                    } else {
                        numeric[k] = false
                        values[k] = []
                    }
                }
            }
            Self.intern(&pending, into: &interner, &endpoints) // while the keys' bytes are in reach
        }
        ByteInterner.keep(touched)
        guard diagnostics.isEmpty, sourceColumn >= 0, targetColumn >= 0 else { throw failure() }
        let textColumns = endpoints.isEmpty ? [] : attributeColumns.indices.filter { !numeric[$0] }
        var texts = [[String?]](repeating: [], count: attributeColumns.count)
        if !textColumns.isEmpty {
            // Second pass, for the columns that are text: the file was read without a problem.
            (i, line) = (dataStart, dataLine)
            bytes.withUnsafeBufferPointer { b in
                while i < n {
                    Self.skipBlankLines(b, &i, &line)
                    guard i < n, readRecord(b, &i, &line) else { break }
                    for k in textColumns {
                        let f = fields[attributeColumns[k]]
                        texts[k].append(f.isEmpty ? nil : text(f))
                    }
                }
            }
        }
        // The text is not needed any more: release it before the adjacency is built.
        let nodeNames = interner.strings()
        interner = ByteInterner()
        bytes = []
        source = SourceText([])
        parsed()

        var builder = GraphBuilder(directed: directed, nodeNames: nodeNames, endpoints: endpoints)
        builder.setOrigin(GraphOrigin(file: file, edgeLines: edgeLines))
        guard builder.edgeCount > 0 else { return builder.build() }
        for (k, c) in attributeColumns.enumerated() {
            if numeric[k] {
                builder.setEdgeColumn(names[c], values[k])
            } else {
                builder.setEdgeTextColumn(names[c], texts[k])
            }
        }
        return builder.build()
    }
}
