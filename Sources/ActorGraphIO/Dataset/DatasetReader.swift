public import ActorGraphCore
public import Foundation
internal import Yams

/// Reads and validates dataset files: YAML (`.yaml`, `.yml`) or JSON (`.json`) with the schema
/// documented in `docs/dataset-format.md`.
///
/// Validation reports **every** problem at once, each located as `FILE:LINE:COLUMN`: YAML or
/// JSON syntax, wrong types, unknown keys, unknown actor or source references, duplicate ids,
/// bad dates, unknown kinds, a name or alias that names two actors, an event without a citation,
/// a tone off the Goldstein scale, affiliations that break the person -> institution -> state
/// order, an unknown `schema` version, relations in a schema 1 file, a relation that does not tie
/// two different actors. JSON is read through the same parser (JSON is YAML's flow style), so JSON errors are
/// located too.
///
/// - Complexity: O(file size + actors + events·participants); reference checks are hash lookups.
public enum DatasetReader {
    /// Reads the dataset at `path`.
    /// - Throws: ``InputError`` with one ``Diagnostic`` per problem; a file that cannot be read
    ///   gives one diagnostic for the whole file (`FILE: error: no such file`, "is a directory, not
    ///   a file", "permission denied", ...; see `InputFile`) with code
    ///   `InputError.Code.unreadable`, not a ``FileError``, so a caller reporting
    ///   several files handles one error type.
    ///   With `checkQuotes`, every citation's quote must also occur verbatim in its source's
    ///   `file` (resolved against the dataset file's directory); a source without a readable file
    ///   is then an error too.
    ///
    ///   Checking a quote answers whether a string occurs in a file, so a dataset from someone else
    ///   could probe any file this process can read (`file: /etc/passwd`). `quotesRoot` bounds that:
    ///   every source file, after following links, must then lie inside that directory, or it is
    ///   an error and the file is not opened. Without it any readable file may be named.
    public static func read(path: String, checkQuotes: Bool = false, quotesRoot: String? = nil) throws -> Dataset {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path)
        } catch let error as FileError {
            // An InputError, so `validate` reports it with the file's other problems and goes on.
            throw InputError([Diagnostic(file: path, message: error.reason)], code: .unreadable)
        }
        // A UTF-8 byte order mark is not part of the text (libyaml would read it as content).
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(validating: bytes.dropFirst(hasBOM ? 3 : 0), as: UTF8.self) else {
            throw InputError(file: path, "the file is not valid UTF-8", code: .unreadable)
        }
        let directory = checkQuotes ? URL(fileURLWithPath: path).deletingLastPathComponent() : nil
        var root: String?
        if checkQuotes, let quotesRoot {
            guard let resolved = QuoteSourceBounds.resolve(quotesRoot), QuoteSourceBounds.isDirectory(resolved) else {
                throw InputError([Diagnostic(file: quotesRoot, message: "the quotes root is not an existing directory")], code: .unreadable)
            }
            root = resolved
        }
        return try read(text: text, file: path, quoteDirectory: directory, quotesRoot: root, visitLimit: NodeWalker.visitLimit)
    }

    /// Reads a dataset from `text`; `file` names it in diagnostics. With `quoteDirectory`,
    /// quotes are checked against source files resolved against that directory.
    public static func read(text: String, file: String, quoteDirectory: URL? = nil) throws -> Dataset {
        try read(text: text, file: file, quoteDirectory: quoteDirectory, visitLimit: NodeWalker.visitLimit)
    }

    /// ``read(text:file:quoteDirectory:)`` with the alias-expansion bound set (tests use a small one)
    /// and, optionally, the resolved directory every quoted source file must lie in.
    static func read(text: String, file: String, quoteDirectory: URL?, quotesRoot: String? = nil, visitLimit: Int) throws -> Dataset {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(file: file, "the file is empty; expected a mapping with sources, actors and events")
            }
            root = node
        } catch let error as YamlError {
            throw InputError([syntaxDiagnostic(error, file: file)])
        }
        var parser = DatasetParser(
            walker: NodeWalker(file: file, visitLimit: visitLimit), quoteDirectory: quoteDirectory,
            quotesRoot: quotesRoot)
        let dataset = parser.parse(root)
        // In file order; problems at one place keep the order they were found in (a stable sort),
        // and one problem reported twice (a merged mapping used twice) is shown once.
        var seen = Set<Diagnostic>()
        let diagnostics = Diagnostic.inFileOrder(parser.walker.diagnostics).filter { seen.insert($0).inserted }
        guard diagnostics.isEmpty, let dataset else {
            throw InputError(diagnostics.isEmpty ? [Diagnostic(file: file, line: 1, column: 1, message: "invalid dataset")] : diagnostics)
        }
        return dataset
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "syntax error: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // `context.text` is the whole document: never printed, only searched for the repeat.
            return YAMLSyntaxLocation.duplicateKeys(duplicates, first: context.mark, text: context.text, file: file)
        case let .reader(problem, offset, value, yaml):
            guard let offset else { return Diagnostic(file: file, line: 1, column: 1, message: "cannot read: \(problem)") }
            let (line, column) = YAMLSyntaxLocation.location(ofCharacterOffset: offset, in: yaml)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return Diagnostic(file: file, line: line, column: column, message: "cannot read: \(problem)\(character)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "syntax error: \(error)")
        }
    }
}

