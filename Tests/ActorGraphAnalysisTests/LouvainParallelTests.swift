import ActorGraphCore
import Testing

@testable import ActorGraphAnalysis

/// Louvain's parallel local moving (``LouvainParallelSweep``) and its flat aggregation.
@Suite struct LouvainParallelTests {
    /// `groups` planted groups of `size` nodes: each pair inside a group is tied with
    /// probability `inside`, across groups with `across`; weights 1...4; self-loops on every
    /// 17th node, some pairs tied twice.
    static func planted(groups: Int, size: Int, inside: Double, across: Double, directed: Bool, seed: UInt64) -> (Graph, [[NodeID]]) {
        var rng = SplitMix64(seed: seed)
        func coin(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
        let n = groups * size
        var builder = GraphBuilder(directed: directed)
        for i in 0..<n { builder.addNode("n\(i)") }
        for u in 0..<n {
            for v in 0..<n where u != v && (directed || u < v) {
                if coin(u / size == v / size ? inside : across) {
                    builder.addEdge(from: NodeID(u), to: NodeID(v), weight: Double(1 + rng.next() % 4))
                    if rng.next() % 50 == 0 { builder.addEdge(from: NodeID(u), to: NodeID(v), weight: 2) }
                }
            }
        }
        for i in stride(from: 0, to: n, by: 17) { builder.addEdge(from: NodeID(i), to: NodeID(i), weight: 1) }
        let truth = (0..<groups).map { g in (g * size..<(g + 1) * size).map(NodeID.init) }
        return (builder.build(), truth)
    }

    /// Every level on the parallel path, buckets of 256 in chunks of 64.
    static let parallelEverywhere = LouvainSchedule(parallelMinimum: 0, chunkSize: 64)

    static let cases: [(String, Graph, [[NodeID]])] = [
        ("undirected", planted(groups: 12, size: 100, inside: 0.08, across: 0.004, directed: false, seed: 1)),
        ("directed", planted(groups: 8, size: 90, inside: 0.06, across: 0.003, directed: true, seed: 2)),
    ].map { ($0.0, $0.1.0, $0.1.1) }

    @Test(arguments: 0..<2)
    func oneTwoAndSevenThreadsGiveTheSamePartition(index: Int) throws {
        let (name, graph, _) = Self.cases[index]
        for weight in [TieStrength.unit, .column("weight")] {
            let options = LouvainOptions(weight: weight, seed: 3, trials: 2)
            let one = try Communities.louvain(graph, options: options, execution: ExecutionOptions(threads: 1), schedule: Self.parallelEverywhere)
            for threads in [2, 7] {
                let other = try Communities.louvain(
                    graph, options: options, execution: ExecutionOptions(threads: threads), schedule: Self.parallelEverywhere)
                #expect(other == one, "\(name) \(weight): \(threads) threads differ from 1")
                #expect(other.modularity.bitPattern == one.modularity.bitPattern)
            }
        }
    }

    /// The parallel path returns a partition of the nodes whose reported modularity is the
    /// modularity of its communities (checked against networkx in CommunitiesTests), and, best
    /// of four seeds, comes within 0.01 of the planted groups' modularity and of the one-vertex-
    /// at-a-time path's (single seeds of either path fall up to 0.02 short of the planted groups).
    @Test(arguments: 0..<2)
    func parallelPathFindsThePlantedGroups(index: Int) throws {
        let (name, graph, truth) = Self.cases[index]
        for weight in [TieStrength.unit, .column("weight")] {
            let options = LouvainOptions(weight: weight, seed: 5, trials: 4)
            let ours = try Communities.louvain(
                graph, options: options, execution: ExecutionOptions(threads: 2), schedule: Self.parallelEverywhere)
            let all = ours.communities.flatMap { $0 }
            #expect(all.count == graph.nodeCount && Set(all).count == graph.nodeCount)
            let recomputed = try Communities.modularity(of: ours.communities, in: graph, options: ModularityOptions(weight: weight))
            #expect(abs(recomputed - ours.modularity) < 1e-12)
            let planted = try Communities.modularity(of: truth, in: graph, options: ModularityOptions(weight: weight))
            let sequential = try Communities.louvain(graph, options: options)
            #expect(ours.modularity >= planted - 0.01, "\(name) \(weight): ours \(ours.modularity), planted \(planted)")
            #expect(ours.modularity >= sequential.modularity - 0.01, "\(name) \(weight): ours \(ours.modularity), sequential \(sequential.modularity)")
        }
    }

    /// The default schedule takes the parallel path on a level of 10,000 vertices or more.
    @Test func defaultScheduleIsThreadCountIndependentOnALargeGraph() throws {
        let graph = randomMultigraph(nodes: 12_000, edges: 40_000, directed: false, seed: 4)
        let one = try Communities.louvain(graph, execution: ExecutionOptions(threads: 1))
        let two = try Communities.louvain(graph, execution: ExecutionOptions(threads: 2))
        #expect(one == two)
        let recomputed = try Communities.modularity(of: one.communities, in: graph)
        #expect(abs(recomputed - one.modularity) < 1e-12)
    }

    /// The flat aggregation equals networkx `_gen_graph` as the dictionary version built it:
    /// one edge per pair in order of the pair's first edge, weights summed in edge order.
    @Test(arguments: [false, true])
    func aggregationMatchesTheDictionaryVersion(directed: Bool) throws {
        for seed: UInt64 in 0..<5 {
            let graph = randomMultigraph(nodes: 300, edges: 1200, directed: directed, seed: seed)
            let list = WeightedEdgeList(graph, weights: try TieStrength.column("weight").valuesOrOnes(in: graph))
            var rng = SplitMix64(seed: seed)
            let count = 1 + Int(rng.next() % 40)
            let labels = (0..<graph.nodeCount).map { _ in Int(rng.next() % UInt64(count)) }
            var sources: [Int] = [], targets: [Int] = [], weights: [Double] = []
            var index: [Int: Int] = [:]
            for i in list.weights.indices {
                var a = labels[list.sources[i]], b = labels[list.targets[i]]
                if !directed && b < a { swap(&a, &b) }
                if let j = index[a * count + b] {
                    weights[j] += list.weights[i]
                } else {
                    index[a * count + b] = weights.count
                    sources.append(a)
                    targets.append(b)
                    weights.append(list.weights[i])
                }
            }
            let flat = list.aggregated(labels: labels, count: count)
            #expect(flat.vertexCount == count && flat.isDirected == directed)
            #expect(flat.sources == sources && flat.targets == targets && flat.weights == weights)
        }
    }
}
