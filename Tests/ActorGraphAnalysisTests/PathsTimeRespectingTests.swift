import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// A dataset built in code: `events` are (id, date, participants).
func temporalDataset(actors: [String], events: [(String, String, [String])]) throws -> (Dataset, EventProjection) {
    let records = actors.map { ActorRecord(id: $0, name: $0.uppercased(), kind: .person) }
    let index = Dictionary(uniqueKeysWithValues: actors.enumerated().map { ($1, ActorID($0)) })
    let eventRecords = try events.map { id, date, people in
        EventRecord(
            id: id, date: try #require(EventDate(date), "date \(date)"), kind: .meeting,
            participants: people.map { index[$0]! })
    }
    let dataset = try Dataset(sources: [], actors: records, events: eventRecords)
    return (dataset, EventProjection(dataset))
}

@Suite("Paths: time-respecting")
struct PathsTimeRespectingTests {
    let dataset: Dataset
    let projection: EventProjection
    var graph: Graph { projection.graph }

    init() throws {
        (dataset, projection) = try {
            let (d, p) = try temporalDataset(
                actors: ["a", "b", "c", "d", "e", "f", "g", "x", "y", "z"],
                events: [
                    ("e1", "2020-01-10", ["a", "b"]),
                    ("e2", "2020-01-05", ["b", "c"]), // before e1: a cannot reach c this way
                    ("e3", "2020-02-01", ["b", "c"]),
                    ("e4", "2020-03", ["a", "d"]), // month precision: 2020-03-01 ... 2020-03-31
                    ("e5", "2020-03-15", ["d", "e"]),
                    ("e6", "2019-06-01", ["e", "f"]), // too early for anyone coming from a
                    ("e7", "2020-01-10", ["a", "g"]), // same day as e1
                    ("e8", "2020-05-01", ["a", "x"]),
                    ("e9", "2020-05-02", ["x", "y"]),
                    ("e10", "2020-06-01", ["y", "z"]),
                    ("e11", "2020-06-01", ["a", "z"]),
                ])
            return (d, p)
        }()
    }

    func node(_ name: String) -> NodeID { graph.node(named: name)! }

    @Test func respectsEventOrder() throws {
        let tree = TimeRespectingPaths.earliestArrival(in: projection, from: node("a"))
        let toC = try #require(tree.path(to: node("c")))
        #expect(toC.path.nodes.map(graph.name(of:)) == ["a", "b", "c"])
        #expect(toC.path.hops.map(\.events) == [["e1"], ["e3"]])
        #expect(toC.departure?.description == "2020-01-10" && toC.arrival?.description == "2020-02-01")
        // Statically connected, temporally not: e6 (2019) comes before anything from a.
        #expect(tree.path(to: node("f")) == nil)
        #expect(!tree.reaches(node("f")))
        // The source reaches itself by the empty path.
        #expect(tree.path(to: node("a"))?.path.nodes == [node("a")])
        // Ordinary shortest paths ignore time and do reach f.
        #expect(ShortestPaths.path(in: graph, from: node("a"), to: node("f")) != nil)
    }

    @Test func monthPrecisionUnderBothOrders() throws {
        // Under `.start`, e4 (2020-03) counts from 2020-03-01, so e5 (2020-03-15) may follow it.
        let possible = TimeRespectingPaths.path(in: projection, from: node("a"), to: node("e"))
        #expect(possible?.path.hops.map(\.events) == [["e4"], ["e5"]])
        #expect(possible?.arrival?.description == "2020-03-15")
        // Under `.certain`, e4 may have happened as late as 2020-03-31: e5 cannot follow for sure.
        let certain = TimeRespectingPaths.path(
            in: projection, from: node("a"), to: node("e"),
            options: TimeRespectingOptions(order: .certain))
        #expect(certain == nil)
        // Under `.possible`, a month-dated contact may follow a day in the same month.
        let (_, monthly) = try temporalDataset(
            actors: ["p", "s", "b"],
            events: [
                ("visit", "2020-11-09/2020-11-12", ["p", "s"]), ("call", "2020-11", ["s", "b"]),
            ])
        let (p, b) = (monthly.graph.node(named: "p")!, monthly.graph.node(named: "b")!)
        #expect(TimeRespectingPaths.path(in: monthly, from: p, to: b) == nil)
        let possible2 = TimeRespectingPaths.path(
            in: monthly, from: p, to: b,
            options: TimeRespectingOptions(order: .possible))
        #expect(possible2?.path.hops.map(\.events) == [["visit"], ["call"]])
        #expect(possible2?.arrival?.description == "2020-11-09")
        // Same-day contacts may follow each other.
        let sameDay = TimeRespectingPaths.path(in: projection, from: node("b"), to: node("g"))
        #expect(sameDay?.path.hops.map(\.events) == [["e1"], ["e7"]])
    }

