/// One CSV cell as ActorGraph writes it: RFC 4180 quoting and spreadsheet neutralisation.
///
/// The neutralisation is OWASP's rule for CSV injection: a text cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, after any number of `'`, gets one more `'` in front,
/// so a spreadsheet shows it as text instead of running it as a formula. Numbers stay numbers
/// (`-2.5` is not prefixed). ActorGraph's CSV readers remove exactly one such `'` again
/// (``unneutralised(_:)``), so `-x` is written `'-x`, `'-x` is written `''-x`, and a round trip
/// is exact. This is the one rule for every CSV ActorGraph writes (the CLI's tables and the
/// graph files of ``CSVGraphWriter``).
public enum CSVCell {
    /// The characters a spreadsheet may read as the start of a formula: the reader's
    /// ``CSVEdgeListReader/formulaTriggers``, so writer and reader share one list.
    public static var formulaTriggers: Set<Character> { CSVEdgeListReader.formulaTriggers }

    /// `text` as one CSV field: neutralised, then quoted when it holds a comma, a quote or a
    /// line break. O(length).
    public static func field(_ text: String) -> String {
        let s = neutralised(text)
        // Scalars, not characters: "\r\n" is one `Character`, equal to neither "\r" nor "\n".
        return s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
    }

    /// `text` with a `'` in front when a spreadsheet could run it as a formula: it is zero or
    /// more `'` then a formula trigger, and not a number.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }), formulaTriggers.contains(Character(first)),
            Double(text) == nil
        else { return text }
        return "'" + text
    }

    /// `field` without the `'` that ``neutralised(_:)`` added: the reader's rule,
    /// ``CSVEdgeListReader/unneutralised(_:)``.
    public static func unneutralised(_ field: String) -> String {
        CSVEdgeListReader.unneutralised(field)
    }
}

extension String {
    /// Every occurrence of `target` replaced, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
