public import ActorGraphCore

/// An unordered pair of actors as one hashable word.
@usableFromInline struct ActorPair: Hashable, Sendable {
    let key: UInt64
    init(_ a: ActorID, _ b: ActorID) {
        let (x, y) = a.rawValue < b.rawValue ? (a.rawValue, b.rawValue) : (b.rawValue, a.rawValue)
        key = UInt64(x) << 32 | UInt64(y)
    }
}

/// The dyadic contacts of a view (rule 1 of ``EventBrokerageOptions``): events of the contact
/// kinds with exactly two parties after roll-up, indexed by pair and by actor.
///
/// - Complexity: O(P + C log C) to build for P participant mentions and C contacts.
struct ContactIndex {
    /// One contact: the other party and the event, with its date interval.
    struct Contact {
        let other: ActorID
        let event: EventID
        let start: Int32
        let end: Int32
    }
    /// Every contact once, grouped by pair id (pairs in order of first contact), each pair's
    /// run sorted by (start, end, event): one flat array, not an array per pair.
    var contacts: [Contact] = []
    /// Per pair id, where its run starts in ``contacts``; one more entry ends the last run.
    var pairOffsets: [Int] = [0]
    /// Per pair id, its two actors (lower raw value first).
    var pairEnds: [(ActorID, ActorID)] = []
    var pairID: [ActorPair: Int] = [:]
    /// Per actor (dense by index), the distinct neighbours with the pair id.
    var neighbours: [[(actor: ActorID, pair: Int)]]
    /// Per actor, all its contacts sorted by (start, end, event).
    var timeline: [[Contact]]
    /// Number of dyadic contacts (events).
    var count = 0

    /// The contacts of pair `pid`, sorted by (start, end, event).
    func pairContacts(_ pid: Int) -> ArraySlice<Contact> { contacts[pairOffsets[pid]..<pairOffsets[pid + 1]] }

    init(dataset: Dataset, events: [EventID], representative: [ActorID], kinds: Set<EventKind>) {
        neighbours = Array(repeating: [], count: dataset.actors.count)
        timeline = Array(repeating: [], count: dataset.actors.count)
        pairID.reserveCapacity(events.count)
        var found: [Contact] = [], pairOf: [Int32] = []
        found.reserveCapacity(events.count)
        pairOf.reserveCapacity(events.count)
        for id in events {
            guard kinds.contains(dataset.events[id.index].kind),
                  let (a, b) = ContactIndex.dyad(dataset.events[id.index], representative) else { continue }
            let date = dataset.events[id.index].date
            let start = date.start.daysSinceEpoch, end = date.end.daysSinceEpoch
            let key = ActorPair(a, b)
            let pid: Int
            if let known = pairID[key] {
                pid = known
            } else {
                pid = pairEnds.count
                pairID[key] = pid
                pairEnds.append(a.rawValue < b.rawValue ? (a, b) : (b, a))
                neighbours[a.index].append((b, pid))
                neighbours[b.index].append((a, pid))
            }
            found.append(Contact(other: b, event: id, start: start, end: end))
            pairOf.append(Int32(pid))
            timeline[a.index].append(Contact(other: b, event: id, start: start, end: end))
            timeline[b.index].append(Contact(other: a, event: id, start: start, end: end))
            count += 1
        }
        // Group by pair with a counting sort, then sort each run.
        var offsets = [Int](repeating: 0, count: pairEnds.count + 1)
        for p in pairOf { offsets[Int(p) + 1] += 1 }
        for i in pairEnds.indices { offsets[i + 1] += offsets[i] }
        var next = offsets
        var grouped = found
        for (k, p) in pairOf.enumerated() {
            grouped[next[Int(p)]] = found[k]
            next[Int(p)] += 1
        }
        let order: (Contact, Contact) -> Bool = { ($0.start, $0.end, $0.event) < ($1.start, $1.end, $1.event) }
        for i in pairEnds.indices where offsets[i + 1] - offsets[i] > 1 { grouped[offsets[i]..<offsets[i + 1]].sort(by: order) }
        contacts = grouped
        pairOffsets = offsets
        for i in timeline.indices where timeline[i].count > 1 { timeline[i].sort(by: order) }
    }

