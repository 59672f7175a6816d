public import ActorGraphCore
import Foundation

/// The dataset written back canonically, as YAML or JSON: one text per dataset, whatever file it
/// was read from, so that reading the output and writing it again gives the same bytes.
///
/// Both forms write the value ``DatasetJSONWriter`` builds, so they cover every part of the
/// model that writer covers, in its stable key order:
/// - **JSON**: that value, indented by two spaces, with a final newline (absent values `null`).
/// - **YAML**: the same keys in the same order, in block style; absent values and empty lists
///   are left out (the reader treats both as absent); lists of plain values (aliases,
///   participants) in flow style (`[a, b]`). A text is written plain when it is made of
///   letters, digits, spaces and `. _ ( ) / ' -` only, starts with a letter or digit, does not
///   end with a space and is no YAML keyword (`true`, `null`, `yes`, …); otherwise it is
///   double-quoted with JSON's escapes (and `\uXXXX` for characters YAML does not print).
///   Comments in the source file are not kept.
///
/// - Complexity: O(size of the dataset).
public enum DatasetCanonicalWriter {
    /// The two forms.
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case yaml, json
    }

    /// The canonical text of `dataset` in `format`.
    public static func string(for dataset: Dataset, format: Format) -> String {
        String(decoding: bytes(for: dataset, format: format), as: UTF8.self)
    }

    /// The canonical text of `dataset` in `format`, as UTF-8 bytes.
    static func bytes(for dataset: Dataset, format: Format) -> [UInt8] {
        let value = DatasetJSONWriter.json(dataset)
        switch format {
        case .json:
            var out = value.serializedBytes(pretty: true)
            out.append(UInt8(ascii: "\n"))
            return out
        case .yaml:
            var out: [UInt8] = []
            YAMLEmitter.mapping(value, indent: 0, into: &out)
            return out
        }
    }

    /// Writes `dataset` to `path` atomically (``AtomicFile``).
    /// - Throws: ``FileError`` when the file cannot be written.
    public static func write(_ dataset: Dataset, format: Format, to path: String) throws {
        try AtomicFile.write(Data(bytes(for: dataset, format: format)), to: path)
    }
}

/// Block-style YAML for a ``JSONValue`` tree of objects, lists and scalars.
enum YAMLEmitter {
    static func isAbsent(_ value: JSONValue) -> Bool {
        switch value {
        case .null: true
        case .array(let items): items.isEmpty
        default: false
        }
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    /// The members of an object, each on its own line at `indent`; the first member's line
    /// starts without indentation when `firstInline` (after a list's `- `). Written as UTF-8
    /// bytes into `out`.
    static func mapping(_ value: JSONValue, indent: Int, firstInline: Bool = false, into out: inout [UInt8]) {
        guard case .object(let members) = value else { return }
        var first = true
        for (key, member) in members where !isAbsent(member) {
            if !(first && firstInline) { spaces(indent, into: &out) }
            first = false
            scalar(.string(key), into: &out)
            out.append(UInt8(ascii: ":"))
            switch member {
            case .array(let items) where items.allSatisfy(isScalar):
                out += " [".utf8
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", ".utf8 }
                    scalar(item, into: &out)
                }
                out += "]\n".utf8
            case .array(let items):
                out.append(UInt8(ascii: "\n"))
                for item in items {
                    spaces(indent + 2, into: &out)
                    out += "- ".utf8
                    if case .object = item {
                        mapping(item, indent: indent + 4, firstInline: true, into: &out)
                    } else {
                        scalar(item, into: &out)
                        out.append(UInt8(ascii: "\n"))
                    }
                }
            case .object:
                out.append(UInt8(ascii: "\n"))
                mapping(member, indent: indent + 2, into: &out)
            default:
                out.append(UInt8(ascii: " "))
                scalar(member, into: &out)
                out.append(UInt8(ascii: "\n"))
            }
        }
    }

    static func spaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    static let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    /// A scalar as YAML writes it: plain text when ``isPlain(_:)``, otherwise ``quoted(_:into:)``.
    static func scalar(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .int(let i): out += String(i).utf8
        case .number(let d): out += JSONValue.format(d).utf8
        case .string(let s): if isPlain(s) { out += s.utf8 } else { quoted(s, into: &out) }
        case .array, .object: out += "null".utf8
        }
    }

    /// Whether `s` can be written unquoted: ASCII letters, digits, spaces and `. _ ( ) / ' -`
    /// only, starting with a letter or digit, not ending with a space, no two spaces in a row,
    /// and no YAML keyword (any case).
    static func isPlain(_ s: String) -> Bool {
        var previous: UInt8 = 0, count = 0
        for b in s.utf8 {
            let alphanumeric = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            if count == 0 && !alphanumeric { return false }
            switch b {
            case _ where alphanumeric: break
            case UInt8(ascii: " "): if previous == b { return false }
            case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"),
                UInt8(ascii: "'"), UInt8(ascii: "-"):
                break
            default: return false
            }
            previous = b
            count += 1
        }
        guard count > 0, previous != UInt8(ascii: " ") else { return false }
        return count > 5 || !keywords.contains(s.lowercased())
    }

    /// `s` double-quoted with JSON's escapes, and `\\uXXXX` for the characters YAML does not print.
    static func quoted(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#.utf8
            case "\\": out += #"\\"#.utf8
            case "\n": out += #"\n"#.utf8
            case "\r": out += #"\r"#.utf8
            case "\t": out += #"\t"#.utf8
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += #"\u"#.utf8
                out += String(repeating: "0", count: 4 - hex.count).utf8
                out += hex.utf8
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
