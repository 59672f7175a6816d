public import ActorGraphCore

/// Options for ``EventBrokerage/find(in:projection:options:)``.
public struct EventBrokerageOptions: Hashable, Sendable {
    /// Event kinds that count as a contact for temporal brokerage. Default: meetings only
    /// (visits, talks, calls, summits), since a statement about someone or a dispute is no
    /// channel a message can pass through. Only events the projection kept (its kinds and
    /// window) are considered.
    public var contactKinds: Set<EventKind>
    /// The largest time, in days, from the first contact (A–B) to the second (B–C), measured
    /// conservatively from the first possible day of the first to the last possible day of the
    /// second; `nil` for no limit.
    public var windowDays: Int?
    /// Report brokers the sources name (an event's `broker`). Default `true`.
    public var explicit: Bool
    /// Report brokers inferred from the order of contacts. Default `true`.
    public var temporal: Bool
    /// The node attribute of the projection's graph that names each actor's group in the
    /// summaries (default `state`; `kind`, `affiliation` or any other node attribute).
    public var groupAttribute: String

    public init(contactKinds: Set<EventKind> = [.meeting], windowDays: Int? = nil, explicit: Bool = true,
                temporal: Bool = true, groupAttribute: String = "state") {
        self.contactKinds = contactKinds
        self.windowDays = windowDays
        self.explicit = explicit
        self.temporal = temporal
        self.groupAttribute = groupAttribute
    }
}

/// One brokered contact: `broker` stood between `from` and `to`, shown by `events`.
public struct BrokerageFinding: Hashable, Sendable {
    /// Why the finding is made.
    public enum Basis: String, Hashable, Sendable, CaseIterable {
        /// A source names the broker of the event.
        case explicit
        /// The broker met `from`, then `to`, before `from` and `to` had any contact.
        case temporal
    }
    /// The broker (after the projection's roll-up).
    public let broker: ActorID
    /// Temporal: the actor the broker met first. Explicit: the first party of the event (its
    /// source when it has one, else the first participant in dataset order).
    public let from: ActorID
    /// Temporal: the actor the broker met second. Explicit: the other party.
    public let to: ActorID
    public let basis: Basis
    /// Explicit: the event that names the broker. Temporal: the `from`–broker contact and the
    /// broker–`to` contact, in that order.
    public let events: [EventID]
    /// Explicit: the event's date. Temporal: the date of the second contact, when the
    /// brokerage was complete.
    public let date: EventDate
    /// The group of `from` (its label for ``EventBrokerageOptions/groupAttribute``; `(none)`
    /// where the actor has none).
    public let fromGroup: String
    /// The group of `to`.
    public let toGroup: String
}

/// What one broker did over the whole period.
public struct BrokerSummary: Hashable, Sendable {
    public let broker: ActorID
    /// Number of findings (explicit and temporal).
    public let count: Int
    public let explicitCount: Int
    public let temporalCount: Int
    /// The distinct group pairs `from -> to` the broker linked, as `"A -> B"` labels, in date order.
    public let groupPairs: [String]
    /// First start and last end among the dates of the findings.
    public let first: Day
    public let last: Day
}

/// Who brokered which contacts, read from the events of a dataset.
///
/// Two kinds of evidence:
/// - **explicit**: an event with a `broker` says the broker arranged the contact between its
///   participants: one finding per pair of parties (the broker excluded; for a directed event,
///   its source with each other party). When the broker takes part for a `principal` (an
///   envoy), the pairs are the principal with each other party. An event with fewer than two
///   parties besides the broker, after roll-up, gives none; in an event with more than two
///   parties, two parties of the same group are on one side and form no pair.
///
/// Neither kind reports a pair in which one actor belongs to the other (a minister and their
/// state, through the affiliation chain): such a contact is internal.
/// - **temporal** (after Gould & Fernandez's two-path, in time, cf. Holme & Saramäki 2012 on
///   time-respecting paths): B brokered A -> C when an A–B contact is *definitely no later*
///   than a B–C contact, within the optional window, and A and C had no contact that *could*
///   have preceded the B–C contact.
///
/// **Dates are intervals** (a year, a month, a day or a range; see `EventDate`), so order is
/// decided conservatively, never by guessing a day inside an interval:
/// - A–B is no later than B–C when `end(AB) <= start(BC)`: the last possible day of the first
///   is on or before the first possible day of the second. Two contacts on the same day
///   qualify (a day is the finest precision), so same-day contacts can yield both A -> C and
///   C -> A; a contact dated `2020-11` is not no-later than one dated `2020-11-10`.
/// - A and C had no earlier contact when every A–C contact has `start(AC) > end(BC)`: it
///   definitely came after. An A–C contact in the same event, on the same day or in an
///   enclosing month rules the finding out.
/// - The window holds when `end(BC) - start(AB) <= windowDays`.
/// Among the qualifying pairs of contacts the finding cites the earliest B–C contact (by start,
/// then end) and, for it, the A–B contact that starts latest.
///
/// Contacts are the events behind the projection's edges whose kind is in
/// ``EventBrokerageOptions/contactKinds``, between the projection's nodes (after roll-up); a
/// directed projection's arcs count as contacts both ways.
public struct EventBrokerage: Sendable {
    /// All findings, ordered by date (start, end), then basis, broker, `from`, `to` (dataset order).
    public let findings: [BrokerageFinding]
    /// One summary per broker, most findings first (ties in dataset order).
    public let brokers: [BrokerSummary]

