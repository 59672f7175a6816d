import ActorGraphCore
import Testing

@testable import ActorGraphAnalysis

/// The by-name requests behind `actorgraph centrality`: their defaults reproduce networkx's
/// defaults, and weight choices that do not make sense are refused with advice.
@Suite("Centrality requests (the centrality command's logic)")
struct CentralityRequestTests {
    struct Expectation: Sendable, CustomStringConvertible {
        let fixture: String
        let request: CentralityRequest
        let key: String
        var description: String { "\(fixture) \(request.measure.rawValue) -> \(key)" }
    }

    static let expectations: [Expectation] = [
        .init(fixture: "karate", request: .init(measure: .degree), key: "degree"),
        .init(fixture: "karate", request: .init(measure: .degree, normalized: false), key: "degree_raw"),
        .init(fixture: "karate-directed", request: .init(measure: .inDegree), key: "in_degree"),
        .init(fixture: "karate-directed", request: .init(measure: .outDegree), key: "out_degree"),
        .init(fixture: "karate", request: .init(measure: .strength), key: "strength"),
        .init(fixture: "karate-directed", request: .init(measure: .strength, direction: .in), key: "in_strength"),
        .init(fixture: "karate", request: .init(measure: .betweenness), key: "betweenness"),
        .init(fixture: "karate", request: .init(measure: .betweenness, normalized: false), key: "betweenness_raw"),
        .init(fixture: "karate", request: .init(measure: .betweenness, weight: EdgeWeight(column: "weight", meaning: .cost)), key: "betweenness_cost"),
        .init(fixture: "karate", request: .init(measure: .betweenness, weight: EdgeWeight(column: "weight", meaning: .strength)), key: "betweenness_inverse"),
        .init(fixture: "karate-directed", request: .init(measure: .closeness), key: "closeness"),
        .init(fixture: "karate-directed", request: .init(measure: .closeness, direction: .out), key: "closeness_out"),
        .init(fixture: "random-directed", request: .init(measure: .closeness, weight: EdgeWeight(column: "weight", meaning: .cost)), key: "closeness_cost"),
        .init(fixture: "random-directed", request: .init(measure: .harmonic), key: "harmonic"),
        .init(fixture: "random-directed", request: .init(measure: .harmonic, direction: .out), key: "harmonic_out"),
        .init(fixture: "karate", request: .init(measure: .eigenvector), key: "eigenvector"),
        .init(fixture: "karate", request: .init(measure: .eigenvector, weight: EdgeWeight(column: "weight")), key: "eigenvector_weighted"),
        .init(fixture: "karate", request: .init(measure: .pagerank), key: "pagerank"),
        .init(fixture: "florentine", request: .init(measure: .pagerank), key: "pagerank_unweighted"),
        .init(fixture: "random-directed", request: .init(measure: .pagerank), key: "pagerank"),
        .init(fixture: "karate", request: .init(measure: .katz), key: "katz"),
        .init(fixture: "karate", request: .init(measure: .katz, normalized: false), key: "katz_raw"),
        .init(fixture: "karate-directed", request: .init(measure: .clustering), key: "clustering"),
        .init(fixture: "karate-directed", request: .init(measure: .clustering, weight: EdgeWeight(column: "weight")), key: "clustering_weighted"),
        .init(fixture: "karate", request: .init(measure: .core), key: "core"),
    ]

    @Test("defaults reproduce networkx", arguments: expectations)
    func defaults(_ e: Expectation) throws {
        let fixture = try ReferenceFixture.load("centrality-\(e.fixture)")
        let scores = try e.request.compute(on: fixture.graph)
        #expect(scores.measure == e.request.measure.rawValue)
        for (name, reference) in try fixture.scores(e.key) {
            expectClose(try #require(scores.score(named: name)), reference, relative: 1e-6, "\(e) [\(name)]")
        }
    }

    @Test("weight choices that make no sense are refused with advice")
    func refused() {
        func message(_ r: CentralityRequest) -> String? {
            do { try r.validate(); return nil } catch { return (error as? AnalysisError)?.message }
        }
        let path = message(.init(measure: .closeness, weight: EdgeWeight(column: "meetings")))
        // The library's advice names the choice, never a command-line flag (the CLI adds those).
        #expect(path?.contains("a cost if bigger means farther") == true && path?.contains("a strength if bigger means") == true)
        #expect(path?.contains("--") == false)
        #expect(message(.init(measure: .degree, weight: EdgeWeight(column: "meetings")))?.contains("the strength measure") == true)
        #expect(message(.init(measure: .pagerank, weight: EdgeWeight(column: "km", meaning: .cost))) != nil)
        #expect(message(.init(measure: .core, normalized: true)) != nil)
        #expect(message(.init(measure: .pagerank, direction: .in)) != nil)
        #expect(message(.init(measure: .pagerank, weight: EdgeWeight(column: "meetings", meaning: .strength))) == nil)
        #expect(message(.init(measure: .harmonic, weight: EdgeWeight(column: "km", meaning: .cost), direction: .out)) == nil)
        // Every measure names the networkx call its defaults mirror.
        #expect(CentralityMeasure.allCases.allSatisfy { !$0.networkxCall.isEmpty })
    }
}
