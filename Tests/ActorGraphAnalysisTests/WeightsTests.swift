import ActorGraphAnalysis
import ActorGraphCore
import Foundation
import Testing

/// The weight family: a path cost, a tie strength and the named conversion between them, checked
/// in one place with one error type.
@Suite struct WeightsTests {
    func graph(_ weights: [Double]) -> Graph {
        var b = GraphBuilder(directed: false)
        for (i, w) in weights.enumerated() { b.addEdge(from: "n\(i)", to: "n\(i + 1)", weight: w) }
        return b.build()
    }

    @Test func strengthsBecomeCostsOnlyByANamedRule() throws {
        let g = graph([1, 2, 4])
        #expect(try PathCost.strength(column: "weight", conversion: .inverse).costs(in: g).values == [1, 0.5, 0.25])
        let logs = try #require(try PathCost.strength(column: "weight", conversion: .negativeLog).costs(in: g).values)
        #expect(abs(logs[0] - log(4.0)) < 1e-12 && abs(logs[1] - log(2.0)) < 1e-12 && logs[2] == 0)
        #expect(try PathCost.cost(column: "weight").costs(in: g).values == [1, 2, 4])
        #expect(try PathCost.hops.costs(in: g).isUnit)
        #expect(try TieStrength.column("weight").values(in: g) == [1, 2, 4])
        #expect(try TieStrength.unit.values(in: g) == nil)
    }

    @Test func badWeightsAreOneErrorNamingTheEdge() {
        func code(_ body: () throws -> Void) -> AnalysisError.Code? {
            do { try body(); return nil } catch let error as AnalysisError { return error.code } catch { return nil }
        }
        #expect { _ = try PathCost.cost(column: "weight").costs(in: graph([1, -2])) } throws: { error in
            (error as? AnalysisError)?.message.contains("n1 -> n2") == true && (error as? AnalysisError)?.edge == EdgeID(1)
        }
        #expect(code { _ = try PathCost.cost(column: "weight").costs(in: graph([1, .nan])) } == .missingWeight)
        #expect(code { _ = try PathCost.strength(column: "weight").costs(in: graph([0, 1])) } == .invalidWeight)
        #expect(code { _ = try PathCost.cost(column: "distance").costs(in: graph([1])) } == .missingWeight)
        #expect(code { _ = try PathCost.strength(column: "weight").positiveCosts(in: graph([1, 1])) } == nil)
        #expect(code { _ = try PathCost.strength(column: "weight", conversion: .negativeLog).positiveCosts(in: graph([1, 2])) } == .invalidWeight)
        #expect(code { _ = try TieStrength.column("weight").values(in: graph([1, -1])) } == .invalidWeight)
        // The same bad column, whichever analysis reads it, gives the same message.
        let bad = graph([1, -3])
        let messages = [
            { _ = try Centrality.pageRank(bad, options: .init(weight: .column("weight"))) },
            { _ = try Communities.louvain(bad, options: .init(weight: .column("weight"))) },
            { _ = try StructuralHoles.compute(bad, options: .init(weight: .column("weight"))) },
        ].map { body -> String? in
            do { try body(); return nil } catch { return (error as? AnalysisError)?.message }
        }
        #expect(messages[0] != nil && Set(messages).count == 1, "\(messages)")
    }

    @Test func aNamedWeightBecomesTheTypeItsAnalysisTakes() throws {
        let weight = EdgeWeight(column: "weight")
        #expect { _ = try weight.pathCost(for: "betweenness") } throws: { error in
            (error as? AnalysisError)?.code == .weightMeaningRequired && !"\(error)".contains("--")
        }
        #expect(try EdgeWeight(column: "w", meaning: .strength).pathCost(for: "x") == .strength(column: "w", conversion: .inverse))
        #expect(try EdgeWeight(column: "w", meaning: .cost).pathCost(for: "x") == .cost(column: "w"))
        #expect(try weight.tieStrength(for: "pagerank") == .column("weight"))
        #expect { _ = try EdgeWeight(column: "w", meaning: .cost).tieStrength(for: "pagerank") } throws: { error in
            (error as? AnalysisError)?.option == "meaning"
        }
        #expect { _ = try EdgeWeight(column: "w", meaning: .strength, conversion: .inverse).tieStrength(for: "pagerank") } throws: { error in
            (error as? AnalysisError)?.option == "conversion"
        }
    }
}
