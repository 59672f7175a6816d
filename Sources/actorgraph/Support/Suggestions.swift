import ActorGraph

/// "Did you mean" for words typed on the command line.
enum Suggestions {
    /// The candidates closest to `word`: those it is a prefix of, then by edit distance (at most
    /// half the word's length, so unrelated names are not offered); ties in the given order.
    static func closest(to word: String, among candidates: [String], limit: Int) -> [String] {
        let word = word.lowercased()
        return candidates.enumerated()
            .map { (i, c) in (c.hasPrefix(word) || word.hasPrefix(c) ? 0 : 1, editDistance(c, word), i, c) }
            .filter { $0.0 == 0 || $0.1 <= max(2, word.count / 2) }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
            .prefix(limit).map(\.3)
    }
}
