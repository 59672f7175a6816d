public import ActorGraphCore

/// The definition of brokerage in event sequences that ``EventBrokerage`` applies, with its
/// parameters. Every default is stated here with its reason; the command line exposes them.
///
/// ## Sources of the definition
/// - Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
///   brokerage in transaction networks. *Sociological Methodology* 19: 89-126. The broker `B`
///   of a two-path `A -> B -> C` with no tie `A - C`, and its five roles over a partition into
///   groups (``BrokerageRole``).
/// - Spiro, E. S., Acton, R. M. & Butts, C. T. (2013). Extended structures of mediation:
///   re-examining brokerage in dynamic networks. *Social Networks* 35(1). In an event sequence
///   the two-path must respect time (`A - B` before `B - C`) and fall within a window, and `A`
///   and `C` must have had no earlier tie that would make the broker unnecessary.
/// - Quintane, E. & Carnabuci, G. (2016). How do brokers broker? Tertius gaudens, tertius
///   iungens, and the temporality of structural holes. *Organization Science* 27(6). What follows
///   the two-path tells the two apart: if `A` and `C` then deal with each other, `B` brought
///   them together (*iungens*, a **closed** brokerage); if they never do, `B` kept the hole open
///   (*gaudens*, an **open relay**).
/// - Hamilton, M., Hileman, J. & Bodin, O. (2020). Evaluating heterogeneous brokerage.
///   *Social Networks* 61. Brokering is an activity counted per relation, and a broker matters
///   more when it is the **only** one between two actors (exclusivity).
///
/// ## The rules
/// 1. **Contacts** are events of ``contactKinds`` (meetings by default) with exactly two
///    parties (distinct actors among participants, source and target, after roll-up).
///    An event with three or more parties is a **multilateral co-attendance**: sitting at one
///    summit is not a dyadic contact, so it forms no two-path; it still counts as a prior tie
///    between everyone present (rule 2), since they were in one room. This also keeps the work
///    linear in the number of participant mentions, whatever the size of one event.
/// 2. **Prior tie** (``PriorTies``): `B` brokered nothing between `A` and `C` when they were
///    already tied when the `B - C` contact could have taken place: an event of any kind
///    naming both (in the whole dataset, not only the view) that could have started by the
///    last possible day of `B - C`; one belonging to the other (through the affiliation chain
///    or a role); both belonging to the same institution; a principal and their envoy.
/// 3. **Order and window**: the `A - B` contact must be definitely no later than `B - C`
///    (last possible day of the first <= first possible day of the second; dates are intervals,
///    so a month is never placed before a day inside it) and within ``windowDays`` from the
///    first possible day of `A - B` to the last possible day of `B - C`. Among qualifying pairs
///    of contacts the finding uses the earliest `B - C` and, for it, the latest `A - B`.
/// 4. **Closure**: the brokerage is **closed** when `A` and `C` then have a dyadic contact
///    whose last possible day is within ``closureDays`` of the last possible day of `B - C`;
///    otherwise it is an **open** relay.
/// 5. **Role** by Gould and Fernandez over ``groupAttribute``, with the flow `A -> B -> C` in
///    time (explicit findings: see ``EventBrokerage``), and **exclusivity**: no other broker
///    has a finding or candidate between the same two actors in the analysed period.
/// 6. **Asserted vs candidates**: a finding is **asserted** when a source names the broker
///    (explicit), or when it is temporal, cross-group (`A` and `C` in different groups), made
///    of dyadic contacts, without prior tie and closed. Every other temporal two-path that
///    passes rules 1-3 is a **candidate** with its ``BrokerageFinding/Reason``, reported only
///    when ``includeCandidates`` is set.
public struct EventBrokerageOptions: Hashable, Sendable {
    /// Event kinds that count as a contact (rule 1). Default: meetings only (visits, talks,
    /// calls, summits): cooperation and statements are not encounters in which one side can
    /// introduce another.
    public var contactKinds: Set<EventKind>
    /// The longest span in days from the first possible day of `A - B` to the last possible
    /// day of `B - C`; `nil` for no limit. Default 90: an envoy's round of talks or a mediation
    /// spans days to weeks, and 90 days still orders two month-precision contacts in
    /// consecutive months (at most 61 days apart, measured conservatively), whereas a
    /// year-precision contact (365 days) can never take part: its order is unknown anyway.
    public var windowDays: Int?
    /// The longest span in days from the last possible day of `B - C` to the last possible day
    /// of the `A - C` contact that closes the brokerage; `nil` for any later contact. Default
    /// 180: long enough for the follow-up meeting an introduction leads to, short enough to
    /// attribute it to the introduction rather than to later events.
    public var closureDays: Int?
    /// Report brokers the sources name (an event's `broker`). Default `true`.
    public var explicit: Bool
    /// Report brokers inferred from the order of contacts. Default `true`.
    public var temporal: Bool
    /// Also report candidates (temporal two-paths that are not asserted), each with its reason.
    /// Default `false`: their number grows with each broker's contacts within the window.
    public var includeCandidates: Bool
    /// The node attribute of the projection's graph that names each actor's group (default
    /// `state`: for diplomatic data the sides are states; `kind`, `affiliation` or any other).
    public var groupAttribute: String
    /// Keep only findings in these roles (`nil`: all).
    public var roles: Set<BrokerageRole>?
    /// Keep only findings between actors of different groups (representative, gatekeeper,
    /// liaison).
    public var crossGroupOnly: Bool
    /// The most sides an explicitly brokered event may have: an event with more sides gives one
    /// finding per pair up to `maxSides * (maxSides - 1) / 2`, and above this is recorded in
    /// ``EventBrokerage/skipped`` instead (default ``/ActorGraphCore/ProjectionOptions/defaultMaxParties``).
    public var maxSides: Int

