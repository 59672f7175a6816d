public import ActorGraphCore
internal import Foundation
internal import Yams

/// Checks a valid dataset for things that are allowed but probably wrong, and reports each as a
/// located warning (`FILE:LINE:COLUMN: warning: ...`). `actorgraph validate` prints them and still
/// exits 0.
///
/// The rules:
/// - **Kind against CAMEO family.** An event's kind must not contradict the QuadClass family of its
///   CAMEO code (GDELT: 01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal
///   conflict, 15-20 material conflict; see ``CAMEOQuadClass``): a `meeting` or `cooperation` with
///   a conflict code, a `dispute` with a cooperation code, a `meeting` whose code is a statement
///   (01x) or an intent (03x) rather than contact. A code that is not in the shipped CAMEO table
///   is reported too. Statements may carry any code: saying is verbal, whatever is said.
/// - **Ambiguous aliases.** A one-word alias of one actor that is also a whole word of another
///   actor's name (the alias `Park` of Park Jie-won against "Park Geun-hye"). Words are separated
///   by spaces and compared case-insensitively without surrounding punctuation; hyphenated words
///   stay whole ("Jie-won"). An institution named after the actor it belongs to is not a clash: the
///   alias `Seoul` of South Korea against "Seoul district court", affiliated to South Korea.
///
/// Warnings are located at the offending value: the event's `cameo`, or the alias in `aliases`.
/// - Complexity: O(events + A·W) where A is the number of one-word aliases and W the number of
///   words in all actor names (a hash set per name word), plus one pass over the file's nodes.
public enum DatasetLint {
    /// The warnings for `dataset`, read from `text` (YAML or JSON) named `file` in diagnostics.
    /// - Parameters:
    ///   - dataset: the dataset as read from `text`.
    ///   - text: the file's text, which locates each warning at its line and column.
    ///   - file: the name the diagnostics give the file.
    ///   - cameo: the CAMEO table to check codes against; the shipped one by default.
    /// - Throws: ``InputError`` only when the shipped CAMEO table cannot be loaded.
    public static func warnings(
        for dataset: Dataset, text: String, file: String,
        cameo: CAMEOCatalog? = nil
    ) throws -> [Diagnostic] {
        let catalog = try cameo ?? CAMEOCatalog.shipped()
        let places = Locations(text: text)
        var warnings: [Diagnostic] = []
        func warn(_ mark: (line: Int, column: Int)?, _ message: String) {
            let at = mark ?? (1, 1)
            warnings.append(Diagnostic(file: file, line: at.line, column: at.column, severity: .warning, message: message))
        }
        for event in dataset.events {
            if let message = kindProblem(event, catalog: catalog) {
                warn(places.eventCAMEO[event.id], message)
            }
        }
        for clash in aliasClashes(dataset) {
            warn(
                places.alias[clash.owner]?[clash.alias],
                "the alias '\(clash.alias)' of '\(clash.owner)' is also a word of the name '\(clash.otherName)' of '\(clash.other)'; "
                    + "as a name it is ambiguous (use a fuller alias, or none)")
        }
        return warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The warnings for the dataset file at `path`, already read into `dataset`.
    /// - Throws: ``InputError`` when the file cannot be read again or the CAMEO table cannot be loaded.
    public static func warnings(for dataset: Dataset, path: String) throws -> [Diagnostic] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, "cannot read the file", code: .unreadable)
        }
        return try warnings(for: dataset, text: text, file: path)
    }

    /// Why `event`'s kind contradicts its CAMEO code, or `nil` when it does not (or has no code).
    static func kindProblem(_ event: EventRecord, catalog: CAMEOCatalog) -> String? {
        guard let code = event.cameo else { return nil }
        guard let family = CAMEOQuadClass(code: code) else {
            return "event '\(event.id)': '\(code)' is not a CAMEO code (two to four digits, root 01-20)"
        }
        let described = catalog.description(of: code).map { " (\($0))" } ?? ""
        guard catalog.entry(code) != nil else {
            return "event '\(event.id)': CAMEO code \(code) is not in the CAMEO table"
        }
        let root = CAMEOQuadClass.root(of: code)!
        switch event.kind {
        case .meeting where root == 1 || root == 3:
            return
                "event '\(event.id)' is a meeting, but CAMEO \(code)\(described) is \(root == 1 ? "a public statement" : "an intent"), not contact; make it a statement, or give a 04x code if the parties met"
        case .meeting where family.isConflict, .cooperation where family.isConflict:
            return "event '\(event.id)' is a \(event.kind.rawValue), but CAMEO \(code)\(described) is \(family) (QuadClass \(family.rawValue))"
        case .dispute where family.isCooperation:
            return "event '\(event.id)' is a dispute, but CAMEO \(code)\(described) is \(family) (QuadClass \(family.rawValue))"
        default:
            return nil
        }
    }

    struct AliasClash: Hashable {
        let owner: String, alias: String, other: String, otherName: String
    }

    /// One-word aliases that are a whole word of another actor's name, unless that actor belongs
    /// (through its affiliations) to the alias's owner.
    static func aliasClashes(_ dataset: Dataset) -> [AliasClash] {
        var byWord: [String: [Int]] = [:]
        for (i, actor) in dataset.actors.enumerated() {
            for word in Set(words(actor.name)) { byWord[word, default: []].append(i) }
        }
        func belongs(_ index: Int, to owner: Int) -> Bool {
            var seen = Set<Int>()
            var current = dataset.actors[index].affiliation?.index
            while let c = current, seen.insert(c).inserted {
                if c == owner { return true }
                current = dataset.actors[c].affiliation?.index
            }
            return false
        }
        var clashes: [AliasClash] = []
        for (i, actor) in dataset.actors.enumerated() {
            for alias in actor.aliases {
                let aliasWords = words(alias)
                guard aliasWords.count == 1 else { continue }
                for j in byWord[aliasWords[0]] ?? [] where j != i && !belongs(j, to: i) {
                    clashes.append(
                        AliasClash(
                            owner: actor.id, alias: alias, other: dataset.actors[j].id,
                            otherName: dataset.actors[j].name))
                }
            }
        }
        return clashes
    }

    /// The words of a name: split at spaces, surrounding punctuation dropped, case-folded.
    static func words(_ name: String) -> [String] {
        name.split(whereSeparator: \.isWhitespace).map {
            $0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)).lowercased()
        }.filter { !$0.isEmpty }
    }

    /// Where the values the rules point at sit in the file: an event's `cameo` value by event id,
    /// an alias by actor id and alias text.
    struct Locations {
        var eventCAMEO: [String: (line: Int, column: Int)] = [:]
        var alias: [String: [String: (line: Int, column: Int)]] = [:]

        init(text: String) {
            guard let root = try? Yams.compose(yaml: text), case .mapping(let top) = root else { return }
            func mark(_ node: Node?) -> (line: Int, column: Int)? { node?.mark.map { ($0.line, $0.column) } }
            func scalar(_ node: Node?) -> String? {
                if case .scalar(let s)? = node { return s.string }
                return nil
            }
            if case .sequence(let events)? = top["events"] {
                for case .mapping(let m) in events {
                    if let id = scalar(m["id"]) { eventCAMEO[id] = mark(m["cameo"]) ?? mark(m["id"]) }
                }
            }
            if case .sequence(let actors)? = top["actors"] {
                for case .mapping(let m) in actors {
                    guard let id = scalar(m["id"]), case .sequence(let aliases)? = m["aliases"] else { continue }
                    for node in aliases {
                        if let text = scalar(node) { alias[id, default: [:]][text] = mark(node) }
                    }
                }
            }
        }
    }
}
