public import ActorGraphCore

/// What one broker did over the whole period.
public struct BrokerSummary: Hashable, Sendable {
    public let broker: ActorID
    /// Number of asserted findings (explicit and temporal).
    public let count: Int
    public let explicitCount: Int
    public let temporalCount: Int
    /// Number of candidates (0 unless candidates were asked for).
    public let candidateCount: Int
    /// Asserted findings by Gould-Fernandez role, in ``BrokerageRole/allCases`` order, zeros left out.
    public let roles: [(role: BrokerageRole, count: Int)]
    /// The distinct group pairs the broker linked, as undirected `"A - B"` labels, in date order
    /// (asserted findings; candidates when the broker has no asserted finding).
    public let groupPairs: [String]
    /// First start and last end among the evidence of its findings.
    public let first: Day
    public let last: Day

    public static func == (a: BrokerSummary, b: BrokerSummary) -> Bool {
        a.broker == b.broker && a.count == b.count && a.explicitCount == b.explicitCount
            && a.temporalCount == b.temporalCount && a.candidateCount == b.candidateCount
            && a.roles.map(\.role) == b.roles.map(\.role) && a.roles.map(\.count) == b.roles.map(\.count)
            && a.groupPairs == b.groupPairs && a.first == b.first && a.last == b.last
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(broker)
        hasher.combine(count)
        hasher.combine(candidateCount)
    }
}

/// An explicitly brokered event left out because it has more sides than
/// ``EventBrokerageOptions/maxSides``.
public struct SkippedBrokeredEvent: Hashable, Sendable {
    public let event: EventID
    public let sides: Int
}

/// Who brokered which contacts, read from the events of a dataset, by the definition of
/// ``EventBrokerageOptions`` (Gould & Fernandez 1989; Spiro, Acton & Butts 2013; Quintane &
/// Carnabuci 2016; Hamilton, Hileman & Bodin 2020).
///
/// **Explicit** findings come from events that name a `broker`. The parties (participants,
/// source and target after roll-up, the broker excluded) form **sides**: two parties are two
/// sides; more parties are grouped by their group (the 2015 agreement between Japan, Abe, Suga
/// and South Korea has two sides, Japan and South Korea); parties all of one group are one
/// side each. An event gives one finding per pair of opposing sides: for an envoy (a broker
/// who takes part for a `principal`), the principal with each other side, never the envoy's
/// own principal with itself; for a directed event, its source's side with each other side;
/// otherwise every pair of sides, the side in the broker's group first. Each side is shown by
/// its state if it names one, else by its first party. Findings of one broker for one pair
/// are merged, whatever the number of events (one finding per relation). A pair in which one
/// belongs to the other is internal and gives none.
///
/// **Temporal** findings follow the rules of ``EventBrokerageOptions``: dyadic contacts in
/// time order within the window, no prior tie (``PriorTies``), then closure, role and
/// exclusivity. A temporal finding for a broker and pair that the sources already name is
/// left out (the explicit one stands).
public struct EventBrokerage: Sendable {
    /// Counters of the work done, for tests of the cost on adversarial shapes.
    public struct Statistics: Hashable, Sendable {
        /// Dyadic contacts in the view.
        public var contacts = 0
        /// Pairs of contacts (`A - B`, `B - C`) examined.
        public var twoPathsExamined = 0
        /// Triangles of the contact graph enumerated (asserted findings only).
        public var triangles = 0
    }

    /// Asserted findings, ordered by date (start, end), then basis, broker, `from`, `to`.
    public let findings: [BrokerageFinding]
    /// Candidates (empty unless ``EventBrokerageOptions/includeCandidates``), in the same order.
    public let candidates: [BrokerageFinding]
    /// One summary per broker with an asserted finding (or, when candidates are included,
    /// a candidate), explicit findings first, then asserted ones, then candidates (ties in
    /// dataset order).
    public let brokers: [BrokerSummary]
    /// Explicitly brokered events with too many sides to pair.
    public let skipped: [SkippedBrokeredEvent]
    public let statistics: Statistics

