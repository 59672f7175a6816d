public import ActorGraphCore

/// When one contact may follow another on a time-respecting path.
///
/// A hop's **contact** is one event behind its edge; an event's date is an interval of days
/// (`2020-11` covers the whole month). The order compares days, never finer.
public enum TemporalOrder: String, Hashable, Sendable, CaseIterable {
    /// A contact may follow another when it **starts no earlier than the other starts**. Same-day
    /// contacts may follow each other (the dataset does not record hours). An imprecise date
    /// counts from its first day, so `2020-11` may precede `2020-11-01` and `2020-11-20` alike:
    /// the order is *possible*, not certain. The default.
    case start
    /// A contact may follow another only when it **starts no earlier than the other ends**:
    /// `2020-11` may be followed by events from 2020-11-30 on. The order is then certain
    /// whatever day within its interval each event happened.
    case certain
    /// A chain of contacts is allowed when **some choice of days** inside their intervals is
    /// non-decreasing: the earliest such choice is kept (`t₁ = start₁`, `tᵢ = max(tᵢ₋₁, startᵢ)`)
    /// and each contact must end no earlier than it (`endᵢ >= tᵢ₋₁`). So a contact dated
    /// `2020-11` may follow one on 2020-11-12 (it may have happened later in November), which
    /// ``start`` refuses. The most permissive reading.
    case possible
}

/// Options for ``TimeRespectingPaths/earliestArrival(in:from:options:)``.
public struct TimeRespectingOptions: Hashable, Sendable {
    public var order: TemporalOrder
    /// Ignore contacts starting before this day (the earliest departure), if given.
    public var notBefore: Day?
    /// Ignore contacts starting after this day, if given.
    public var notAfter: Day?

    public init(order: TemporalOrder = .start, notBefore: Day? = nil, notAfter: Day? = nil) {
        self.order = order
        self.notBefore = notBefore
        self.notAfter = notAfter
    }
}

/// A time-respecting path: a ``GraphPath`` whose hops each name the one event used as contact.
public struct TimeRespectingPath: Hashable, Sendable {
    /// The path; every hop costs 1 and its `events` hold the id of its contact.
    public let path: GraphPath
    /// The contact of each hop, in path order.
    public let contacts: [EventID]
    /// The start day of the first contact, `nil` for the one-node path.
    public let departure: Day?
    /// When the target is reached: the start day of the last contact under ``TemporalOrder/start``,
    /// its end day under ``TemporalOrder/certain``, the earliest consistent day under
    /// ``TemporalOrder/possible``; `nil` for the one-node path.
    public let arrival: Day?
}

/// One event that can serve as the contact of an edge, with its date as days.
struct Contact {
    let start: Int32
    let end: Int32
    let event: EventID
    let name: String
}

/// Earliest arrival from one source to every node over time-respecting paths.
///
/// Made by ``TimeRespectingPaths/earliestArrival(in:from:options:)``.
public struct TimeRespectingPathTree: Sendable {
    public let graph: Graph
    public let source: NodeID
    public let options: TimeRespectingOptions
    /// Per node, the improvements found by the layered search, by increasing hops.
    let records: [[Record]]
    /// Per edge, its usable contacts sorted by (start, end, event index).
    let contacts: [[Contact]]

    struct Record {
        let hops: Int
        let arrival: Int32
        let parent: Int32
        let edge: Int32
        let slot: Int32
    }

    /// The earliest arrival at `node`; `nil` when unreachable or when `node` is the source.
    public func arrival(at node: NodeID) -> Day? {
        guard let last = records[node.index].last, last.parent >= 0 else { return nil }
        return Day(daysSinceEpoch: last.arrival)
    }

    /// True when a time-respecting path reaches `node` (the source reaches itself).
    public func reaches(_ node: NodeID) -> Bool { !records[node.index].isEmpty }

    /// The fewest hops among the earliest-arriving paths to `node`, `nil` when unreachable.
    public func hopCount(to node: NodeID) -> Int? { records[node.index].last?.hops }

    /// An earliest-arriving time-respecting path to `node`, with the fewest hops among those,
    /// or `nil` when none exists.
    /// - Complexity: O(hops · records per node).
    public func path(to node: NodeID) -> TimeRespectingPath? {
        guard reaches(node) else { return nil }
        var hops: [PathHop] = [], used: [Contact] = []
        var current = node.index
        var limit = Int.max
        while let record = records[current].last(where: { $0.hops <= limit }), record.parent >= 0 {
            let edge = Int(record.edge)
            let contact = contacts[edge][Int(record.slot)]
            used.append(contact)
            hops.append(
                PathHop(
                    from: NodeID(Int(record.parent)), to: NodeID(current), edge: EdgeID(edge),
                    weight: 1, events: [contact.name]))
            current = Int(record.parent)
            limit = record.hops - 1
        }
        precondition(current == source.index, "time-respecting search records do not lead back to the source")
        hops.reverse()
        used.reverse()
        return TimeRespectingPath(
            path: GraphPath(source: source, hops: hops), contacts: used.map(\.event),
            departure: used.first.map { Day(daysSinceEpoch: $0.start) },
            arrival: arrival(at: node))
    }
}

