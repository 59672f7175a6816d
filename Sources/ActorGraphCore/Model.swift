/// What sort of actor a node stands for.
public enum ActorKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// A person: Moon Jae-in, Yoshihide Suga.
    case person
    /// An institution: a supreme court, an intelligence service, a ministry, a company, a party.
    case institution
    /// A state: South Korea, Japan, the United States.
    case state
}

/// A position an actor held, with the dates the source gives (Park Jie-won: director of the
/// National Intelligence Service from 2020).
public struct Role: Hashable, Sendable {
    /// The title, as the sources phrase it: `director`, `prime minister`.
    public var title: String
    /// The actor the role is held in (an institution or state), if any.
    public var organization: ActorID?
    /// When the role began, if known.
    public var from: EventDate?
    /// When the role ended, if known (`nil`: still held, or unknown).
    public var to: EventDate?

    public init(title: String, organization: ActorID? = nil, from: EventDate? = nil, to: EventDate? = nil) {
        self.title = title
        self.organization = organization
        self.from = from
        self.to = to
    }
}

/// A person, institution or state that acts or is acted upon.
///
/// Named `ActorRecord` rather than `Actor` so it never shadows Swift's `Actor` protocol.
public struct ActorRecord: Hashable, Sendable {
    /// The stable text id used in files and output: `moon-jae-in`.
    public var id: String
    /// The display name: `Moon Jae-in`.
    public var name: String
    public var kind: ActorKind
    /// Other spellings and short forms found in the sources (`Kang Chan-gil`).
    public var aliases: [String]
    /// The institution or state this actor belongs to: person -> institution or state,
    /// institution -> state. States have none.
    public var affiliation: ActorID?
    /// Positions held, with dates.
    public var roles: [Role]
    /// A short free-text description.
    public var description: String?

    public init(
        id: String, name: String, kind: ActorKind, aliases: [String] = [],
        affiliation: ActorID? = nil, roles: [Role] = [], description: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.affiliation = affiliation
        self.roles = roles
        self.description = description
    }
}

/// The four families of events. Which family an event belongs to decides its edge layer and
/// its default colour in diagrams.
public enum EventKind: String, Hashable, Sendable, CaseIterable, Codable, Comparable {
    /// Contact: visits, talks, phone calls, virtual summits. Undirected.
    case meeting
    /// One actor says something to or about another. Directed when it has a source and target.
    case statement
    /// Conflict: court rulings, export controls, trade complaints, threats to end an agreement.
    case dispute
    /// Material cooperation: aid, agreements carried out.
    case cooperation

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A verbatim quote from a source that shows an event happened, or (schema 3) a bare reference
/// to a source that is itself the evidence: a URL, or a file and line (a GDELT row).
public struct Citation: Hashable, Sendable {
    public var source: SourceID
    /// Copied word for word from the source; empty when the citation has no quote (schema 3:
    /// a URL is evidence, not a quote). Schemas 1 and 2 require a non-empty quote.
    public var quote: String

    /// True when the citation carries a quote.
    public var hasQuote: Bool { !quote.isEmpty }

    public init(source: SourceID, quote: String = "") {
        self.source = source
        self.quote = quote
    }
}

/// A dated, sourced event between actors.
public struct EventRecord: Hashable, Sendable {
    /// The stable text id used in files and output.
    public var id: String
    public var date: EventDate
    public var kind: EventKind
    /// A free subtype: `phone call`, `court ruling`, `WTO complaint`.
    public var subtype: String?
    /// Everyone taking part, in the order the dataset gives (at least one).
    public var participants: [ActorID]
    /// The actor the event goes from, when it has a direction (the speaker of a statement).
    public var source: ActorID?
    /// The actor the event is aimed at, when it has a direction.
    public var target: ActorID?
    /// The actor who arranged or mediated the event, if the sources say so. A broker may take
    /// part (an envoy); see ``principal``.
    public var broker: ActorID?
    /// The actor a participating broker acts for: an envoy's principal. Set only with a broker
    /// who is a participant; the event then shows the broker linking the principal with the
    /// other participants.
    public var principal: ActorID?
    /// Tone on the Goldstein (1992) scale: -10 (conflict) ... +10 (cooperation).
    public var tone: Double?
    /// A CAMEO event code (`042`), when one applies.
    public var cameo: String?
    /// A one-line summary in the curator's words.
    public var summary: String?
    /// At least one citation.
    public var citations: [Citation]
    /// Typed values the event's source gives beyond the fields above (schema 3): GDELT's
    /// `QuadClass`, `NumMentions`, `AvgTone`, ... Empty in schemas 1 and 2. The attribute
    /// ``weightAttribute``, when numeric, is what the event counts for in a count projection.
    /// Read like a dictionary (`attributes["QuadClass"]`), iterated in name order.
    public var attributes: EventAttributes

