import Dispatch
import Synchronization

/// Splits `0..<count` into contiguous chunks and runs `body` on each chunk, spreading the chunks
/// over `workers` threads with `DispatchQueue.concurrentPerform`.
///
/// Each chunk builds its own partial result (its own scratch buffers, no sharing), and the
/// partial results come back **in chunk order**, so a caller that folds them in order gets the
/// same floating-point result on every run, whatever the thread scheduling.
///
/// - Parameters:
///   - count: the number of work items (for example source nodes).
///   - workers: threads to use; the machine's analysis passes use 2.
///   - body: computes the partial result for one range of items.
/// - Returns: one partial result per chunk, in chunk order (empty when `count == 0`).
/// - Complexity: the cost of `body` over all items, divided over the workers.
func parallelChunks<T: Sendable>(count: Int, workers: Int = 2,
                                 _ body: @Sendable (Range<Int>) -> T) -> [T] {
    guard count > 0 else { return [] }
    // A few chunks per worker balance uneven sources without many scratch allocations.
    let chunks = Swift.min(count, Swift.max(1, workers) * 4)
    if chunks == 1 || workers <= 1 { return [body(0..<count)] }
    let results = Mutex<[T?]>(Array(repeating: nil, count: chunks))
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let lower = count * c / chunks, upper = count * (c + 1) / chunks
        let partial = body(lower..<upper)
        results.withLock { $0[c] = partial }
    }
    return results.withLock { $0.map { $0! } }
}
