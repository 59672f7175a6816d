/// Text made safe for the two places the explorer page puts data: HTML text and a `<script>`
/// element holding JSON.
///
/// Names, quotes and titles come from datasets and may hold anything, markup included. HTML text
/// escapes the five characters that could start markup or end an attribute. JSON inside
/// `<script type="application/json">` is read by the HTML parser first, which ends the element at
/// the first `</script` and treats `<!--` specially; so every `<`, `>` and `&` is written as a
/// `\u` escape, which JSON reads back unchanged, and so are U+2028 and U+2029 (line terminators
/// in older JavaScript). Those characters only occur inside JSON strings, so replacing them in
/// the serialized text is exact.
public enum ScriptSafe {
    /// `text` escaped for HTML text and attribute values: `&`, `<`, `>`, `"` and `'`.
    /// - Complexity: O(length of `text`).
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
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Serialized JSON with `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, so that it
    /// can neither close its `<script>` element nor open a comment in it.
    /// - Complexity: O(length of `json`).
    public static func scriptJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
