import ActorGraphCore
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The processors online, at least 1: the default thread count of ``ExecutionOptions``.
var availableCores: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

/// The number of chunks `0..<count` is cut into: at most 64, a function of `count` alone, so
/// that results never depend on the thread count. 64 chunks keep 16 threads busy with uneven
/// sources while the partial results (one per chunk, folded as they arrive) stay few.
func chunkCount(_ count: Int) -> Int { Swift.min(count, 64) }

/// The bounds of chunk `c` of `0..<count`.
func chunkRange(_ c: Int, of count: Int) -> Range<Int> {
    let chunks = chunkCount(count)
    return count * c / chunks..<count * (c + 1) / chunks
}

/// Cuts `0..<count` into ``chunkCount(_:)`` contiguous chunks, computes each chunk's partial
/// result on up to `threads` threads, and folds the partial results into `initial` **in chunk
/// order**.
///
/// Chunk boundaries depend on `count` alone and the fold runs in chunk order, so a
/// floating-point sum is the same, bit for bit, for any thread count and any scheduling. Each
/// thread makes one `scratch` value (kernels, buffers) and reuses it for every chunk it takes;
/// threads take the next chunk from a shared counter, so uneven chunks balance. A partial
/// result is folded as soon as the chunks before it are, so at most about `threads` partial
/// results are alive at once. Finished chunks are reported to `progress` when one is given.
///
/// - Parameters:
///   - count: the number of work items (for example source nodes).
///   - threads: the most threads at once; `nil` uses ``availableCores``.
///   - progress: receives `(chunks done, chunks)` as chunks finish.
///   - initial: the value partial results are folded into.
///   - scratch: makes one thread's reusable state.
///   - body: computes the partial result for one range of items.
///   - fold: adds one partial result; called in chunk order, one call at a time.
/// - Complexity: the cost of `body` over all items, divided over the threads, plus the folds.
func parallelChunks<Scratch, T: Sendable, R: Sendable>(
    count: Int, threads: Int?, progress: ProgressReporter?, into initial: R,
    scratch: @Sendable () -> Scratch, _ body: @Sendable (inout Scratch, Range<Int>) -> T,
    fold: @Sendable (inout R, T) -> Void
) -> R {
    guard count > 0 else { return initial }
    precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
    let chunks = chunkCount(count)
    let workers = Swift.min(threads ?? availableCores, chunks)
    let state = ThreadLock(ChunkFoldState<T>())
    let result = ThreadLock(initial)
    @Sendable func work(_: Int) {
        var local = scratch()
        while true {
            let c = state.withLock { s -> Int in
                defer { s.next += 1 }; return s.next
            }
            if c >= chunks { return }
            let partial = body(&local, chunkRange(c, of: count))
            // Fold every partial result whose predecessors are folded, in order. The result
            // lock is taken inside the state lock, so folds never overlap or reorder.
            let done = state.withLock { s -> Int in
                s.pending[c] = partial
                while let ready = s.pending.removeValue(forKey: s.folded) {
                    result.withLock { fold(&$0, ready) }
                    s.folded += 1
                }
                s.finished += 1
                return s.finished
            }
            progress?(done, chunks)
        }
    }
    if workers == 1 {
        work(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }
    return result.withLock { $0 }
}

/// ``parallelChunks(count:threads:progress:into:scratch:_:fold:)`` collecting one partial
/// result per chunk, in chunk order.
func parallelChunks<Scratch, T: Sendable>(
    count: Int, threads: Int?, progress: ProgressReporter?,
    scratch: @Sendable () -> Scratch, _ body: @Sendable (inout Scratch, Range<Int>) -> T
) -> [T] {
    parallelChunks(
        count: count, threads: threads, progress: progress, into: [T](),
        scratch: scratch, body, fold: { $0.append($1) })
}

/// The bookkeeping of ``parallelChunks(count:threads:progress:into:scratch:_:fold:)``.
private struct ChunkFoldState<T> {
    /// The next chunk to hand out.
    var next = 0
    /// Chunks folded so far (all of `0..<folded`).
    var folded = 0
    var finished = 0
    /// Finished chunks waiting for an earlier one.
    var pending: [Int: T] = [:]
}
