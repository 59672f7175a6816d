import ActorGraphAnalysis
import ActorGraphCore
import Synchronization
import Testing

@Suite struct AnalysisProgressTests {
    @Test(arguments: ["betweenness", "edge betweenness", "closeness", "harmonic"])
    func longAnalysesReportProgressToTheReporterGiven(measure: String) throws {
        let graph = randomGraph(nodes: 200, probability: 0.05, directed: false, seed: 3)
        let seen = Mutex<[(Int, Int)]>([])
        let run = ExecutionOptions(progress: { done, total in seen.withLock { $0.append((done, total)) } })
        func compute(_ execution: ExecutionOptions) throws -> [Double] {
            switch measure {
            case "betweenness": try Centrality.betweenness(graph, execution: execution).values
            case "edge betweenness": try Centrality.edgeBetweenness(graph, execution: execution).values
            case "closeness": try Centrality.closeness(graph, execution: execution).values
            default: try Centrality.harmonic(graph, execution: execution).values
            }
        }
        let reported = try compute(run)
        let reports = seen.withLock { $0 }
        #expect(!reports.isEmpty)
        #expect(reports.map(\.0).sorted() == Array(1...reports.count)) // every chunk once
        #expect(reports.allSatisfy { $0.1 == reports.count }) // out of the total
        // Reporting does not change the result, and without a reporter nothing is reported.
        seen.withLock { $0.removeAll() }
        #expect(try compute(ExecutionOptions()) == reported)
        #expect(seen.withLock { $0.isEmpty })
    }

    @Test func aCentralityRequestPassesItsExecutionOptionsOn() throws {
        let graph = randomGraph(nodes: 100, probability: 0.05, directed: false, seed: 5)
        let count = Mutex(0)
        let run = ExecutionOptions(progress: { _, _ in count.withLock { $0 += 1 } })
        _ = try CentralityRequest(measure: .closeness).compute(on: graph, execution: run)
        #expect(count.withLock { $0 } > 0)
        count.withLock { $0 = 0 }
        _ = try CentralityRequest(measure: .pagerank).compute(on: graph, execution: run)
        #expect(count.withLock { $0 } == 0) // PageRank is not a per-source loop
    }
}
