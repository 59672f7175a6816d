import ActorGraphCore
import Testing
import Foundation

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
        #expect(edge(sum, d, "park-jie-won", "yoshihide-suga")?.weight == 5)   // 2 + 3 + (no tone: 0)
        let latest = EventProjection(d, options: ProjectionOptions(aggregation: .latest))
        #expect(edge(latest, d, "park-jie-won", "yoshihide-suga")?.weight == 3)  // trilateral has no tone
        let ref = Day(year: 2021, month: 1, day: 15)!
        let decayed = EventProjection(d, options: ProjectionOptions(aggregation: .decayed(halfLifeDays: 30, reference: ref)))
        let w = try #require(edge(decayed, d, "moon-jae-in", "park-jie-won")?.weight)
        // brief: 2020-11-05 is 71 days before; trilateral: 0 days.
        #expect(abs(w - (1 + exp2(-71.0 / 30))) < 1e-12)
    }

    @Test func timeWindowAndKindsFilterEvents() throws {
        let d = try envoyDataset()
        let p = EventProjection(d, options: ProjectionOptions(
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
        #expect(states.droppedSelfLoops == 2)   // brief (moon-park), trilateral moon-park
        #expect(states.eventsWithoutEdges.map { d[$0].id } == ["brief"])
        let institutions = EventProjection(d, options: ProjectionOptions(rollUp: .institution))
        #expect(institutions.representative[4] == ActorID(2))   // park -> nis
        #expect(institutions.representative[3] == ActorID(0))   // moon -> south-korea directly
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
}
