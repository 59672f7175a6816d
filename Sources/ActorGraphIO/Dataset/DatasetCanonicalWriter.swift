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
        let value = DatasetJSONWriter.json(dataset)
        switch format {
        case .json: return value.serialized(pretty: true) + "\n"
        case .yaml:
            var out = ""
            YAMLEmitter.mapping(value, indent: 0, into: &out)
            return out
        }
    }

    /// Writes `dataset` to `path` atomically (``AtomicFile``).
    /// - Throws: ``FileError`` when the file cannot be written.
    public static func write(_ dataset: Dataset, format: Format, to path: String) throws {
        switch format {
        case .json:
            var bytes = DatasetJSONWriter.json(dataset).serializedBytes(pretty: true)
            bytes.append(UInt8(ascii: "\n"))
            try AtomicFile.write(Data(bytes), to: path)
        case .yaml:
            try AtomicFile.write(string(for: dataset, format: format), to: path)
        }
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
    /// starts without indentation when `firstInline` (after a list's `- `).
    static func mapping(_ value: JSONValue, indent: Int, firstInline: Bool = false, into out: inout String) {
        guard case .object(let members) = value else { return }
        var first = true
        for (key, member) in members where !isAbsent(member) {
            if !(first && firstInline) { out += String(repeating: " ", count: indent) }
            first = false
            out += scalar(.string(key), inFlow: false) + ":"
            switch member {
            case .array(let items) where items.allSatisfy(isScalar):
                out += " [" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
            case .array(let items):
                out += "\n"
                for item in items {
                    out += String(repeating: " ", count: indent + 2) + "- "
                    if case .object = item {
                        mapping(item, indent: indent + 4, firstInline: true, into: &out)
                    } else {
                        out += scalar(item, inFlow: false) + "\n"
                    }
                }
            case .object:
                out += "\n"
                mapping(member, indent: indent + 2, into: &out)
            default:
                out += " " + scalar(member, inFlow: false) + "\n"
            }
        }
    }

    static let keywords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    static func scalar(_ value: JSONValue, inFlow: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return JSONValue.format(d)
        case .string(let s): return isPlain(s) ? s : quoted(s)
        case .array, .object: return "null"
        }
    }

    static func isPlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first),
              s.last != " ", !keywords.contains(s.lowercased()) else { return false }
        return s.unicodeScalars.allSatisfy { c in
            (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || " ._()/'-".unicodeScalars.contains(c)
        } && !s.contains("  ")
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
