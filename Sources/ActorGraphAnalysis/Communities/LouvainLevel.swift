/// One level of Louvain's local moving: the level's graph as flat CSR arrays, each vertex's
/// community and each community's total degrees, and the moves that change them.
///
/// The neighbour lists hold in- and out-edges together without self-loops (networkx `nbrs`),
/// each vertex's in the order its edges come in the edge list, so ties between communities
/// are broken as ``Communities/louvainRun(_:options:seed:schedule:threads:)`` always did: the
/// first community found among the neighbours wins. Everything is allocated once per level;
/// no move allocates.
///
/// The storage is raw memory owned by this object so that the parallel sweep
/// (``proposeMove(_:scratch:)`` from several threads while nothing writes, then
/// ``apply(_:)`` and ``moveNow(_:scratch:)`` from one thread) reads it without copies or
/// exclusivity checks; ``LouvainParallelSweep`` keeps the phases apart.
final class LouvainLevel: @unchecked Sendable {
    let vertexCount: Int
    let isDirected: Bool
    /// Total edge weight `m` of the original graph and the resolution γ.
    let m: Double
    let resolution: Double
    let offsets: UnsafeMutableBufferPointer<Int>
    let neighbors: UnsafeMutableBufferPointer<Int32>
    let weights: UnsafeMutableBufferPointer<Double>
    /// Weighted out- and in-degree (both the degree, a self-loop twice, when undirected).
    let outDegree: UnsafeMutableBufferPointer<Double>
    let inDegree: UnsafeMutableBufferPointer<Double>
    /// Sums of `outDegree` and `inDegree` over each community's members.
    let totalOut: UnsafeMutableBufferPointer<Double>
    let totalIn: UnsafeMutableBufferPointer<Double>
    let community: UnsafeMutableBufferPointer<Int32>
    /// The most neighbours any vertex has (a bound on the communities one move compares).
    let maxDegree: Int

    /// - Complexity: O(V + E).
    init(_ graph: WeightedEdgeList, m: Double, resolution: Double) {
        let n = graph.vertexCount
        vertexCount = n
        isDirected = graph.isDirected
        self.m = m
        self.resolution = resolution
        offsets = .allocate(capacity: n + 1)
        offsets.initialize(repeating: 0)
        for i in graph.weights.indices where graph.sources[i] != graph.targets[i] {
            offsets[graph.sources[i] + 1] += 1
            offsets[graph.targets[i] + 1] += 1
        }
        var widest = 0
        for v in 0..<n {
            widest = Swift.max(widest, offsets[v + 1])
            offsets[v + 1] += offsets[v]
        }
        maxDegree = widest
        let entries = offsets[n]
        neighbors = .allocate(capacity: Swift.max(1, entries))
        weights = .allocate(capacity: Swift.max(1, entries))
        var cursor = Array(offsets)
        for i in graph.weights.indices where graph.sources[i] != graph.targets[i] {
            let s = graph.sources[i], t = graph.targets[i], w = graph.weights[i]
            neighbors[cursor[s]] = Int32(t)
            weights[cursor[s]] = w
            cursor[s] += 1
            neighbors[cursor[t]] = Int32(s)
            weights[cursor[t]] = w
            cursor[t] += 1
        }
        let (out, inn) = graph.degrees()
        outDegree = .allocate(capacity: Swift.max(1, n))
        inDegree = .allocate(capacity: Swift.max(1, n))
        totalOut = .allocate(capacity: Swift.max(1, n))
        totalIn = .allocate(capacity: Swift.max(1, n))
        community = .allocate(capacity: Swift.max(1, n))
        for v in 0..<n {
            outDegree[v] = out[v]
            inDegree[v] = inn[v]
            totalOut[v] = out[v]
            totalIn[v] = inn[v]
            community[v] = Int32(v)
        }
    }

    deinit {
        offsets.deallocate()
        neighbors.deallocate()
        weights.deallocate()
        outDegree.deallocate()
        inDegree.deallocate()
        totalOut.deallocate()
        totalIn.deallocate()
        community.deallocate()
    }

    /// One thread's scratch: the weight from the vertex being moved to each community, and
    /// the communities touched, reset after every vertex.
    final class Scratch {
        let weightTo: UnsafeMutableBufferPointer<Double>
        let isTouched: UnsafeMutableBufferPointer<Bool>
        let touched: UnsafeMutableBufferPointer<Int32>
        var touchedCount = 0

        init(vertexCount n: Int, maxDegree: Int) {
            weightTo = .allocate(capacity: Swift.max(1, n))
            weightTo.initialize(repeating: 0)
            isTouched = .allocate(capacity: Swift.max(1, n))
            isTouched.initialize(repeating: false)
            touched = .allocate(capacity: Swift.max(1, maxDegree + 1))
        }

        deinit {
            weightTo.deallocate()
            isTouched.deallocate()
            touched.deallocate()
        }

        /// Forgets the weights gathered for the last vertex.
        @inline(__always) func reset() {
            for k in 0..<touchedCount {
                let c = Int(touched[k])
                weightTo[c] = 0
                isTouched[c] = false
            }
            touchedCount = 0
        }
    }

    func makeScratch() -> Scratch { Scratch(vertexCount: vertexCount, maxDegree: maxDegree) }

    /// Adds up `u`'s edge weight to each neighbouring community, in order of first appearance.
    @inline(__always) func gather(_ u: Int, into scratch: Scratch) {
        let weightTo = scratch.weightTo, isTouched = scratch.isTouched, touched = scratch.touched
        var count = 0
        for p in offsets[u]..<offsets[u + 1] {
            let c = Int(community[Int(neighbors[p])])
            if !isTouched[c] {
                isTouched[c] = true
                touched[count] = Int32(c)
                count += 1
            }
            weightTo[c] += weights[p]
        }
        scratch.touchedCount = count
    }

