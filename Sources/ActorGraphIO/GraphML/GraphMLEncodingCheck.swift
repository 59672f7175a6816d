/// Refuses, before libxml2 sees them, GraphML inputs that are not UTF-8: bytes that are not
/// valid UTF-8, a NUL byte, or an XML declaration naming another encoding.
///
/// The reader counts columns in UTF-8 and no GraphML writer we know writes anything else
/// (networkx declares `utf-8`, yEd `UTF-8`). Other encodings are not only useless but unsafe:
/// Debian's libxml2 2.9.14, driven by Foundation's push parser (`XMLParser(stream:)`), crashes
/// (SEGV in `xmlSwitchToEncoding` or `xmlParseChunk`) when it switches to an encoding that goes
/// through iconv, declared (`EUC-JP`, `UTF-8-`, `u-t-f-8`) or detected from the first bytes
/// (EBCDIC `4C 6F A7 94`), and then meets a byte that encoding cannot decode. Found by
/// `scripts/fuzz.sh graphml`; the inputs are in `Fuzz/regressions/graphml/`. Valid UTF-8
/// without NUL cannot start like UTF-16, UCS-4 or EBCDIC, so libxml2 detects nothing else.
///
/// The declaration scan follows libxml2 in what it takes for one: `<?xml` and a space at the
/// very start (after a UTF-8 byte order mark), up to `?>` or the end of the input, well formed
/// or not (libxml2 switches encoding before it checks the rest).
///
/// - Complexity: O(input length), one pass.
enum GraphMLEncodingCheck {
    /// Encoding names accepted in the declaration, upper-cased: UTF-8 as libxml2 spells it, and
    /// ASCII, its subset.
    static let accepted: Set<String> = ["UTF-8", "UTF8", "US-ASCII", "ASCII"]

    /// The first problem: its byte offset and message, or `nil` for a UTF-8 input.
    static func problem(in bytes: [UInt8]) -> (offset: Int, message: String)? {
        if let offset = UTF8Check.firstInvalidOffset(bytes, rejectingNUL: true) {
            let what =
                bytes[offset] == 0
                ? "a NUL byte, which XML does not allow"
                : "a byte that is not UTF-8 (0x\(String(bytes[offset], radix: 16, uppercase: true)))"
            return (offset, "\(what); GraphML is read as UTF-8 only")
        }
        if let (name, offset) = declaredEncoding(in: bytes), !accepted.contains(name.uppercased()) {
            return (
                offset,
                "the XML declaration names the encoding '\(name)'; GraphML is read as UTF-8 only "
                    + "(convert the file and declare encoding='utf-8')"
            )
        }
        return nil
    }

    /// The encoding named in the XML declaration and the offset of its first character, or
    /// `nil` when there is no declaration or it names no encoding.
    static func declaredEncoding(in bytes: [UInt8]) -> (name: String, offset: Int)? {
        let n = bytes.count
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let start: [UInt8] = Array("<?xml".utf8), keyword: [UInt8] = Array("encoding".utf8)
        func starts(_ t: [UInt8], at j: Int) -> Bool {
            guard j + t.count <= n else { return false }
            for k in t.indices where bytes[j + k] != t[k] { return false }
            return true
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard starts(start, at: i), i + start.count < n, isSpace(bytes[i + start.count]) else { return nil }
        i += start.count
        while i < n && !(bytes[i] == UInt8(ascii: "?") && i + 1 < n && bytes[i + 1] == UInt8(ascii: ">")) {
            guard starts(keyword, at: i) else { i += 1; continue }
            var j = i + keyword.count
            while j < n && isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            while j < n && isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: "\"") else { return nil }
            let quote = bytes[j], first = j + 1
            var end = first
            while end < n && bytes[end] != quote && end - first < 200 { end += 1 }
            return (String(decoding: bytes[first..<end], as: UTF8.self), first)
        }
        return nil
    }
}