/// Two passes: the first reads every record and its ids, the second resolves references, so a
/// reference to an actor defined later in the file is fine.
struct DatasetParser {
    var walker: NodeWalker
    /// When set, quotes are checked against the source files, resolved against this directory.
    let quoteDirectory: URL?
    /// When set (a resolved absolute path), source files outside it are refused unread.
    let quotesRoot: String?
    /// Schema 3 or later: attributes, untitled sources and unquoted citations are allowed.
    var evidence = false
    private var sourceTexts: [String: String?] = [:]

    init(walker: NodeWalker, quoteDirectory: URL?, quotesRoot: String? = nil) {
        self.walker = walker
        self.quoteDirectory = quoteDirectory
        self.quotesRoot = quotesRoot
    }

    /// The text of a source's file, read once; `nil` (with one error) when it cannot be read.
    private mutating func fileText(_ source: SourceRecord, at node: Node?) -> String? {
        if let cached = sourceTexts[source.id] { return cached }
        var text: String?
        if let file = source.file, let directory = quoteDirectory {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : directory.appendingPathComponent(file)
            if let quotesRoot, !QuoteSourceBounds.contains(root: quotesRoot, path: url.path) {
                walker.error(node, "the file '\(url.path)' of source '\(source.id)' is outside the quotes root '\(quotesRoot)', so it is not read")
                sourceTexts[source.id] = .some(nil)
                return nil
            }
            do {
                text = String(validating: try InputFile.read(path: url.path), as: UTF8.self)
                if text == nil { walker.error(node, "the file '\(url.path)' of source '\(source.id)' is not valid UTF-8, so its quotes cannot be checked") }
            } catch let error as FileError {
                walker.error(node, "cannot read the file '\(url.path)' of source '\(source.id)' to check its quotes: \(error.reason)")
            } catch {
                walker.error(node, "cannot read the file '\(url.path)' of source '\(source.id)' to check its quotes")
            }
        } else {
            walker.error(node, "source '\(source.id)' has no file to check its quotes against")
        }
        sourceTexts[source.id] = .some(text)
        return text
    }

    private struct PendingActor {
        var record: ActorRecord
        var node: Node
        var affiliation: (String, Node)?
        var roles: [(title: String, of: (String, Node)?, from: EventDate?, to: EventDate?)]
    }
    private struct PendingEvent {
        var id: String, node: Node, date: EventDate?, kind: EventKind?
        var subtype: String?, participants: [(String, Node)]
        var source: (String, Node)?, target: (String, Node)?, broker: (String, Node)?
        var tone: Double?, cameo: String?, summary: String?
        var citations: [(source: (String, Node), quote: String)]
    }

