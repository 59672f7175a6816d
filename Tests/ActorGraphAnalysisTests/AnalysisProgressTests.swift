import ActorGraphAnalysis
import ActorGraphCore
import Synchronization
import Testing

@Suite struct AnalysisProgressTests {
    @Test func longAnalysesReportProgressToTheReporterInEffect() throws {
        let graph = randomGraph(nodes: 200, probability: 0.05, directed: false, seed: 3)
        let seen = Mutex<[(Int, Int)]>([])
        let scores = try AnalysisProgress.$reporter.withValue({ done, total in seen.withLock { $0.append((done, total)) } }) {
            try Centrality.betweenness(graph)
        }
        let reports = seen.withLock { $0 }
        #expect(!reports.isEmpty)
        #expect(reports.map(\.0).sorted() == Array(1...reports.count))     // every chunk once
        #expect(reports.allSatisfy { $0.1 == reports.count })               // out of the total
        // Reporting does not change the result, and without a reporter nothing is reported.
        #expect(try Centrality.betweenness(graph) == scores)
        seen.withLock { $0.removeAll() }
        _ = try Centrality.closeness(graph)
        #expect(seen.withLock { $0.isEmpty })
    }
}
