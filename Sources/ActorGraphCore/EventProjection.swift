#if canImport(Glibc)
import func Glibc.exp2
#elseif canImport(Musl)
import func Musl.exp2
#elseif canImport(Darwin)
import func Darwin.exp2
#endif

/// How parallel events between the same two actors combine into one edge weight.
///
/// Every aggregation yields a **strength** (more contact = a stronger tie), never a path cost.
public enum Aggregation: Hashable, Sendable {
    /// The number of events. The default.
    case count
    /// The sum of the events' Goldstein tones (events without a tone add 0). Can be negative.
    case toneSum
    /// The tone of the most recent event that has one (by start of date, then end, then file
    /// order); 0 when none has a tone.
    case latest
    /// Each event counts `0.5^(age / halfLifeDays)`, its age measured in days from the end of
    /// its date to `reference` (default: the latest end date among the events projected).
    case decayed(halfLifeDays: Double, reference: Day? = nil)

    /// The name used on the command line and in output: `count`, `sum`, `latest`, `decayed`.
    public var name: String {
        switch self {
        case .count: "count"
        case .toneSum: "sum"
        case .latest: "latest"
        case .decayed: "decayed"
        }
    }
}

/// Mapping actors onto the organisations they belong to before edges are formed.
public enum RollUp: String, Hashable, Sendable, CaseIterable {
    /// Every actor stands for itself.
    case none
    /// Each person becomes its affiliation (an institution, or a state when the person is
    /// affiliated directly to one); institutions and states stay.
    case institution
    /// Each actor becomes the state at the end of its affiliation chain (person -> institution ->
    /// state); an actor with no state in its chain stays itself.
    case state
}

/// Which events form which edges, and how they combine. Every choice is explicit.
public struct ProjectionOptions: Hashable, Sendable {
    /// Event kinds to keep (default: all four).
    public var kinds: Set<EventKind> = Set(EventKind.allCases)
    /// Keep events whose whole date lies within this window (default: all).
    public var window: DateWindow = .all
    public var aggregation: Aggregation = .count
    public var rollUp: RollUp = .none
    /// `false` (default): every event links all pairs of its participants, undirected.
    /// `true`: an event with a source and target gives arcs from the source to every other
    /// participant (the target included); an event without a direction gives arcs both ways
    /// between all pairs of participants.
    public var directed: Bool = false
    /// `false` (default): one edge per pair of actors, all kinds merged. `true`: one edge per
    /// pair and event kind (a multigraph with a `layer` attribute).
    public var separateLayers: Bool = false
    /// Also link an event's broker to each participant (default `false`: the broker arranged
    /// the contact but was not part of it).
    public var brokerTies: Bool = false
    /// Keep edges from an actor to itself, which roll-up creates when two actors of one state
    /// meet (default `false`: such pairs are dropped and counted in ``EventProjection/droppedSelfLoops``).
    public var keepSelfLoops: Bool = false
    /// Link an envoy with the principal they act for (default `true`): an event whose broker
    /// takes part for a `principal` also forms the edge principal - envoy, carrying that event.
    /// Without it the principal is absent from the projection of the envoy's meetings, and a
    /// path from the principal to the people the envoy met runs through strangers.
    public var principalTies: Bool = true
    /// The most parties (distinct actors named as participants, source or target) an event may
    /// have and still link every pair of them (default ``defaultMaxParties``). An event with more
    /// parties is a **co-attendance** (a summit, a conference, a mass signing): it forms no pair
    /// edges and is listed in ``EventProjection/coAttendanceEvents``, so one event never costs
    /// more than `maxParties²/2` edges and a 20,000-party event costs only the time to read it.
    public var maxParties: Int = ProjectionOptions.defaultMaxParties

    /// Ten parties (45 pairs) hold every bilateral and trilateral meeting, a summit of the
    /// ASEAN Plus Three leaders or the Six-Party Talks, where each delegation plausibly speaks
    /// with each other; beyond that (a G20, a UN session) sitting in one room is no dyadic tie.
    public static let defaultMaxParties = 10

