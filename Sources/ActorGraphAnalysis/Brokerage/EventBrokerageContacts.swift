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
/// kinds with exactly two parties after roll-up, indexed by actor and by pair.
///
/// Everything lives in flat arrays with per-actor offsets (CSR style), built by one sort of
/// the contacts by date and two counting passes, never an array per actor or a dictionary.
///
/// - Complexity: O(P + C log C + A) to build for P participant mentions, C contacts and A
///   actors; finding the contacts of a pair is O(log d) for an actor with d neighbours.
struct ContactIndex {
    /// One contact: the other party and the event, with its date interval.
    struct Contact {
        let other: ActorID
        let event: EventID
        let start: Int32
        let end: Int32
    }
    /// Number of actors (dense by index).
    let actorCount: Int
    /// Number of dyadic contacts (events).
    let count: Int
    /// Per actor, where its runs start in ``timelines`` and ``byPair``; one more entry ends the
    /// last. An actor's two runs have the same length (its number of contacts).
    private(set) var actorOffsets: [Int]
    /// Every actor's contacts, each actor's run sorted by (start, end, event).
    private(set) var timelines: [Contact]
    /// The same contacts, each actor's run sorted by (other, start, end, event): the contacts
    /// of one pair are one sub-run, found through ``neighbourStart``.
    private(set) var byPair: [Contact]
    /// Per actor, where its distinct neighbours start in ``neighbourActor``; one more entry
    /// ends the last.
    private(set) var neighbourOffsets: [Int]
    /// The distinct neighbours of every actor, each actor's run in increasing id order.
    private(set) var neighbourActor: [ActorID]
    /// Per neighbour entry `k`, where its contacts start in ``byPair``; they end where entry
    /// `k + 1` starts (one more entry ends the last), since the runs are contiguous.
    private(set) var neighbourStart: [Int]

    /// The contacts of `actor`, sorted by (start, end, event).
    func timeline(_ actor: Int) -> ArraySlice<Contact> { timelines[actorOffsets[actor]..<actorOffsets[actor + 1]] }

    /// Number of distinct actors `actor` has contacts with.
    func degree(_ actor: Int) -> Int { neighbourOffsets[actor + 1] - neighbourOffsets[actor] }

    /// The contacts of neighbour entry `k` (one actor with one neighbour), sorted by (start, end, event).
    func pairContacts(_ k: Int) -> ArraySlice<Contact> { byPair[neighbourStart[k]..<neighbourStart[k + 1]] }

    /// The contacts between `a` and `c`, sorted by (start, end, event); empty when none.
    func contacts(between a: ActorID, _ c: ActorID) -> ArraySlice<Contact> {
        var lo = neighbourOffsets[a.index], hi = neighbourOffsets[a.index + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbourActor[mid] < c { lo = mid + 1 } else { hi = mid }
        }
        guard lo < neighbourOffsets[a.index + 1], neighbourActor[lo] == c else { return byPair[0..<0] }
        return pairContacts(lo)
    }

