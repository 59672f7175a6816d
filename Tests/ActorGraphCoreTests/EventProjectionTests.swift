import ActorGraphCore
import Foundation
import Testing

@Suite struct EventProjectionTests {
    func edge(_ p: EventProjection, _ d: Dataset, _ a: String, _ b: String, layer: EventKind? = nil) -> ProjectedEdge? {
        p.edges.first {
            let s = d[$0.source].id, t = d[$0.target].id
            return ((s == a && t == b) || (!$0.isDirected && s == b && t == a)) && $0.layer == layer
        }
    }

    @Test func countsEventsAndKeepsProvenance() throws {
        let d = try envoyDataset()
        let p = EventProjection(d)
        let parkSuga = try #require(edge(p, d, "park-jie-won", "yoshihide-suga"))
        #expect(parkSuga.weight == 3)
        #expect(parkSuga.events.map { d[$0].id } == ["visit", "again", "trilateral"])
        #expect(parkSuga.first.description == "2020-11-10" && parkSuga.last.description == "2021-01-15")
        // The three-party meeting links all pairs.
        #expect(edge(p, d, "moon-jae-in", "yoshihide-suga")?.events.map { d[$0].id } == ["trilateral"])
        // Every actor is a node, even without edges; the graph carries the same edges.
        #expect(p.graph.nodeCount == d.actors.count)
        #expect(p.graph.edgeCount == p.edges.count)
        let gEdge = p.graph.edges.firstIndex {
            p.graph.name(of: $0.source) == "park-jie-won" && p.graph.name(of: $0.target) == "yoshihide-suga"
        }!
        #expect(p.graph.edgeEvents(EdgeID(gEdge)) == ["visit", "again", "trilateral"])
        #expect(p.graph.edgeColumn("count")![gEdge] == 3)
        #expect(p.graph.nodeAttribute("state")![4] == .string("south-korea"))
    }

    @Test func aggregationsAreNamedAndExplicit() throws {
        let d = try envoyDataset()
        let sum = EventProjection(d, options: ProjectionOptions(aggregation: .toneSum))
        #expect(edge(sum, d, "park-jie-won", "yoshihide-suga")?.weight == 5) // 2 + 3 + (no tone: 0)
        let latest = EventProjection(d, options: ProjectionOptions(aggregation: .latest))
        #expect(edge(latest, d, "park-jie-won", "yoshihide-suga")?.weight == 3) // trilateral has no tone
        let ref = Day(year: 2021, month: 1, day: 15)!
        let decayed = EventProjection(d, options: ProjectionOptions(aggregation: .decayed(halfLifeDays: 30, reference: ref)))
        let w = try #require(edge(decayed, d, "moon-jae-in", "park-jie-won")?.weight)
        // brief: 2020-11-05 is 71 days before; trilateral: 0 days.
        #expect(abs(w - (1 + exp2(-71.0 / 30))) < 1e-12)
    }

    @Test func timeWindowAndKindsFilterEvents() throws {
        let d = try envoyDataset()
        let p = EventProjection(
            d,
            options: ProjectionOptions(
                kinds: [.meeting], window: DateWindow(from: EventDate("2020-11"), to: EventDate("2020-11"))))
        #expect(p.eventsUsed.map { d[$0].id } == ["brief", "visit"])
        #expect(p.edges.count == 2)
    }

    @Test func rollUpMergesEdgesAndDropsSelfLoops() throws {
        let d = try envoyDataset()
        let states = EventProjection(d, options: ProjectionOptions(rollUp: .state))
        #expect(states.nodes.map { d[$0].id } == ["south-korea", "japan"])
        let e = try #require(edge(states, d, "south-korea", "japan"))
        #expect(Set(e.events.map { d[$0].id }) == ["visit", "kato", "again", "trilateral", "old"])
        #expect(states.droppedSelfLoops == 2) // brief (moon-park), trilateral moon-park
        #expect(states.eventsWithoutEdges.map { d[$0].id } == ["brief"])
        let institutions = EventProjection(d, options: ProjectionOptions(rollUp: .institution))
        #expect(institutions.representative[4] == ActorID(2)) // park -> nis
        #expect(institutions.representative[3] == ActorID(0)) // moon -> south-korea directly
        #expect(edge(institutions, d, "nis", "yoshihide-suga") == nil)
        #expect(edge(institutions, d, "nis", "japan")?.events.count == 3)
        #expect(edge(institutions, d, "south-korea", "nis")?.events.map { d[$0].id } == ["brief", "trilateral"])
    }