    /// The two parties of `event` after roll-up, or `nil` unless there are exactly two.
    /// Stops reading at the third distinct party, so a huge event costs O(1) here.
    static func dyad(_ event: EventRecord, _ representative: [ActorID]) -> (ActorID, ActorID)? {
        var first: ActorID? = nil, second: ActorID? = nil
        func add(_ actor: ActorID) -> Bool {
            let r = representative[actor.index]
            if r == first || r == second { return true }
            if first == nil { first = r } else if second == nil { second = r } else { return false }
            return true
        }
        if let s = event.source, !add(s) { return nil }
        for p in event.participants where !add(p) { return nil }
        if let t = event.target, !add(t) { return nil }
        guard let a = first, let b = second else { return nil }
        return (a, b)
    }
}

/// Earlier ties between two actors (rule 2 of ``EventBrokerageOptions``): whatever makes a
/// broker between them unnecessary.
///
/// A tie is one of:
/// - **event**: an event of any kind naming both (participants, source, target), in the whole
///   dataset, that could have started by the day in question;
/// - **membership**: one belongs to the other through the affiliation chain or a role held in
///   it (Li Keqiang and China; Kim Jin-pyo and the parliamentarians' union he leads);
/// - **same institution**: both belong to one institution (two officials of one ministry);
/// - **standing**: a relation that holds regardless of events: the principal - envoy relation
///   of every event whose broker acts for a principal, and every relation a dataset declares
///   (`relations:`, schema 2: friendship, membership, envoy-of) from its `from` date on (always,
///   when the sources do not date it). A declared membership also counts for the membership
///   and same-institution rules, like an affiliation.
///
/// - Complexity: building is O(P + E·min(p, K)²) for P participant mentions and events with
///   at most p parties (K = ``ProjectionOptions/defaultMaxParties``: larger events are kept per
///   actor instead of per pair); a query is O(1) expected plus the co-attended large events of
///   the two actors.
public struct PriorTies: Sendable {
    /// What kind of tie links two actors.
    public enum Kind: String, Hashable, Sendable {
        case event, membership, sameInstitution = "same-institution", standing
    }

    /// Per pair, the first possible day of the earliest event naming both.
    private var earliest: [ActorPair: Int32] = [:]
    /// Per actor, the large events (more than K parties) naming it, with their first day.
    private var crowds: [ActorID: [(event: EventID, start: Int32)]] = [:]
    /// Per pair, the first day a standing relation holds (`Int32.min`: always).
    private var standing: [ActorPair: Int32] = [:]
    /// Per actor (dense), every actor it belongs to (affiliation chain and role organisations).
    private let belongsTo: [[ActorID]]
    /// Per actor (dense), the institutions (not states) it belongs to.
    private let institutions: [[ActorID]]

