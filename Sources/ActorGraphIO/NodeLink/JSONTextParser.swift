import ActorGraphCore

/// A JSON value as read from text, each with the byte offset it starts at, so errors can name
/// `file:line:column`.
struct LocatedJSON {
    enum Value {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([LocatedJSON])
        /// Members in file order.
        case object([(key: String, value: LocatedJSON)])
    }
    let value: Value
    let offset: Int

    /// The value of `key` in an object (the first, if repeated).
    subscript(key: String) -> LocatedJSON? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// A short description for error messages.
    var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// A strict JSON (RFC 8259) parser that keeps where each value starts.
///
/// Integers without fraction or exponent that fit `Int` stay integers; other numbers are
/// `Double`. Nesting is bounded (512 levels), so hostile input cannot exhaust the stack.
///
/// - Complexity: O(text length).
struct JSONTextParser {
    static let depthLimit = 512
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    struct Failure: Error { let offset: Int; let message: String }

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses the whole text as one value.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> LocatedJSON {
        var parser = JSONTextParser(bytes)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { parser.i = 3 }
        let value = try parser.value()
        parser.skipSpace()
        if parser.i < bytes.count { throw Failure(offset: parser.i, message: "text after the JSON value") }
        return value
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws(Failure) -> LocatedJSON {
        skipSpace()
        guard i < bytes.count else { throw Failure(offset: i, message: "the JSON text ends where a value was expected") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > JSONTextParser.depthLimit { throw Failure(offset: i, message: "nested more than \(JSONTextParser.depthLimit) levels deep") }
            i += 1
            var members: [(key: String, value: LocatedJSON)] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return LocatedJSON(value: .object(members), offset: start) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw Failure(offset: i, message: "expected a member name in quotes") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw Failure(offset: i, message: "expected ':' after the member name") }
                i += 1
                members.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw Failure(offset: i, message: "the JSON text ends inside an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return LocatedJSON(value: .object(members), offset: start) }
                throw Failure(offset: i, message: "expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > JSONTextParser.depthLimit { throw Failure(offset: i, message: "nested more than \(JSONTextParser.depthLimit) levels deep") }
            i += 1
            var items: [LocatedJSON] = []
            skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return LocatedJSON(value: .array(items), offset: start) }
            while true {
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw Failure(offset: i, message: "the JSON text ends inside a list") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return LocatedJSON(value: .array(items), offset: start) }
                throw Failure(offset: i, message: "expected ',' or ']' in a list")
            }
        case UInt8(ascii: "\""):
            return LocatedJSON(value: .string(try string()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return LocatedJSON(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return LocatedJSON(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return LocatedJSON(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return LocatedJSON(value: try number(), offset: start)
        default:
            // Python's json module writes NaN and Infinity; they are not JSON.
            throw Failure(offset: i, message: "expected a JSON value (NaN and Infinity are not JSON)")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw Failure(offset: i, message: "expected a JSON value")
        }
        i += w.count
    }

    private mutating func number() throws(Failure) -> LocatedJSON.Value {
        let start = i
        var integral = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int { let s = i; while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }; return i - s }
        guard digits() > 0 else { throw Failure(offset: start, message: "a number needs digits") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false; i += 1
            guard digits() > 0 else { throw Failure(offset: i, message: "a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false; i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw Failure(offset: i, message: "a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int(text) { return .int(n) }
        guard let d = Double(text), d.isFinite else { throw Failure(offset: start, message: "the number \(text) is out of range") }
        return .double(d)
    }

    private mutating func string() throws(Failure) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw Failure(offset: open, message: "the string is not valid UTF-8") }
                return s
            }
            if b < 0x20 { throw Failure(offset: i, message: "a control character inside a string must be escaped") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") else {
                        throw Failure(offset: i, message: "a lone UTF-16 surrogate in a string")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure(offset: i, message: "a lone UTF-16 surrogate in a string") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw Failure(offset: i, message: "a lone UTF-16 surrogate in a string")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
            default:
                throw Failure(offset: i, message: "an unknown escape in a string")
            }
            i += 1
        }
        throw Failure(offset: open, message: "the string opened here is never closed")
    }

    /// Reads the 4 hex digits after `\u`, leaving `i` on the last one.
    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 < bytes.count, let code = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16) else {
            throw Failure(offset: i, message: "\\u needs four hex digits")
        }
        i += 4
        return code
    }
}