    @Test func directedModeFollowsSourceAndTarget() throws {
        let d = try envoyDataset()
        let p = EventProjection(d, options: ProjectionOptions(directed: true))
        #expect(p.graph.isDirected)
        #expect(edge(p, d, "katsunobu-kato", "south-korea") != nil)
        #expect(edge(p, d, "south-korea", "katsunobu-kato") == nil)
        #expect(edge(p, d, "park-jie-won", "yoshihide-suga")?.weight == 3)
        #expect(edge(p, d, "yoshihide-suga", "park-jie-won")?.weight == 3)
    }

    @Test func layersAndBrokerTiesAreOptIn() throws {
        let d = try envoyDataset()
        let plain = EventProjection(d)
        #expect(edge(plain, d, "moon-jae-in", "yoshihide-suga")?.events.count == 1)
        let brokered = EventProjection(d, options: ProjectionOptions(brokerTies: true))
        #expect(edge(brokered, d, "moon-jae-in", "yoshihide-suga")?.events.map { d[$0].id } == ["visit", "trilateral"])
        let layered = EventProjection(d, options: ProjectionOptions(rollUp: .state, separateLayers: true))
        #expect(edge(layered, d, "south-korea", "japan", layer: .dispute)?.events.map { d[$0].id } == ["old"])
        #expect(edge(layered, d, "south-korea", "japan", layer: .meeting)?.events.count == 3)
        #expect(layered.graph.edgeTextColumn("layer")?.contains("statement") == true)
    }

    /// An envoy's principal is tied to the envoy by the envoy's event, so a path from the
    /// principal to the envoy's hosts runs through the envoy (Moon -> Park Jie-won -> Nikai).
    @Test func principalBecomesATieWithTheEnvoy() throws {
        let base = try envoyDataset()
        let events = base.events.map { e -> EventRecord in
            var e = e
            if e.id == "visit" { e.broker = ActorID(4); e.principal = ActorID(3) } // park for moon
            return e
        }.filter { $0.id != "brief" && $0.id != "trilateral" }
        let d = try Dataset(title: "envoy", sources: base.sources, actors: base.actors, events: events)
        let p = EventProjection(d)
        #expect(edge(p, d, "moon-jae-in", "park-jie-won")?.events.map { d[$0].id } == ["visit"])
        #expect(edge(p, d, "park-jie-won", "yoshihide-suga")?.events.map { d[$0].id } == ["visit", "again"])
        let directed = EventProjection(d, options: ProjectionOptions(directed: true))
        #expect(edge(directed, d, "moon-jae-in", "park-jie-won") != nil && edge(directed, d, "park-jie-won", "moon-jae-in") != nil)
        let without = EventProjection(d, options: ProjectionOptions(principalTies: false))
        #expect(edge(without, d, "moon-jae-in", "park-jie-won") == nil)
    }

    /// The contact view keeps meetings and cooperation: the 2014 dispute forms no edge.
    @Test func contactViewLeavesDisputesAndStatementsOut() throws {
        let d = try envoyDataset()
        let p = EventProjection(d, options: .contactView)
        #expect(p.options.kinds == [.meeting, .cooperation])
        #expect(edge(p, d, "south-korea", "japan") == nil) // "old" is a dispute
        #expect(edge(p, d, "katsunobu-kato", "south-korea") == nil) // a statement
        #expect(edge(p, d, "park-jie-won", "yoshihide-suga")?.weight == 3)
    }

    /// Issue 13 (1): an event with more parties than the limit is a co-attendance; it forms no
    /// pair edges, so its cost is linear in its size (20,000 parties would be 200 million pairs).
    @Test func manyPartyEventFormsNoPairs() throws {
        let n = 20_000
        let actors = (0..<n).map { ActorRecord(id: "p\($0)", name: "P\($0)", kind: .person) }
        let d = try Dataset(
            sources: [], actors: actors,
            events: [
                EventRecord(id: "crowd", date: EventDate("2020")!, kind: .meeting, participants: (0..<n).map { ActorID($0) }),
                EventRecord(id: "pair", date: EventDate("2020")!, kind: .meeting, participants: [ActorID(0), ActorID(1)]),
                EventRecord(id: "ten", date: EventDate("2020")!, kind: .meeting, participants: (0..<10).map { ActorID($0) }),
                EventRecord(id: "eleven", date: EventDate("2020")!, kind: .meeting, participants: (0..<11).map { ActorID($0) }),
            ])
        let p = EventProjection(d)
        #expect(p.coAttendanceEvents.map { d[$0].id } == ["crowd", "eleven"])
        #expect(p.edges.count == 45) // the ten-party meeting, pairwise
        #expect(p.edges.first { d[$0.source].id == "p0" && d[$0.target].id == "p1" }?.events.map { d[$0].id } == ["pair", "ten"])
        #expect(p.graph.nodeCount == n)
        let wider = EventProjection(d, options: ProjectionOptions(maxParties: 11))
        #expect(wider.coAttendanceEvents.map { d[$0].id } == ["crowd"] && wider.edges.count == 55)
    }
}
