import ActorGraphAnalysis
import ActorGraphCore
import Testing

@Suite("Paths: seeded properties")
struct PathsPropertyTests {
    static let seeds: [UInt64] = Array(0..<12)

    @Test(arguments: seeds)
    func dijkstraTriangleInequality(seed: UInt64) throws {
        for directed in [false, true] {
            let graph = randomGraph(nodes: 25, probability: 0.15, directed: directed, seed: seed)
            let costs = try EdgeCosts(graph: graph, cost: .cost(column: "weight"))
            for s in graph.nodes {
                let tree = ShortestPaths.dijkstra(in: graph, from: s, costs: costs)
                #expect(tree.distances[s.index] == 0)
                for (i, e) in graph.edges.enumerated() {
                    let c = costs[EdgeID(i)]
                    let du = tree.distances[e.source.index], dv = tree.distances[e.target.index]
                    #expect(!(dv > du + c + 1e-12), "d(v) <= d(u) + c(u,v)")
                    if !directed { #expect(!(du > dv + c + 1e-12)) }
                }
            }
        }
    }

    @Test(arguments: seeds)
    func breadthFirstEqualsDijkstraOnUnitCosts(seed: UInt64) {
        for directed in [false, true] {
            let graph = randomGraph(nodes: 30, probability: 0.08, directed: directed, seed: seed)
            let unit = EdgeCosts(ContiguousArray(repeating: 1, count: graph.edgeCount))
            for s in graph.nodes {
                let bfs = ShortestPaths.breadthFirst(in: graph, from: s)
                let dijkstra = ShortestPaths.dijkstra(in: graph, from: s, costs: unit)
                #expect(bfs.distances == dijkstra.distances)
            }
        }
    }

    /// Every simple path from s to t by brute force, as (cost, nodes).
    func allSimplePaths(_ graph: Graph, _ costs: EdgeCosts, from s: NodeID, to t: NodeID) -> [(Double, [NodeID])] {
        var result: [(Double, [NodeID])] = []
        var seen = Set<[NodeID]>()
        func walk(_ nodes: [NodeID], _ cost: Double) {
            let u = nodes.last!
            if u == t {
                if seen.insert(nodes).inserted { result.append((cost, nodes)) }
                return
            }
            let hood = graph.outNeighbors(of: u)
            for (v, e) in zip(hood.nodes, hood.edges) where !nodes.contains(v) {
                // With parallel edges keep the cheapest: the brute force must price paths as Yen does.
                let cheapest = zip(hood.nodes, hood.edges).filter { $0.0 == v }.map { costs[$0.1] }.min()!
                guard costs[e] == cheapest else { continue }
                walk(nodes + [v], cost + costs[e])
            }
        }
        walk([s], 0)
        return result.sorted { $0.0 < $1.0 }
    }

    @Test(arguments: seeds)
    func yenAgainstBruteForce(seed: UInt64) throws {
        for directed in [false, true] {
            let graph = randomGraph(nodes: 9, probability: 0.35, directed: directed, seed: seed)
            for weighted in [false, true] {
                let costs = weighted ? try EdgeCosts(graph: graph, cost: .cost(column: "weight")) : .hops
                for (s, t) in [(0, 8), (1, 5), (3, 7)] {
                    let (s, t) = (NodeID(s), NodeID(t))
                    let brute = allSimplePaths(graph, costs, from: s, to: t)
                    let k = 12
                    let yen = ShortestPaths.kShortestSimple(in: graph, from: s, to: t, k: k, options: PathOptions(costs: costs))
                    #expect(yen.count == min(k, brute.count))
                    for (path, expected) in zip(yen, brute) {
                        #expect(abs(path.cost - expected.0) <= 1e-9 * max(1, expected.0))
                    }
                    #expect(yen.allSatisfy { $0.isSimple })
                    #expect(Set(yen.map(\.nodes)).count == yen.count)
                    #expect(zip(yen, yen.dropFirst()).allSatisfy { $0.cost <= $1.cost })
                    let priced = yen.allSatisfy { p in abs(p.cost - p.edges.reduce(0) { $0 + costs[$1] }) < 1e-12 }
                    #expect(priced)
                }
            }
        }
    }

    @Test func allShortestPathsAreShortestAndDistinct() throws {
        for seed: UInt64 in 0..<8 {
            let graph = randomGraph(nodes: 20, probability: 0.2, directed: seed % 2 == 1, seed: seed)
            let s = NodeID(0)
            let tree = ShortestPaths.breadthFirst(in: graph, from: s)
            for t in graph.nodes where tree.reaches(t) {
                let all = ShortestPaths.all(in: graph, from: s, to: t)
                #expect(!all.paths.isEmpty)
                #expect(all.paths.allSatisfy { $0.cost == tree.distances[t.index] && $0.isSimple && $0.target == t })
                #expect(Set(all.paths.map(\.nodes)).count == all.paths.count)
            }
        }
    }

    @Test func maxPathsTruncates() {
        // A ladder of 12 diamonds has 2^12 shortest paths.
        var builder = GraphBuilder(directed: false)
        for i in 0..<12 {
            builder.addEdge(from: "c\(i)", to: "a\(i)")
            builder.addEdge(from: "c\(i)", to: "b\(i)")
            builder.addEdge(from: "a\(i)", to: "c\(i + 1)")
            builder.addEdge(from: "b\(i)", to: "c\(i + 1)")
        }
        let graph = builder.build()
        let s = graph.node(named: "c0")!, t = graph.node(named: "c12")!
        #expect(ShortestPaths.all(in: graph, from: s, to: t).paths.count == 4096)
        let capped = ShortestPaths.all(in: graph, from: s, to: t, options: PathOptions(maxPaths: 100))
        #expect(capped.paths.count == 100 && capped.isTruncated)
    }

    @Test func unreachableTargetsGiveNoPath() {
        var builder = GraphBuilder(directed: true)
        builder.addEdge(from: "a", to: "b")
        builder.addNode("c")
        let graph = builder.build()
        let a = graph.node(named: "a")!, b = graph.node(named: "b")!, c = graph.node(named: "c")!
        #expect(ShortestPaths.path(in: graph, from: a, to: c) == nil)
        #expect(ShortestPaths.path(in: graph, from: b, to: a) == nil)
        #expect(ShortestPaths.all(in: graph, from: a, to: c).paths.isEmpty)
        #expect(ShortestPaths.kShortestSimple(in: graph, from: a, to: c, k: 3).isEmpty)
        #expect(ShortestPaths.path(in: graph, from: a, to: a)?.nodes == [a])
        #expect(ShortestPaths.path(in: graph, from: a, to: b)?.cost == 1)
    }

    @Test func hopsCarryTheirEvents() throws {
        var builder = GraphBuilder(directed: false)
        builder.addEdge(from: "moon", to: "park", weight: 2, events: ["e1", "e2"])
        builder.addEdge(from: "park", to: "suga", weight: 1, events: ["e3"])
        builder.addEdge(from: "moon", to: "suga", weight: 10, events: ["e4"])
        let graph = builder.build()
        let costs = try EdgeCosts(graph: graph, cost: .cost(column: "weight"))
        let path = try #require(
            ShortestPaths.path(
                in: graph, from: graph.node(named: "moon")!,
                to: graph.node(named: "suga")!, options: PathOptions(costs: costs)))
        #expect(path.nodes.map(graph.name(of:)) == ["moon", "park", "suga"])
        #expect(path.cost == 3)
        #expect(path.hops.map(\.events) == [["e1", "e2"], ["e3"]])
        #expect(path.hops.map(\.weight) == [2, 1])
        // Read as strengths (inverse): the direct tie of strength 10 costs 0.1 and wins.
        let strengths = try EdgeCosts(graph: graph, cost: .strength(column: "weight", conversion: .inverse))
        let strong = try #require(
            ShortestPaths.path(
                in: graph, from: graph.node(named: "moon")!,
                to: graph.node(named: "suga")!, options: PathOptions(costs: strengths)))
        #expect(strong.hops.map(\.events) == [["e4"]])
    }

    @Test func badCostsAreErrors() {
        for bad in [-1.0, .nan] {
            var builder = GraphBuilder(directed: false)
            builder.addEdge(from: "a", to: "b", weight: 1)
            builder.addEdge(from: "b", to: "c", weight: bad)
            let graph = builder.build()
            #expect(throws: AnalysisError.self) { try EdgeCosts(graph: graph, cost: .cost(column: "weight")) }
            #expect(throws: AnalysisError.self) { try EdgeCosts(graph: graph, cost: .cost(column: "missing")) }
        }
    }
}
