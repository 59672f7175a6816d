internal import Yams

/// Turns Yams' syntax errors into short diagnostics located where the problem is.
///
/// Yams reports a duplicate key with the whole document as "context" and the mark of the key's
/// *first* occurrence, and a reader error (a NUL byte, a control character) as a character offset.
/// This finds the repeated key itself and the line and column of the offset.
enum YAMLSyntaxLocation {
    /// Longest value quoted in a message.
    static let valueLimit = 40

    /// `text` in quotes, cut to ``valueLimit`` characters.
    static func quoted(_ text: String) -> String {
        text.count > valueLimit ? "'\(text.prefix(valueLimit))…'" : "'\(text)'"
    }

    /// The line and column (1-based, columns in Unicode scalars, as libyaml counts) of the
    /// character at `offset`; line breaks are LF, CRLF, CR, NEL, LS and PS, as in YAML 1.1.
    static func location(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if isBreak(character) {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }

    private static func isBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}"
    }

    /// The index of the scalar at a libyaml mark (1-based line and column).
    private static func scalarIndex(of mark: Mark, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1, i = 0
        while line < mark.line {
            guard i < scalars.count else { return nil }
            let s = scalars[i]
            if s == "\r" {
                if i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                line += 1
            } else if s == "\n" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                line += 1
            }
            i += 1
        }
        let index = i + mark.column - 1
        return index < scalars.count ? index : nil
    }

    /// The mark of the repeated `key` in the mapping whose key `key` starts at `first`, or nil.
    ///
    /// The key at `first` is altered (one scalar replaced by a private-use character, which keeps
    /// every line and column where it was) and the text composed again: the mapping then
    /// composes, or the composer names the next repeat. At most a few rounds, each O(file size).
    static func repeatedKey(_ key: String, first: Mark, in text: String) -> Mark? {
        var scalars = Array(text.unicodeScalars)
        var disable = first
        for _ in 0..<8 {
            guard var i = scalarIndex(of: disable, in: scalars) else { return nil }
            if scalars[i] == "\"" || scalars[i] == "'" { i += 1 }
            guard i < scalars.count, scalars[i] != "\"", scalars[i] != "'" else { return nil }
            scalars[i] = scalars[i] == "\u{E000}" ? "\u{E001}" : "\u{E000}"
            var edited = String.UnicodeScalarView()
            edited.append(contentsOf: scalars)
            do {
                guard let root = try Yams.compose(yaml: String(edited)) else { return nil }
                var budget = 2_000_000
                return search(root, key: key, first: first, budget: &budget)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                // The same mapping: the next occurrence after the first is the repeat.
                if duplicates.contains(key), (context.mark.line, context.mark.column) > (first.line, first.column) {
                    return context.mark
                }
                disable = context.mark // another mapping's duplicate: take it out too
            } catch {
                return nil
            }
        }
        return nil
    }

    /// Depth-first search for the mapping holding a key at `first`, then its next key `key`.
    private static func search(_ node: Node, key: String, first: Mark, budget: inout Int) -> Mark? {
        budget -= 1
        guard budget > 0 else { return nil }
        switch node {
        case .mapping(let mapping):
            var seenFirst = false
            for (k, _) in mapping {
                if let m = k.mark, m.line == first.line, m.column == first.column { seenFirst = true; continue }
                if seenFirst, case .scalar(let s) = k, s.string == key { return k.mark }
            }
            for (k, v) in mapping {
                if let found = search(k, key: key, first: first, budget: &budget) { return found }
                if let found = search(v, key: key, first: first, budget: &budget) { return found }
            }
            return nil
        case .sequence(let sequence):
            for item in sequence {
                if let found = search(item, key: key, first: first, budget: &budget) { return found }
            }
            return nil
        case .scalar, .alias:
            return nil
        }
    }

    /// The diagnostic for Yams' duplicate-key error: at the repeat, naming the first occurrence.
    static func duplicateKeys(_ duplicates: [String], first: Mark, text: String, file: String) -> Diagnostic {
        let key = duplicates.first ?? ""
        let others = duplicates.dropFirst().map(quoted)
        let also = others.isEmpty ? "" : "; also repeated in this mapping: \(others.prefix(5).joined(separator: ", "))\(others.count > 5 ? ", …" : "")"
        let firstAt = "first at line \(first.line), column \(first.column)"
        if key == "<<" {
            return Diagnostic(
                file: file, line: first.line, column: first.column,
                message: "a mapping may have only one merge key '<<'; merge several mappings with '<<: [*a, *b]'")
        }
        if let repeat_ = repeatedKey(key, first: first, in: text) {
            return Diagnostic(
                file: file, line: repeat_.line, column: repeat_.column,
                message: "duplicate key \(quoted(key)) in this mapping (\(firstAt))\(also)")
        }
        return Diagnostic(
            file: file, line: first.line, column: first.column,
            message: "duplicate key \(quoted(key)): it is repeated later in this mapping\(also)")
    }
}
