#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a POSIX mutex, for the threads of the analyses' `parallelChunks` and for
/// state built on first use (a graph's name index).
///
/// Not `Synchronization.Mutex`: on Linux that locks with atomics and the futex system call
/// inside the Swift runtime, which ThreadSanitizer cannot see, so every access it guards was
/// reported as a race (296 reports in `.ci/run`'s `--sanitize=thread` step), and suppressing
/// them would have hidden real races in the parallel loops' bodies too. ThreadSanitizer
/// intercepts `pthread_mutex_lock`, so it checks those bodies.
///
/// - Complexity: one lock and unlock per ``withLock(_:)``.
package final class ThreadLock<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the lock held.
    package func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