    /// The modularity change of `u` leaving its community for `c`, given `u`'s weight to both
    /// and the communities' totals without `u` (`removedOut`, `removedIn`: its own community's).
    /// The terms are those of networkx `_one_level` (the directed gain of Dugué & Perez 2015).
    @inline(__always) func gain(
        toCurrent: Double, removedOut: Double, removedIn: Double, toTarget: Double, targetOut: Double, targetIn: Double,
        dOut: Double, dIn: Double
    ) -> Double {
        let removeCost: Double
        if isDirected {
            removeCost = -toCurrent / m + resolution * (dOut * removedIn + dIn * removedOut) / (m * m)
            return removeCost + toTarget / m - resolution * (dOut * targetIn + dIn * targetOut) / (m * m)
        }
        removeCost = -toCurrent / m + resolution * (removedOut * dOut) / (2 * m * m)
        return removeCost + toTarget / m - resolution * (targetOut * dOut) / (2 * m * m)
    }

    /// Moves `u` to the neighbouring community of largest positive gain (the first found on a
    /// tie), against the current state, as networkx `_one_level` does for one node. The totals
    /// lose `u`'s degree and gain it back, as networkx's do, even when `u` stays.
    /// - Returns: whether `u` changed community.
    @inline(__always) func moveNow(_ u: Int, scratch: Scratch) -> Bool {
        gather(u, into: scratch)
        defer { scratch.reset() }
        let weightTo = scratch.weightTo
        let current = Int(community[u])
        let dOut = outDegree[u], dIn = inDegree[u]
        totalOut[current] -= dOut
        totalIn[current] -= dIn
        let toCurrent = weightTo[current], removedOut = totalOut[current], removedIn = totalIn[current]
        var best = current, bestGain = 0.0
        for k in 0..<scratch.touchedCount {
            let c = Int(scratch.touched[k])
            let g = gain(
                toCurrent: toCurrent, removedOut: removedOut, removedIn: removedIn, toTarget: weightTo[c],
                targetOut: totalOut[c], targetIn: totalIn[c], dOut: dOut, dIn: dIn)
            if g > bestGain {
                bestGain = g
                best = c
            }
        }
        totalOut[best] += dOut
        totalIn[best] += dIn
        if best == current { return false }
        community[u] = Int32(best)
        return true
    }

    /// A move `u` would make: its best community and its weight to it and to its own.
    struct Proposal {
        var target: Int32
        var toCurrent: Double
        var toTarget: Double
    }

    /// ``moveNow(_:scratch:)``'s choice for `u` against the current state, without changing
    /// it (safe from several threads while nothing writes); `nil` when a neighbour's
    /// `position` lies in `window` (the parallel sweep's vertices that choose before `u`).
    @inline(__always) func proposeMove(
        _ u: Int, scratch: Scratch, position: UnsafeMutableBufferPointer<Int32>, window: Range<Int32>
    ) -> Proposal? {
        // One pass reads each neighbour's community and position, so the two loads overlap.
        let weightTo = scratch.weightTo, isTouched = scratch.isTouched, touched = scratch.touched
        var count = 0
        var conflict = false
        for p in offsets[u]..<offsets[u + 1] {
            let x = Int(neighbors[p])
            let c = Int(community[x])
            if window.contains(position[x]) { conflict = true }
            if !isTouched[c] {
                isTouched[c] = true
                touched[count] = Int32(c)
                count += 1
            }
            weightTo[c] += weights[p]
        }
        scratch.touchedCount = count
        defer { scratch.reset() }
        if conflict { return nil }
        let current = Int(community[u])
        let dOut = outDegree[u], dIn = inDegree[u]
        let removedOut = totalOut[current] - dOut, removedIn = totalIn[current] - dIn
        let toCurrent = weightTo[current]
        var best = current, bestGain = 0.0
        for k in 0..<scratch.touchedCount {
            let c = Int(scratch.touched[k])
            let own = c == current
            let g = gain(
                toCurrent: toCurrent, removedOut: removedOut, removedIn: removedIn, toTarget: weightTo[c],
                targetOut: own ? removedOut : totalOut[c], targetIn: own ? removedIn : totalIn[c], dOut: dOut, dIn: dIn)
            if g > bestGain {
                bestGain = g
                best = c
            }
        }
        return Proposal(target: Int32(best), toCurrent: toCurrent, toTarget: weightTo[best])
    }

    /// Makes a proposed move if it still gains against the current totals. `u`'s weights to
    /// both communities must be unchanged since the proposal (no neighbour of `u` moved).
    /// - Returns: whether `u` changed community.
    @inline(__always) func apply(_ u: Int, _ proposal: Proposal) -> Bool {
        let current = Int(community[u]), target = Int(proposal.target)
        if target == current { return false }
        let dOut = outDegree[u], dIn = inDegree[u]
        let g = gain(
            toCurrent: proposal.toCurrent, removedOut: totalOut[current] - dOut, removedIn: totalIn[current] - dIn,
            toTarget: proposal.toTarget, targetOut: totalOut[target], targetIn: totalIn[target], dOut: dOut, dIn: dIn)
        guard g > 0 else { return false }
        totalOut[current] -= dOut
        totalIn[current] -= dIn
        totalOut[target] += dOut
        totalIn[target] += dIn
        community[u] = Int32(target)
        return true
    }
}