    /// Ties read from `dataset`, with every actor replaced by `representative[actor]` (the
    /// projection's roll-up).
    public init(dataset: Dataset, representative: [ActorID]) {
        let limit = ProjectionOptions.defaultMaxParties
        var parties: [ActorID] = []
        var seen = Set<ActorID>()
        earliest.reserveCapacity(dataset.events.count)
        for i in dataset.events.indices {
            // Distinct parties: a scan while few, a set once many (linear either way).
            parties.removeAll(keepingCapacity: true)
            if !seen.isEmpty { seen.removeAll() }
            func add(_ a: ActorID) {
                let r = representative[a.index]
                if parties.count < 16 {
                    if !parties.contains(r) { parties.append(r) }
                } else {
                    if seen.isEmpty { seen.formUnion(parties) }
                    if seen.insert(r).inserted { parties.append(r) }
                }
            }
            if let s = dataset.events[i].source { add(s) }
            for a in dataset.events[i].participants { add(a) }
            if let t = dataset.events[i].target { add(t) }
            let start = dataset.events[i].date.start.daysSinceEpoch
            if parties.count > limit {
                for p in parties { crowds[p, default: []].append((EventID(i), start)) }
            } else {
                for x in parties.indices {
                    for y in parties.indices where y > x {
                        // One hash per pair: the default subscript is modified in place.
                        PriorTies.lower(&earliest[ActorPair(parties[x], parties[y]), default: .max], to: start)
                    }
                }
            }
        }
        var belongsTo: [[ActorID]] = [], institutions: [[ActorID]] = []
        belongsTo.reserveCapacity(dataset.actors.count)
        for i in dataset.actors.indices {
            var chain: [ActorID] = []
            var current = dataset.actors[i].affiliation
            while let p = current, chain.count < dataset.actors.count, !chain.contains(p) {
                chain.append(p)
                current = dataset[p].affiliation
            }
            for role in dataset.actors[i].roles {
                if let org = role.organization, !chain.contains(org) { chain.append(org) }
            }
            // Declared memberships (schema 2 `relations:`) belong like affiliations do.
            for relation in dataset.relations where relation.kind == .membership && relation.first.index == i {
                if !chain.contains(relation.second) { chain.append(relation.second) }
            }
            let mapped = PriorTies.unique(chain.map { representative[$0.index] }.filter { $0 != representative[i] })
            belongsTo.append(mapped)
            institutions.append(mapped.filter { dataset[$0].kind == .institution })
        }
        // Index by representative: a rolled-up node belongs to whatever its members' own
        // chains name only through itself, so use the representative's own row.
        self.belongsTo = dataset.actors.indices.map { belongsTo[representative[$0].index] }
        self.institutions = dataset.actors.indices.map { institutions[representative[$0].index] }
        for i in dataset.events.indices {
            if let principal = dataset.events[i].principal, let envoy = dataset.events[i].broker {
                let p = representative[principal.index], e = representative[envoy.index]
                if p != e { addStanding(p, e, since: nil) }
            }
        }
        // Standing relations the dataset declares (friendship, membership, envoy-of), from the
        // first possible day of their `from` date, or always when it is not known.
        for relation in dataset.relations {
            let a = representative[relation.first.index], c = representative[relation.second.index]
            if a != c { addStanding(a, c, since: relation.from?.start) }
        }
    }

    /// Records a standing relation between `a` and `c` that holds from `since` (`nil`: always).
    /// The plug for relations a dataset declares outside its events.
    public mutating func addStanding(_ a: ActorID, _ c: ActorID, since: Day?) {
        let key = ActorPair(a, c)
        standing[key] = min(standing[key] ?? .max, since?.daysSinceEpoch ?? .min)
    }

    /// The tie between `a` and `c` that could have existed by the end of `day`, if any.
    public func tie(_ a: ActorID, _ c: ActorID, by day: Int32) -> Kind? {
        let key = ActorPair(a, c)
        if let since = standing[key], since <= day { return .standing }
        if belongsTo[a.index].contains(c) || belongsTo[c.index].contains(a) { return .membership }
        let ia = institutions[a.index], ic = institutions[c.index]
        if !ia.isEmpty && !ic.isEmpty && ia.contains(where: { ic.contains($0) }) { return .sameInstitution }
        if let first = earliest[key], first <= day { return .event }
        if let xs = crowds[a], let ys = crowds[c] {
            let (small, large) = xs.count <= ys.count ? (xs, ys) : (ys, xs)
            let wanted = Set(small.filter { $0.start <= day }.map(\.event))
            if !wanted.isEmpty && large.contains(where: { wanted.contains($0.event) }) { return .event }
        }
        return nil
    }

    /// True when one of the two belongs to the other: a contact between them is internal.
    public func isMembership(_ a: ActorID, _ c: ActorID) -> Bool {
        belongsTo[a.index].contains(c) || belongsTo[c.index].contains(a)
    }

    @inline(__always) private static func lower(_ value: inout Int32, to candidate: Int32) {
        if candidate < value { value = candidate }
    }

    private static func unique(_ ids: [ActorID]) -> [ActorID] {
        var seen = Set<ActorID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