    /// The attribute an event counts for in a count projection (default 1 when absent): an
    /// imported GDELT row weighted by its mentions carries `weight: <NumMentions>`.
    public static let weightAttribute = "weight"

    public init(
        id: String, date: EventDate, kind: EventKind, subtype: String? = nil,
        participants: [ActorID], source: ActorID? = nil, target: ActorID? = nil,
        broker: ActorID? = nil, principal: ActorID? = nil, tone: Double? = nil, cameo: String? = nil,
        summary: String? = nil, citations: [Citation] = [], attributes: EventAttributes = [:]
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.subtype = subtype
        self.participants = participants
        self.source = source
        self.target = target
        self.broker = broker
        self.principal = principal
        self.tone = tone
        self.cameo = cameo
        self.summary = summary
        self.citations = citations
        self.attributes = attributes
    }

    /// What the event counts for in a count projection: its numeric ``weightAttribute``, or 1.
    @inlinable public var countWeight: Double {
        attributes.isEmpty ? 1 : (attributes[EventRecord.weightAttribute]?.number ?? 1)
    }

    /// True when the event has both a source and a target.
    public var isDirected: Bool { source != nil && target != nil }
}

/// An article or document that events cite.
///
/// Schema 3 also allows a source that is only a URL, or only a file and line (a row of an
/// imported event file): its ``title`` is then empty.
public struct SourceRecord: Hashable, Sendable {
    public var id: String
    /// The title; empty for an untitled source (schema 3), which has a ``url`` or a ``file``.
    public var title: String
    public var publisher: String?
    public var date: EventDate?
    /// A web address, if known.
    public var url: String?
    /// A local file holding the text (a path relative to the repository root).
    public var file: String?
    /// The line of ``file`` the source is (schema 3): a row of an imported event file.
    public var line: Int?

    public init(
        id: String, title: String, publisher: String? = nil, date: EventDate? = nil,
        url: String? = nil, file: String? = nil, line: Int? = nil
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.file = file
        self.line = line
    }

    /// True when the source has a title (always in schemas 1 and 2).
    public var hasTitle: Bool { !title.isEmpty }
}

/// What sort of standing tie a relation records (dataset schema 2).
///
/// Events happen on a date; relations hold over a span: a friendship, a membership, an envoy's
/// mandate. `membership` and `envoyOf` are directed (the member, the envoy first); a friendship
/// is symmetric.
public enum RelationKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// Two people are friends ("Park and Nikai have long been friends"). Symmetric.
    case friendship
    /// The first actor is a member of the second, a group or body that is itself an actor
    /// ("a prominent member of Nikai's LDP faction").
    case membership
    /// The first actor acts as the envoy of the second, a person or state ("traveled to Tokyo on
    /// November 9 as a presidential envoy").
    case envoyOf = "envoy-of"

    /// True for kinds whose two actors play different parts (member and body, envoy and principal).
    public var isDirected: Bool { self != .friendship }
}

/// A standing tie between two actors, with the dates the sources give and verbatim citations
/// (dataset schema 2).
///
/// Relations are data only: projections and brokerage read events, and relations do not turn into
/// edges unless an analysis says so.
public struct RelationRecord: Hashable, Sendable {
    /// The stable text id used in files and output.
    public var id: String
    public var kind: RelationKind
    /// The first actor: the member or the envoy of a directed kind; one friend of a friendship.
    public var first: ActorID
    /// The second actor: the body or the principal of a directed kind; the other friend.
    public var second: ActorID
    /// When the tie began, if the sources say.
    public var from: EventDate?
    /// When it ended, if the sources say (`nil`: still held, or unknown).
    public var to: EventDate?
    /// A one-line summary in the curator's words.
    public var summary: String?
    /// At least one citation.
    public var citations: [Citation]

    public init(
        id: String, kind: RelationKind, first: ActorID, second: ActorID, from: EventDate? = nil,
        to: EventDate? = nil, summary: String? = nil, citations: [Citation] = []
    ) {
        self.id = id
        self.kind = kind
        self.first = first
        self.second = second
        self.from = from
        self.to = to
        self.summary = summary
        self.citations = citations
    }
}
