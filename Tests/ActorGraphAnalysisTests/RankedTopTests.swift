import ActorGraphCore
import Testing

@testable import ActorGraphAnalysis

/// `ranked(top:)` keeps only the best k, and must list exactly what sorting everything lists.
@Suite("Centrality scores: the top k")
struct RankedTopTests {
    @Test(arguments: [0, 1, 3, 10, 99, 1_000])
    func topKEqualsThePrefixOfTheFullRanking(k: Int) {
        var generator = SplitMix64(seed: UInt64(k) + 1)
        for n in [0, 5, 500, 5_000] {
            // Few distinct values, so ties (broken by name) are common; some nan.
            let values = (0..<n).map { _ -> Double in
                let r = generator.next() % 20
                return r == 0 ? .nan : Double(r % 7) * 0.25
            }
            let names = (0..<n).map { "n\(generator.next() % 1_000_000)-\($0)" }
            let scores = CentralityScores(measure: "test", values: values, nodeNames: names)
            let full = scores.ranked()
            let top = scores.ranked(top: k)
            #expect(top.map(\.name) == full.prefix(k).map(\.name), "n \(n), k \(k)")
            #expect(top.count == min(k, n))
        }
    }
}
