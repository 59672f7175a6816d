public import ActorGraphCore

#if canImport(Glibc)
import func Glibc.cbrt
#elseif canImport(Musl)
import func Musl.cbrt
#elseif canImport(Darwin)
import func Darwin.cbrt
#endif

/// Options for ``Centrality/clustering(_:options:execution:)``.
public struct ClusteringOptions: Hashable, Sendable {
    /// Tie strengths for the weighted (geometric-mean) version; by default unweighted, as
    /// networkx `weight=None`.
    public var weight: TieStrength = .unit
    public init(weight: TieStrength = .unit) { self.weight = weight }
}

extension Centrality {
    /// Local clustering coefficient: the fraction of possible triangles through each node that
    /// exist (Watts & Strogatz 1998), optionally weighted, and for directed graphs per Fagiolo
    /// (2007).
    ///
    /// Mirrors networkx `clustering(G)` (and `clustering(G, weight=...)`):
    /// - undirected, unweighted: `c(u) = 2 T(u) / (deg(u) (deg(u) - 1))`;
    /// - undirected, weighted (Onnela et al. 2005): `T(u)` becomes the sum over triangles of the
    ///   geometric mean `(ŵ_uv ŵ_uw ŵ_vw)^(1/3)`, with weights scaled by the largest weight;
    /// - directed (Fagiolo 2007): `c(u) = T(u) / (2 (deg_tot(u)(deg_tot(u) - 1) - 2 deg↔(u)))`,
    ///   counting every directed triangle through `u`, weighted the same way.
    /// Nodes with no triangle score 0. Self-loops are ignored. Parallel edges (which networkx
    /// graphs cannot hold) count as one tie whose weight is their sum.
    ///
    /// **Algorithm.** An undirected, unweighted graph without parallel edges counts its
    /// triangles over degree-ordered adjacency (`triangleCounts(_:execution:)`), in parallel;
    /// `2 T(u)` is then the same exact integer the general loop sums, so the scores are equal
    /// bit for bit. Other graphs take the general loop below, one node after another.
    ///
    /// `execution` sets the threads (and reports progress) of the triangle count; it never
    /// changes a score.
    ///
    /// - Throws: ``AnalysisError`` when the weight column is missing, holds NaN or infinite
    ///   values, negative values (networkx takes their cube root into NaN scores), or has no positive value.
    /// - Complexity: O(m sqrt(m)) for the triangle count, else O(Σ deg(u)²) time; O(n + m) memory.
    public static func clustering(
        _ graph: Graph, options: ClusteringOptions = ClusteringOptions(),
        execution: ExecutionOptions = ExecutionOptions()
    ) throws -> CentralityScores {
        let w = try options.weight.values(in: graph)
        if let w, let top = w.max(), !(top > 0) {
            // networkx divides by the largest weight and fails with ZeroDivisionError here.
            throw AnalysisError(.invalidWeight, "weighted clustering needs some positive weight (the largest is \(top))")
        }
        if w == nil && !graph.isDirected, let (triangles, degrees) = triangleCounts(graph, execution: execution) {
            var values = [Double](repeating: 0, count: triangles.count)
            for i in values.indices where triangles[i] > 0 {
                let d = Double(degrees[i])
                values[i] = Double(2 * triangles[i]) / (d * (d - 1))
            }
            return CentralityScores(measure: "clustering", values: values, nodeNames: graph.nodeNames)
        }
        let simple = SimpleWeightedAdjacency(graph, weights: w)
        let n = graph.nodeCount
        var values = [Double](repeating: 0, count: n)
        // markOut[k] = ŵ(i, k) when k is a successor of the current node i, markIn[k] = ŵ(k, i).
        var markOut = [Double](repeating: .nan, count: n)
        var markIn = [Double](repeating: .nan, count: n)
        for i in 0..<n {
            let succ = simple.out[i], pred = simple.in[i]
            for (k, x) in succ { markOut[k] = x }
            for (k, x) in pred { markIn[k] = x }
            var t = 0.0
            if !graph.isDirected {
                // Each triangle {i, j, k} is met from j and from k: this sum is 2 T(i).
                for (j, wij) in succ {
                    for (k, wjk) in simple.out[j] where !markOut[k].isNaN {
                        t += cbrt(wij * wjk * markOut[k])
                    }
                }
                let d = Double(succ.count)
                values[i] = t == 0 ? 0 : t / (d * (d - 1))
            } else {
                // networkx's eight directed triangle types.
                for (j, wji) in pred {
                    for (k, wkj) in simple.in[j] {
                        if !markIn[k].isNaN { t += cbrt(wji * markIn[k] * wkj) }
                        if !markOut[k].isNaN { t += cbrt(wji * markOut[k] * wkj) }
                    }
                    for (k, wjk) in simple.out[j] {
                        if !markIn[k].isNaN { t += cbrt(wji * markIn[k] * wjk) }
                        if !markOut[k].isNaN { t += cbrt(wji * markOut[k] * wjk) }
                    }
                }
                for (j, wij) in succ {
                    for (k, wkj) in simple.in[j] {
                        if !markIn[k].isNaN { t += cbrt(wij * markIn[k] * wkj) }
                        if !markOut[k].isNaN { t += cbrt(wij * markOut[k] * wkj) }
                    }
                    for (k, wjk) in simple.out[j] {
                        if !markIn[k].isNaN { t += cbrt(wij * markIn[k] * wjk) }
                        if !markOut[k].isNaN { t += cbrt(wij * markOut[k] * wjk) }
                    }
                }
                let total = Double(succ.count + pred.count)
                let reciprocal = Double(succ.filter { !markIn[$0.node].isNaN }.count)
                values[i] = t == 0 ? 0 : t / ((total * (total - 1) - 2 * reciprocal) * 2)
            }
            for (k, _) in succ { markOut[k] = .nan }
            for (k, _) in pred { markIn[k] = .nan }
        }
        let name = w == nil ? "clustering" : "weighted-clustering"
        return CentralityScores(measure: name, values: values, nodeNames: graph.nodeNames)
    }

