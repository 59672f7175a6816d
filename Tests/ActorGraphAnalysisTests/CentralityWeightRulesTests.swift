import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// How weights are read when they are partly missing, text, or zero.
@Suite struct CentralityWeightRulesTests {
    func graph(weights: [Double?], text: Bool = false) -> Graph {
        var b = GraphBuilder(directed: false)
        let pairs = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        for (i, (s, t)) in pairs.enumerated() {
            let e = b.addEdge(from: s, to: t)
            if text { b.setEdgeText(e, "weight", i == 1 ? "n/a" : "2") } else if let w = weights[i] { b.setEdgeAttribute(e, "weight", w) }
        }
        return b.build()
    }

    /// networkx reads a missing `weight` as 1; so do strength and PageRank by default.
    @Test func missingValuesOfTheImplicitWeightCountOne() throws {
        let partial = graph(weights: [3, nil, 2, nil])
        let filled = graph(weights: [3, 1, 2, 1])
        #expect(try Centrality.pageRank(partial) == Centrality.pageRank(filled))
        #expect(try Centrality.strength(partial).values == Centrality.strength(filled).values)
        // Asked for by name, a missing value is still an error.
        #expect(throws: AnalysisError.self) {
            try Centrality.strength(partial, options: StrengthOptions(weight: .column("weight")))
        }
    }

    @Test func aTextWeightColumnIsAnErrorNamingTheValue() {
        let g = graph(weights: [], text: true)
        #expect { try Centrality.pageRank(g) } throws: { error in
            "\(error)".contains("holds text") && "\(error)".contains("'2'")
        }
        #expect { try PathCost.cost(column: "weight").costs(in: g) } throws: { error in "\(error)".contains("holds text") }
    }

    /// Brandes' counting needs positive lengths; a zero cost is refused, never miscounted.
    @Test func betweennessRefusesZeroCosts() throws {
        let g = graph(weights: [1, 0.5, 0, 1])
        #expect { try Centrality.betweenness(g, options: BetweennessOptions(weight: .cost(column: "weight"))) } throws: { error in
            (error as? AnalysisError)?.message.contains("costs 0") == true
        }
        #expect(throws: AnalysisError.self) {
            try Centrality.edgeBetweenness(
                graph(weights: [1, 2, 3, 1]),
                options: EdgeBetweennessOptions(weight: .strength(column: "weight", conversion: .negativeLog)))
        }
        // Distances alone are fine with zero costs.
        #expect(throws: Never.self) { try Centrality.closeness(g, options: ClosenessOptions(weight: .cost(column: "weight"))) }
    }
}
