import ActorGraphCore
import Testing

@testable import ActorGraphAnalysis

/// Seeded property tests on random graphs: identities betweenness must satisfy, agreement of the
/// breadth-first and Dijkstra kernels with an independent Floyd–Warshall, and invariance under
/// relabelling the nodes.
@Suite("Centrality properties")
struct CentralityPropertyTests {
    static let seeds: [UInt64] = Array(1...12)

    /// All-pairs distances by Floyd–Warshall, independent of the kernel. `costs == nil`: hops.
    static func floydWarshall(_ g: Graph, costs: ContiguousArray<Double>?) -> [[Double]] {
        let n = g.nodeCount
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: n)
        for i in 0..<n { d[i][i] = 0 }
        for (i, e) in g.edges.enumerated() where e.source != e.target {
            let c = costs?[i] ?? 1
            let s = e.source.index, t = e.target.index
            d[s][t] = min(d[s][t], c)
            if !g.isDirected { d[t][s] = min(d[t][s], c) }
        }
        for k in 0..<n {
            for i in 0..<n where d[i][k] < .infinity {
                for j in 0..<n {
                    let via = d[i][k] + d[k][j]
                    if via < d[i][j] { d[i][j] = via }
                }
            }
        }
        return d
    }

    /// `graph` rebuilt with an extra numeric edge column.
    static func adding(_ column: String, _ value: (Int) -> Double, to g: Graph) -> Graph {
        var b = GraphBuilder(directed: g.isDirected)
        for name in g.nodeNames { b.addNode(name) }
        for (i, e) in g.edges.enumerated() {
            let id = b.addEdge(from: e.source, to: e.target)
            for c in g.edgeColumnNames { b.setEdgeAttribute(id, c, g.edgeColumn(c)![i]) }
            b.setEdgeAttribute(id, column, value(i))
        }
        return b.build()
    }

    /// `graph` with its nodes inserted in a seeded random order and its edges shuffled; names kept.
    static func relabelled(_ g: Graph, seed: UInt64) -> Graph {
        var rng = SeededGenerator(seed: seed ^ 0xABCDEF)
        var b = GraphBuilder(directed: g.isDirected)
        for name in g.nodeNames.shuffled(using: &rng) { b.addNode(name) }
        let weight = g.edgeColumn("weight")
        for i in Array(g.edges.indices).shuffled(using: &rng) {
            let e = g.edges[i]
            b.addEdge(from: g.name(of: e.source), to: g.name(of: e.target), weight: weight?[i])
        }
        return b.build()
    }

    @Test("sum of betweenness equals the sum of interior nodes on shortest paths", arguments: [false, true])
    func betweennessIdentity(directed: Bool) throws {
        for seed in Self.seeds {
            let g = randomGraph(nodes: 25, probability: 0.12, directed: directed, seed: seed)
            let d = Self.floydWarshall(g, costs: nil)
            var interior = 0.0, hops = 0.0, pairs = 0.0
            for s in 0..<g.nodeCount {
                for t in 0..<g.nodeCount where s != t && d[s][t] < .infinity {
                    interior += d[s][t] - 1; hops += d[s][t]; pairs += 1
                }
            }
            // Every shortest s-t path with hop counts has d - 1 interior nodes and d edges; the
            // unnormalised undirected scores count each unordered pair once.
            let pairFactor = directed ? 1.0 : 0.5
            let b = try Centrality.betweenness(g, options: .init(normalized: false))
            expectClose(b.values.reduce(0, +), interior * pairFactor, relative: 1e-9, "seed \(seed) node betweenness sum")
            let be = try Centrality.betweenness(g, options: .init(normalized: false, endpoints: true))
            expectClose(be.values.reduce(0, +), (interior + 2 * pairs) * pairFactor, relative: 1e-9, "seed \(seed) with endpoints")
            let eb = try Centrality.edgeBetweenness(g, options: .init(normalized: false))
            expectClose(eb.values.reduce(0, +), hops * pairFactor, relative: 1e-9, "seed \(seed) edge betweenness sum")
            // Normalisation is the documented scale of the raw scores.
            let n = Double(g.nodeCount)
            let normalized = try Centrality.betweenness(g)
            for v in 0..<g.nodeCount {
                expectClose(normalized.values[v], b.values[v] / pairFactor / ((n - 1) * (n - 2)), relative: 1e-12, "seed \(seed) scale")
            }
        }
    }

    @Test("weighted betweenness sums to the mean interior-node count over shortest paths", arguments: [false, true])
    func weightedBetweennessIdentity(directed: Bool) throws {
        for seed in Self.seeds {
            // Integer costs, so sums in any order tie exactly and Floyd–Warshall sees the same ties.
            let g0 = randomGraph(nodes: 20, probability: 0.15, directed: directed, seed: seed)
            let g = Self.adding("cost", { Double(Int(g0.edgeColumn("weight")![$0]) % 3 + 1) }, to: g0)
            let costs = g.edgeColumn("cost")!
            let d = Self.floydWarshall(g, costs: costs)
            // Cheapest edge per ordered pair (what a shortest path uses).
            var c = [[Double]](repeating: [Double](repeating: .infinity, count: g.nodeCount), count: g.nodeCount)
            for (i, e) in g.edges.enumerated() where e.source != e.target {
                c[e.source.index][e.target.index] = min(c[e.source.index][e.target.index], costs[i])
                if !directed { c[e.target.index][e.source.index] = min(c[e.target.index][e.source.index], costs[i]) }
            }
            // For each source: paths[t] = number of shortest s-t paths, hops[t] = their total hop count.
            var expected = 0.0
            for s in 0..<g.nodeCount {
                let order = (0..<g.nodeCount).filter { d[s][$0] < .infinity }.sorted { d[s][$0] < d[s][$1] }
                var paths = [Double](repeating: 0, count: g.nodeCount), hops = paths
                paths[s] = 1
                for v in order where v != s {
                    for u in order where u != v && d[s][u] + c[u][v] == d[s][v] {
                        paths[v] += paths[u]; hops[v] += hops[u] + paths[u]
                    }
                    expected += hops[v] / paths[v] - 1
                }
            }
            let b = try Centrality.betweenness(g, options: .init(weight: .cost(column: "cost"), normalized: false))
            expectClose(b.values.reduce(0, +), expected * (directed ? 1 : 0.5), relative: 1e-9, "seed \(seed) weighted sum")
        }
    }

    @Test("breadth-first and Dijkstra kernels agree with Floyd–Warshall", arguments: [false, true])
    func kernelsAgree(directed: Bool) throws {
        for seed in Self.seeds {
            let g = randomGraph(nodes: 30, probability: 0.1, directed: directed, seed: seed)
            let weights = g.edgeColumn("weight")!
            let hops = Self.floydWarshall(g, costs: nil)
            let weighted = Self.floydWarshall(g, costs: weights)
            let bfs = ShortestPathKernel(graph: g, costs: nil)
            let unit = ShortestPathKernel(graph: g, costs: ContiguousArray(repeating: 1, count: g.edgeCount))
            let dijkstra = ShortestPathKernel(graph: g, costs: weights)
            for s in 0..<g.nodeCount {
                bfs.run(from: NodeID(s)); unit.run(from: NodeID(s)); dijkstra.run(from: NodeID(s))
                #expect(Array(bfs.distance) == Array(unit.distance), "seed \(seed) source \(s): BFS and unit-cost Dijkstra distances differ")
                #expect(Array(bfs.sigma) == Array(unit.sigma), "seed \(seed) source \(s): path counts differ")
                #expect(Array(bfs.distance) == hops[s], "seed \(seed) source \(s): BFS differs from Floyd–Warshall")
                for t in 0..<g.nodeCount {
                    if weighted[s][t] == .infinity {
                        #expect(dijkstra.distance[t] == .infinity, "seed \(seed) d(\(s), \(t)) should be unreachable")
                        continue
                    }
                    expectClose(dijkstra.distance[t], weighted[s][t], relative: 1e-12, "seed \(seed) d(\(s), \(t))")
                }
                // Settled in non-decreasing distance.
                let order = dijkstra.visited.map { dijkstra.distance[Int($0)] }
                #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 })
            }
            // The same holds end to end: hop betweenness equals betweenness under unit costs.
            let ones = Self.adding("one", { _ in 1 }, to: g)
            let a = try Centrality.betweenness(ones), b = try Centrality.betweenness(ones, options: .init(weight: .cost(column: "one")))
            for v in 0..<g.nodeCount { expectClose(a.values[v], b.values[v], relative: 1e-12, "seed \(seed) unit-cost betweenness") }
        }
    }

    @Test("scores do not depend on node or edge order", arguments: [false, true])
    func relabellingInvariance(directed: Bool) throws {
        for seed in Self.seeds.prefix(6) {
            let g = randomGraph(nodes: 25, probability: 0.15, directed: directed, seed: seed)
            let h = Self.relabelled(g, seed: seed)
            typealias Measure = (String, Double, (Graph) throws -> CentralityScores)
            let measures: [Measure] = [
                ("betweenness", 1e-9, { try Centrality.betweenness($0) }),
                ("betweenness-cost", 1e-9, { try Centrality.betweenness($0, options: .init(weight: .cost(column: "weight"))) }),
                ("closeness", 1e-9, { try Centrality.closeness($0) }),
                ("harmonic-cost", 1e-9, { try Centrality.harmonic($0, options: .init(weight: .cost(column: "weight"))) }),
                ("pagerank", 1e-9, { try Centrality.pageRank($0) }),
                ("eigenvector", 1e-6, { try Centrality.eigenvector($0, options: .init(maxIterations: 1000)) }),
                ("katz", 1e-9, { try Centrality.katz($0, options: .init(alpha: 0.05)) }),
                ("clustering", 1e-9, { try Centrality.clustering($0, options: .init(weight: .column("weight"))) }),
                ("core", 0, { try Centrality.coreNumber($0) }),
                ("strength", 1e-12, { try Centrality.strength($0) }),
            ]
            for (name, tolerance, measure) in measures {
                let a = try measure(g).byName, b = try measure(h).byName
                for (node, x) in a { expectClose(b[node]!, x, relative: tolerance, "seed \(seed) \(name) of \(node)") }
            }
        }
    }

    @Test("betweenness is the same on every run (fixed-order parallel sums)")
    func deterministic() throws {
        let g = randomGraph(nodes: 80, probability: 0.06, directed: false, seed: 99)
        let first = try Centrality.betweenness(g, options: .init(weight: .cost(column: "weight")))
        for _ in 0..<3 {
            #expect(try Centrality.betweenness(g, options: .init(weight: .cost(column: "weight"))) == first)
        }
    }

    @Test("parallel edges are one tie; edge betweenness is split among the cheapest")
    func parallelEdges() throws {
        var simple = GraphBuilder(directed: false)
        var multi = GraphBuilder(directed: false)
        let path = [("a", "b"), ("b", "c"), ("c", "d"), ("b", "e")]
        for (s, t) in path { simple.addEdge(from: s, to: t, weight: 1); multi.addEdge(from: s, to: t, weight: 1) }
        multi.addEdge(from: "b", to: "c", weight: 1) // a parallel twin of edge 1
        multi.addEdge(from: "c", to: "d", weight: 3) // a dearer parallel of edge 2
        multi.addEdge(from: "d", to: "d", weight: 1) // a self-loop
        let g = simple.build(), m = multi.build()
        for weight in [PathCost.hops, .cost(column: "weight")] {
            let a = try Centrality.betweenness(g, options: .init(weight: weight))
            let b = try Centrality.betweenness(m, options: .init(weight: weight))
            #expect(a.values == b.values, "\(weight): parallel edges changed node betweenness")
        }
        let eg = try Centrality.edgeBetweenness(g, options: .init(weight: .cost(column: "weight")))
        let em = try Centrality.edgeBetweenness(m, options: .init(weight: .cost(column: "weight")))
        expectClose(em[EdgeID(1)], eg[EdgeID(1)] / 2, relative: 1e-12, "b-c twins share")
        expectClose(em[EdgeID(4)], eg[EdgeID(1)] / 2, relative: 1e-12, "b-c twins share")
        expectClose(em[EdgeID(2)], eg[EdgeID(2)], relative: 1e-12, "cheapest c-d keeps all")
        #expect(em[EdgeID(5)] == 0 && em[EdgeID(6)] == 0)
        // With hop counts both c-d edges are equally short and share.
        let hops = try Centrality.edgeBetweenness(m)
        expectClose(hops[EdgeID(2)], hops[EdgeID(5)], relative: 1e-12, "hop-count c-d parallels share")
    }

    @Test("scores type: lookup by node and name, ranking")
    func scoresType() throws {
        let g = randomGraph(nodes: 12, probability: 0.3, directed: false, seed: 5)
        let s = try Centrality.betweenness(g)
        #expect(s.measure == "betweenness")
        #expect(s.score(of: NodeID(3)) == s.values[3] && s[NodeID(3)] == s.values[3])
        #expect(s.score(named: g.name(of: NodeID(4))) == s.values[4])
        #expect(s.score(named: "nobody") == nil)
        let ranked = s.ranked()
        #expect(ranked.count == 12)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score > $1.score || ($0.score == $1.score && $0.name < $1.name) })
    }
}