    /// The kinds of the **contact view**, the default view of every analysis of a dataset:
    /// meetings (visits, talks, calls, summits) and cooperation (agreements signed or carried
    /// out), where the two sides deal with each other directly, plus the principal - envoy ties
    /// (``principalTies``). Statements (often one-sided and public, about rather than to the
    /// other) and disputes (court rulings, export controls: conflict, not communication) are no
    /// channel through which a message or favour passes; ask for them with the kind filter.
    public static let contactKinds: Set<EventKind> = [.meeting, .cooperation]

    /// The contact view: ``contactKinds``, principal ties, every other option at its default.
    public static var contactView: ProjectionOptions { ProjectionOptions(kinds: contactKinds) }

    public init(
        kinds: Set<EventKind> = Set(EventKind.allCases), window: DateWindow = .all,
        aggregation: Aggregation = .count, rollUp: RollUp = .none, directed: Bool = false,
        separateLayers: Bool = false, brokerTies: Bool = false, keepSelfLoops: Bool = false,
        principalTies: Bool = true, maxParties: Int = ProjectionOptions.defaultMaxParties
    ) {
        self.kinds = kinds
        self.window = window
        self.aggregation = aggregation
        self.rollUp = rollUp
        self.directed = directed
        self.separateLayers = separateLayers
        self.brokerTies = brokerTies
        self.keepSelfLoops = keepSelfLoops
        self.principalTies = principalTies
        self.maxParties = maxParties
    }
}

/// One weighted edge formed from events, with its provenance.
public struct ProjectedEdge: Hashable, Sendable {
    public let source: ActorID
    public let target: ActorID
    public let isDirected: Bool
    /// The event kind of this layer, or `nil` when kinds are merged.
    public let layer: EventKind?
    /// The aggregated strength.
    public let weight: Double
    /// The events behind the edge, in date order.
    public let events: [EventID]
    /// The kinds among those events.
    public let kinds: Set<EventKind>
    /// First start and last end among the events' dates.
    public let first: Day
    public let last: Day
}

/// Events turned into a weighted graph: the edge list with provenance, the actors that became
/// nodes, and the CSR ``Graph`` for the analysis passes.
///
/// The graph's nodes are the actors that remain after roll-up, named by actor id, in dataset
/// order, **including actors without edges** in the window. Node attributes: `name`, `kind`,
/// `state` (the actor's state after `.state` roll-up; its own id if it has none), `affiliation`.
/// Edge columns: `weight` (the aggregation) and `count` (number of events); text column
/// `layer` when layers are separate; each edge carries its event ids.
public struct EventProjection: Sendable {
    public let options: ProjectionOptions
    public let edges: [ProjectedEdge]
    /// The actors that are nodes, in dataset order.
    public let nodes: [ActorID]
    /// For every actor of the dataset, the actor it was rolled up into.
    public let representative: [ActorID]
    /// Events kept by the kind and window filters.
    public let eventsUsed: [EventID]
    /// Kept events that formed no edge (a single participant after roll-up, no counterpart).
    public let eventsWithoutEdges: [EventID]
    /// Pairs dropped because both ends rolled up into the same actor.
    public let droppedSelfLoops: Int
    /// Kept events with more than ``ProjectionOptions/maxParties`` parties: co-attendances that
    /// formed no pair edges (a principal tie or broker ties they carry are still formed).
    public let coAttendanceEvents: [EventID]
    public internal(set) var graph: Graph
    /// The dataset projected: the projection answers questions about its actors and events
    /// (``actor(of:)``, ``node(of:)``, ``events(of:)``) without a second argument.
    public let dataset: Dataset
    /// The node of every actor of the dataset after roll-up, indexed by `ActorID.index`.
    let nodeOfActor: [NodeID]
    /// The state every actor belongs to by affiliation (itself when none), by `ActorID.index`.
    let stateOfActor: [ActorID]