    public init(
        contactKinds: Set<EventKind> = [.meeting], windowDays: Int? = 90, closureDays: Int? = 180,
        explicit: Bool = true, temporal: Bool = true, includeCandidates: Bool = false,
        groupAttribute: String = "state", roles: Set<BrokerageRole>? = nil, crossGroupOnly: Bool = false,
        maxSides: Int = ProjectionOptions.defaultMaxParties
    ) {
        self.contactKinds = contactKinds
        self.windowDays = windowDays
        self.closureDays = closureDays
        self.explicit = explicit
        self.temporal = temporal
        self.includeCandidates = includeCandidates
        self.groupAttribute = groupAttribute
        self.roles = roles
        self.crossGroupOnly = crossGroupOnly
        self.maxSides = maxSides
    }
}

extension BrokerageRole {
    /// The role of `broker` in the flow `from -> broker -> to`, given the three groups.
    public static func of(from: String, broker: String, to: String) -> BrokerageRole {
        switch (from == broker, broker == to, from == to) {
        case (true, true, _): .coordinator
        case (_, _, true): .itinerant
        case (true, false, _): .representative
        case (false, true, _): .gatekeeper
        case (false, false, _): .liaison
        }
    }

    /// True for the roles whose two ends are in different groups.
    public var isCrossGroup: Bool { self == .representative || self == .gatekeeper || self == .liaison }
}

/// One brokered relation: `broker` stood between `from` and `to`, shown by `events`.
public struct BrokerageFinding: Hashable, Sendable {
    /// Why the finding is made.
    public enum Basis: String, Hashable, Sendable, CaseIterable {
        /// A source names the broker of the event.
        case explicit
        /// The broker met `from`, then `to`, before `from` and `to` had any tie.
        case temporal
    }
    /// Whether the finding meets the evidence standard.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Explicit, or temporal, cross-group, dyadic, without prior tie and closed.
        case asserted
        /// A temporal two-path that passed the order, window and prior-tie rules but not the
        /// standard; see ``Reason``.
        case candidate
    }
    /// Why a candidate is not asserted.
    public enum Reason: String, Hashable, Sendable, CaseIterable {
        /// `from` and `to` are in one group: a coordinator or itinerant, not a bridge between
        /// sides (checked first).
        case sameGroup = "same-group"
        /// `from` and `to` had no dyadic contact within the closure horizon after the second
        /// contact: an open relay (tertius gaudens), or the order of events cannot show it.
        case open
    }
    /// The broker (after the projection's roll-up).
    public let broker: ActorID
    /// Temporal: the actor the broker met first. Explicit: the principal of an envoy, the
    /// source of a directed event, or the side in the broker's group; each side of a many-sided
    /// event is shown by its state if it names one, else by its first party.
    public let from: ActorID
    /// Temporal: the actor the broker met second. Explicit: the other side.
    public let to: ActorID
    public let basis: Basis
    public let status: Status
    /// Why a candidate is not asserted; `nil` for asserted findings.
    public let reason: Reason?
    /// Gould-Fernandez role of the broker in `from -> broker -> to`.
    public let role: BrokerageRole
    /// No other broker has a finding or candidate between `from` and `to` in the period analysed.
    public let exclusive: Bool
    /// The evidence, in date order. Explicit: the events naming the broker for this relation.
    /// Temporal: the `from`-broker contact, the broker-`to` contact, then the `from`-`to`
    /// contact that closed it, if any.
    public let events: [EventID]
    /// The period of the evidence, from the first event's date to the last event's date.
    public let date: EventDate
    /// The group of `from` (its label for ``EventBrokerageOptions/groupAttribute``).
    public let fromGroup: String
    /// The group of `to`.
    public let toGroup: String
    /// The group of the broker.
    public let brokerGroup: String
}
