import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphAnalysis

/// A random multigraph: `edges` draws of a pair (so some pairs repeat and some nodes are left
/// out, which disconnects the graph), plus self-loops on every 17th node.
func randomMultigraph(nodes n: Int, edges m: Int, directed: Bool, seed: UInt64) -> Graph {
    var rng = SplitMix64(seed: seed)
    var builder = GraphBuilder(directed: directed)
    for i in 0..<n { builder.addNode("n\(i)") }
    for _ in 0..<m {
        let u = Int(rng.next() % UInt64(n)), v = Int(rng.next() % UInt64(n))
        if u != v { builder.addEdge(from: NodeID(u), to: NodeID(v), weight: Double(1 + rng.next() % 4)) }
    }
    for i in stride(from: 0, to: n, by: 17) { builder.addEdge(from: NodeID(i), to: NodeID(i), weight: 1) }
    return builder.build()
}

/// Results that must not depend on `ExecutionOptions.threads`: compared with `==`, bit for bit.
@Suite struct ThreadCountTests {
    static let graphs: [(String, Graph)] = [
        ("undirected 300", randomMultigraph(nodes: 300, edges: 900, directed: false, seed: 1)),
        ("directed 250", randomMultigraph(nodes: 250, edges: 1000, directed: true, seed: 2)),
        ("sparse 400", randomMultigraph(nodes: 400, edges: 380, directed: false, seed: 3)),
    ]

    static func all(_ graph: Graph, threads: Int) throws -> [String: [Double]] {
        let run = ExecutionOptions(threads: threads)
        var r: [String: [Double]] = [:]
        r["betweenness"] = try Centrality.betweenness(graph, execution: run).values
        r["betweenness cost"] = try Centrality.betweenness(graph, options: .init(weight: .cost(column: "weight")), execution: run).values
        r["betweenness sampled"] = try Centrality.betweenness(graph, options: .init(samples: 50, seed: 9), execution: run).values
        r["edge betweenness"] = try Centrality.edgeBetweenness(graph, execution: run).values
        r["edge betweenness cost"] = try Centrality.edgeBetweenness(graph, options: .init(weight: .cost(column: "weight")), execution: run).values
        r["closeness"] = try Centrality.closeness(graph, execution: run).values
        r["closeness cost"] = try Centrality.closeness(graph, options: .init(weight: .cost(column: "weight")), execution: run).values
        r["harmonic"] = try Centrality.harmonic(graph, execution: run).values
        r["harmonic cost"] = try Centrality.harmonic(graph, options: .init(weight: .cost(column: "weight")), execution: run).values
        r["clustering"] = try Centrality.clustering(graph, execution: run).values
        return r
    }

    @Test(arguments: 0..<3)
    func oneTwoAndSevenThreadsGiveIdenticalDoubles(graph index: Int) throws {
        let (name, graph) = Self.graphs[index]
        let one = try Self.all(graph, threads: 1)
        for threads in [2, 7] {
            let other = try Self.all(graph, threads: threads)
            for (measure, values) in one {
                #expect(other[measure] == values, "\(name), \(measure): \(threads) threads differ from 1")
            }
        }
        // The default (every core) too.
        #expect(try Centrality.betweenness(graph).values == one["betweenness"])
    }

    @Test func chunkBoundariesDependOnTheProblemSizeOnly() {
        for count in [1, 5, 63, 64, 65, 1000] {
            let ranges = (0..<chunkCount(count)).map { chunkRange($0, of: count) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
            #expect(ranges.count == min(count, 64))
        }
        // The fold sees the chunks in order whatever the threads.
        for threads in [1, 2, 7] {
            let order = parallelChunks(count: 1000, threads: threads, progress: nil, scratch: { () }) { _, r in r.lowerBound }
            #expect(order == (0..<64).map { chunkRange($0, of: 1000).lowerBound })
        }
    }
}

/// Closeness and harmonic by multi-source BFS against one search per source (the former code
/// path, kept here as the reference): equal bit for bit.
@Suite struct MultiSourceBFSTests {
    /// Closeness (with and without the Wasserman-Faust correction) and harmonic of every node
    /// from one search per source, as before: hop-count BFS, or Dijkstra when `costs` are given
    /// (unit costs give the same distances).
    static func perSource(
        _ graph: Graph, direction: PathDirection, costs: ContiguousArray<Double>?
    ) -> (closeness: [Bool: [Double]], harmonic: [Double]) {
        let n = graph.nodeCount
        let kernel = ShortestPathKernel(graph: graph, costs: costs, direction: direction)
        var closeness: [Bool: [Double]] = [true: [], false: []], harmonic: [Double] = []
        for s in 0..<n {
            kernel.run(from: NodeID(s))
            var total = 0.0, h = 0.0
            for v in kernel.visited {
                let d = kernel.distance[Int(v)]
                total += d
                if d != 0 { h += 1 / d }
            }
            let reached = Double(kernel.visited.count - 1)
            for wf in [true, false] {
                var c = 0.0
                if total > 0 && n > 1 {
                    c = reached / total
                    if wf { c *= reached / Double(n - 1) }
                }
                closeness[wf]!.append(c)
            }
            harmonic.append(h)
        }
        return (closeness, harmonic)
    }

