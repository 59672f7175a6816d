/// Finds entity declarations (`<!ENTITY ...>`) in a document type declaration's internal subset.
///
/// GraphML never needs entities, and Foundation's `XMLParser` (libxml2) on Linux handles them
/// inconsistently: an internal entity is expanded in an attribute but *dropped* from element text
/// ("works at &co; since" reads "works at  since"), and an external entity silently reads as an
/// empty string. It reports no delegate callback for either. So the reader refuses every entity
/// declaration before parsing, each located at its `<!ENTITY`, rather than lose text silently.
///
/// The scan reads only the prolog: an optional byte order mark and XML declaration, comments,
/// processing instructions, and the `<!DOCTYPE ...>`; inside its `[...]` subset it skips quoted
/// literals and comments, so `<!ENTITY` inside them is not a declaration. A DOCTYPE naming an
/// external DTD only (`<!DOCTYPE graphml SYSTEM "graphml.dtd">`, as old GraphML files have) is
/// fine: external DTDs are never loaded.
///
/// - Complexity: O(prolog length).
enum EntityDeclarationScan {
    /// Byte offsets of every `<!ENTITY` declaration in the internal subset, in order.
    static func declarations(in bytes: [UInt8]) -> [Int] {
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }

        // No allocation per byte: a hostile file may have a large internal subset.
        let pi: [UInt8] = Array("<?".utf8), piEnd: [UInt8] = Array("?>".utf8)
        let comment: [UInt8] = Array("<!--".utf8), commentEnd: [UInt8] = Array("-->".utf8)
        let doctype: [UInt8] = Array("<!DOCTYPE".utf8), entity: [UInt8] = Array("<!ENTITY".utf8)
        let markup = MarkupBytes(bytes: bytes)
        func starts(_ t: [UInt8], at j: Int) -> Bool { markup.starts(t, at: j) }
        func skip(past end: [UInt8], from j: Int) -> Int { markup.skip(past: end, from: j) }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

        // The prolog, up to the DOCTYPE.
        while i < n {
            if isSpace(bytes[i]) {
                i += 1
            } else if starts(pi, at: i) {
                i = skip(past: piEnd, from: i + 2)
            } else if starts(comment, at: i) {
                i = skip(past: commentEnd, from: i + 4)
            } else if starts(doctype, at: i) {
                i += 9; break
            } else {
                return []
            } // the root element (or not XML): no DOCTYPE
        }
        // The DOCTYPE up to its internal subset '[' or its end '>'.
        var quote: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return []
            } else if b == UInt8(ascii: "[") {
                i += 1; break
            }
            i += 1
        }
        // The internal subset, up to ']'.
        var found: [Int] = []
        quote = 0
        while i < n {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
                i += 1
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
                i += 1
            } else if starts(comment, at: i) {
                i = skip(past: commentEnd, from: i + 4)
            } else if starts(pi, at: i) {
                i = skip(past: piEnd, from: i + 2)
            } else if starts(entity, at: i) {
                found.append(i)
                i += 8
            } else if b == UInt8(ascii: "]") {
                break
            } else {
                i += 1
            }
        }
        return found
    }

    /// The declared name and whether it is external (`SYSTEM`/`PUBLIC`) or a parameter entity,
    /// for the message; `offset` is where `<!ENTITY` starts.
    static func describe(in bytes: [UInt8], at offset: Int) -> String {
        var end = offset
        var quote: UInt8 = 0
        while end < bytes.count {
            let b = bytes[end]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            }
            end += 1
        }
        let words = String(decoding: bytes[(offset + 8)..<end], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        let parameter = words.first == "%"
        let name = (parameter ? words.dropFirst().first : words.first).map { String($0.prefix(40)) } ?? "?"
        let external = words.contains("SYSTEM") || words.contains("PUBLIC")
        return "\(parameter ? "parameter " : "")\(external ? "external " : "")entity '\(name)'"
    }
}