    /// Finds explicit and temporal brokerage in the events `projection` kept.
    ///
    /// - Throws: ``BrokerageError`` for an unknown group attribute, no contact kinds, or a
    ///   negative window.
    /// - Complexity: O(E·p² + Σ_B Σ_{A,C ∈ N(B)} k_BC · (k_AB + k_AC)) for E events with at most p
    ///   parties and k_XY contacts between X and Y: quadratic in each broker's number of contacts.
    public static func find(in dataset: Dataset, projection: EventProjection,
                            options: EventBrokerageOptions = EventBrokerageOptions()) throws -> EventBrokerage {
        if options.temporal && options.contactKinds.isEmpty {
            throw BrokerageError(.invalidOption, "temporal brokerage needs at least one contact kind")
        }
        if let w = options.windowDays, w < 0 {
            throw BrokerageError(.invalidOption, "the window must be a number of days >= 0 (got \(w))")
        }
        let graph = projection.graph
        guard let column = graph.nodeAttribute(options.groupAttribute) ?? (graph.nodeCount == 0 ? [] : nil) else {
            let available = graph.nodeAttributeNames
            throw BrokerageError(.unknownAttribute,
                "no node attribute '\(options.groupAttribute)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
        }
        let rep = projection.representative
        func group(_ actor: ActorID) -> String {
            guard let node = graph.node(named: dataset[actor].id) else { return "(none)" }
            return column[node.index]?.description ?? "(none)"
        }
        func dates(_ e: EventID) -> EventDate { dataset[e].date }

        /// True when one actor belongs to the other (Li Keqiang and China, Park Jie-won and the
        /// NIS): a contact between them is internal, never brokered.
        func affiliated(_ a: ActorID, _ c: ActorID) -> Bool {
            func belongs(_ x: ActorID, to y: ActorID) -> Bool {
                var current = dataset[x].affiliation
                var steps = 0
                while let p = current, steps < dataset.actors.count {
                    if p == y { return true }
                    current = dataset[p].affiliation
                    steps += 1
                }
                return false
            }
            return belongs(a, to: c) || belongs(c, to: a)
        }

        var findings: [BrokerageFinding] = []

        if options.explicit {
            for id in projection.eventsUsed {
                let event = dataset[id]
                guard let brokerActor = event.broker else { continue }
                let broker = rep[brokerActor.index]
                var parties: [ActorID] = []
                var seen = Set<ActorID>()
                for a in (event.source.map { [$0] } ?? []) + event.participants + (event.target.map { [$0] } ?? []) {
                    let r = rep[a.index]
                    if r != broker && seen.insert(r).inserted { parties.append(r) }
                }
                var pairs: [(ActorID, ActorID)] = []
                if let principal = event.principal.map({ rep[$0.index] }), principal != broker,
                   event.participants.contains(brokerActor) {
                    // An envoy: the broker takes part for its principal, linking the principal
                    // with every other party.
                    for p in parties where p != principal { pairs.append((principal, p)) }
                } else if let s = event.source.map({ rep[$0.index] }), s != broker, event.target != nil {
                    for p in parties where p != s { pairs.append((s, p)) }
                } else {
                    for i in parties.indices { for j in parties.indices where j > i { pairs.append((parties[i], parties[j])) } }
                }
                // In a many-sided event, two parties of one group sit on the same side of the
                // table: the broker linked the sides, not those two.
                let sides = parties.count > 2
                for (a, c) in pairs where !affiliated(a, c) && !(sides && group(a) == group(c)) {
                    findings.append(BrokerageFinding(broker: broker, from: a, to: c, basis: .explicit, events: [id],
                                                     date: event.date, fromGroup: group(a), toGroup: group(c)))
                }
            }
        }

        if options.temporal {
            // Contacts per unordered pair, sorted by (start, end, id).
            var contacts: [ActorID: [ActorID: [EventID]]] = [:]
            for edge in projection.edges where edge.source != edge.target {
                let events = edge.events.filter { options.contactKinds.contains(dataset[$0].kind) }
                guard !events.isEmpty else { continue }
                contacts[edge.source, default: [:]][edge.target, default: []].append(contentsOf: events)
                contacts[edge.target, default: [:]][edge.source, default: []].append(contentsOf: events)
            }
            func order(_ a: EventID, _ b: EventID) -> Bool {
                let x = dates(a), y = dates(b)
                return (x.start, x.end, a) < (y.start, y.end, b)
            }
            for (a, row) in contacts {
                for (b, list) in row { contacts[a]![b] = Array(Set(list)).sorted(by: order) }
            }
            for broker in contacts.keys.sorted() {
                let row = contacts[broker]!
                let neighbours = row.keys.sorted()
                for a in neighbours {
                    let ab = row[a]!
                    for c in neighbours where c != a && !affiliated(a, c) {
                        let ac = contacts[a]?[c] ?? []
                        search: for e2 in row[c]! {
                            let second = dates(e2)
                            guard ac.allSatisfy({ dates($0).start > second.end }) else { continue }
                            var best: EventID? = nil
                            for e1 in ab where e1 != e2 {
                                let first = dates(e1)
                                guard first.end <= second.start else { continue }
                                if let w = options.windowDays,
                                   Int(second.end.daysSinceEpoch) - Int(first.start.daysSinceEpoch) > w { continue }
                                if let b = best, (dates(b).start, dates(b).end) > (first.start, first.end) { continue }
                                best = e1
                            }
                            if let e1 = best {
                                findings.append(BrokerageFinding(broker: broker, from: a, to: c, basis: .temporal,
                                                                 events: [e1, e2], date: second, fromGroup: group(a), toGroup: group(c)))
                                break search
                            }
                        }
                    }
                }
            }
        }

        findings.sort {
            ($0.date.start, $0.date.end, $0.basis == .explicit ? 0 : 1, $0.broker, $0.from, $0.to)
                < ($1.date.start, $1.date.end, $1.basis == .explicit ? 0 : 1, $1.broker, $1.from, $1.to)
        }

        var byBroker: [ActorID: [BrokerageFinding]] = [:]
        for f in findings { byBroker[f.broker, default: []].append(f) }
        var brokers: [BrokerSummary] = byBroker.map { broker, list in
            var pairs: [String] = []
            for f in list {
                let label = "\(f.fromGroup) -> \(f.toGroup)"
                if !pairs.contains(label) { pairs.append(label) }
            }
            return BrokerSummary(broker: broker, count: list.count,
                                 explicitCount: list.count { $0.basis == .explicit },
                                 temporalCount: list.count { $0.basis == .temporal },
                                 groupPairs: pairs,
                                 first: list.map(\.date.start).min()!, last: list.map(\.date.end).max()!)
        }
        brokers.sort { ($1.count, $0.broker) < ($0.count, $1.broker) }
        return EventBrokerage(findings: findings, brokers: brokers)
    }

    /// One finding as a sentence: "Park Jie-won brokered Moon Jae-in -> Yoshihide Suga
    /// (South Korea -> Japan): met Moon Jae-in 2020-11-05 [e1], met Yoshihide Suga 2020-11-10 [e2]".
    ///
    /// Group labels that are actor ids (as the `state` attribute is) are shown by name.
    public static func sentence(for finding: BrokerageFinding, in dataset: Dataset) -> String {
        func name(_ a: ActorID) -> String { dataset[a].name }
        func label(_ g: String) -> String { dataset.actorID(forID: g).map { dataset[$0].name } ?? g }
        func verb(_ e: EventRecord) -> String {
            switch e.kind {
            case .meeting: "met"
            case .statement: "exchanged statements with"
            case .dispute: "was in dispute with"
            case .cooperation: "cooperated with"
            }
        }
        let head = "\(name(finding.broker)) brokered \(name(finding.from)) -> \(name(finding.to)) "
            + "(\(label(finding.fromGroup)) -> \(label(finding.toGroup))): "
        switch finding.basis {
        case .explicit:
            let e = dataset[finding.events[0]]
            let what = e.subtype ?? e.kind.rawValue
            return head + "named as broker of the \(what) on \(e.date) [\(e.id)]"
        case .temporal:
            let first = dataset[finding.events[0]], second = dataset[finding.events[1]]
            return head + "\(verb(first)) \(name(finding.from)) \(first.date) [\(first.id)], "
                + "\(verb(second)) \(name(finding.to)) \(second.date) [\(second.id)]"
        }
    }
}