    @Test func fewestHopsAmongEarliestArrivals() throws {
        let path = try #require(TimeRespectingPaths.path(in: projection, from: node("a"), to: node("z")))
        #expect(path.path.hops.map(\.events) == [["e11"]])
        let tree = TimeRespectingPaths.earliestArrival(in: projection, from: node("a"))
        #expect(tree.hopCount(to: node("z")) == 1)
        #expect(tree.hopCount(to: node("y")) == 2)
    }

    @Test func windowLimitsContacts() throws {
        let options = TimeRespectingOptions(notBefore: Day(year: 2020, month: 1, day: 20))
        let tree = TimeRespectingPaths.earliestArrival(in: projection, from: node("a"), options: options)
        #expect(!tree.reaches(node("b"))) // e1 is before the window
        #expect(tree.reaches(node("d")))
    }

    /// Brute force: over every simple path from `s`, the greedy earliest contacts; the minimum
    /// (arrival, hops) per target.
    func bruteForce(_ graph: Graph, _ dataset: Dataset, from s: NodeID, order: TemporalOrder) -> [NodeID: (Int32, Int)] {
        var best: [NodeID: (Int32, Int)] = [s: (.min, 0)]
        func dates(_ e: EdgeID) -> [(Int32, Int32)] {
            graph.edgeEvents(e).map {
                let d = dataset[dataset.eventID(forID: $0)!].date; return (d.start.daysSinceEpoch, d.end.daysSinceEpoch)
            }
        }
        func walk(_ nodes: [NodeID], _ time: Int32) {
            let u = nodes.last!
            let hood = graph.outNeighbors(of: u)
            for (v, e) in zip(hood.nodes, hood.edges) where !nodes.contains(v) {
                let reach: Int32?
                switch order {
                case .start: reach = dates(e).filter { $0.0 >= time }.map(\.0).min()
                case .certain: reach = dates(e).filter { $0.0 >= time }.map(\.1).min()
                case .possible: reach = dates(e).filter { $0.1 >= time }.map { max(time, $0.0) }.min()
                }
                guard let reach else { continue }
                let key = (reach, nodes.count)
                if let old = best[v] { if key < old { best[v] = key } } else { best[v] = key }
                walk(nodes + [v], reach)
            }
        }
        walk([s], .min)
        return best
    }

    @Test(arguments: Array(UInt64(0)..<10))
    func randomDatasetsAgreeWithBruteForce(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let actors = (0..<7).map { "p\($0)" }
        var events: [(String, String, [String])] = []
        for i in 0..<14 {
            let a = Int.random(in: 0..<7, using: &rng)
            var b = Int.random(in: 0..<6, using: &rng)
            if b >= a { b += 1 }
            let month = Int.random(in: 1...6, using: &rng)
            let date = Bool.random(using: &rng) ? "2021-0\(month)" : "2021-0\(month)-\(10 + Int.random(in: 0..<15, using: &rng))"
            events.append(("ev\(i)", date, [actors[a], actors[b]]))
        }
        let (dataset, projection) = try temporalDataset(actors: actors, events: events)
        let graph = projection.graph
        for order in TemporalOrder.allCases {
            for s in graph.nodes {
                let tree = TimeRespectingPaths.earliestArrival(
                    in: projection, from: s,
                    options: TimeRespectingOptions(order: order))
                let expected = bruteForce(graph, dataset, from: s, order: order)
                for t in graph.nodes where t != s {
                    let path = tree.path(to: t)
                    #expect((path != nil) == (expected[t] != nil), "seed \(seed) \(order) reachability \(s)->\(t)")
                    guard let path, let (arrival, hops) = expected[t] else { continue }
                    #expect(path.arrival?.daysSinceEpoch == arrival, "seed \(seed) \(order) arrival \(s)->\(t)")
                    #expect(path.path.hopCount == hops, "seed \(seed) \(order) hops \(s)->\(t)")
                    // The contacts respect the order and belong to their hops' edges.
                    let dates = path.contacts.map { dataset[$0].date }
                    var chain = Day(daysSinceEpoch: .min)
                    for (x, y) in zip(dates, dates.dropFirst()) {
                        switch order {
                        case .start: #expect(x.start <= y.start)
                        case .certain: #expect(x.end <= y.start)
                        case .possible:
                            chain = max(chain, x.start)
                            #expect(chain <= y.end)
                        }
                    }
                    for hop in path.path.hops { #expect(graph.edgeEvents(hop.edge).contains(hop.events[0])) }
                    #expect(path.path.isSimple)
                }
            }
        }
    }
}
