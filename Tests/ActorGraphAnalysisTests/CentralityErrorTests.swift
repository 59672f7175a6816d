import ActorGraphCore
import Testing

@testable import ActorGraphAnalysis

/// Bad input gives a clear thrown error, never a crash or a silent fallback.
@Suite("Centrality errors")
struct CentralityErrorTests {
    static func graph(_ weights: [Double], directed: Bool = false, extraLoop: Bool = false) -> Graph {
        var b = GraphBuilder(directed: directed)
        let pairs = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        for (i, w) in weights.enumerated() { b.addEdge(from: pairs[i].0, to: pairs[i].1, weight: w) }
        if extraLoop { b.addEdge(from: "d", to: "d", weight: 1) }
        return b.build()
    }

    @Test("negative, NaN and missing costs are WeightErrors naming the edge")
    func badCosts() {
        let negative = Self.graph([1, -2, 1, 1])
        #expect { try Centrality.betweenness(negative, options: .init(weight: .cost(column: "weight"))) } throws: { error in
            (error as? AnalysisError).map { $0.edge == EdgeID(1) && $0.description.contains("b -> c") } ?? false
        }
        let nan = Self.graph([1, 1, .nan, 1])
        #expect(throws: AnalysisError.self) { try Centrality.closeness(nan, options: .init(weight: .cost(column: "weight"))) }
        #expect(throws: AnalysisError.self) { try Centrality.harmonic(nan, options: .init(weight: .strength(column: "weight"))) }
        let zero = Self.graph([1, 0, 1, 1])
        #expect(throws: AnalysisError.self) { try Centrality.edgeBetweenness(zero, options: .init(weight: .strength(column: "weight"))) }
        #expect { try Centrality.betweenness(zero, options: .init(weight: .cost(column: "distance"))) } throws: { error in
            "\(error)".contains("no edge attribute 'distance'")
        }
    }

    @Test("strength weights: a missing column or value, a negative value")
    func badStrengths() {
        let g = Self.graph([1, 2, 3, 4])
        #expect { try Centrality.pageRank(g, options: .init(weight: .column("tone"))) } throws: { error in
            (error as? AnalysisError)?.code == .missingWeight && "\(error)".contains("no edge attribute 'tone'")
        }
        #expect { try Centrality.strength(g, options: .init(weight: .column("tone"))) } throws: { error in
            (error as? AnalysisError)?.code == .missingWeight
        }
        // A named column on only some edges: the gap is an error, not a silent 1.
        var b = GraphBuilder(directed: false)
        let e = b.addEdge(from: "a", to: "b")
        b.addEdge(from: "b", to: "c")
        b.setEdgeAttribute(e, "count", 2)
        #expect { try Centrality.eigenvector(b.build(), options: .init(weight: .column("count"))) } throws: { error in
            (error as? AnalysisError)?.code == .missingWeight && "\(error)".contains("b -> c")
        }
        #expect { try Centrality.katz(Self.graph([1, -1, 1, 1]), options: .init(weight: .column("weight"))) } throws: { error in
            (error as? AnalysisError)?.code == .invalidWeight
        }
        #expect { try Centrality.clustering(Self.graph([0, 0, 0, 0]), options: .init(weight: .column("weight"))) } throws: { error in
            (error as? AnalysisError)?.code == .invalidWeight
        }
        #expect { try Centrality.clustering(Self.graph([1, .infinity, 1, 1]), options: .init(weight: .column("weight"))) } throws: { error in
            (error as? AnalysisError)?.code == .invalidWeight
        }
    }

    @Test("non-convergence reports iterations and residual")
    func nonConvergence() {
        let g = Self.graph([1, 1, 1, 1])
        for (name, run) in [
            ("eigenvector", { _ = try Centrality.eigenvector(g, options: .init(maxIterations: 2)) }),
            ("pagerank", { _ = try Centrality.pageRank(g, options: .init(maxIterations: 1)) }),
            ("katz", { _ = try Centrality.katz(g, options: .init(alpha: 1)) }),
        ] as [(String, () throws -> Void)] {
            #expect(name.isEmpty == false)
            #expect { try run() } throws: { error in
                guard let error = error as? AnalysisError, error.code == .notConverged else { return false }
                return (error.iterations ?? 0) > 0 && (error.residual ?? 0) > 0 && error.message.contains("did not converge")
            }
        }
    }

    @Test("rejected graphs and options")
    func rejected() {
        #expect { try Centrality.coreNumber(Self.graph([1, 1, 1, 1], extraLoop: true)) } throws: { error in
            (error as? AnalysisError)?.code == .invalidGraph && "\(error)".contains("self-loop")
        }
        #expect { try Centrality.transitivity(Self.graph([1, 1, 1, 1], directed: true)) } throws: { error in
            (error as? AnalysisError)?.code == .invalidGraph
        }
        #expect { try Centrality.eigenvector(GraphBuilder(directed: false).build()) } throws: { error in
            (error as? AnalysisError)?.code == .invalidGraph
        }
        let g = Self.graph([1, 1, 1, 1])
        #expect { try Centrality.pageRank(g, options: .init(personalization: [NodeID(0): 0])) } throws: { error in
            (error as? AnalysisError)?.code == .invalidOption
        }
    }

    @Test("degenerate graphs: empty and single node")
    func degenerate() throws {
        let empty = GraphBuilder(directed: false).build()
        #expect(try Centrality.betweenness(empty).values.isEmpty)
        #expect(try Centrality.pageRank(empty).values.isEmpty)
        var one = GraphBuilder(directed: true)
        one.addNode("solo")
        let g = one.build()
        #expect(Centrality.degree(g).values == [1]) // networkx: {solo: 1}
        #expect(try Centrality.betweenness(g).values == [0])
        #expect(try Centrality.closeness(g).values == [0])
        #expect(try Centrality.pageRank(g).values == [1])
        #expect(try Centrality.coreNumber(g).values == [0])
    }
}
