import ActorGraphAnalysis
import ActorGraphCore
import Testing

@Suite("Paths: queries as the command line asks them")
struct PathsQueryTests {
    let graph: Graph = {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "moon", to: "park", weight: 4, events: ["e1"])
        builder.addEdge(from: "park", to: "suga", weight: 4, events: ["e2"])
        builder.addEdge(from: "moon", to: "suga", weight: 1, events: ["e3"])
        builder.addNode("kim")
        return builder.build()
    }()

    func node(_ name: String) -> NodeID { graph.node(named: name)! }

    @Test func weightsNeedAMeaning() {
        let bad: [PathQuery] = [
            PathQuery(weight: EdgeWeight(column: "weight")),
            PathQuery(weight: EdgeWeight(column: "weight", meaning: .cost, conversion: .negativeLog)),
            PathQuery(mode: .kShortest(0)),
            PathQuery(mode: .timeRespecting(.start), weight: EdgeWeight(column: "weight", meaning: .cost)),
        ]
        for query in bad {
            #expect(throws: AnalysisError.self) { try query.validate() }
        }
        #expect(throws: Never.self) { try PathQuery(weight: EdgeWeight(column: "weight", meaning: .strength, conversion: .negativeLog)).validate() }
    }

    @Test func costVersusStrength() throws {
        // As a cost the direct tie (1) is cheapest; as a strength (inverse) it is the weakest.
        let asCost = try PathQuery(weight: EdgeWeight(column: "weight", meaning: .cost)).run(on: graph, from: node("moon"), to: node("suga")).paths
        #expect(asCost[0].nodes.map(graph.name(of:)) == ["moon", "suga"])
        let asStrength = try PathQuery(weight: EdgeWeight(column: "weight", meaning: .strength)).run(on: graph, from: node("moon"), to: node("suga")).paths
        #expect(asStrength[0].nodes.map(graph.name(of:)) == ["moon", "park", "suga"])
        #expect(asStrength[0].cost == 0.5)
        #expect(asStrength[0].hops.map(\.events) == [["e1"], ["e2"]])
        let unweighted = try PathQuery().run(on: graph, from: node("moon"), to: node("suga")).paths
        #expect(unweighted[0].cost == 1)
        let k = try PathQuery(mode: .kShortest(5)).run(on: graph, from: node("moon"), to: node("suga")).paths
        #expect(k.map(\.cost) == [1, 2])
        let all = try PathQuery(mode: .all, maxPaths: 1).run(on: graph, from: node("moon"), to: node("park"))
        #expect(all.paths.count == 1 && !all.isTruncated)
    }

    @Test func noPathIsAClearError() {
        do {
            _ = try PathQuery().run(on: graph, from: node("moon"), to: node("kim"))
            Issue.record("expected an error")
        } catch let error as AnalysisError {
            #expect(error.code == .noPath)
            #expect(error.message == "no path from moon to kim")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: AnalysisError.self) {
            try PathQuery(mode: .timeRespecting(.start)).run(on: graph, from: node("moon"), to: node("suga")).paths
        }
    }

    @Test func negativeCostsAreErrors() {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "a", to: "b", weight: -1)
        let bad = builder.build()
        #expect(throws: AnalysisError.self) {
            try PathQuery(weight: EdgeWeight(column: "weight", meaning: .cost)).run(on: bad, from: NodeID(0), to: NodeID(1))
        }
        #expect(throws: AnalysisError.self) {
            try PathQuery(weight: EdgeWeight(column: "weight", meaning: .strength)).run(on: bad, from: NodeID(0), to: NodeID(1))
        }
    }
}
