import ActorGraphAnalysis
import ActorGraphCore
import Testing

/// Tie rules of the path searches that scripts/mutation.sh turns around; the expected order
/// follows from the rules stated in the DocC of ``ShortestPaths/kShortestSimple(in:from:to:k:options:)``.
@Suite struct MutationKillPathsTests {
    /// a - x - b costs 2; then two paths cost 3: a - b directly (one hop) and a - x - y - z - b
    /// (four hops). Yen's candidates of equal cost come fewer hops first.
    @Test func yenTiesGoToFewerHops() throws {
        var builder = GraphBuilder(directed: false)
        for (s, t, w) in [("a", "x", 1.0), ("x", "b", 1), ("a", "b", 3), ("x", "y", 0.5), ("y", "z", 0.5), ("z", "b", 1)] {
            builder.addEdge(from: s, to: t, weight: w)
        }
        let graph = builder.build()
        let costs = try EdgeCosts(graph: graph, cost: .cost(column: "weight"))
        let paths = ShortestPaths.kShortestSimple(
            in: graph, from: graph.node(named: "a")!, to: graph.node(named: "b")!,
            k: 3, options: PathOptions(costs: costs))
        #expect(paths.map { $0.nodes.map(graph.name(of:)) } == [["a", "x", "b"], ["a", "b"], ["a", "x", "y", "z", "b"]])
        #expect(paths.map(\.cost) == [2, 3, 3])
    }
}
