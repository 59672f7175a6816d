import ActorGraphCore

/// One value per node, each computed from the shortest-path distances of a search from that
/// node: the sweep shared by closeness and harmonic centrality.
///
/// Sources are cut into chunks fixed by the node count (``parallelChunks(count:threads:progress:into:scratch:_:fold:)``),
/// so the values are the same, bit for bit, for any thread count. Each thread keeps one search
/// object and reuses it for every source of its chunks.
enum DistanceSweep {
    /// With hop counts: a bit-parallel breadth-first search (`MultiSourceBFS`, Then et al. 2014)
    /// from each batch of up to 64 sources. `batch` is given the search, ready to run, and the
    /// batch's sources, and returns one value per source, in order.
    /// - Complexity: O(n m / 64 · L) word operations (`L` levels per batch) plus `batch`'s work.
    static func byBreadthFirstBatches(
        _ graph: Graph, direction: PathDirection, execution: ExecutionOptions,
        _ batch: @escaping @Sendable (MultiSourceBFS, Range<Int>) -> [Double]
    ) -> [Double] {
        let n = graph.nodeCount, width = MultiSourceBFS.width
        return parallelChunks(
            count: (n + width - 1) / width, threads: execution.threads, progress: execution.progress,
            into: [Double](), scratch: { MultiSourceBFS(graph, direction: direction) }
        ) { bfs, chunk -> [Double] in
            var out = [Double]()
            for b in chunk { out += batch(bfs, b * width..<Swift.min(n, (b + 1) * width)) }
            return out
        } fold: {
            $0 += $1
        }
    }

    /// With costs (or hops): one search per source (`ShortestPathKernel`: Dijkstra with costs).
    /// `value` is given the kernel after its run from `source` and returns the source's value.
    /// - Complexity: O(n (m + n) log n) with costs, O(n m) with hops, plus `value`'s work.
    static func bySource(
        _ graph: Graph, direction: PathDirection, costs: EdgeCosts, execution: ExecutionOptions,
        _ value: @escaping @Sendable (ShortestPathKernel) -> Double
    ) -> [Double] {
        let adjacency = SearchAdjacency(graph, direction: direction)
        return parallelChunks(
            count: graph.nodeCount, threads: execution.threads, progress: execution.progress,
            into: [Double](), scratch: { ShortestPathKernel(adjacency: adjacency, costs: costs.values) }
        ) { kernel, sources -> [Double] in
            sources.map { s in
                kernel.run(from: NodeID(s))
                return value(kernel)
            }
        } fold: {
            $0 += $1
        }
    }
}
