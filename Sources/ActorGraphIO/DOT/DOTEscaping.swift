/// Escaping of text for DOT files, so that no id, label or tooltip can break out of its
/// string, inject attributes, change the meaning of Graphviz's escape sequences or produce
/// invalid SVG.
///
/// Every id and value is written as a double-quoted DOT string. Inside one, the DOT scanner
/// only treats `\"` (a quote) and `\\` specially, so `"];`, `->`, `<script>`, `:` (port syntax
/// applies to unquoted ids only) and `{`/`}` are plain characters. Labels additionally go
/// through Graphviz's label escapes (`\N`, `\G`, `\n`, `\l`...), which doubled backslashes
/// neutralise, and through entity decoding (`&amp;`), which escaping `&` neutralises.
public enum DOTEscaping {
    /// A quoted DOT string for an **id** or a plain attribute value: `"` and `\` are escaped,
    /// line breaks become `\n`/`\r`, other control characters (invalid in SVG's XML) become
    /// U+FFFD. Distinct ids stay distinct (except ids that differ only in control characters).
    /// - Complexity: O(length).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += " "
            default: out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        out += "\""
        return out
    }

    /// A quoted DOT string for **displayed text** (labels, tooltips): shown exactly as given.
    ///
    /// Backslashes are doubled (so `\N` or `\l` in a name are not Graphviz escapes), quotes
    /// escaped, `&` written `&amp;` (Graphviz decodes entities in labels), line breaks become
    /// centred line breaks (`\n`), tabs a space, other control characters U+FFFD.
    /// - Complexity: O(length).
    public static func text(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default: out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        out += "\""
        return out
    }

    /// Text escaped for the inside of an HTML-like label (`label=<...>`): `&`, `<`, `>`, `"`
    /// and `'` become entities, line breaks become `<BR/>`, control characters U+FFFD.
    /// - Complexity: O(length).
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<BR/>"
            case "\r", "\t": out += " "
            default: out.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// An attribute or graph name as DOT wants it: bare when it is a plain identifier, quoted
    /// otherwise.
    public static func name(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
            text.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }),
            !reserved.contains(text.lowercased())
        else {
            return quoted(text)
        }
        return text
    }

    private static let reserved: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    /// C0 and C1 controls and U+FFFE/U+FFFF, which XML 1.0 does not allow.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
