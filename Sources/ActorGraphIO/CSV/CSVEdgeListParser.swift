import ActorGraphCore
import Foundation

/// The RFC 4180 tokenizer and edge-list builder behind ``CSVEdgeListReader``.
///
/// One pass over the bytes records every field as a byte range in flat arrays (no per-field
/// strings); strings are made only for node names and attribute values, column by column.
struct CSVEdgeListParser {
    static let diagnosticLimit = 100

    private let file: String
    private var source: SourceText
    private var diagnostics: [Diagnostic] = []
    private var stopped = false

    // Fields, flat: byte range of the content (inside the quotes for a quoted field).
    private var fieldStart: [Int] = []
    private var fieldEnd: [Int] = []
    /// Bit 0: quoted; bit 1: holds doubled quotes to undo.
    private var fieldFlags: [UInt8] = []
    /// Offset of the field's first byte in the file (its opening quote when quoted).
    private var fieldOffset: [Int] = []
    /// Index of each record's first field; one extra entry at the end.
    private var recordFirstField: [Int] = []
    /// Byte offset where each record begins.
    private var recordOffset: [Int] = []

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""),
        cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

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

    /// Splits the whole file into records and fields.
    private mutating func tokenize() {
        let bytes = source.bytes
        let n = bytes.count
        var i = 0
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        bytes.withUnsafeBufferPointer { b in
            recordLoop: while i < n && !stopped {
                // Blank line: no record.
                if b[i] == Self.lf { i += 1; continue }
                if b[i] == Self.cr { i += (i + 1 < n && b[i + 1] == Self.lf) ? 2 : 1; continue }
                recordOffset.append(i)
                recordFirstField.append(fieldStart.count)
                fieldLoop: while true {
                    let offset = i
                    if i < n && b[i] == Self.quote {
                        i += 1
                        let contentStart = i
                        var escaped = false
                        var contentEnd = -1
                        while i < n {
                            if b[i] == Self.quote {
                                if i + 1 < n && b[i + 1] == Self.quote { escaped = true; i += 2; continue }
                                contentEnd = i
                                i += 1
                                break
                            }
                            i += 1
                        }
                        if contentEnd < 0 {
                            report(offset: offset, "unterminated quote: the quoted field starting here never ends")
                            stopped = true
                            break recordLoop
                        }
                        fieldStart.append(contentStart)
                        fieldEnd.append(contentEnd)
                        fieldFlags.append(escaped ? 3 : 1)
                        fieldOffset.append(offset)
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
                        fieldStart.append(offset)
                        fieldEnd.append(i)
                        fieldFlags.append(0)
                        fieldOffset.append(offset)
                    }
                    if i >= n { break fieldLoop }
                    if b[i] == Self.comma { i += 1; continue fieldLoop }
                    // End of record.
                    i += (b[i] == Self.cr && i + 1 < n && b[i + 1] == Self.lf) ? 2 : 1
                    break fieldLoop
                }
            }
        }
        recordFirstField.append(fieldStart.count)
    }

    /// The first byte offset at which `bytes` is not valid UTF-8, if any.
    private static func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
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

    private func fieldCount(_ record: Int) -> Int {
        recordFirstField[record + 1] - recordFirstField[record]
    }

    private func isEmpty(_ field: Int) -> Bool { fieldStart[field] == fieldEnd[field] }

    /// The text of a field: quotes undone, and the `'` that neutralises a spreadsheet formula
    /// removed (see ``CSVEdgeListReader/unneutralised(_:)``).
    private func text(_ field: Int) -> String {
        CSVEdgeListReader.unneutralised(rawText(field))
    }

    /// The text of a field, quotes undone.
    private func rawText(_ field: Int) -> String {
        let start = fieldStart[field], end = fieldEnd[field]
        return source.bytes.withUnsafeBufferPointer { b in
            let slice = UnsafeBufferPointer(rebasing: b[start..<end])
            if fieldFlags[field] & 2 == 0 { return String(decoding: slice, as: UTF8.self) }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(slice.count)
            var i = 0
            while i < slice.count {
                unescaped.append(slice[i])
                i += (slice[i] == Self.quote) ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
    }

    /// The field as a number, when it is a decimal number (spaces around it allowed), `nan` or
    /// `inf`/`infinity`. Hexadecimal forms, which `Double(_:)` would also take, are not numbers here.
    private func number(_ field: Int) -> Double? {
        var start = fieldStart[field], end = fieldEnd[field]
        let b = source.bytes
        while start < end && (b[start] == 0x20 || b[start] == 0x09) { start += 1 }
        while end > start && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
        guard start < end, end - start < 64 else { return nil }
        for k in start..<end {
            let c = b[k]
            let ok =
                (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            if !ok {
                // Only the words nan, inf, infinity (any case) besides decimal forms.
                let word = String(decoding: b[start..<end], as: UTF8.self).lowercased()
                let body = word.hasPrefix("-") || word.hasPrefix("+") ? String(word.dropFirst()) : word
                guard body == "nan" || body == "inf" || body == "infinity" else { return nil }
                return Double(word)
            }
        }
        return Double(String(decoding: b[start..<end], as: UTF8.self))
    }

    // MARK: Building

    /// Tokenizes, checks and builds the graph; throws ``InputError`` with every problem.
    mutating func graph(directed: Bool) throws -> Graph {
        if let bad = Self.invalidUTF8Offset(source.bytes) {
            let hex = String(source.bytes[bad], radix: 16, uppercase: true)
            report(offset: bad, "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex)); save the file as UTF-8")
            throw failure()
        }
        tokenize()
        guard !recordOffset.isEmpty else {
            if diagnostics.isEmpty {
                report(offset: 0, "the file is empty; expected a header row naming the source and target columns (e.g. source,target,weight)")
            }
            throw failure()
        }

        // Header.
        let headerFields = fieldCount(0)
        var names: [String] = []
        var sourceColumn: Int?, targetColumn: Int?
        var seen: [String: Int] = [:]
        for c in 0..<headerFields {
            let f = recordFirstField[0] + c
            let name = text(f).trimmingCharacters(in: .whitespaces)
            names.append(name)
            let lower = name.lowercased()
            if name.isEmpty {
                report(offset: fieldOffset[f], "column \(c + 1) of the header has no name; every column needs one")
                continue
            }
            if let first = seen[name] {
                report(offset: fieldOffset[f], "column name '\(name)' appears twice in the header (columns \(first + 1) and \(c + 1))")
                continue
            }
            seen[name] = c
            if CSVEdgeListReader.sourceColumnNames.contains(lower) {
                if let s = sourceColumn {
                    report(offset: fieldOffset[f], "two source columns: '\(names[s])' (column \(s + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    sourceColumn = c
                }
            }
            if CSVEdgeListReader.targetColumnNames.contains(lower) {
                if let t = targetColumn {
                    report(offset: fieldOffset[f], "two target columns: '\(names[t])' (column \(t + 1)) and '\(name)' (column \(c + 1))")
                } else {
                    targetColumn = c
                }
            }
        }
        var found = names.map { "'\($0)'" }.joined(separator: ", ")
        if names.count == 1, let only = names.first, only.contains(";") || only.contains("\t") {
            found += " (fields must be separated by commas)"
        }
        if sourceColumn == nil {
            report(offset: recordOffset[0], "the header has no source column (named 'source' or 'from'); it has \(found)")
        }
        if targetColumn == nil {
            report(offset: recordOffset[0], "the header has no target column (named 'target' or 'to'); it has \(found)")
        }

        // Rows.
        let records = recordOffset.count
        for r in 1..<records where !stopped {
            let count = fieldCount(r)
            if count != headerFields {
                let line = source.location(ofOffset: recordOffset[r]).line
                report(offset: recordOffset[r], "line \(line) has \(count) field\(count == 1 ? "" : "s"), the header has \(headerFields)")
                continue
            }
            if let s = sourceColumn, isEmpty(recordFirstField[r] + s) {
                report(offset: fieldOffset[recordFirstField[r] + s], "empty source (column \(s + 1), '\(names[s])')")
            }
            if let t = targetColumn, isEmpty(recordFirstField[r] + t) {
                report(offset: fieldOffset[recordFirstField[r] + t], "empty target (column \(t + 1), '\(names[t])')")
            }
        }
        guard diagnostics.isEmpty, let sourceColumn, let targetColumn else { throw failure() }

        var builder = GraphBuilder(directed: directed)
        let m = records - 1
        builder.reserveCapacity(nodes: min(2 * m, 1 << 20), edges: m)
        for r in 1..<records {
            let first = recordFirstField[r]
            builder.addEdge(from: text(first + sourceColumn), to: text(first + targetColumn))
        }
        builder.setOrigin(GraphOrigin(file: file, edgeLines: source.lines(ofOffsets: recordOffset.dropFirst())))
        guard m > 0 else { return builder.build() }
        for c in 0..<headerFields where c != sourceColumn && c != targetColumn {
            let name = names[c]
            var values = ContiguousArray<Double>(repeating: .nan, count: m)
            var numeric = true
            for r in 1..<records {
                let f = recordFirstField[r] + c
                if isEmpty(f) { continue }
                guard let v = number(f) else { numeric = false; break }
                values[r - 1] = v
            }
            if numeric {
                // Setting the last edge first creates the whole column (nan where empty).
                builder.setEdgeAttribute(EdgeID(m - 1), name, values[m - 1])
                for (e, v) in values.enumerated() where !v.isNaN {
                    builder.setEdgeAttribute(EdgeID(e), name, v)
                }
            } else {
                for r in 1..<records {
                    let f = recordFirstField[r] + c
                    if !isEmpty(f) { builder.setEdgeText(EdgeID(r - 1), name, text(f)) }
                }
            }
        }
        return builder.build()
    }
}
