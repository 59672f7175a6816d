import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files being written, so a signal handler can remove them.
///
/// A handler may only call async-signal-safe functions (`unlink`, `signal`, `raise`): no locks,
/// no allocation. So the paths live in a fixed table of C strings allocated once, and a bitmask
/// (an atomic, read lock-free by the handler) says which entries are live. An entry is written
/// before its bit is set and its bit cleared before it is reused. At most ``capacity`` files are
/// tracked at once; further ones are written as usual but not tracked.
enum PendingTemporaryFiles {
    static let capacity = 64
    /// Bytes per entry: `PATH_MAX` and a terminating NUL.
    static let entrySize = Int(PATH_MAX) + 1
    /// Entries in use (claimed under the lock, by ordinary code only).
    private static let claimed = Mutex<UInt64>(0)
    /// Entries whose path is complete: what the handler removes.
    static let live = Atomic<UInt64>(0)
    nonisolated(unsafe) static let table: UnsafeMutablePointer<CChar> = {
        let table = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * entrySize)
        table.initialize(repeating: 0, count: capacity * entrySize)
        return table
    }()

    /// Tracks `path`; returns its entry, or `nil` when the table is full or the path too long.
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < entrySize else { return nil }
        let slot: Int? = claimed.withLock { mask in
            guard mask != .max else { return nil }
            let free = (~mask).trailingZeroBitCount
            mask |= 1 << UInt64(free)
            return free
        }
        guard let slot else { return nil }
        let entry = table + slot * entrySize
        for (i, b) in bytes.enumerated() { entry[i] = CChar(bitPattern: b) }
        entry[bytes.count] = 0
        live.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
        return slot
    }

    /// Stops tracking the entry `register` returned.
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        live.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
        claimed.withLock { $0 &= ~(1 << UInt64(slot)) }
    }

    /// The tracked paths (for tests and diagnostics).
    static var paths: [String] {
        let mask = live.load(ordering: .acquiring)
        return (0..<capacity).filter { mask & (1 << UInt64($0)) != 0 }.map { String(cString: table + $0 * entrySize) }
    }

    /// The entries tracking a path that starts with `prefix`, as a mask for
    /// ``removeAll(in:)`` (for tests: the cleanup of one test's files must not remove the
    /// temporary files that other tests of the process are writing at the same time).
    static func entries(under prefix: String) -> UInt64 {
        let mask = live.load(ordering: .acquiring)
        var result: UInt64 = 0
        for slot in 0..<capacity where mask & (1 << UInt64(slot)) != 0 {
            if String(cString: table + slot * entrySize).hasPrefix(prefix) { result |= 1 << UInt64(slot) }
        }
        return result
    }

    /// Removes every tracked file (of the entries in `entries`, all by default).
    /// Async-signal-safe: `unlink` on the table, nothing else.
    static func removeAll(in entries: UInt64 = .max) {
        let mask = live.load(ordering: .acquiring) & entries
        var slot = 0
        while slot < capacity {
            if mask & (1 << UInt64(slot)) != 0 { unlink(table + slot * entrySize) }
            slot += 1
        }
    }
}

/// The handler: remove the temporary files, then die of the same signal (default action), so
/// the exit status still says "killed by SIGINT" to the shell.
private func removePendingAndReraise(_ number: Int32) {
    PendingTemporaryFiles.removeAll()
    _ = signal(number, SIG_DFL)
    raise(number)
}

private let handlersInstalled = Atomic<Bool>(false)

extension AtomicFile {
    /// The signals after which ``installInterruptCleanup()`` removes temporary files.
    public static let cleanupSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary files of
    /// writes in progress, then end the process by the same signal. Call once, at start-up, from
    /// a program (a library should leave signals to its host). Calling again does nothing.
    public static func installInterruptCleanup() {
        guard !handlersInstalled.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // Initialise the globals now, never inside the handler.
        _ = PendingTemporaryFiles.table
        _ = PendingTemporaryFiles.live.load(ordering: .relaxed)
        for s in cleanupSignals {
            _ = signal(s) { removePendingAndReraise($0) }
        }
    }

    /// Temporary files of writes in progress, which an interrupt would remove.
    public static var pendingTemporaryFiles: [String] { PendingTemporaryFiles.paths }

    /// Tracks a temporary file the caller is writing, so an interrupt removes it (after
    /// ``installInterruptCleanup()``); `body` runs with it tracked. ``write(_:to:)-(Data,_)``
    /// does this for its own temporary file.
    public static func whileTracking<T>(temporaryFile path: String, _ body: () throws -> T) rethrows -> T {
        let slot = PendingTemporaryFiles.register(path)
        defer { PendingTemporaryFiles.unregister(slot) }
        return try body()
    }
}