    /// Transitivity: three times the number of triangles over the number of connected triples
    /// (the global clustering coefficient; Newman, Strogatz & Watts 2001).
    ///
    /// Mirrors networkx `transitivity(G)` for undirected graphs; 0 when there is no triangle.
    /// Self-loops are ignored and parallel edges count once.
    ///
    /// - Throws: `AnalysisError.Code.invalidGraph` for a directed graph (networkx's version
    ///   silently reads only successors there; use ``clustering(_:options:execution:)`` instead).
    /// - Complexity: O(Σ deg(u)²).
    public static func transitivity(_ graph: Graph) throws -> Double {
        guard !graph.isDirected else {
            throw AnalysisError(.invalidGraph, "transitivity is defined here for undirected graphs only")
        }
        let simple = SimpleWeightedAdjacency(graph, weights: nil)
        var mark = [Bool](repeating: false, count: graph.nodeCount)
        var triangles = 0, triples = 0
        for i in 0..<graph.nodeCount {
            for (k, _) in simple.out[i] { mark[k] = true }
            for (j, _) in simple.out[i] {
                for (k, _) in simple.out[j] where mark[k] { triangles += 1 }
            }
            let d = simple.out[i].count
            triples += d * (d - 1)
            for (k, _) in simple.out[i] { mark[k] = false }
        }
        return triangles == 0 ? 0 : Double(triangles) / Double(triples)
    }
}

/// Neighbour lists without self-loops and with parallel edges merged (weights summed), with
/// weights divided by the largest weight, for the triangle-based measures.
struct SimpleWeightedAdjacency {
    var out: [[(node: Int, weight: Double)]]
    var `in`: [[(node: Int, weight: Double)]]

    init(_ graph: Graph, weights: ContiguousArray<Double>?) {
        let n = graph.nodeCount
        // networkx divides by the largest edge weight (1 when unweighted).
        let top = weights.map { $0.max() ?? 1 } ?? 1
        func lists(_ neighbors: (NodeID) -> Neighborhood) -> [[(node: Int, weight: Double)]] {
            var result = [[(node: Int, weight: Double)]](repeating: [], count: n)
            var slot = [Int](repeating: -1, count: n)
            for i in 0..<n {
                var list: [(node: Int, weight: Double)] = []
                let nb = neighbors(NodeID(i))
                for k in nb.nodes.indices {
                    let j = nb.nodes[k].index
                    if j == i { continue }
                    let x = weights?[nb.edges[k].index] ?? 1
                    if slot[j] >= 0 { list[slot[j]].weight += x } else { slot[j] = list.count; list.append((j, x)) }
                }
                for (j, _) in list { slot[j] = -1 }
                result[i] = list.map { ($0.node, $0.weight / top) }
            }
            return result
        }
        out = lists(graph.outNeighbors(of:))
        `in` = graph.isDirected ? lists(graph.inNeighbors(of:)) : out
    }
}