    @Test(arguments: [(false, UInt64(11), 201), (true, 12, 201), (false, 13, 201), (true, 14, 201), (false, 18, 4500)])
    func equalToOneSearchPerSource(directed: Bool, seed: UInt64, nodes: Int) throws {
        // 64 * 3 + 9 nodes: three full batches and a partial one; sparse enough to be disconnected.
        // 4,500 nodes (a giant component and isolated nodes): 71 batches, so some chunks hold
        // two. Its edges are 3 per node: a sparser graph has long paths, and the level-by-level
        // batches then take minutes in a debug build under AddressSanitizer.
        let graph = randomMultigraph(nodes: nodes, edges: nodes * (seed % 2 == 0 ? 3 : 1) - nodes / 10, directed: directed, seed: seed)
        let unit = ContiguousArray(repeating: 1.0, count: graph.edgeCount)
        for direction in [PathDirection.in, .out] {
            let bfs = Self.perSource(graph, direction: direction, costs: nil)
            // Dijkstra (a heap, slow in a debug build) only on the small graphs; the BFS
            // reference is the same distances.
            let dijkstra = nodes > 1000 ? bfs : Self.perSource(graph, direction: direction, costs: unit)
            for wf in [true, false] {
                let closeness = try Centrality.closeness(graph, options: .init(direction: direction, wassermanFaust: wf)).values
                #expect(closeness == bfs.closeness[wf], "closeness \(direction) wf=\(wf)")
                #expect(closeness == dijkstra.closeness[wf], "closeness \(direction) wf=\(wf) vs Dijkstra")
            }
            let harmonic = try Centrality.harmonic(graph, options: .init(direction: direction)).values
            #expect(harmonic == bfs.harmonic, "harmonic \(direction)")
            #expect(harmonic == dijkstra.harmonic, "harmonic \(direction) vs Dijkstra")
        }
        // Not a vacuous comparison: some nodes score, some do not, and directions differ.
        let c = try Centrality.closeness(graph).values
        #expect(c.contains { $0 > 0 } && c.contains(0))
        if directed {
            #expect(try Centrality.harmonic(graph, options: .init(direction: .out)).values != (try Centrality.harmonic(graph).values))
        }
    }

    @Test func levelCountsAreTheDistancesOfEachSource() {
        // A path 0 - 1 - 2 - 3 and an isolated node 4.
        var builder = GraphBuilder(directed: false)
        for i in 0..<5 { builder.addNode("\(i)") }
        for i in 0..<3 { builder.addEdge(from: NodeID(i), to: NodeID(i + 1)) }
        let bfs = MultiSourceBFS(builder.build(), direction: .out)
        var levels: [[Int]] = []
        bfs.run(from: 0..<5) { d, counts in
            #expect(d == levels.count + 1)
            levels.append(Array(counts))
        }
        #expect(levels == [[1, 2, 2, 1, 0], [1, 1, 1, 1, 0], [1, 0, 0, 1, 0]])
    }
}

/// Clustering by degree-ordered triangle counting against the general loop (itself checked
/// against networkx by `CentralityReferenceTests`): equal bit for bit.
@Suite struct TriangleCountTests {
    @Test(arguments: [UInt64(21), 22, 23])
    func equalToTheGeneralLoop(seed: UInt64) throws {
        // A simple graph (no parallel edges, no self-loops beyond those the count skips).
        var rng = SplitMix64(seed: seed)
        var builder = GraphBuilder(directed: false)
        let n = 300
        for i in 0..<n { builder.addNode("n\(i)") }
        var pairs = Set<[Int]>()
        for _ in 0..<2500 {
            let u = Int(rng.next() % UInt64(n)), v = Int(rng.next() % UInt64(n))
            if u != v && pairs.insert([min(u, v), max(u, v)]).inserted { builder.addEdge(from: NodeID(u), to: NodeID(v)) }
        }
        builder.addEdge(from: NodeID(5), to: NodeID(5))
        let graph = builder.build()
        let counted = try #require(Centrality.triangleCounts(graph, execution: ExecutionOptions()))
        // The general loop, as clustering ran before.
        let simple = SimpleWeightedAdjacency(graph, weights: nil)
        var mark = [Bool](repeating: false, count: n)
        var general = [Double](repeating: 0, count: n)
        var triangles = 0
        for i in 0..<n {
            for (k, _) in simple.out[i] { mark[k] = true }
            var t = 0.0
            for (j, _) in simple.out[i] { for (k, _) in simple.out[j] where mark[k] { t += 1 } }
            for (k, _) in simple.out[i] { mark[k] = false }
            let d = Double(simple.out[i].count)
            general[i] = t == 0 ? 0 : t / (d * (d - 1))
            #expect(Double(2 * counted.triangles[i]) == t, "node \(i)")
            triangles += counted.triangles[i]
        }
        #expect(triangles > 0)
        #expect(try Centrality.clustering(graph).values == general)
    }

