import ActorGraphCore
import Dispatch
import Synchronization

/// Splits `0..<count` into contiguous chunks and runs `body` on each chunk on at most `workers`
/// threads (`DispatchQueue.concurrentPerform` with one iteration per worker; worker `w` takes
/// chunks `w`, `w + workers`, ...).
///
/// Each chunk builds its own partial result (its own scratch buffers, no sharing), and the
/// partial results come back **in chunk order**, so a caller that folds them in order gets the
/// same floating-point result on every run, whatever the thread scheduling. Finished chunks
/// are reported to `progress` when one is given.
///
/// - Parameters:
///   - count: the number of work items (for example source nodes).
///   - workers: threads to use (default 2, the cores of the analysis machines).
///   - progress: receives `(chunks done, chunks)` as chunks finish.
///   - body: computes the partial result for one range of items.
/// - Returns: one partial result per chunk, in chunk order (empty when `count == 0`).
/// - Complexity: the cost of `body` over all items, divided over the workers.
func parallelChunks<T: Sendable>(count: Int, workers: Int = 2, progress: ProgressReporter? = nil,
                                 _ body: @Sendable (Range<Int>) -> T) -> [T] {
    guard count > 0 else { return [] }
    let workers = Swift.max(1, workers)
    // A few chunks per worker balance uneven sources without many scratch allocations.
    let chunks = Swift.min(count, workers * 4)
    let finished = Mutex(0)
    let done: @Sendable () -> Void = {
        guard let progress else { return }
        progress(finished.withLock { $0 += 1; return $0 }, chunks)
    }
    if chunks == 1 || workers == 1 {
        return (0..<chunks).map { c in
            defer { done() }
            return body(count * c / chunks ..< count * (c + 1) / chunks)
        }
    }
    let results = Mutex<[T?]>(Array(repeating: nil, count: chunks))
    DispatchQueue.concurrentPerform(iterations: Swift.min(workers, chunks)) { w in
        for c in stride(from: w, to: chunks, by: workers) {
            let partial = body(count * c / chunks ..< count * (c + 1) / chunks)
            results.withLock { $0[c] = partial }
            done()
        }
    }
    return results.withLock { $0.map { $0! } }
}
