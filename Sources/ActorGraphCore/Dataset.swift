/// A problem that makes a set of records inconsistent: a duplicate id or a dangling reference.
///
/// Readers in `ActorGraphIO` report such problems with file locations before they build a
/// `Dataset`; this error is what a program that builds one in code gets, so it has no
/// ``location``. Its ``description`` is the message alone.
public struct DatasetError: ActorGraphError, Hashable {
    /// What is inconsistent. A struct rather than an enum, so codes can be added without
    /// breaking `switch` statements in client code.
    public typealias Code = ErrorCode<DatasetError>
    public let code: Code
    public let message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { message }
}

/// Sources, actors, events and (schema 2) standing relations, with hash indexes for lookups by
/// id, name or alias.
///
/// A `Dataset` is immutable and consistent: ids are unique, every reference points inside it and
/// no name or alias names two actors. Lookups never scan.
///
/// The schema version says which parts a dataset may hold: version 1 has sources, actors and
/// events; version 2 adds ``relations``; version 3 adds event ``EventRecord/attributes``, sources
/// that are only a URL or a file and line, and citations without a quote. A file without a
/// version is version 1, so every dataset written before relations existed reads as it did.
public struct Dataset: Sendable {
    /// The schema versions this library reads and writes.
    public static let supportedSchemaVersions: ClosedRange<Int> = 1...3
    /// The first schema version with relations.
    public static let relationsSchemaVersion = 2
    /// The first schema version with event attributes, untitled sources (a URL, or a file and
    /// line) and citations without a quote: the version GDELT imports are written in.
    public static let evidenceSchemaVersion = 3

    public let title: String?
    /// What the dataset covers and how it was curated (its conventions), if given.
    public let description: String?
    /// The schema version the dataset follows (1 when its file names none).
    public let schemaVersion: Int
    public let sources: [SourceRecord]
    public let actors: [ActorRecord]
    public let events: [EventRecord]
    /// Standing ties between actors (schema 2): friendships, memberships, envoys. Empty in schema 1.
    public let relations: [RelationRecord]

    private let actorByID: [String: ActorID]
    private let actorByName: [String: ActorID]
    private let eventByID: IDIndex
    private let sourceByID: IDIndex
    private let relationByID: [String: Int]

    /// Builds the indexes and checks consistency.
    /// - Throws: ``DatasetError`` on a duplicate id, a reference out of range, an event without
    ///   participants, a name/alias shared by two actors, an unknown schema version, relations in
    ///   a schema 1 dataset, or a relation between an actor and itself.
    /// - Complexity: O(actors + events + relations + sources + total aliases); event and source
    ///   ids are indexed by `IDIndex`, which keeps no second copy of them.
    public init(
        title: String? = nil, description: String? = nil, schemaVersion: Int = 1, sources: [SourceRecord],
        actors: [ActorRecord], events: [EventRecord], relations: [RelationRecord] = []
    ) throws {
        guard Dataset.supportedSchemaVersions.contains(schemaVersion) else {
            throw DatasetError(
                .unsupportedSchema,
                "schema version \(schemaVersion) is not supported; this library reads versions \(Dataset.supportedSchemaVersions.lowerBound) to \(Dataset.supportedSchemaVersions.upperBound)"
            )
        }
        guard relations.isEmpty || schemaVersion >= Dataset.relationsSchemaVersion else {
            throw DatasetError(
                .unsupportedSchema, "relations need schema version \(Dataset.relationsSchemaVersion), but the dataset is version \(schemaVersion)")
        }
        self.title = title
        self.description = description
        self.schemaVersion = schemaVersion
        self.sources = sources
        self.actors = actors
        self.events = events
        self.relations = relations

        var sourceByID = IDIndex(capacity: sources.count)
        try sources.withUnsafeBufferPointer { sources in
            for i in sources.indices {
                guard sourceByID.insert(sources[i].id, at: i, idAt: { sources[$0].id }) == nil else {
                    throw DatasetError(.duplicateID, "duplicate source id '\(sources[i].id)'")
                }
                if !sources[i].hasTitle && (schemaVersion < Dataset.evidenceSchemaVersion || (sources[i].url == nil && sources[i].file == nil)) {
                    throw DatasetError(
                        .unsupportedSchema,
                        "source '\(sources[i].id)' has no title; an untitled source needs schema version \(Dataset.evidenceSchemaVersion) and a url or a file"
                    )
                }
            }
        }
        var actorByID: [String: ActorID] = [:]
        for (i, a) in actors.enumerated() {
            guard actorByID.updateValue(ActorID(i), forKey: a.id) == nil else {
                throw DatasetError(.duplicateID, "duplicate actor id '\(a.id)'")
            }
        }
        var actorByName: [String: ActorID] = [:]
        for (i, a) in actors.enumerated() {
            for name in Set([a.name] + a.aliases).map(Dataset.nameKey) {
                if let other = actorByName[name], other.index != i {
                    throw DatasetError(
                        .ambiguousName,
                        "name '\(name)' names both '\(actors[other.index].id)' and '\(a.id)'")
                }
                actorByName[name] = ActorID(i)
            }
            if let aff = a.affiliation, aff.index >= actors.count {
                throw DatasetError(.unknownReference, "actor '\(a.id)' has an affiliation out of range")
            }
        }
        // Records are read in place: a copy of each would retain and release all its texts.
        var eventByID = IDIndex(capacity: events.count)
        let actorCount = actors.count, sourceCount = sources.count
        try events.withUnsafeBufferPointer { events in
            for i in events.indices {
                guard eventByID.insert(events[i].id, at: i, idAt: { events[$0].id }) == nil else {
                    throw DatasetError(.duplicateID, "duplicate event id '\(events[i].id)'")
                }
                guard !events[i].participants.isEmpty else {
                    throw DatasetError(.emptyParticipants, "event '\(events[i].id)' has no participants")
                }
                let outside = { (a: ActorID?) in a.map { $0.index >= actorCount } ?? false }
                if events[i].participants.contains(where: { $0.index >= actorCount }) || outside(events[i].source) || outside(events[i].target)
                    || outside(events[i].broker) || outside(events[i].principal)
                {
                    throw DatasetError(.unknownReference, "event '\(events[i].id)' names an actor out of range")
                }
                if events[i].citations.contains(where: { $0.source.index >= sourceCount }) {
                    throw DatasetError(.unknownReference, "event '\(events[i].id)' cites a source out of range")
                }
                if schemaVersion < Dataset.evidenceSchemaVersion,
                    !events[i].attributes.isEmpty || events[i].citations.contains(where: { !$0.hasQuote })
                {
                    throw DatasetError(
                        .unsupportedSchema,
                        "event '\(events[i].id)' has attributes or a citation without a quote, which need schema version \(Dataset.evidenceSchemaVersion)")
                }
            }
        }
        var relationByID: [String: Int] = [:]
        for (i, r) in relations.enumerated() {
            guard relationByID.updateValue(i, forKey: r.id) == nil else {
                throw DatasetError(.duplicateID, "duplicate relation id '\(r.id)'")
            }
            guard r.first.index < actors.count, r.second.index < actors.count else {
                throw DatasetError(.unknownReference, "relation '\(r.id)' names an actor out of range")
            }
            guard r.first != r.second else {
                throw DatasetError(.invalidRelation, "relation '\(r.id)' ties an actor to itself")
            }
            if r.citations.contains(where: { $0.source.index >= sources.count }) {
                throw DatasetError(.unknownReference, "relation '\(r.id)' cites a source out of range")
            }
        }
        self.actorByID = actorByID
        self.actorByName = actorByName
        self.eventByID = eventByID
        self.sourceByID = sourceByID
        self.relationByID = relationByID
    }

