/// How a name given by a user resolved to an actor, so a tool can say what it chose and why.
public struct ActorMatch: Hashable, Sendable {
    /// Which of the actor's spellings matched.
    public enum Spelling: Hashable, Sendable {
        case id
        case name
        /// One of the actor's aliases, as the dataset spells it.
        case alias(String)
    }

    public let actor: ActorID
    public let spelling: Spelling
    /// Other actors that have the matched alias as a word of their name (`Park` for Park
    /// Geun-hye when the alias `Park` chose Park Jie-won): the text was ambiguous to a reader,
    /// though not to the lookup. Empty for ids and names.
    public let alsoNamed: [ActorID]
}

extension Dataset {
    /// The words of a name as lookups compare them: case-folded, split at spaces, hyphens,
    /// dots and underscores ("Kim Jin-pyo" -> `["kim", "jin", "pyo"]`).
    public static func nameTokens(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." || $0 == "_" || $0 == "\t" })
            .map(String.init)
    }

    /// Resolves `text` as ``actorID(named:)`` does and says how: by id, name or alias, and for
    /// an alias which other actors have it as a word of their name. O(actors x name length).
    public func match(actor text: String) -> ActorMatch? {
        guard let actor = actorID(named: text) else { return nil }
        let record = self[actor]
        if record.id == text { return ActorMatch(actor: actor, spelling: .id, alsoNamed: []) }
        let key = Dataset.nameKey(text)
        if Dataset.nameKey(record.name) == key {
            return ActorMatch(actor: actor, spelling: .name, alsoNamed: [])
        }
        let alias = record.aliases.first { Dataset.nameKey($0) == key } ?? text
        let words = Dataset.nameTokens(alias)
        let others = actors.indices.filter { i in
            i != actor.index && Dataset.containsWords(Dataset.nameTokens(actors[i].name), words)
        }.map { ActorID($0) }
        return ActorMatch(actor: actor, spelling: .alias(alias), alsoNamed: others)
    }

    /// True when `words` occur as consecutive whole words of `name`.
    static func containsWords(_ name: [String], _ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= name.count else { return false }
        return (0...(name.count - words.count)).contains { Array(name[$0..<($0 + words.count)]) == words }
    }

    /// Actors to suggest after a failed lookup of `text`, best first: those with `text` as a
    /// whole word of their name or an alias (`Kim` -> Kim Jin-pyo, Kim Jong-un), then those with
    /// a word that starts with it, then the rest by edit distance to the closest of their id,
    /// name and aliases; ties in dataset order. O(actors x name length²).
    public func rankedSuggestions(for text: String, limit: Int = 3) -> [ActorID] {
        let key = Dataset.nameKey(text)
        let queryWords = Dataset.nameTokens(text)
        guard !key.isEmpty else { return [] }
        var scored: [(rank: Int, distance: Int, index: Int)] = []
        for (i, actor) in actors.enumerated() {
            let spellings = [actor.name] + actor.aliases
            let words = spellings.flatMap(Dataset.nameTokens)
            let distance = ([actor.id] + spellings).map { editDistance(Dataset.nameKey($0), key) }.min() ?? .max
            let rank: Int
            if spellings.contains(where: { Dataset.containsWords(Dataset.nameTokens($0), queryWords) }) {
                rank = 0
            } else if words.contains(where: { $0.hasPrefix(key) }) || Dataset.nameKey(actor.name).hasPrefix(key) {
                rank = 1
            } else {
                rank = 2
            }
            scored.append((rank, distance, i))
        }
        return scored.sorted { ($0.rank, $0.distance, $0.index) < ($1.rank, $1.distance, $1.index) }
            .prefix(limit).map { ActorID($0.index) }
    }
}