    init(dataset: Dataset, events: [EventID], representative: [ActorID], kinds: Set<EventKind>) {
        let n = dataset.actors.count
        actorCount = n
        struct Dyad { let a: ActorID, b: ActorID, event: EventID, start: Int32, end: Int32 }
        let wanted = EventKind.allCases.filter { kinds.contains($0) }
        var dyads: [Dyad] = []
        dyads.reserveCapacity(events.count)
        var offsets = [Int](repeating: 0, count: n + 1)
        for id in events {
            guard wanted.contains(dataset.events[id.index].kind),
                let (a, b) = ContactIndex.dyad(dataset.events[id.index], representative)
            else { continue }
            dyads.append(
                Dyad(
                    a: a, b: b, event: id, start: dataset.events[id.index].date.start.daysSinceEpoch,
                    end: dataset.events[id.index].date.end.daysSinceEpoch))
            offsets[a.index + 1] += 1
            offsets[b.index + 1] += 1
        }
        count = dyads.count
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        actorOffsets = offsets
        // One sort by date; the counting passes below keep that order inside every run.
        dyads.sort { ($0.start, $0.end, $0.event) < ($1.start, $1.end, $1.event) }
        let blank = Contact(other: ActorID(0), event: EventID(0), start: 0, end: 0)
        var next = offsets
        var timelines = [Contact](repeating: blank, count: 2 * dyads.count)
        for d in dyads {
            timelines[next[d.a.index]] = Contact(other: d.b, event: d.event, start: d.start, end: d.end)
            next[d.a.index] += 1
            timelines[next[d.b.index]] = Contact(other: d.a, event: d.event, start: d.start, end: d.end)
            next[d.b.index] += 1
        }
        dyads = []
        // Transpose: reading actors in id order puts each actor's contacts in neighbour order,
        // each neighbour's in date order.
        next = offsets
        var byPair = [Contact](repeating: blank, count: timelines.count)
        for x in 0..<n {
            for k in offsets[x]..<offsets[x + 1] {
                let c = timelines[k]
                byPair[next[c.other.index]] = Contact(other: ActorID(x), event: c.event, start: c.start, end: c.end)
                next[c.other.index] += 1
            }
        }
        var neighbourOffsets = [Int](repeating: 0, count: n + 1)
        var neighbourActor: [ActorID] = [], neighbourStart: [Int] = []
        for y in 0..<n {
            var k = offsets[y]
            while k < offsets[y + 1] {
                neighbourActor.append(byPair[k].other)
                neighbourStart.append(k)
                let other = byPair[k].other
                while k < offsets[y + 1] && byPair[k].other == other { k += 1 }
            }
            neighbourOffsets[y + 1] = neighbourActor.count
        }
        neighbourStart.append(byPair.count)
        self.timelines = timelines
        self.byPair = byPair
        self.neighbourOffsets = neighbourOffsets
        self.neighbourActor = neighbourActor
        self.neighbourStart = neighbourStart
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
/// - Complexity: building is O(P + X·⌈2b/11⌉) for P participant mentions and the
///   X <= E·min(p, K)² pairs named by events with at most p parties (K =
///   ``/ActorGraphCore/ProjectionOptions/defaultMaxParties``: larger events are kept per actor instead of per
///   pair), radix-sorted on their b-bit actor indices (b = 15 for 20,000 actors: 3 passes); a
///   query is O(log X) plus the co-attended large events of the two actors.
public struct PriorTies: Sendable {
    /// What kind of tie links two actors.
    public enum Kind: String, Hashable, Sendable {
        case event, membership
        case sameInstitution = "same-institution"
        case standing
    }

    /// Every pair named together by an event of at most K parties, as ``pairKey(_:_:)``,
    /// sorted; ``earliest`` holds, at the same position, the first possible day of the
    /// earliest such event. A flat sorted array rather than a hash table: built by a radix
    /// sort in a few linear passes, searched by bisection.
    private var pairKeys: [UInt64] = []
    private var earliest: [Int32] = []
    /// Bits per actor index in a pair key (enough for every actor of the dataset).
    private let actorBits: UInt64
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
        let bits = UInt64(max(1, Int.bitWidth - max(0, dataset.actors.count - 1).leadingZeroBitCount))
        actorBits = bits
        var parties: [ActorID] = []
        var seen = Set<ActorID>()
        var marks: [PairMark] = []
        marks.reserveCapacity(dataset.events.count)
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
                        marks.append(PairMark(key: PriorTies.pairKey(parties[x], parties[y], bits: bits), start: start))
                    }
                }
            }
        }
        (pairKeys, earliest) = PriorTies.earliestPerPair(&marks, keyBits: 2 * bits)
        marks = []
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
        if let first = earliestEvent(a, c), first <= day { return .event }
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

    /// One pair named by one event, with the event's first possible day.
    struct PairMark { var key: UInt64, start: Int32 }

    /// The key of the unordered pair `a`, `c`: the lower index above the higher, `bits` each.
    @inline(__always) static func pairKey(_ a: ActorID, _ c: ActorID, bits: UInt64) -> UInt64 {
        a.rawValue < c.rawValue ? UInt64(a.rawValue) << bits | UInt64(c.rawValue) : UInt64(c.rawValue) << bits | UInt64(a.rawValue)
    }

    /// The first possible day of the earliest event of at most K parties naming `a` and `c`.
    /// O(log X) for X such pairs.
    private func earliestEvent(_ a: ActorID, _ c: ActorID) -> Int32? {
        let key = PriorTies.pairKey(a, c, bits: actorBits)
        var lo = 0, hi = pairKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairKeys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < pairKeys.count && pairKeys[lo] == key ? earliest[lo] : nil
    }

    /// The distinct keys of `marks`, sorted, each with its earliest day: a least-significant-
    /// digit radix sort over the `keyBits` low bits (11 bits a pass, so ceil(keyBits / 11)
    /// linear passes), then one pass that keeps the minimum of each run. O(X·keyBits/11).
    static func earliestPerPair(_ marks: inout [PairMark], keyBits: UInt64) -> ([UInt64], [Int32]) {
        let digit: UInt64 = 11, radix = 1 << digit
        var buffer = marks
        var shift: UInt64 = 0
        while shift < keyBits && marks.count > 1 {
            var counts = [Int](repeating: 0, count: radix + 1)
            for m in marks { counts[Int((m.key >> shift) & UInt64(radix - 1)) + 1] += 1 }
            for d in 0..<radix { counts[d + 1] += counts[d] }
            for m in marks {
                let d = Int((m.key >> shift) & UInt64(radix - 1))
                buffer[counts[d]] = m
                counts[d] += 1
            }
            swap(&marks, &buffer)
            shift += digit
        }
        var keys: [UInt64] = [], days: [Int32] = []
        for m in marks {
            if keys.last == m.key {
                if m.start < days[days.count - 1] { days[days.count - 1] = m.start }
            } else {
                keys.append(m.key)
                days.append(m.start)
            }
        }
        return (keys, days)
    }

    private static func unique(_ ids: [ActorID]) -> [ActorID] {
        var seen = Set<ActorID>()
        return ids.filter { seen.insert($0).inserted }
    }
}
