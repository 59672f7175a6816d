import ActorGraphCore
import Testing
import Foundation

@Suite struct WeightSemanticsTests {
    func graph(_ weights: [Double]) -> Graph {
        var b = GraphBuilder(directed: false)
        for (i, w) in weights.enumerated() { b.addEdge(from: "n\(i)", to: "n\(i + 1)", weight: w) }
        return b.build()
    }

    @Test func strengthsBecomeCostsOnlyByANamedRule() throws {
        let g = graph([1, 2, 4])
        #expect(try g.costs(column: "weight", meaning: .strength, conversion: .inverse) == [1, 0.5, 0.25])
        let logs = try g.costs(column: "weight", meaning: .strength, conversion: .negativeLog)
        #expect(abs(logs[0] - log(4.0)) < 1e-12 && abs(logs[1] - log(2.0)) < 1e-12 && logs[2] == 0)
        #expect(try g.costs(column: "weight", meaning: .cost) == [1, 2, 4])
        #expect(try g.costs(column: nil, meaning: .cost) == [1, 1, 1])
    }

    @Test func badWeightsAreErrorsNamingTheEdge() {
        #expect { try graph([1, -2]).costs(column: "weight", meaning: .cost) } throws: { error in
            (error as? WeightError)?.message.contains("n1 -> n2") == true
        }
        #expect(throws: WeightError.self) { try graph([1, .nan]).costs(column: "weight", meaning: .cost) }
        #expect(throws: WeightError.self) { try graph([0, 1]).costs(column: "weight", meaning: .strength) }
        #expect(throws: WeightError.self) { try graph([1]).costs(column: "distance", meaning: .cost) }
    }
}
