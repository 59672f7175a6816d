extension WeightedEdgeList {
    /// The graph whose vertices are the communities of `labels` (dense, `0..<count`), edge
    /// weights summed (edges inside a community become a self-loop), as networkx `_gen_graph`:
    /// one edge per pair of communities, in order of the pair's first edge here, its weight
    /// summed in edge order.
    ///
    /// Edges are grouped by their first community with a counting sort (stable, so each
    /// group keeps edge order); within a group a dense slot array over the second community,
    /// reset through a touched list, finds each pair's edge; the pairs are then laid out by
    /// their first edge's index, which is unique. No dictionary and no comparison sort.
    /// - Complexity: O(V + E) time and memory.
    func aggregated(labels: [Int], count: Int) -> WeightedEdgeList {
        let edgeCount = weights.count
        var result = WeightedEdgeList(vertexCount: count, isDirected: isDirected)
        guard edgeCount > 0 else { return result }
        // The endpoints' communities, the first one the smaller when undirected.
        var first = [Int32](repeating: 0, count: edgeCount)
        var second = [Int32](repeating: 0, count: edgeCount)
        var groupStart = [Int](repeating: 0, count: count + 1)
        for i in 0..<edgeCount {
            var a = labels[sources[i]], b = labels[targets[i]]
            if !isDirected && b < a { swap(&a, &b) }
            first[i] = Int32(a)
            second[i] = Int32(b)
            groupStart[a + 1] += 1
        }
        for c in 0..<count { groupStart[c + 1] += groupStart[c] }
        var cursor = groupStart
        var byFirst = [Int32](repeating: 0, count: edgeCount)
        for i in 0..<edgeCount {
            let a = Int(first[i])
            byFirst[cursor[a]] = Int32(i)
            cursor[a] += 1
        }
        // Each pair's summed weight, stored at the index of its first edge.
        var pairWeight = [Double](repeating: 0, count: edgeCount)
        var isFirstOfPair = [Bool](repeating: false, count: edgeCount)
        var slot = [Int32](repeating: -1, count: count)
        var touched: [Int32] = []
        for a in 0..<count {
            for k in groupStart[a]..<groupStart[a + 1] {
                let i = Int(byFirst[k])
                let b = Int(second[i])
                let s = slot[b]
                if s < 0 {
                    slot[b] = Int32(i)
                    touched.append(Int32(b))
                    isFirstOfPair[i] = true
                    pairWeight[i] = weights[i]
                } else {
                    pairWeight[Int(s)] += weights[i]
                }
            }
            for b in touched { slot[Int(b)] = -1 }
            touched.removeAll(keepingCapacity: true)
        }
        for i in 0..<edgeCount where isFirstOfPair[i] {
            result.sources.append(Int(first[i]))
            result.targets.append(Int(second[i]))
            result.weights.append(pairWeight[i])
        }
        return result
    }
}
