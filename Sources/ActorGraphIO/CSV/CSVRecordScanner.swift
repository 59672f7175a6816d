/// One field of a CSV record: the content's byte range (inside the quotes for a quoted field)
/// and flags (bit 0: quoted; bit 1: holds doubled quotes to undo).
struct CSVField {
    var start: Int
    var end: Int
    var flags: UInt8
    /// Offset of the field's first byte in the file (its opening quote when quoted).
    var offset: Int { start - Int(flags & 1) }
    var isEmpty: Bool { start == end }
}

/// A problem found while reading, at a byte offset; turned into a located ``Diagnostic`` once
/// the whole file is read (the line of a row read by another thread is known only then).
enum CSVProblem {
    case message(String)
    /// A row with `count` fields where the header has `expected`.
    case fieldCount(count: Int, expected: Int)
}

/// The RFC 4180 tokenizer: reads one record at a time from a range of the file's bytes into a
/// reusable list of fields, and records the problems it meets by byte offset.
///
/// - Complexity: O(bytes read); no allocation per record once the field list has grown.
struct CSVRecordScanner {
    /// The fields of the record last read.
    private(set) var fields: [CSVField] = []
    /// Problems, in the order they were found.
    private(set) var problems: [(offset: Int, problem: CSVProblem)] = []
    /// True once reading must stop: an unterminated quote, or more than the reader's limit of
    /// problems (the one past the limit is kept, to say where the reading stopped).
    private(set) var stopped = false
    private let limit: Int

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"),
        apostrophe = UInt8(ascii: "'")

    init(limit: Int) {
        self.limit = limit
    }

    mutating func report(_ offset: Int, _ problem: CSVProblem) {
        guard !stopped else { return }
        problems.append((offset, problem))
        if problems.count > limit { stopped = true }
    }

    mutating func report(_ offset: Int, _ message: String) { report(offset, .message(message)) }

    /// Skips blank lines from `i` (up to `end`), counting them in `line`.
    static func skipBlankLines(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ line: inout Int) {
        while i < end {
            if b[i] == lf {
                i += 1
            } else if b[i] == cr {
                i += (i + 1 < end && b[i + 1] == lf) ? 2 : 1
            } else {
                return
            }
            line += 1
        }
    }

    /// Reads the record that starts at `i` into ``fields`` and moves `i` past its line break
    /// (records end by `end`), counting the lines it spans in `line`. Returns `false` when
    /// reading must stop (an unterminated quote, reported).
    mutating func readRecord(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ line: inout Int) -> Bool {
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
                    report(offset, "unterminated quote: the quoted field starting here never ends")
                    stopped = true
                    return false
                }
                fields.append(CSVField(start: contentStart, end: contentEnd, flags: escaped ? 3 : 1))
                if i < n && b[i] != Self.comma && b[i] != Self.cr && b[i] != Self.lf {
                    report(i, "text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")")
                    while i < n && b[i] != Self.comma && b[i] != Self.cr && b[i] != Self.lf { i += 1 }
                }
            } else {
                var reportedQuote = false
                while i < n {
                    let c = b[i]
                    if c == Self.comma || c == Self.cr || c == Self.lf { break }
                    if c == Self.quote && !reportedQuote {
                        report(i, "a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                        reportedQuote = true
                    }
                    i += 1
                }
                fields.append(CSVField(start: offset, end: i, flags: 0))
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

    // MARK: Field values

    /// The text of a field: quotes undone, and the `'` that neutralises a spreadsheet formula
    /// removed (see ``CSVEdgeListReader/unneutralised(_:)``).
    static func text(_ b: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> String {
        withKeyBytes(b, field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of the field's text (as ``text(_:_:)`` gives it), with no
    /// `String` made: quotes undone, one neutralising `'` dropped.
    static func withKeyBytes<R>(_ b: UnsafeBufferPointer<UInt8>, _ field: CSVField, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        if field.flags & 2 == 0 {
            let start = field.start + neutralisingQuote(b, field.start, field.end)
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[start..<field.end])))
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            unescaped.append(b[i])
            i += (b[i] == quote) ? 2 : 1
        }
        return unescaped.withUnsafeBufferPointer { u in
            let start = neutralisingQuote(u, 0, u.count)
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: u[start...])))
        }
    }

    /// The field as an interner key when its text is its bytes as they are (no doubled quotes, no
    /// neutralising `'`), else `nil`.
    static func plainKey(_ b: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> ByteInterner.Key? {
        guard field.flags & 2 == 0, neutralisingQuote(b, field.start, field.end) == 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[field.start..<field.end]))
        return ByteInterner.key(bytes, overread: field.start + 8 <= b.count)
    }

    /// 1 when `bytes[start..<end]` is one or more `'` followed by a formula trigger (the `'` a
    /// writer added, see ``CSVEdgeListReader/unneutralised(_:)``), else 0: the reader's one rule,
    /// for fields and for strings. The triggers are all ASCII, so bytes decide as scalars would.
    static func neutralisingQuote(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard start < end, b[start] == apostrophe else { return 0 }
        var i = start
        while i < end && b[i] == apostrophe { i += 1 }
        guard i < end else { return 0 }
        return triggerBytes[Int(b[i])] ? 1 : 0
    }

    /// ``CSVEdgeListReader/formulaTriggers`` as a table by byte (each trigger is one ASCII byte).
    private static let triggerBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for trigger in CSVEdgeListReader.formulaTriggers {
            precondition(trigger.utf8.count == 1, "formula triggers are single ASCII characters")
            table[Int(trigger.utf8.first!)] = true
        }
        return table
    }()

    /// The field as a number, when it is a decimal number (spaces around it allowed), `nan` or
    /// `inf`/`infinity`. Hexadecimal forms, which `Double(_:)` would also take, are not numbers here.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ field: CSVField) -> Double? {
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
