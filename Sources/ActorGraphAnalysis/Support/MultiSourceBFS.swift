import ActorGraphCore

/// Breadth-first search from up to 64 sources at once, one bit per source (the bit-parallel
/// multi-source BFS of Then et al., "The More the Merrier: Efficient Multi-Source Graph
/// Traversal", PVLDB 8(4), 2014), for the distance sums of closeness and harmonic centrality on
/// unweighted graphs.
///
/// Every node keeps three 64-bit words: `seen` (the sources that reached it), `visit` (the
/// sources whose frontier it is on at this level) and `next`. One level is one pass over the
/// nodes in which each node not yet seen by every source ORs the `visit` words of the nodes
/// pointing to it (the "bottom-up" direction of the paper's section 4, which writes only the
/// node's own words); the new bits are the sources reaching it at this distance. A pass over
/// the adjacency thus serves 64 searches, and adjacency lists are read in memory order.
///
/// The kernel reports, after each level `d`, how many nodes each source first reached at
/// distance `d`, which is all closeness and harmonic need (distances are hop counts, so the
/// per-level counts determine every sum exactly, in the order a single-source BFS would add).
/// Parallel edges and self-loops change nothing (an OR is idempotent; a node never reaches
/// itself anew).
///
/// A kernel owns its three word arrays and belongs to one thread.
///
/// - Complexity: per batch, O(L (n + m)) word operations for `L` levels (the eccentricity of
///   the batch's sources, plus one), plus one step per (source, reached node) pair to count
///   them; O(n) memory.
final class MultiSourceBFS {
    /// For each node, the nodes with an edge **to** it in the search direction.
    let pull: Graph.CSR
    let nodeCount: Int
    private let seen: UnsafeMutableBufferPointer<UInt64>
    private var visit: UnsafeMutableBufferPointer<UInt64>
    private var next: UnsafeMutableBufferPointer<UInt64>
    private let counts: UnsafeMutableBufferPointer<Int>

    /// The most sources of one run.
    static let width = 64

    /// - Parameter direction: `.out` finds distances from each source, `.in` distances to it
    ///   (ignored when undirected), as ``SearchAdjacency``.
    init(_ graph: Graph, direction: PathDirection) {
        nodeCount = graph.nodeCount
        // A search along successors reaches w from its predecessors, and the other way round.
        pull = !graph.isDirected || direction == .in ? graph.successors : graph.predecessors
        func words() -> UnsafeMutableBufferPointer<UInt64> {
            let b = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: Swift.max(1, graph.nodeCount))
            b.initialize(repeating: 0)
            return b
        }
        seen = words(); visit = words(); next = words()
        counts = .allocate(capacity: Self.width)
        counts.initialize(repeating: 0)
    }

    deinit { seen.deallocate(); visit.deallocate(); next.deallocate(); counts.deallocate() }

    /// Searches from `sources` (1 to 64 distinct nodes); after each level `d >= 1` that reaches
    /// a node, calls `level(d, counts)` where `counts[i]` is the number of nodes whose distance
    /// from `sources.lowerBound + i` is `d`.
    func run(from sources: Range<Int>, level: (Int, UnsafeBufferPointer<Int>) -> Void) {
        precondition(
            !sources.isEmpty && sources.count <= Self.width && sources.upperBound <= nodeCount,
            "1 to 64 known sources")
        let n = nodeCount, width = sources.count
        let full: UInt64 = width == Self.width ? ~0 : (1 << UInt64(width)) - 1
        let seen = self.seen, counts = self.counts
        var visit = self.visit, next = self.next
        for w in 0..<n { seen[w] = 0; visit[w] = 0 }
        for (i, s) in sources.enumerated() { seen[s] = 1 << UInt64(i); visit[s] = 1 << UInt64(i) }
        pull.offsets.withUnsafeBufferPointer { offsets in
            pull.neighbors.withUnsafeBufferPointer { neighbors in
                var d = 0
                while true {
                    d += 1
                    for i in 0..<width { counts[i] = 0 }
                    var reached = false
                    for w in 0..<n {
                        let sw = seen[w]
                        if sw == full { next[w] = 0; continue }
                        var acc: UInt64 = 0
                        for k in offsets[w]..<offsets[w + 1] { acc |= visit[neighbors[k].index] }
                        acc &= ~sw
                        next[w] = acc
                        if acc != 0 {
                            seen[w] = sw | acc
                            reached = true
                            var bits = acc
                            repeat {
                                counts[bits.trailingZeroBitCount] += 1
                                bits &= bits &- 1
                            } while bits != 0
                        }
                    }
                    if !reached { break }
                    level(d, UnsafeBufferPointer(rebasing: counts[0..<width]))
                    swap(&visit, &next)
                }
            }
        }
        self.visit = visit; self.next = next
    }
}