    mutating func parse(_ root: Node) -> Dataset? {
        guard
            let top = walker.mapping(
                root, what: "the dataset", allowed: DatasetSchema.root,
                required: ["sources", "actors", "events"])
        else { return nil }
        let title = walker.string(top["title"], what: "title")
        let description = walker.string(top["description"], what: "description")
        let schemaVersion = self.schemaVersion(top["schema"])
        var relationNodes: [Node] = []
        if let node = top["relations"] {
            if schemaVersion < Dataset.relationsSchemaVersion {
                walker.error(
                    node,
                    "relations need 'schema: \(Dataset.relationsSchemaVersion)' at the top of the file (without it a dataset is schema 1, which has no relations)"
                )
            } else {
                relationNodes = walker.sequence(node, what: "relations") ?? []
            }
        }

        // Sources.
        var sources: [SourceRecord] = []
        var sourceIndex: [String: (SourceID, Node)] = [:]
        let evidence = schemaVersion >= Dataset.evidenceSchemaVersion
        self.evidence = evidence
        for node in top["sources"].flatMap({ walker.sequence($0, what: "sources") }) ?? [] {
            // Schema 3: a source may be only a URL, or a file and line (no title).
            guard
                let m = walker.mapping(
                    node, what: "a source", allowed: DatasetSchema.source,
                    required: evidence ? ["id"] : ["id", "title"]),
                let id = identifier(m["id"], what: "a source id")
            else { continue }
            let title: String
            if let node = m["title"] {
                guard let text = walker.string(node, what: "a source title") else { continue }
                title = text
            } else {
                title = ""
                if m["url"] == nil && m["file"] == nil {
                    walker.error(m["id"], "source '\(id)' needs a title, a url or a file")
                }
            }
            var line: Int?
            if let node = m["line"] {
                if !evidence {
                    walker.error(node, "a source's 'line' needs 'schema: \(Dataset.evidenceSchemaVersion)' at the top of the file")
                } else if let number = walker.number(node, what: "a line number") {
                    if let l = Int(exactly: number), l >= 1 { line = l } else { walker.error(node, "a line number is a whole number from 1") }
                }
                if m["file"] == nil { walker.error(node, "source '\(id)' has a line but no file") }
            }
            if let (_, first) = sourceIndex[id] {
                walker.error(m["id"], "duplicate source id '\(id)' (first defined at line \(first.mark?.line ?? 0))")
                continue
            }
            let record = SourceRecord(
                id: id, title: title, publisher: walker.string(m["publisher"], what: "publisher"),
                date: date(m["date"], what: "a source date"),
                url: walker.string(m["url"], what: "url"), file: walker.string(m["file"], what: "file"),
                line: line)
            sourceIndex[id] = (SourceID(sources.count), m["id"]!)
            sources.append(record)
        }

        // Actors, first pass.
        var pending: [PendingActor] = []
        var actorIndex: [String: (ActorID, Node)] = [:]
        for node in top["actors"].flatMap({ walker.sequence($0, what: "actors") }) ?? [] {
            guard let m = walker.mapping(node, what: "an actor", allowed: DatasetSchema.actor, required: ["id", "name", "kind"]),
                let id = identifier(m["id"], what: "an actor id"),
                let name = walker.string(m["name"], what: "an actor name")
            else { continue }
            let kind: ActorKind? = walker.string(m["kind"], what: "an actor kind").flatMap { text in
                if let k = ActorKind(rawValue: text) { return k }
                walker.error(m["kind"], "unknown actor kind '\(text)'; expected one of person, institution, state")
                return nil
            }
            if let (_, first) = actorIndex[id] {
                walker.error(m["id"], "duplicate actor id '\(id)' (first defined at line \(first.mark?.line ?? 0))")
                continue
            }
            var roles: [(title: String, of: (String, Node)?, from: EventDate?, to: EventDate?)] = []
            for r in m["roles"].flatMap({ walker.sequence($0, what: "roles") }) ?? [] {
                guard let rm = walker.mapping(r, what: "a role", allowed: DatasetSchema.role, required: ["title"]),
                    let t = walker.string(rm["title"], what: "a role title")
                else { continue }
                let of = walker.string(rm["of"], what: "a role's organisation").map { ($0, rm["of"]!) }
                let from = date(rm["from"], what: "a role start"), to = date(rm["to"], what: "a role end")
                if let from, let to, to.end < from.start {
                    walker.error(rm["to"], "role ends (\(to)) before it begins (\(from))")
                }
                roles.append((t, of, from, to))
            }
            let aliases = walker.strings(m["aliases"], what: "aliases")?.map(\.0) ?? []
            actorIndex[id] = (ActorID(pending.count), m["id"]!)
            pending.append(
                PendingActor(
                    record: ActorRecord(
                        id: id, name: name, kind: kind ?? .person, aliases: aliases,
                        description: walker.string(m["description"], what: "description")),
                    node: node, affiliation: walker.string(m["affiliation"], what: "an affiliation").map { ($0, m["affiliation"]!) },
                    roles: roles))
        }

        // Actors, second pass: references, affiliation order, names and aliases.
        func resolveActor(_ ref: (String, Node)?, _ what: String) -> ActorID? {
            guard let (text, node) = ref else { return nil }
            if let (id, _) = actorIndex[text] { return id }
            walker.error(node, "\(what) '\(text)' is not an actor id\(suggestion(text, actorIndex.keys))")
            return nil
        }
        var names: [String: (String, Node)] = [:]
        for i in pending.indices {
            let actor = pending[i]
            pending[i].record.affiliation = resolveActor(actor.affiliation, "affiliation")
            if let aff = pending[i].record.affiliation {
                let parent = pending[aff.index].record
                switch (actor.record.kind, parent.kind) {
                case (.state, _):
                    walker.error(actor.affiliation?.1, "a state has no affiliation, but '\(actor.record.id)' names '\(parent.id)'")
                case (.person, .person):
                    walker.error(actor.affiliation?.1, "a person is affiliated to an institution or state, not to the person '\(parent.id)'")
                case (.institution, .person):
                    walker.error(actor.affiliation?.1, "an institution is affiliated to an institution or state, not to the person '\(parent.id)'")
                default: break
                }
            }
            pending[i].record.roles = actor.roles.map {
                Role(title: $0.title, organization: resolveActor($0.of, "role organisation"), from: $0.from, to: $0.to)
            }
            var checked = Set<String>()
            for name in [actor.record.name] + actor.record.aliases where checked.insert(name).inserted {
                let key = Dataset.nameKey(name)
                if let (other, _) = names[key], other != actor.record.id {
                    walker.error(actor.node, "the name or alias '\(name)' of '\(actor.record.id)' also names '\(other)'")
                } else {
                    names[key] = (actor.record.id, actor.node)
                }
            }
        }
        // Affiliation cycles among institutions.
        for i in pending.indices {
            var seen = Set<Int>([i])
            var current = pending[i].record.affiliation
            while let c = current {
                if !seen.insert(c.index).inserted {
                    walker.error(pending[i].affiliation?.1, "affiliation of '\(pending[i].record.id)' leads into a cycle")
                    break
                }
                current = pending[c.index].record.affiliation
            }
        }

        // Events.
        var events: [EventRecord] = []
        var eventIndex: [String: Node] = [:]
        for node in top["events"].flatMap({ walker.sequence($0, what: "events") }) ?? [] {
            guard
                let m = walker.mapping(
                    node, what: "an event", allowed: DatasetSchema.event,
                    required: ["id", "date", "kind", "participants", "citations"]),
                let id = identifier(m["id"], what: "an event id")
            else { continue }
            let duplicate = eventIndex[id] != nil
            if let first = eventIndex[id] {
                // Reported, and the rest of the record is still checked.
                walker.error(m["id"], "duplicate event id '\(id)' (first defined at line \(first.mark?.line ?? 0))")
            } else {
                eventIndex[id] = m["id"]!
            }
            let kind: EventKind? = walker.string(m["kind"], what: "an event kind").flatMap { text in
                if let k = EventKind(rawValue: text) { return k }
                walker.error(m["kind"], "unknown event kind '\(text)'; expected one of meeting, statement, dispute, cooperation")
                return nil
            }
            let when = date(m["date"], what: "an event date")
            let participantList = walker.strings(m["participants"], what: "participants")
            if let participantList, participantList.isEmpty {
                walker.error(m["participants"], "event '\(id)' needs at least one participant")
            }
            let participantRefs = participantList ?? []
            var participants: [ActorID] = []
            for ref in participantRefs {
                guard let a = resolveActor(ref, "participant") else { continue }
                if participants.contains(a) {
                    walker.error(ref.1, "participant '\(ref.0)' is listed twice")
                } else {
                    participants.append(a)
                }
            }
            let source = resolveActor(walker.string(m["source"], what: "an event source").map { ($0, m["source"]!) }, "source")
            let target = resolveActor(walker.string(m["target"], what: "an event target").map { ($0, m["target"]!) }, "target")
            if (m["source"] == nil) != (m["target"] == nil) {
                walker.error(
                    m["source"] ?? m["target"],
                    "event '\(id)' has a \(m["source"] == nil ? "target" : "source") but no \(m["source"] == nil ? "source" : "target"); give both or neither")
            }
            if let source, let target, source == target {
                walker.error(m["target"], "event '\(id)' has the same actor as source and target")
            }
            for end in [source, target].compactMap({ $0 }) where !participants.contains(end) {
                participants.append(end)
            }
            let broker = resolveActor(walker.string(m["broker"], what: "a broker").map { ($0, m["broker"]!) }, "broker")
            let principal = resolveActor(walker.string(m["principal"], what: "a principal").map { ($0, m["principal"]!) }, "principal")
            if m["principal"] != nil && (broker == nil || !participants.contains(broker!)) {
                walker.error(
                    m["principal"], "event '\(id)' has a principal but no participating broker; a principal is whom a participating broker (an envoy) acts for")
            }
            if let principal, principal == broker {
                walker.error(m["principal"], "event '\(id)' names the broker as its own principal")
            }
            let tone = walker.number(m["tone"], what: "a tone")
            if let tone, !(-10...10).contains(tone) {
                walker.error(m["tone"], "tone \(tone) is off the Goldstein scale -10...10")
            }
            let citations = citationList(m["citations"], owner: "event '\(id)'", sources: sources, sourceIndex: sourceIndex)
            let attributes = self.attributes(m["attributes"])
            guard !duplicate, let when, let kind, !participants.isEmpty, !citations.isEmpty else { continue }
            events.append(
                EventRecord(
                    id: id, date: when, kind: kind, subtype: walker.string(m["subtype"], what: "a subtype"),
                    participants: participants, source: source, target: target, broker: broker, principal: principal, tone: tone,
                    cameo: walker.string(m["cameo"], what: "a CAMEO code"), summary: walker.string(m["summary"], what: "a summary"),
                    citations: citations, attributes: EventAttributes(attributes)))
        }

        // Relations (schema 2).
        var relations: [RelationRecord] = []
        var relationIndex: [String: Node] = [:]
        for node in relationNodes {
            guard
                let m = walker.mapping(
                    node, what: "a relation", allowed: DatasetSchema.relation,
                    required: ["id", "kind", "actors", "citations"]),
                let id = identifier(m["id"], what: "a relation id")
            else { continue }
            let duplicate = relationIndex[id] != nil
            if let first = relationIndex[id] {
                walker.error(m["id"], "duplicate relation id '\(id)' (first defined at line \(first.mark?.line ?? 0))")
            } else {
                relationIndex[id] = m["id"]!
            }
            let kind: RelationKind? = walker.string(m["kind"], what: "a relation kind").flatMap { text in
                if let k = RelationKind(rawValue: text) { return k }
                walker.error(m["kind"], "unknown relation kind '\(text)'; expected one of \(RelationKind.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            var ends: [ActorID] = []
            if let refs = walker.strings(m["actors"], what: "a relation's actors") {
                if refs.count != 2 {
                    walker.error(m["actors"], "relation '\(id)' needs exactly two actors, found \(refs.count)")
                }
                ends = refs.prefix(2).compactMap { resolveActor($0, "relation actor") }
                if refs.count == 2, ends.count == 2, ends[0] == ends[1] {
                    walker.error(refs[1].1, "relation '\(id)' ties '\(refs[0].0)' to itself")
                }
            }
            let from = date(m["from"], what: "a relation start"), to = date(m["to"], what: "a relation end")
            if let from, let to, to.end < from.start {
                walker.error(m["to"], "relation ends (\(to)) before it begins (\(from))")
            }
            let citations = citationList(m["citations"], owner: "relation '\(id)'", sources: sources, sourceIndex: sourceIndex)
            guard !duplicate, let kind, ends.count == 2, ends[0] != ends[1], !citations.isEmpty else { continue }
            relations.append(
                RelationRecord(
                    id: id, kind: kind, first: ends[0], second: ends[1], from: from, to: to,
                    summary: walker.string(m["summary"], what: "a summary"), citations: citations))
        }

        guard walker.diagnostics.isEmpty else { return nil }
        do {
            return try Dataset(
                title: title, description: description, schemaVersion: schemaVersion, sources: sources,
                actors: pending.map(\.record), events: events, relations: relations)
        } catch {
            walker.error(root, "\(error)")
            return nil
        }
    }

    /// The `schema` version: 1 when absent; an error (and 1) unless a supported whole number.
    mutating func schemaVersion(_ node: Node?) -> Int {
        guard let node else { return 1 }
        guard let number = walker.number(node, what: "a schema version") else { return 1 }
        guard let version = Int(exactly: number), Dataset.supportedSchemaVersions.contains(version) else {
            let known = Dataset.supportedSchemaVersions.map(String.init).joined(separator: ", ")
            walker.error(node, "unsupported schema version \(NodeWalker.describe(node)); this reader knows versions \(known)")
            return 1
        }
        return version
    }

    /// The citations under `node` (events and relations cite the same way): each source must be a
    /// source id, each quote non-empty, and, when quotes are checked, found verbatim in its file.
    mutating func citationList(
        _ node: Node?, owner: String, sources: [SourceRecord],
        sourceIndex: [String: (SourceID, Node)]
    ) -> [Citation] {
        var citations: [Citation] = []
        let citationNodes = node.flatMap { walker.sequence($0, what: "citations") }
        if node != nil && (citationNodes?.isEmpty ?? false) {
            walker.error(node, "\(owner) needs at least one citation")
        }
        for c in citationNodes ?? [] {
            // Schema 3: a citation may be a bare reference to its source (a URL is evidence, not a quote).
            guard
                let cm = walker.mapping(
                    c, what: "a citation", allowed: DatasetSchema.citation,
                    required: evidence ? ["source"] : ["source", "quote"]),
                let sourceText = walker.string(cm["source"], what: "a citation source")
            else { continue }
            var quote = ""
            if let node = cm["quote"] {
                guard let text = walker.string(node, what: "a quote") else { continue }
                quote = text
                if quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    walker.error(cm["quote"], "the quote is empty")
                }
            }
            guard let (sid, _) = sourceIndex[sourceText] else {
                walker.error(cm["source"], "citation source '\(sourceText)' is not a source id\(suggestion(sourceText, sourceIndex.keys))")
                continue
            }
            if quoteDirectory != nil && quote.isEmpty {
                // Checking quotes means every citation is quoted (the curated datasets' rule).
                walker.error(c, "\(owner) cites '\(sourceText)' without a quote, so it cannot be checked verbatim")
            }
            if quoteDirectory != nil, !quote.isEmpty, let text = fileText(sources[sid.index], at: cm["source"]),
                !text.contains(quote)
            {
                walker.error(cm["quote"], "the quote is not found verbatim in source '\(sourceText)'")
            }
            citations.append(Citation(source: sid, quote: quote))
        }
        return citations
    }

    /// An event's `attributes` (schema 3): a mapping of names to plain values. Unquoted whole
    /// numbers are integers, other unquoted numbers doubles, `true`/`false` booleans; anything
    /// else (and any quoted value) is text, so `"010"` stays the string `010`.
    mutating func attributes(_ node: Node?) -> [String: AttributeValue] {
        guard let node else { return [:] }
        guard evidence else {
            walker.error(node, "event attributes need 'schema: \(Dataset.evidenceSchemaVersion)' at the top of the file")
            return [:]
        }
        guard walker.visit(node) else { return [:] }
        guard case .mapping(let m) = node else {
            walker.error(node, "expected attributes as a mapping of names to values, found \(NodeWalker.describe(node))")
            return [:]
        }
        var result: [String: AttributeValue] = [:]
        for (k, v) in m {
            guard case .scalar(let key) = k, !key.string.isEmpty else {
                walker.error(k, "expected an attribute name, found \(NodeWalker.describe(k))")
                continue
            }
            guard case .scalar(let value) = v else {
                walker.error(v, "attribute '\(key.string)' must be a text, number or true/false, found \(NodeWalker.describe(v))")
                continue
            }
            guard result[key.string] == nil else {
                walker.error(k, "duplicate attribute '\(key.string)'")
                continue
            }
            let text = value.string
            if value.style != .plain && value.style != .any {
                result[key.string] = .string(text)
            } else if text == "true" || text == "false" {
                result[key.string] = .bool(text == "true")
            } else if let i = Int(text) {
                result[key.string] = .int(i)
            } else if let d = Double(text), d.isFinite, text.contains(where: { $0.isNumber }) {
                result[key.string] = .double(d)
            } else {
                result[key.string] = .string(text)
            }
        }
        return result
    }

    /// "; did you mean 'x'?" for the closest candidate, when it is close enough to be a typo.
    func suggestion(_ text: String, _ candidates: some Sequence<String>) -> String {
        let scored = candidates.map { ($0, editDistance($0, text)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (best, distance) = scored, distance <= max(2, text.count / 3) else { return "" }
        return "; did you mean '\(best)'?"
    }

    /// An id: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    mutating func identifier(_ node: Node?, what: String) -> String? {
        guard let text = walker.string(node, what: what) else { return nil }
        let ok = !text.isEmpty && text.unicodeScalars.first!.properties.isAlphabetic || text.first?.isNumber == true
        guard ok,
            text.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" || $0 == "." })
        else {
            walker.error(node, "\(what) '\(text)' must be letters, digits, '.', '_' or '-', starting with a letter or digit")
            return nil
        }
        return text
    }

    mutating func date(_ node: Node?, what: String) -> EventDate? {
        guard let text = walker.string(node, what: what) else { return nil }
        guard let d = EventDate(text) else {
            walker.error(node, "\(what) '\(text)' is not a date: expected YYYY, YYYY-MM, YYYY-MM-DD or START/END, and a day that exists")
            return nil
        }
        return d
    }
}