    /// The key names and aliases are indexed by: case-folded, with runs of spaces, hyphens and
    /// dots ignored, so "Moon Jae-in", "moon jae in" and "MOON JAE-IN" are the same name.
    public static func nameKey(_ name: String) -> String {
        String(
            name.lowercased().unicodeScalars.filter {
                !($0 == " " || $0 == "-" || $0 == "." || $0 == "_" || $0 == "\t")
            }.map(Character.init))
    }

    // MARK: Lookups (hash lookups, O(1) expected)

    /// The actor whose id is exactly `id`.
    public func actorID(forID id: String) -> ActorID? { actorByID[id] }

    /// The actor whose id, name or alias matches `text` (ids exactly; names and aliases
    /// case-insensitively, ignoring spaces, hyphens and dots).
    public func actorID(named text: String) -> ActorID? {
        actorByID[text] ?? actorByName[Dataset.nameKey(text)]
    }

    public func eventID(forID id: String) -> EventID? { eventByID.position(of: id) { events[$0].id }.map { EventID($0) } }
    /// The relation whose id is exactly `id`.
    public func relation(forID id: String) -> RelationRecord? { relationByID[id].map { relations[$0] } }
    /// The relations of `kind` (every kind when `nil`) that involve `actor`, in file order. O(relations).
    public func relations(of actor: ActorID, kind: RelationKind? = nil) -> [RelationRecord] {
        relations.filter { ($0.first == actor || $0.second == actor) && (kind == nil || $0.kind == kind) }
    }
    public func sourceID(forID id: String) -> SourceID? { sourceByID.position(of: id) { sources[$0].id }.map { SourceID($0) } }

    public subscript(id: ActorID) -> ActorRecord { actors[id.index] }
    public subscript(id: EventID) -> EventRecord { events[id.index] }
    public subscript(id: SourceID) -> SourceRecord { sources[id.index] }

    /// The ids of actors whose id, name or alias is closest to `text` (edit distance), best first.
    /// Used to suggest names after a failed lookup. O(actors x name length^2).
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        let key = Dataset.nameKey(text)
        var scored: [(Int, String)] = []
        for a in actors {
            let best = ([a.id, a.name] + a.aliases).map { editDistance(Dataset.nameKey($0), key) }.min() ?? .max
            scored.append((best, a.id))
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    /// The earliest start and latest end of all event dates, or `nil` without events.
    public var dateSpan: (first: Day, last: Day)? {
        guard let first = events.map(\.date.start).min(), let last = events.map(\.date.end).max() else { return nil }
        return (first, last)
    }
}

/// Levenshtein distance. O(|a| x |b|) time, O(|b|) space.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension ErrorCode where Domain == DatasetError {
    /// Two records of one kind share an id.
    public static var duplicateID: Self { Self("duplicateID") }
    /// A record names an id that is not there.
    public static var unknownReference: Self { Self("unknownReference") }
    /// A name or alias names two actors.
    public static var ambiguousName: Self { Self("ambiguousName") }
    /// An event without participants.
    public static var emptyParticipants: Self { Self("emptyParticipants") }
    /// A schema version this library does not know, or relations in a schema 1 dataset.
    public static var unsupportedSchema: Self { Self("unsupportedSchema") }
    /// A relation between an actor and itself.
    public static var invalidRelation: Self { Self("invalidRelation") }

    /// The code's name, as the former enum's raw value: `duplicateID`.
    public var rawValue: String { name }
}
