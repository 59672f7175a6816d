import Dispatch

/// How a Louvain level's sweeps are cut up: one vertex at a time, or in buckets whose moves
/// are found in parallel. A function of the level's size alone, never of the thread count, so
/// the partition is the same for any number of threads.
struct LouvainSchedule: Sendable {
    /// Levels with fewer vertices move one vertex at a time (networkx's order of events).
    var parallelMinimum = 10_000
    /// Vertices per parallel task within a bucket.
    var chunkSize = 64

    /// Vertices per bucket: 1/256 of the level, at least 256 (on a random graph of average
    /// degree 20, about 4% of the vertices then have a neighbour earlier in their bucket).
    func bucketSize(_ n: Int) -> Int { Swift.max(256, n / 256) }

    static let standard = LouvainSchedule()
}

/// Louvain local moving in buckets, in parallel and deterministic: each sweep takes the
/// level's vertex order in consecutive buckets; the vertices of a bucket choose their best
/// move in parallel against the state at the bucket's start, then the moves are made one at
/// a time in vertex order, each re-checked against the current community totals and made only
/// if it still gains. A vertex with a neighbour earlier in the same bucket (whose move may
/// have changed its weights to the communities) chooses again at its turn, as the sequential
/// method would. Every move made therefore raises modularity, as in Blondel et al.
///
/// After a vertex has chosen, it is visited again only once a neighbour has moved (Ozaki,
/// Tezuka & Inaba 2016, "A Simple Acceleration Method for the Louvain Algorithm"): on a graph
/// of 10^5 vertices the first level's long tail of sweeps, each moving a few dozen vertices
/// but reading every edge, shrinks from over a hundred full sweeps to a handful.
///
/// This is the parallel local moving of Staudt & Meyerhenke, "Engineering Parallel
/// Algorithms for Community Detection in Massive Networks" (IEEE TPDS 27(1), 2016; NetworKit's
/// PLM), made deterministic: PLM lets threads move vertices against whatever state they see,
/// so its result depends on scheduling; here a bucket's choices read one snapshot and are
/// applied in a fixed order, and the buckets depend on the level's size only
/// (``LouvainSchedule``), so the same seed gives the same partition for any thread count.
///
/// - Complexity: O(V + E) per sweep, the choices divided over the threads; the sequential
///   part is O(bucket + Σ deg) over the vertices that move or must choose again.
final class LouvainParallelSweep: @unchecked Sendable {
    let level: LouvainLevel
    let order: UnsafeMutableBufferPointer<Int32>
    /// `position[v]`: `v`'s place in `order`.
    let position: UnsafeMutableBufferPointer<Int32>
    let proposals: UnsafeMutableBufferPointer<LouvainLevel.Proposal>
    /// What the parallel phase left for each vertex of the bucket.
    let slot: UnsafeMutableBufferPointer<Slot>
    /// Whether a vertex may have a better community than when it last chose: every vertex
    /// at first, then the neighbours of every vertex that moves.
    let active: UnsafeMutableBufferPointer<Bool>
    let bucketSize: Int
    let chunkSize: Int
    let workers: Int
    let scratches: [LouvainLevel.Scratch]

    init(level: LouvainLevel, order: [Int], schedule: LouvainSchedule, threads: Int?) {
        let n = level.vertexCount
        self.level = level
        self.order = .allocate(capacity: Swift.max(1, n))
        position = .allocate(capacity: Swift.max(1, n))
        for (i, v) in order.enumerated() {
            self.order[i] = Int32(v)
            position[v] = Int32(i)
        }
        bucketSize = schedule.bucketSize(n)
        chunkSize = schedule.chunkSize
        proposals = .allocate(capacity: bucketSize)
        slot = .allocate(capacity: bucketSize)
        active = .allocate(capacity: Swift.max(1, n))
        active.initialize(repeating: true)
        let chunks = (bucketSize + chunkSize - 1) / chunkSize
        workers = Swift.max(1, Swift.min(threads ?? availableCores, chunks))
        scratches = (0..<workers).map { _ in level.makeScratch() }
    }

    deinit {
        order.deallocate()
        position.deallocate()
        proposals.deallocate()
        slot.deallocate()
        active.deallocate()
    }

    /// One pass over every vertex.
    /// - Returns: the number of vertices that changed community.
    func sweep() -> Int {
        let n = level.vertexCount
        var moves = 0
        var start = 0
        while start < n {
            let end = Swift.min(n, start + bucketSize)
            propose(start..<end)
            for i in start..<end {
                let u = Int(order[i])
                let moved: Bool
                switch slot[i - start] {
                case .proposed: moved = level.apply(u, proposals[i - start])
                case .rechoose: moved = level.moveNow(u, scratch: scratches[0])
                case .skipped: moved = active[u] && level.moveNow(u, scratch: scratches[0])
                }
                active[u] = false
                if moved {
                    moves += 1
                    for p in level.offsets[u]..<level.offsets[u + 1] { active[Int(level.neighbors[p])] = true }
                }
            }
            start = end
        }
        return moves
    }

    /// Every vertex of `bucket` (positions in `order`) chooses its move against the current
    /// state, or is marked to choose again at its turn; fixed chunks shared among the workers.
    func propose(_ bucket: Range<Int>) {
        let chunks = (bucket.count + chunkSize - 1) / chunkSize
        // Late sweeps leave few vertices active: not worth waking threads for.
        var activeCount = 0
        for i in bucket where active[Int(order[i])] { activeCount += 1 }
        let workers = activeCount < 2 * chunkSize ? 1 : Swift.min(self.workers, chunks)
        if workers == 1 {
            for c in 0..<chunks { proposeChunk(c, of: bucket, scratch: scratches[0]) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var c = w
            while c < chunks {
                proposeChunk(c, of: bucket, scratch: scratches[w])
                c += workers
            }
        }
    }

    /// What the parallel phase left for one vertex of the bucket.
    enum Slot {
        /// Inactive at the bucket's start: chooses at its turn only if a neighbour moved since.
        case skipped
        /// Its choice is in `proposals`, its weights still exact at its turn.
        case proposed
        /// Active, with a neighbour earlier in the bucket: chooses at its turn.
        case rechoose
    }

    private func proposeChunk(_ c: Int, of bucket: Range<Int>, scratch: LouvainLevel.Scratch) {
        let first = bucket.lowerBound + c * chunkSize
        for i in first..<Swift.min(bucket.upperBound, first + chunkSize) {
            let u = Int(order[i])
            let k = i - bucket.lowerBound
            if !active[u] {
                slot[k] = .skipped
            } else if let proposal = level.proposeMove(
                u, scratch: scratch, position: position, window: Int32(bucket.lowerBound)..<Int32(i))
            {
                proposals[k] = proposal
                slot[k] = .proposed
            } else {
                slot[k] = .rechoose
            }
        }
    }
}