    /// A result assembled by hand (a subset of another result, as `--top` keeps).
    public init(findings: [BrokerageFinding], candidates: [BrokerageFinding], brokers: [BrokerSummary],
                skipped: [SkippedBrokeredEvent], statistics: Statistics) {
        self.findings = findings
        self.candidates = candidates
        self.brokers = brokers
        self.skipped = skipped
        self.statistics = statistics
    }

    /// Finds explicit and temporal brokerage in the view `projection` gives of `dataset`.
    ///
    /// Explicit findings come from the events the projection kept (its kinds and window);
    /// contacts from the events in its window of ``EventBrokerageOptions/contactKinds``; prior
    /// ties from every event of the dataset. Actors are the projection's (after roll-up).
    ///
    /// - Throws: ``BrokerageError`` for an unknown group attribute, no contact kinds, or a
    ///   negative window or closure horizon.
    /// - Complexity: O(P + C log C + T·k + W) for P participant mentions, C dyadic contacts,
    ///   T triangles of the contact graph (at most O(C^1.5)) with k contacts per pair, and W
    ///   two-paths within the window when candidates are asked for (a hub meeting N actors one
    ///   a day: T = 0, W <= N·window). Explicit events cost O(p + s²) for p parties and
    ///   s <= ``EventBrokerageOptions/maxSides`` sides.
    public static func find(in dataset: Dataset, projection: EventProjection,
                            options: EventBrokerageOptions = EventBrokerageOptions()) throws -> EventBrokerage {
        if options.temporal && options.contactKinds.isEmpty {
            throw BrokerageError(.invalidOption, "temporal brokerage needs at least one contact kind")
        }
        if let w = options.windowDays, w < 0 {
            throw BrokerageError(.invalidOption, "the window must be a number of days >= 0 (got \(w))")
        }
        if let c = options.closureDays, c < 0 {
            throw BrokerageError(.invalidOption, "the closure horizon must be a number of days >= 0 (got \(c))")
        }
        precondition(options.maxSides >= 2, "EventBrokerageOptions.maxSides must be at least 2")
        let graph = projection.graph
        guard let column = graph.nodeAttribute(options.groupAttribute) ?? (graph.nodeCount == 0 ? [] : nil) else {
            let available = graph.nodeAttributeNames
            throw BrokerageError(.unknownAttribute,
                "no node attribute '\(options.groupAttribute)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
        }
        let rep = projection.representative
        let groupOf: [String] = dataset.actors.map { actor in
            guard let node = graph.node(named: actor.id) else { return "(none)" }
            return column[node.index]?.description ?? "(none)"
        }
        func group(_ a: ActorID) -> String { groupOf[a.index] }
        let ties = PriorTies(dataset: dataset, representative: rep)
        var stats = Statistics()

        var explicitFindings: [BrokerageFinding] = []
        var skipped: [SkippedBrokeredEvent] = []
        if options.explicit {
            (explicitFindings, skipped) = explicitBrokerage(dataset, events: projection.eventsUsed, rep: rep,
                                                            group: group, ties: ties, maxSides: options.maxSides)
        }

        var temporal: [BrokerageFinding] = []
        if options.temporal {
            let window = projection.options.window
            let events = dataset.events.indices.lazy.filter { dataset.events[$0].date.isWithin(window) }.map { EventID($0) }
            let index = ContactIndex(dataset: dataset, events: Array(events), representative: rep, kinds: options.contactKinds)
            stats.contacts = index.count
            temporal = temporalBrokerage(dataset, index: index, ties: ties, group: group, options: options, stats: &stats)
        }

        // One finding per relation: the sources' word stands over the inference.
        let named = Set(explicitFindings.map { PairOfBroker($0) })
        temporal.removeAll { named.contains(PairOfBroker($0)) }

        // Exclusivity over everything found, asserted or not.
        var brokersOfPair: [ActorPair: Set<ActorID>] = [:]
        for f in explicitFindings + temporal { brokersOfPair[ActorPair(f.from, f.to), default: []].insert(f.broker) }
        func finish(_ f: BrokerageFinding) -> BrokerageFinding {
            BrokerageFinding(broker: f.broker, from: f.from, to: f.to, basis: f.basis, status: f.status, reason: f.reason,
                             role: f.role, exclusive: brokersOfPair[ActorPair(f.from, f.to)]?.count == 1,
                             events: f.events, date: f.date, fromGroup: f.fromGroup, toGroup: f.toGroup,
                             brokerGroup: f.brokerGroup)
        }
        var all = (explicitFindings + temporal).map(finish)
        if let roles = options.roles { all.removeAll { !roles.contains($0.role) } }
        if options.crossGroupOnly { all.removeAll { !$0.role.isCrossGroup } }
        all.sort {
            ($0.date.start, $0.date.end, $0.basis == .explicit ? 0 : 1, $0.broker, $0.from, $0.to)
                < ($1.date.start, $1.date.end, $1.basis == .explicit ? 0 : 1, $1.broker, $1.from, $1.to)
        }
        let asserted = all.filter { $0.status == .asserted }
        let candidates = options.includeCandidates ? all.filter { $0.status == .candidate } : []
        return EventBrokerage(findings: asserted, candidates: candidates,
                              brokers: summaries(asserted, candidates), skipped: skipped, statistics: stats)
    }

    /// A broker and an unordered pair.
    struct PairOfBroker: Hashable {
        let broker: ActorID
        let pair: ActorPair
        init(_ f: BrokerageFinding) { broker = f.broker; pair = ActorPair(f.from, f.to) }
    }

    // MARK: Explicit

    static func explicitBrokerage(_ dataset: Dataset, events: [EventID], rep: [ActorID], group: (ActorID) -> String,
                                  ties: PriorTies, maxSides: Int) -> ([BrokerageFinding], [SkippedBrokeredEvent]) {
        var merged: [PairOfBrokerKey: (first: BrokerageFinding, events: [EventID])] = [:]
        var order: [PairOfBrokerKey] = []
        var skipped: [SkippedBrokeredEvent] = []
        for id in events {
            let event = dataset[id]
            guard let brokerActor = event.broker else { continue }
            let broker = rep[brokerActor.index]
            var parties: [ActorID] = []
            var seen = Set<ActorID>()
            for a in (event.source.map { [$0] } ?? []) + event.participants + (event.target.map { [$0] } ?? []) {
                let r = rep[a.index]
                if r != broker && seen.insert(r).inserted { parties.append(r) }
            }
            let principal = event.principal.map { rep[$0.index] }
            if let principal, principal != broker, !seen.contains(principal) { parties.insert(principal, at: 0) }
            guard parties.count >= 2 else { continue }
            // Sides: two parties are two sides; more are grouped by group, unless all share one.
            var sides: [[ActorID]]
            if parties.count == 2 {
                sides = parties.map { [$0] }
            } else {
                var byGroup: [String: Int] = [:]
                sides = []
                for p in parties {
                    if let i = byGroup[group(p)] { sides[i].append(p) } else { byGroup[group(p)] = sides.count; sides.append([p]) }
                }
                if sides.count == 1 { sides = parties.map { [$0] } }
            }
            if sides.count > maxSides {
                skipped.append(SkippedBrokeredEvent(event: id, sides: sides.count))
                continue
            }
            func side(of actor: ActorID) -> Int? { sides.firstIndex { $0.contains(actor) } }
            var pairs: [(Int, Int)] = []
            if let principal, principal != broker, let ps = side(of: principal) {
                // An envoy links the principal's side with every other side.
                if sides[ps].count > 1 { sides[ps] = [principal] + sides[ps].filter { $0 != principal } }
                for j in sides.indices where j != ps { pairs.append((ps, j)) }
            } else if event.isDirected, let s = event.source.map({ rep[$0.index] }), s != broker, let ss = side(of: s) {
                for j in sides.indices where j != ss { pairs.append((ss, j)) }
            } else {
                let own = group(broker)
                for i in sides.indices {
                    for j in sides.indices where j > i {
                        // The side in the broker's group first: the broker acts from it.
                        pairs.append(group(sides[j][0]) == own && group(sides[i][0]) != own ? (j, i) : (i, j))
                    }
                }
            }
            func face(_ members: [ActorID]) -> ActorID {
                if let principal, members.contains(principal) { return principal }
                return members.first { dataset[$0].kind == .state } ?? members[0]
            }
            for (i, j) in pairs {
                let a = face(sides[i]), c = face(sides[j])
                guard a != c, !ties.isMembership(a, c) else { continue }
                let key = PairOfBrokerKey(broker: broker, pair: ActorPair(a, c))
                if merged[key] == nil {
                    order.append(key)
                    let f = BrokerageFinding(broker: broker, from: a, to: c, basis: .explicit, status: .asserted, reason: nil,
                                             role: .of(from: group(a), broker: group(broker), to: group(c)), exclusive: false,
                                             events: [], date: event.date, fromGroup: group(a), toGroup: group(c),
                                             brokerGroup: group(broker))
                    merged[key] = (f, [id])
                } else if merged[key]!.events.last != id {
                    merged[key]!.events.append(id)
                }
            }
        }
        let findings = order.map { key -> BrokerageFinding in
            let (f, ids) = merged[key]!
            let sorted = sortedByDate(ids, dataset)
            return BrokerageFinding(broker: f.broker, from: f.from, to: f.to, basis: .explicit, status: .asserted, reason: nil,
                                    role: f.role, exclusive: false, events: sorted, date: period(sorted, dataset),
                                    fromGroup: f.fromGroup, toGroup: f.toGroup, brokerGroup: f.brokerGroup)
        }
        return (findings, skipped)
    }

    struct PairOfBrokerKey: Hashable {
        let broker: ActorID
        let pair: ActorPair
    }

    // MARK: Temporal

    /// One time-respecting two-path `from - broker` (`first`), then `broker - to` (`second`).
    struct TwoPath {
        let broker: ActorID, from: ActorID, to: ActorID
        let first: ContactIndex.Contact, second: ContactIndex.Contact
    }

    static func temporalBrokerage(_ dataset: Dataset, index: ContactIndex, ties: PriorTies, group: (ActorID) -> String,
                                  options: EventBrokerageOptions, stats: inout Statistics) -> [BrokerageFinding] {
        let window = options.windowDays.map(Int32.init)
        var paths: [TwoPath] = []
        if options.includeCandidates {
            paths = windowedTwoPaths(index, window: window, stats: &stats)
        } else {
            paths = closedTwoPaths(index, window: window, stats: &stats)
        }
        // Evaluate, keeping one two-path per broker and unordered pair: asserted over candidate,
        // then the earliest second contact.
        var best: [PairOfBrokerKey: BrokerageFinding] = [:]
        var order: [PairOfBrokerKey] = []
        for path in paths {
            guard let f = evaluate(path, dataset: dataset, index: index, ties: ties, group: group, options: options) else { continue }
            let key = PairOfBrokerKey(broker: path.broker, pair: ActorPair(path.from, path.to))
            if let old = best[key] {
                let better = (old.status == .candidate && f.status == .asserted)
                    || (old.status == f.status && (f.date.start, f.date.end) < (old.date.start, old.date.end))
                if better { best[key] = f }
            } else {
                best[key] = f
                order.append(key)
            }
        }
        return order.map { best[$0]! }
    }

    /// Applies rules 2, 4, 5 and 6 to a two-path that passed rules 1 and 3; `nil` when a prior
    /// tie cancels it.
    static func evaluate(_ path: TwoPath, dataset: Dataset, index: ContactIndex, ties: PriorTies,
                         group: (ActorID) -> String, options: EventBrokerageOptions) -> BrokerageFinding? {
        let second = path.second
        if ties.tie(path.from, path.to, by: second.end) != nil { return nil }
        var closing: ContactIndex.Contact? = nil
        if let pid = index.pairID[ActorPair(path.from, path.to)] {
            for c in index.pairContacts(pid) {
                if let h = options.closureDays, Int(c.start) - Int(second.end) > h { break }
                if c.start > second.end && (options.closureDays.map { Int(c.end) - Int(second.end) <= $0 } ?? true) {
                    closing = c
                    break
                }
            }
        }
        let ga = group(path.from), gb = group(path.broker), gc = group(path.to)
        let reason: BrokerageFinding.Reason? = ga == gc ? .sameGroup : (closing == nil ? .open : nil)
        let ids = [path.first.event, second.event] + (closing.map { [$0.event] } ?? [])
        return BrokerageFinding(broker: path.broker, from: path.from, to: path.to, basis: .temporal,
                                status: reason == nil ? .asserted : .candidate, reason: reason,
                                role: .of(from: ga, broker: gb, to: gc), exclusive: false, events: ids,
                                date: period(ids, dataset), fromGroup: ga, toGroup: gc, brokerGroup: gb)
    }

    /// The earliest qualifying two-path through `ab` then `bc` (both sorted): the first `B - C`
    /// contact with an `A - B` contact definitely no later and within the window, and for it
    /// the latest such `A - B` contact.
    static func firstTwoPath(_ ab: ArraySlice<ContactIndex.Contact>, _ bc: ArraySlice<ContactIndex.Contact>, window: Int32?,
                             stats: inout Statistics) -> (ContactIndex.Contact, ContactIndex.Contact)? {
        for e2 in bc {
            var j = upperBound(ab, e2.start) - 1
            while j >= ab.startIndex {
                let e1 = ab[j]
                if let w = window, Int(e1.start) < Int(e2.end) - Int(w) { break }
                stats.twoPathsExamined += 1
                if e1.end <= e2.start { return (e1, e2) }
                j -= 1
            }
        }
        return nil
    }

    /// Two-paths that can be closed: those whose ends have a contact, found through the
    /// triangles of the contact graph (each edge oriented from lower to higher degree, so a
    /// hub with N leaves and no closing contact costs O(N)).
    /// - Complexity: O(C^1.5) triangles at most for C contact pairs, times the contacts per pair.
    static func closedTwoPaths(_ index: ContactIndex, window: Int32?, stats: inout Statistics) -> [TwoPath] {
        let n = index.neighbours.count
        func before(_ a: ActorID, _ b: ActorID) -> Bool {
            (index.neighbours[a.index].count, a.rawValue) < (index.neighbours[b.index].count, b.rawValue)
        }
        let out: [[(actor: ActorID, pair: Int)]] = (0..<n).map { i in
            index.neighbours[i].filter { before(ActorID(i), $0.actor) }
        }
        var mark = [Int](repeating: -1, count: n)
        var paths: [TwoPath] = []
        func add(broker: ActorID, _ x: ActorID, _ y: ActorID, _ bx: Int, _ by: Int) {
            let cx = index.pairContacts(bx), cy = index.pairContacts(by)
            if let (e1, e2) = firstTwoPath(cx, cy, window: window, stats: &stats) {
                paths.append(TwoPath(broker: broker, from: x, to: y, first: e1, second: e2))
            }
            if let (e1, e2) = firstTwoPath(cy, cx, window: window, stats: &stats) {
                paths.append(TwoPath(broker: broker, from: y, to: x, first: e1, second: e2))
            }
        }
        for u in 0..<n {
            for (w, p) in out[u] { mark[w.index] = p }
            for (v, puv) in out[u] {
                for (w, pvw) in out[v.index] where mark[w.index] >= 0 {
                    let puw = mark[w.index]
                    stats.triangles += 1
                    let uu = ActorID(u)
                    add(broker: v, uu, w, puv, pvw)
                    add(broker: uu, v, w, puv, puw)
                    add(broker: w, uu, v, puw, pvw)
                }
            }
            for (w, _) in out[u] { mark[w.index] = -1 }
        }
        return paths
    }

    /// Every time-respecting two-path within the window, one per broker and ordered pair.
    /// - Complexity: O(Σ_B Σ_{B - C contacts} contacts of B within the window before it): linear
    ///   in contacts times the contacts a broker has per window (unbounded without a window).
    static func windowedTwoPaths(_ index: ContactIndex, window: Int32?, stats: inout Statistics) -> [TwoPath] {
        var paths: [TwoPath] = []
        for b in index.timeline.indices where index.timeline[b].count > 1 {
            let timeline = index.timeline[b]
            var seen = Set<UInt64>()
            for e2 in timeline {
                var j = upperBound(timeline, e2.start) - 1
                while j >= 0 {
                    let e1 = timeline[j]
                    if let w = window, Int(e1.start) < Int(e2.end) - Int(w) { break }
                    stats.twoPathsExamined += 1
                    if e1.other != e2.other && e1.end <= e2.start
                        && seen.insert(UInt64(e1.other.rawValue) << 32 | UInt64(e2.other.rawValue)).inserted {
                        paths.append(TwoPath(broker: ActorID(b), from: e1.other, to: e2.other, first: e1, second: e2))
                    }
                    j -= 1
                }
            }
        }
        return paths
    }

    /// The first index whose contact starts after `day` (contacts sorted by start).
    static func upperBound<C: RandomAccessCollection>(_ list: C, _ day: Int32) -> Int
        where C.Element == ContactIndex.Contact, C.Index == Int {
        var lo = list.startIndex, hi = list.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].start <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Summaries and periods

    static func summaries(_ asserted: [BrokerageFinding], _ candidates: [BrokerageFinding]) -> [BrokerSummary] {
        var byBroker: [ActorID: (asserted: [BrokerageFinding], candidates: [BrokerageFinding])] = [:]
        for f in asserted { byBroker[f.broker, default: ([], [])].asserted.append(f) }
        for f in candidates { byBroker[f.broker, default: ([], [])].candidates.append(f) }
        var brokers: [BrokerSummary] = byBroker.map { broker, lists in
            let shown = lists.asserted.isEmpty ? lists.candidates : lists.asserted
            var pairs: [String] = []
            var seen = Set<String>()
            for f in shown {
                let label = "\(f.fromGroup) - \(f.toGroup)"
                if seen.insert(label).inserted { pairs.append(label) }
            }
            let roles = BrokerageRole.allCases.compactMap { role -> (role: BrokerageRole, count: Int)? in
                let n = lists.asserted.count { $0.role == role }
                return n == 0 ? nil : (role, n)
            }
            return BrokerSummary(broker: broker, count: lists.asserted.count,
                                 explicitCount: lists.asserted.count { $0.basis == .explicit },
                                 temporalCount: lists.asserted.count { $0.basis == .temporal },
                                 candidateCount: lists.candidates.count, roles: roles, groupPairs: pairs,
                                 first: shown.map(\.date.start).min()!, last: shown.map(\.date.end).max()!)
        }
        brokers.sort {
            ($1.explicitCount, $1.count, $1.candidateCount, $0.broker) < ($0.explicitCount, $0.count, $0.candidateCount, $1.broker)
        }
        return brokers
    }

    static func sortedByDate(_ ids: [EventID], _ dataset: Dataset) -> [EventID] {
        ids.sorted {
            let a = dataset[$0].date, b = dataset[$1].date
            return (a.start, a.end, $0) < (b.start, b.end, $1)
        }
    }

    /// The period from the first to the last of `ids`: one date when they share it, else a
    /// range from the start of the earliest to the end of the latest.
    static func period(_ ids: [EventID], _ dataset: Dataset) -> EventDate {
        let dates = ids.map { dataset.events[$0.index].date }
        let first = dates.min { ($0.start, $0.end) < ($1.start, $1.end) }!
        let last = dates.max { ($0.end, $0.start) < ($1.end, $1.start) }!
        if first.start == last.start && first.end == last.end { return first }
        if first.start <= last.start && last.end >= first.end, let range = EventDate(spanning: first, last) { return range }
        return EventDate("\(first.start)/\(last.end)") ?? first
    }
}
