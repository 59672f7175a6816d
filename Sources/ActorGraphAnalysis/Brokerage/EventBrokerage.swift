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
    /// Asserted findings by Gould-Fernandez role, in `BrokerageRole.allCases` order, zeros left out.
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
    public init(
        findings: [BrokerageFinding], candidates: [BrokerageFinding], brokers: [BrokerSummary],
        skipped: [SkippedBrokeredEvent], statistics: Statistics
    ) {
        self.findings = findings
        self.candidates = candidates
        self.brokers = brokers
        self.skipped = skipped
        self.statistics = statistics
    }

    /// Finds explicit and temporal brokerage in the view `projection` gives of its dataset.
    ///
    /// Explicit findings come from the events the projection kept (its kinds and window);
    /// contacts from the events in its window of ``EventBrokerageOptions/contactKinds``; prior
    /// ties from every event of the dataset. Actors are the projection's (after roll-up).
    ///
    /// - Throws: ``AnalysisError`` for an unknown group attribute, no contact kinds, or a
    ///   negative window or closure horizon.
    /// - Complexity: O(P + X + A + C log C + T·k + (T + W)·log X + F log F) for P participant
    ///   mentions, X pairs named by events of at most K parties (``PriorTies``), A actors, C
    ///   dyadic contacts, T triangles of the contact graph (at most O(C^1.5)) with k contacts per
    ///   pair, W two-paths within the window when candidates are asked for (a hub meeting N
    ///   actors one a day: T = 0, W <= N·window) and F <= 6T + W findings, sorted by small keys.
    ///   Explicit events cost O(p + s²) for p parties and s <= ``EventBrokerageOptions/maxSides``
    ///   sides. Memory is O(P + X + C + F): two-paths are judged as they are found, never stored.
    public static func find(
        in projection: EventProjection,
        options: EventBrokerageOptions = EventBrokerageOptions()
    ) throws -> EventBrokerage {
        let dataset = projection.dataset
        if options.temporal && options.contactKinds.isEmpty {
            throw AnalysisError.option("contactKinds", "temporal brokerage needs at least one contact kind")
        }
        if let w = options.windowDays, w < 0 {
            throw AnalysisError.option("windowDays", "the window must be a number of days >= 0 (got \(w))")
        }
        if let c = options.closureDays, c < 0 {
            throw AnalysisError.option("closureDays", "the closure horizon must be a number of days >= 0 (got \(c))")
        }
        precondition(options.maxSides >= 2, "EventBrokerageOptions.maxSides must be at least 2")
        let graph = projection.graph
        guard let column = graph.nodeAttribute(options.groupAttribute) ?? (graph.nodeCount == 0 ? [] : nil) else {
            let available = graph.nodeAttributeNames
            throw AnalysisError(
                .unknownAttribute,
                "no node attribute '\(options.groupAttribute)' (available: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
        }
        let rep = projection.representative
        let groupOf: [String] = dataset.actors.indices.map { a in
            // Only actors that are nodes themselves have a group; rolled-up ones are never asked.
            let node = projection.node(of: ActorID(a))
            guard projection.actor(of: node) == ActorID(a) else { return "(none)" }
            return column[node.index]?.description ?? "(none)"
        }
        func group(_ a: ActorID) -> String { groupOf[a.index] }
        // Groups as small integers, so the hot loop compares numbers, not text.
        var groupNumber: [String: Int32] = [:]
        let groupID: [Int32] = groupOf.map { name in
            if let k = groupNumber[name] { return k }
            let k = Int32(groupNumber.count)
            groupNumber[name] = k
            return k
        }
        let ties = PriorTies(dataset: dataset, representative: rep)
        var stats = Statistics()

        var explicitFindings: [BrokerageFinding] = []
        var skipped: [SkippedBrokeredEvent] = []
        if options.explicit {
            (explicitFindings, skipped) = explicitBrokerage(
                dataset, events: projection.eventsUsed, rep: rep,
                group: group, ties: ties, maxSides: options.maxSides)
        }

        var temporal: [BrokerageFinding] = []
        var unkeptCandidates: [ActorPair: BrokerOfPair] = [:]
        if options.temporal {
            let window = projection.options.window
            let events = dataset.events.indices.lazy.filter { dataset.events[$0].date.isWithin(window) }.map { EventID($0) }
            let index = ContactIndex(dataset: dataset, events: Array(events), representative: rep, kinds: options.contactKinds)
            stats.contacts = index.count
            temporal = temporalBrokerage(
                dataset, index: index, ties: ties, group: group, groupID: groupID,
                options: options, stats: &stats, unkeptCandidates: &unkeptCandidates)
        }

        // One finding per relation: the sources' word stands over the inference.
        if !explicitFindings.isEmpty {
            let named = Set(explicitFindings.map { PairOfBroker($0) })
            temporal.removeAll { named.contains(PairOfBroker($0)) }
        }
        let found = explicitFindings.count + temporal.count
        func at(_ i: Int) -> BrokerageFinding { i < explicitFindings.count ? explicitFindings[i] : temporal[i - explicitFindings.count] }

        // Exclusivity over everything found, asserted or not: per pair, its broker, or several.
        // Candidates that were not kept (not asked for) count here too.
        var brokerOfPair = unkeptCandidates
        brokerOfPair.reserveCapacity(found + unkeptCandidates.count)
        for i in 0..<found {
            let f = at(i)
            brokerOfPair[ActorPair(f.from, f.to), default: BrokerOfPair(f.broker)].add(f.broker)
        }
        // Sorted by small keys (date, basis, broker, ends; then the order found), so the big
        // findings are copied once, not moved by the sort.
        struct Key {
            let start: Int32, end: Int32, basis: Int8, broker: UInt32, from: UInt32, to: UInt32, index: Int
        }
        var keys: [Key] = []
        keys.reserveCapacity(found)
        for i in 0..<found {
            let f = at(i)
            if let roles = options.roles, !roles.contains(f.role) { continue }
            if options.crossGroupOnly && !f.role.isCrossGroup { continue }
            keys.append(
                Key(
                    start: f.date.start.daysSinceEpoch, end: f.date.end.daysSinceEpoch,
                    basis: f.basis == .explicit ? 0 : 1, broker: f.broker.rawValue,
                    from: f.from.rawValue, to: f.to.rawValue, index: i))
        }
        keys.sort {
            ($0.start, $0.end, $0.basis, $0.broker, $0.from, $0.to) != ($1.start, $1.end, $1.basis, $1.broker, $1.from, $1.to)
                ? ($0.start, $0.end, $0.basis, $0.broker, $0.from, $0.to) < ($1.start, $1.end, $1.basis, $1.broker, $1.from, $1.to)
                : $0.index < $1.index
        }
        var asserted: [BrokerageFinding] = [], candidates: [BrokerageFinding] = []
        for key in keys {
            let f = at(key.index)
            guard f.status == .asserted || options.includeCandidates else { continue }
            let done = BrokerageFinding(
                broker: f.broker, from: f.from, to: f.to, basis: f.basis, status: f.status,
                reason: f.reason, role: f.role,
                exclusive: brokerOfPair[ActorPair(f.from, f.to)]?.several == false,
                events: f.events, date: f.date, fromGroup: f.fromGroup, toGroup: f.toGroup,
                brokerGroup: f.brokerGroup)
            if done.status == .asserted { asserted.append(done) } else { candidates.append(done) }
        }
        return EventBrokerage(
            findings: asserted, candidates: candidates,
            brokers: summaries(asserted, candidates), skipped: skipped, statistics: stats)
    }

    /// Who brokered one pair, as far as exclusivity asks: one broker, or several.
    struct BrokerOfPair {
        let broker: ActorID
        private(set) var several = false
        init(_ broker: ActorID) { self.broker = broker }
        mutating func add(_ other: ActorID) { if other != broker { several = true } }
    }

    /// A broker and an unordered pair.
    struct PairOfBroker: Hashable {
        let broker: ActorID
        let pair: ActorPair
        init(_ f: BrokerageFinding) { broker = f.broker; pair = ActorPair(f.from, f.to) }
    }

    // MARK: Explicit

    static func explicitBrokerage(
        _ dataset: Dataset, events: [EventID], rep: [ActorID], group: (ActorID) -> String,
        ties: PriorTies, maxSides: Int
    ) -> ([BrokerageFinding], [SkippedBrokeredEvent]) {
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
                    let f = BrokerageFinding(
                        broker: broker, from: a, to: c, basis: .explicit, status: .asserted, reason: nil,
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
            return BrokerageFinding(
                broker: f.broker, from: f.from, to: f.to, basis: .explicit, status: .asserted, reason: nil,
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

    /// The temporal findings, kept one per broker and unordered pair. Without
    /// ``EventBrokerageOptions/includeCandidates`` a candidate only counts against exclusivity:
    /// it is noted in `unkeptCandidates` (per pair, its broker, or several) instead of kept.
    static func temporalBrokerage(
        _ dataset: Dataset, index: ContactIndex, ties: PriorTies, group: (ActorID) -> String,
        groupID: [Int32], options: EventBrokerageOptions, stats: inout Statistics,
        unkeptCandidates: inout [ActorPair: BrokerOfPair]
    ) -> [BrokerageFinding] {
        let window = options.windowDays.map(Int32.init)
        // Each two-path is judged as it is found, keeping one per broker and unordered pair:
        // asserted over candidate, then the earliest second contact. Memory grows with the kept
        // two-paths, not with the examined ones (a clique of 300 examines 26 million).
        var best: [PairOfBrokerKey: Int] = [:]
        var kept: [(path: TwoPath, verdict: Verdict)] = []
        func consider(_ path: TwoPath) {
            guard let v = judge(path, index: index, ties: ties, groupID: groupID, options: options) else { return }
            if v.reason != nil && !options.includeCandidates {
                unkeptCandidates[ActorPair(path.from, path.to), default: BrokerOfPair(path.broker)].add(path.broker)
                return
            }
            let key = PairOfBrokerKey(broker: path.broker, pair: ActorPair(path.from, path.to))
            if let k = best[key] {
                let old = kept[k].verdict
                let better =
                    (old.reason != nil && v.reason == nil)
                    || ((old.reason == nil) == (v.reason == nil) && (v.start, v.end) < (old.start, old.end))
                if better { kept[k] = (path, v) }
            } else {
                best[key] = kept.count
                kept.append((path, v))
            }
        }
        if options.includeCandidates {
            windowedTwoPaths(index, window: window, stats: &stats, visit: consider)
        } else {
            closedTwoPaths(index, window: window, stats: &stats, visit: consider)
        }
        return kept.map { finding($0.path, $0.verdict, dataset: dataset, group: group) }
    }

    /// What rules 2 and 4 and the groups say of one two-path: the contact that closes it, if
    /// any, why it is only a candidate (`nil`: asserted), and the period of its evidence.
    struct Verdict {
        let closing: ContactIndex.Contact?
        let reason: BrokerageFinding.Reason?
        /// First day and last day among the evidence (days since the epoch).
        let start: Int32, end: Int32
    }

    /// Applies rules 2, 4 and 6 to a two-path that passed rules 1 and 3; `nil` when a prior
    /// tie cancels it. O(log X + log d + k) for the X pairs of ``PriorTies``, the first actor's
    /// d neighbours and the k contacts of `from` and `to`.
    static func judge(
        _ path: TwoPath, index: ContactIndex, ties: PriorTies, groupID: [Int32],
        options: EventBrokerageOptions
    ) -> Verdict? {
        let second = path.second
        if ties.tie(path.from, path.to, by: second.end) != nil { return nil }
        var closing: ContactIndex.Contact? = nil
        for c in index.contacts(between: path.from, path.to) {
            if let h = options.closureDays, Int(c.start) - Int(second.end) > h { break }
            if c.start > second.end && (options.closureDays.map { Int(c.end) - Int(second.end) <= $0 } ?? true) {
                closing = c
                break
            }
        }
        let sameGroup = groupID[path.from.index] == groupID[path.to.index]
        let reason: BrokerageFinding.Reason? = sameGroup ? .sameGroup : (closing == nil ? .open : nil)
        var start = min(path.first.start, second.start), end = max(path.first.end, second.end)
        if let c = closing { start = min(start, c.start); end = max(end, c.end) }
        return Verdict(closing: closing, reason: reason, start: start, end: end)
    }

    /// The finding of a judged two-path (rule 5: role and groups).
    static func finding(_ path: TwoPath, _ verdict: Verdict, dataset: Dataset, group: (ActorID) -> String) -> BrokerageFinding {
        let ga = group(path.from), gb = group(path.broker), gc = group(path.to)
        let ids = [path.first.event, path.second.event] + (verdict.closing.map { [$0.event] } ?? [])
        return BrokerageFinding(
            broker: path.broker, from: path.from, to: path.to, basis: .temporal,
            status: verdict.reason == nil ? .asserted : .candidate, reason: verdict.reason,
            role: .of(from: ga, broker: gb, to: gc), exclusive: false, events: ids,
            date: period(ids, dataset), fromGroup: ga, toGroup: gc, brokerGroup: gb)
    }

    /// The earliest qualifying two-path through `ab` then `bc` (both sorted): the first `B - C`
    /// contact with an `A - B` contact definitely no later and within the window, and for it
    /// the latest such `A - B` contact.
    static func firstTwoPath(
        _ ab: ArraySlice<ContactIndex.Contact>, _ bc: ArraySlice<ContactIndex.Contact>, window: Int32?,
        stats: inout Statistics
    ) -> (ContactIndex.Contact, ContactIndex.Contact)? {
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

    /// Calls `visit` with each two-path that can be closed: those whose ends have a contact, found through the
    /// triangles of the contact graph (each edge oriented from lower to higher degree, so a
    /// hub with N leaves and no closing contact costs O(N)). The oriented lists are flat
    /// arrays with per-actor offsets.
    /// - Complexity: O(C^1.5) triangles at most for C contact pairs, times the contacts per pair.
    static func closedTwoPaths(
        _ index: ContactIndex, window: Int32?, stats: inout Statistics,
        visit: (TwoPath) -> Void
    ) {
        let n = index.actorCount
        func before(_ a: Int, _ b: Int) -> Bool { (index.degree(a), a) < (index.degree(b), b) }
        // Per actor, its neighbours that come after it, with their neighbour entry (the pair).
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outActor: [ActorID] = [], outPair: [Int] = []
        outActor.reserveCapacity(index.neighbourActor.count / 2)
        outPair.reserveCapacity(index.neighbourActor.count / 2)
        for u in 0..<n {
            for k in index.neighbourOffsets[u]..<index.neighbourOffsets[u + 1] where before(u, index.neighbourActor[k].index) {
                outActor.append(index.neighbourActor[k])
                outPair.append(k)
            }
            outOffsets[u + 1] = outActor.count
        }
        var mark = [Int](repeating: -1, count: n)
        func add(broker: ActorID, _ x: ActorID, _ y: ActorID, _ bx: Int, _ by: Int) {
            let cx = index.pairContacts(bx), cy = index.pairContacts(by)
            if let (e1, e2) = firstTwoPath(cx, cy, window: window, stats: &stats) {
                visit(TwoPath(broker: broker, from: x, to: y, first: e1, second: e2))
            }
            if let (e1, e2) = firstTwoPath(cy, cx, window: window, stats: &stats) {
                visit(TwoPath(broker: broker, from: y, to: x, first: e1, second: e2))
            }
        }
        for u in 0..<n {
            let uo = outOffsets[u]..<outOffsets[u + 1]
            for i in uo { mark[outActor[i].index] = outPair[i] }
            for i in uo {
                let v = outActor[i], puv = outPair[i]
                for j in outOffsets[v.index]..<outOffsets[v.index + 1] where mark[outActor[j].index] >= 0 {
                    let w = outActor[j], pvw = outPair[j], puw = mark[w.index]
                    stats.triangles += 1
                    let uu = ActorID(u)
                    add(broker: v, uu, w, puv, pvw)
                    add(broker: uu, v, w, puv, puw)
                    add(broker: w, uu, v, puw, pvw)
                }
            }
            for i in uo { mark[outActor[i].index] = -1 }
        }
    }

    /// Calls `visit` with every time-respecting two-path within the window, one per broker and ordered pair.
    /// - Complexity: O(Σ_B Σ_{B - C contacts} contacts of B within the window before it): linear
    ///   in contacts times the contacts a broker has per window (unbounded without a window).
    static func windowedTwoPaths(
        _ index: ContactIndex, window: Int32?, stats: inout Statistics,
        visit: (TwoPath) -> Void
    ) {
        for b in 0..<index.actorCount {
            let timeline = index.timeline(b)
            guard timeline.count > 1 else { continue }
            var seen = Set<UInt64>()
            for e2 in timeline {
                var j = upperBound(timeline, e2.start) - 1
                while j >= timeline.startIndex {
                    let e1 = timeline[j]
                    if let w = window, Int(e1.start) < Int(e2.end) - Int(w) { break }
                    stats.twoPathsExamined += 1
                    if e1.other != e2.other && e1.end <= e2.start
                        && seen.insert(UInt64(e1.other.rawValue) << 32 | UInt64(e2.other.rawValue)).inserted
                    {
                        visit(TwoPath(broker: ActorID(b), from: e1.other, to: e2.other, first: e1, second: e2))
                    }
                    j -= 1
                }
            }
        }
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
        // Per broker, the positions of its findings in each list (no copies of findings).
        var slot: [ActorID: Int] = [:]
        var lists: [(broker: ActorID, asserted: [Int], candidates: [Int])] = []
        for i in asserted.indices {
            let b = asserted[i].broker
            if let k = slot[b] { lists[k].asserted.append(i) } else { slot[b] = lists.count; lists.append((b, [i], [])) }
        }
        for i in candidates.indices {
            let b = candidates[i].broker
            if let k = slot[b] { lists[k].candidates.append(i) } else { slot[b] = lists.count; lists.append((b, [], [i])) }
        }
        var brokers: [BrokerSummary] = lists.map { broker, mine, maybe in
            let (list, shown) = mine.isEmpty ? (candidates, maybe) : (asserted, mine)
            var pairs: [String] = []
            var seen = Set<String>()
            var first = list[shown[0]].date.start, last = list[shown[0]].date.end
            for i in shown {
                let label = "\(list[i].fromGroup) - \(list[i].toGroup)"
                if seen.insert(label).inserted { pairs.append(label) }
                first = min(first, list[i].date.start)
                last = max(last, list[i].date.end)
            }
            var byRole = [Int](repeating: 0, count: BrokerageRole.allCases.count)
            var explicitCount = 0
            for i in mine {
                byRole[BrokerageRole.allCases.firstIndex(of: asserted[i].role)!] += 1
                if asserted[i].basis == .explicit { explicitCount += 1 }
            }
            let roles = BrokerageRole.allCases.indices.compactMap { r -> (role: BrokerageRole, count: Int)? in
                byRole[r] == 0 ? nil : (BrokerageRole.allCases[r], byRole[r])
            }
            return BrokerSummary(
                broker: broker, count: mine.count, explicitCount: explicitCount,
                temporalCount: mine.count - explicitCount, candidateCount: maybe.count, roles: roles,
                groupPairs: pairs, first: first, last: last)
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