/// Time-respecting paths over dated events (Holme & Saramäki 2012, "Temporal networks",
/// Physics Reports 519(3), section 4.1).
public enum TimeRespectingPaths {
    /// Earliest arrival from `source` to every node, and for each the fewest hops that achieve it.
    ///
    /// A time-respecting path A → B → C uses one event of each edge as its contact, and each
    /// contact must come no earlier than the previous one in the sense of ``TemporalOrder``: A
    /// reaches C through B only if the A–B contact came no later than the B–C contact. A node
    /// is reached at the start day of the contact that reaches it (``TemporalOrder/start``), its
    /// end day (``TemporalOrder/certain``) or the earliest day consistent with the chain
    /// (``TemporalOrder/possible``). Edges are followed in their direction in a directed
    /// graph, both ways otherwise.
    ///
    /// The search is layered by hop count (a Bellman–Ford sweep that relaxes only nodes whose
    /// arrival improved in the previous layer): layer h holds the earliest arrival over paths of
    /// at most h hops, so the result is the earliest arrival and, among paths achieving it, the
    /// fewest hops. On each hop the contact is the earliest usable event; ties go to the first
    /// edge in adjacency order and the first event in (start, end, dataset) order.
    /// - Parameters:
    ///   - projection: the events as a graph; its dataset gives each edge's contacts.
    ///   - source: the node the paths start from.
    ///   - options: the temporal order and the days contacts may fall on.
    /// - Complexity: O(C log C) to sort the C (edge, event) contacts, then O(H · E · log C) for
    ///   H layers in the worst case (each layer relaxes only improved nodes; ``TemporalOrder/possible``
    ///   scans an edge's contacts, O(C) instead of O(log C)); O(V + E + C) space.
    public static func earliestArrival(
        in projection: EventProjection, from source: NodeID,
        options: TimeRespectingOptions = TimeRespectingOptions()
    ) -> TimeRespectingPathTree {
        let graph = projection.graph, dataset = projection.dataset
        let n = graph.nodeCount
        precondition(source.index < n, "unknown NodeID \(source)")
        let lower = options.notBefore?.daysSinceEpoch ?? .min
        let upper = options.notAfter?.daysSinceEpoch ?? .max
        var contacts: [[Contact]] = []
        contacts.reserveCapacity(graph.edgeCount)
        for e in 0..<graph.edgeCount {
            var list: [Contact] = []
            for id in projection.events(of: EdgeID(e)) {
                let date = dataset[id].date
                let start = date.start.daysSinceEpoch, end = date.end.daysSinceEpoch
                guard start >= lower, start <= upper else { continue }
                list.append(Contact(start: start, end: end, event: id, name: dataset[id].id))
            }
            list.sort { ($0.start, $0.end, $0.event) < ($1.start, $1.end, $1.event) }
            contacts.append(list)
        }
        let certain = options.order == .certain
        // Suffix minima of end days, so `.certain` finds the earliest-ending usable contact in O(log C).
        var suffixBest: [[Int32]] = []
        if certain {
            suffixBest = contacts.map { list in
                var best = [Int32](repeating: 0, count: list.count)
                var slot = Int32(list.count - 1)
                for i in stride(from: list.count - 1, through: 0, by: -1) {
                    if list[i].end <= list[Int(slot)].end { slot = Int32(i) }
                    best[i] = slot
                }
                return best
            }
        }

        typealias Record = TimeRespectingPathTree.Record
        var records = [[Record]](repeating: [], count: n)
        var arrival = [Int32](repeating: .max, count: n)
        let departure: Int32 = .min
        records[source.index] = [Record(hops: 0, arrival: departure, parent: -1, edge: -1, slot: -1)]
        arrival[source.index] = departure

        var frontier: [Int] = [source.index]
        var inNext = [Bool](repeating: false, count: n)
        var next: [Int] = []
        var proposal = [Record?](repeating: nil, count: n)
        var hops = 0
        while !frontier.isEmpty {
            hops += 1
            for u in frontier {
                let t = arrival[u]
                let hood = graph.outNeighbors(of: NodeID(u))
                for (v, e) in zip(hood.nodes, hood.edges) where v.index != source.index {
                    let list = contacts[e.index]
                    // First contact starting on or after t.
                    var lo = 0, hi = list.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if list[mid].start < t { lo = mid + 1 } else { hi = mid }
                    }
                    let slot: Int, reach: Int32
                    switch options.order {
                    case .start:
                        guard lo < list.count else { continue }
                        slot = lo
                        reach = list[slot].start
                    case .certain:
                        guard lo < list.count else { continue }
                        slot = Int(suffixBest[e.index][lo])
                        reach = list[slot].end
                    case .possible:
                        // The first contact by start that has not ended before t: least max(t, start).
                        guard let first = list.firstIndex(where: { $0.end >= t }) else { continue }
                        slot = first
                        reach = max(t, list[slot].start)
                    }
                    let vi = v.index
                    let bestSoFar = proposal[vi]?.arrival ?? arrival[vi]
                    if reach < bestSoFar {
                        proposal[vi] = Record(hops: hops, arrival: reach, parent: Int32(u), edge: Int32(e.index), slot: Int32(slot))
                        if !inNext[vi] { inNext[vi] = true; next.append(vi) }
                    }
                }
            }
            for v in next {
                let record = proposal[v]!
                arrival[v] = record.arrival
                records[v].append(record)
                proposal[v] = nil
                inNext[v] = false
            }
            swap(&frontier, &next)
            next.removeAll(keepingCapacity: true)
        }
        return TimeRespectingPathTree(graph: graph, source: source, options: options, records: records, contacts: contacts)
    }

    /// An earliest-arriving time-respecting path from `source` to `target` with the fewest hops
    /// among those, or `nil` when none exists. See ``earliestArrival(in:from:options:)``.
    public static func path(
        in projection: EventProjection, from source: NodeID, to target: NodeID,
        options: TimeRespectingOptions = TimeRespectingOptions()
    ) -> TimeRespectingPath? {
        earliestArrival(in: projection, from: source, options: options).path(to: target)
    }
}