    /// Projects `dataset` with `options`.
    /// - Complexity: O(P + X log X) for P participant mentions in all and X <= E·min(p, K)²
    ///   pair mentions (E events with at most p parties, K = ``ProjectionOptions/maxParties``),
    ///   which are sorted once to form the M <= X edges: O(E log E) for a fixed K, whatever the
    ///   size of one event.
    public init(_ dataset: Dataset, options: ProjectionOptions = ProjectionOptions()) {
        precondition(options.maxParties >= 2, "ProjectionOptions.maxParties must be at least 2")
        self.options = options
        self.dataset = dataset
        let representative = EventProjection.representatives(dataset, options.rollUp)
        self.representative = representative

        // Every (pair, layer, event) the events form, as two words and the event's days, sorted
        // once and grouped: no dictionary of per-edge arrays, no per-event allocation (buffers
        // are reused), and each edge reads its events' days and kinds in place, not across the
        // dataset (``PairEntry``).
        var entries: [PairEntry] = []
        var used: [EventID] = [], silent: [EventID] = [], crowds: [EventID] = []
        var loops = 0
        var arcs: [(ActorID, ActorID)] = []
        var people: [ActorID] = []
        // Kinds kept, by kind bit: no hashing per event.
        let keepKind = EventKind.allCases.map { options.kinds.contains($0) }
        entries.reserveCapacity(dataset.events.count)
        // Records read in place through one buffer: subscripting the array copies a whole
        // record (and retains its texts) where only a few fields are needed.
        dataset.events.withUnsafeBufferPointer { events in
            for i in events.indices {
                let kind = events[i].kind
                guard keepKind[EventProjection.kindBit(kind)], events[i].date.isWithin(options.window) else { continue }
                let id = EventID(i)
                used.append(id)
                arcs.removeAll(keepingCapacity: true)
                people.removeAll(keepingCapacity: true)
                let source = events[i].source, target = events[i].target
                EventProjection.appendUnique(events[i].participants, target, source, to: &people)
                let principal = events[i].principal, broker = events[i].broker
                if people.count > options.maxParties {
                    crowds.append(id)
                } else if options.directed, let s = source, target != nil {
                    for p in people where p != s { arcs.append((s, p)) }
                } else {
                    for a in 0..<people.count {
                        for b in (a + 1)..<max(a + 1, people.count) {
                            arcs.append((people[a], people[b]))
                            if options.directed { arcs.append((people[b], people[a])) }
                        }
                    }
                }
                if options.principalTies, let principal, let envoy = broker, principal != envoy {
                    arcs.append((principal, envoy))
                    if options.directed { arcs.append((envoy, principal)) }
                }
                if options.brokerTies, let broker, people.count <= options.maxParties {
                    for p in people where p != broker {
                        arcs.append((broker, p))
                        if options.directed { arcs.append((p, broker)) }
                    }
                }
                let layer: UInt64 = options.separateLayers ? UInt64(EventKind.allCases.firstIndex(of: kind)!) + 1 : 0
                let kindBit = UInt64(EventProjection.kindBit(kind))
                var formed = false
                let start = events[i].date.start.daysSinceEpoch, end = events[i].date.end.daysSinceEpoch
                for (a, b) in arcs {
                    var s = representative[a.index], t = representative[b.index]
                    if s == t && !options.keepSelfLoops { loops += 1; continue }
                    if !options.directed && t < s { swap(&s, &t) }
                    formed = true
                    // Repeats of one pair within an event end up adjacent after the sort.
                    entries.append(
                        PairEntry(
                            pair: UInt64(s.rawValue) << 32 | UInt64(t.rawValue),
                            layerEvent: kindBit << 56 | layer << 32 | UInt64(id.rawValue), start: start, end: end))
                }
                if !formed { silent.append(id) }
            }
        }
        self.eventsUsed = used
        self.eventsWithoutEdges = silent
        self.droppedSelfLoops = loops
        self.coAttendanceEvents = crowds

        let reference: Day? = { // only a decayed weight reads it
            guard case .decayed(_, let ref) = options.aggregation else { return nil }
            return ref ?? used.lazy.map { dataset.events[$0.index].date.end }.max()
        }()
        EventProjection.sortEntries(&entries, actorCount: dataset.actors.count)
        let kindSets = EventProjection.kindSets
        // Only schema 3 events carry a weight attribute; older datasets count events as before.
        let weighted =
            dataset.schemaVersion >= Dataset.evidenceSchemaVersion
            && dataset.events.withUnsafeBufferPointer { events in
                events.indices.contains { events[$0].attributes[EventRecord.weightAttribute] != nil } // no record copied
            }
        var edges: [ProjectedEdge] = []
        var group: [(start: Int32, end: Int32, id: EventID, kindBit: Int)] = []
        var g = 0
        while g < entries.count {
            let pair = entries[g].pair, layer = entries[g].layerEvent >> 32 & 0xFF
            group.removeAll(keepingCapacity: true)
            while g < entries.count && entries[g].pair == pair && entries[g].layerEvent >> 32 & 0xFF == layer {
                let id = EventID(UInt32(truncatingIfNeeded: entries[g].layerEvent))
                if group.last?.id != id { group.append((entries[g].start, entries[g].end, id, Int(entries[g].layerEvent >> 56))) }
                g += 1
            }
            if group.count > 1 { group.sort { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) } }
            let ids = group.map(\.id)
            let weight: Double
            if case .count = options.aggregation {
                // Schema 3 events may stand for more than one (a GDELT row weighted by mentions).
                weight = weighted ? ids.reduce(0) { $0 + dataset.events[$1.index].countWeight } : Double(ids.count)
            } else {
                weight = EventProjection.aggregate(ids.map { dataset.events[$0.index] }, options.aggregation, reference: reference)
            }
            var mask = 0, last = group[0].end
            for e in group {
                mask |= 1 << e.kindBit
                if e.end > last { last = e.end }
            }
            edges.append(
                ProjectedEdge(
                    source: ActorID(UInt32(truncatingIfNeeded: pair >> 32)), target: ActorID(UInt32(truncatingIfNeeded: pair)),
                    isDirected: options.directed,
                    layer: layer == 0 ? nil : EventKind.allCases[Int(layer) - 1],
                    weight: weight, events: ids, kinds: kindSets[mask],
                    first: Day(daysSinceEpoch: group[0].start), last: Day(daysSinceEpoch: last)))
        }
        self.edges = edges

