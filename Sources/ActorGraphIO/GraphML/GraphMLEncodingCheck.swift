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
        if let offset = firstNonUTF8(bytes) {
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

    /// The offset of the first NUL byte or of the first byte that does not start a well-formed
    /// UTF-8 sequence (overlong forms, surrogates and code points past U+10FFFF included).
    static func firstNonUTF8(_ bytes: [UInt8]) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                if lead == 0 { return i }
                i += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= n else { return i }
            var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if length == 3 && (scalar < 0x800 || (0xD800...0xDFFF).contains(scalar)) { return i }
            if length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF) { return i }
            i += length
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