    @Test func parallelEdgesTakeTheGeneralLoop() throws {
        let graph = randomMultigraph(nodes: 60, edges: 400, directed: false, seed: 4)
        #expect(Centrality.triangleCounts(graph, execution: ExecutionOptions()) == nil)
    }
}

/// Sampled betweenness (networkx's `k` and `seed`).
@Suite struct SampledBetweennessTests {
    @Test(arguments: [false, true])
    func allNodesAsSamplesIsExactBetweenness(directed: Bool) throws {
        let graph = randomMultigraph(nodes: 150, edges: 450, directed: directed, seed: 31)
        for endpoints in [false, true] {
            for normalized in [true, false] {
                let exact = try Centrality.betweenness(graph, options: .init(normalized: normalized, endpoints: endpoints))
                let sampled = try Centrality.betweenness(
                    graph,
                    options: .init(
                        normalized: normalized, endpoints: endpoints,
                        samples: 150, seed: 5))
                #expect(sampled.values == exact.values, "endpoints \(endpoints), normalized \(normalized)")
            }
        }
    }

    @Test func aSeedRepeatsItsEstimateAndAnotherSeedDoesNot() throws {
        let graph = randomMultigraph(nodes: 200, edges: 700, directed: false, seed: 32)
        let a = try Centrality.betweenness(graph, options: .init(samples: 40, seed: 7), execution: .init(threads: 1))
        let b = try Centrality.betweenness(graph, options: .init(samples: 40, seed: 7), execution: .init(threads: 3))
        let c = try Centrality.betweenness(graph, options: .init(samples: 40, seed: 8))
        #expect(a.values == b.values)
        #expect(a.values != c.values)
        // An estimate, not the exact values, but close to them on average.
        let exact = try Centrality.betweenness(graph).values
        #expect(a.values != exact)
        let meanError = zip(a.values, exact).map { abs($0 - $1) }.reduce(0, +) / Double(exact.count)
        #expect(meanError < 0.01, "\(meanError)")
    }

    @Test func samplesOutsideOneToNAreRefused() {
        let graph = randomMultigraph(nodes: 20, edges: 40, directed: false, seed: 33)
        for k in [0, 21] {
            #expect(throws: AnalysisError.self) { try Centrality.betweenness(graph, options: .init(samples: k)) }
        }
        #expect(throws: AnalysisError.self) { try CentralityRequest(measure: .closeness, samples: 5).validate() }
        #expect(throws: AnalysisError.self) { try CentralityRequest(measure: .betweenness, seed: 5).validate() }
    }

    /// networkx's own sampled scores, from the pivots networkx drew (its generator is Python's,
    /// so the pivots come from the fixture).
    @Test func scaledAsNetworkxScalesItsSample() throws {
        let url = try #require(Bundle.module.url(forResource: "betweenness-sampled", withExtension: "json", subdirectory: "Fixtures"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let graphs = try #require(json["graphs"] as? [String: [String: Any]])
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.count == 48)
        var built: [String: Graph] = [:]
        for (name, shape) in graphs { built[name] = try ReferenceFixture.buildGraph(shape) }
        for c in cases {
            let graph = try #require(built[c["graph"] as? String ?? ""])
            let pivots = try (c["pivots"] as? [String] ?? []).map { try #require(graph.node(named: $0)).index }.sorted()
            let options = BetweennessOptions(normalized: c["normalized"] as? Bool ?? true, endpoints: c["endpoints"] as? Bool ?? false)
            let ours = try Centrality.betweenness(graph, options: options, pivots: pivots, execution: ExecutionOptions())
            let what = "\(c["graph"]!) k=\(c["k"]!) seed=\(c["seed"]!) endpoints=\(options.endpoints) normalized=\(options.normalized)"
            for (name, value) in try #require(c["scores"] as? [String: Any]) {
                let reference = (value as? NSNumber)?.doubleValue ?? .nan
                expectClose(try #require(ours.score(named: name)), reference, relative: 1e-12, "\(what) \(name)")
            }
        }
    }
}