        var nodes: [ActorID] = []
        for i in dataset.actors.indices where representative[i].index == i { nodes.append(ActorID(i)) }
        self.nodes = nodes
        let stateOf = EventProjection.representatives(dataset, .state)
        self.stateOfActor = stateOf

        var builder = GraphBuilder(directed: options.directed)
        builder.reserveCapacity(nodes: nodes.count, edges: edges.count)
        var nodeOf = [NodeID](repeating: NodeID(0), count: dataset.actors.count)
        dataset.actors.withUnsafeBufferPointer { actors in // fields read in place, no record copied
            for a in nodes {
                let node = builder.addNode(actors[a.index].id)
                nodeOf[a.index] = node
                builder.setNodeAttribute(node, "name", .string(actors[a.index].name))
                builder.setNodeAttribute(node, "kind", .string(actors[a.index].kind.rawValue))
                builder.setNodeAttribute(node, "state", .string(actors[stateOf[a.index].index].id))
                if let aff = actors[a.index].affiliation { builder.setNodeAttribute(node, "affiliation", .string(actors[aff.index].id)) }
            }
        }
        // Edges list their events in pair order, which is random in the dataset, so reading their
        // ids is a cache miss each, the largest cost of a 10^6-edge view. They are read from one
        // array of ids in event order (not from records spread over the whole event array), in
        // one tight loop whose loads the processor overlaps, before any edge is added.
        let eventIDs = dataset.events.withUnsafeBufferPointer { events in events.indices.map { events[$0].id } }
        var edgeEventIDs: [String] = []
        edgeEventIDs.reserveCapacity(edges.reduce(0) { $0 + $1.events.count })
        for e in edges {
            for event in e.events { edgeEventIDs.append(eventIDs[event.index]) }
        }
        var next = 0
        for e in edges {
            let id = builder.addEdge(
                from: nodeOf[e.source.index], to: nodeOf[e.target.index],
                events: Array(edgeEventIDs[next..<(next + e.events.count)]))
            next += e.events.count
            if let layer = e.layer { builder.setEdgeText(id, "layer", layer.rawValue) }
        }
        if !edges.isEmpty { // as adding edges one by one: no columns without edges
            builder.setEdgeColumn("weight", edges.map(\.weight))
            builder.setEdgeColumn("count", edges.map { Double($0.events.count) })
        }
        self.graph = builder.build()
        self.nodeOfActor = representative.map { nodeOf[$0.index] }
    }

    /// Appends an event's parties (participants, target, source) to `people` without repeats,
    /// in that order: ``unique(_:)`` without building the concatenation. Takes the fields, not
    /// the record: a record passed by value is copied, all its texts retained and released. O(p).
    static func appendUnique(_ participants: [ActorID], _ target: ActorID?, _ source: ActorID?, to people: inout [ActorID]) {
        let count = participants.count + (target == nil ? 0 : 1) + (source == nil ? 0 : 1)
        if count > 16 {
            people = unique(participants + (target.map { [$0] } ?? []) + (source.map { [$0] } ?? []))
            return
        }
        for p in participants where !people.contains(p) { people.append(p) }
        if let t = target, !people.contains(t) { people.append(t) }
        if let s = source, !people.contains(s) { people.append(s) }
    }

    /// The bit of `kind` in a kind mask: its position in ``EventKind/allCases``.
    @inline(__always) static func kindBit(_ kind: EventKind) -> Int {
        EventKind.allCases.firstIndex(of: kind)!
    }

    /// Every set of kinds, indexed by its mask, built once so edges share them.
    static let kindSets: [Set<EventKind>] = (0..<(1 << EventKind.allCases.count)).map { mask in
        Set(EventKind.allCases.enumerated().compactMap { mask & (1 << $0.offset) != 0 ? $0.element : nil })
    }

    /// `ids` without repeats, in order: a scan for the usual handful, a set beyond 16. O(n).
    static func unique(_ ids: [ActorID]) -> [ActorID] {
        if ids.count <= 16 {
            var out: [ActorID] = []
            out.reserveCapacity(ids.count)
            for id in ids where !out.contains(id) { out.append(id) }
            return out
        }
        var seen = Set<ActorID>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// The kinds among `ids`, hashing each kind once rather than each event.
    static func kinds(_ ids: [EventID], _ kindOf: [EventKind]) -> Set<EventKind> {
        var mask = 0
        for id in ids { mask |= 1 << EventKind.allCases.firstIndex(of: kindOf[id.index])! }
        return Set(EventKind.allCases.enumerated().compactMap { mask & (1 << $0.offset) != 0 ? $0.element : nil })
    }

    /// For each actor, the actor it rolls up into. O(actors x chain length).
    public static func representatives(_ dataset: Dataset, _ rollUp: RollUp) -> [ActorID] {
        dataset.actors.withUnsafeBufferPointer { actors in // fields read in place, no record copied
            actors.indices.map { i in
                switch rollUp {
                case .none:
                    return ActorID(i)
                case .institution:
                    return actors[i].kind == .person ? (actors[i].affiliation ?? ActorID(i)) : ActorID(i)
                case .state:
                    var current = ActorID(i)
                    var steps = 0
                    while actors[current.index].kind != .state, let next = actors[current.index].affiliation, steps < actors.count {
                        current = next
                        steps += 1
                    }
                    return actors[current.index].kind == .state ? current : ActorID(i)
                }
            }
        }
    }

    static func aggregate(_ events: [EventRecord], _ aggregation: Aggregation, reference: Day?) -> Double {
        switch aggregation {
        case .count:
            return events.reduce(0) { $0 + $1.countWeight }
        case .toneSum:
            return events.reduce(0) { $0 + ($1.tone ?? 0) }
        case .latest:
            return events.last(where: { $0.tone != nil })?.tone ?? 0
        case .decayed(let halfLife, _):
            let ref = reference ?? events.map(\.date.end).max()!
            return events.reduce(0) { sum, e in
                let age = Double(ref.daysSinceEpoch - e.date.end.daysSinceEpoch)
                return sum + pow2(-age / halfLife)
            }
        }
    }
}

/// 2^x without Foundation.
@inline(__always) func pow2(_ x: Double) -> Double { exp2(x) }
