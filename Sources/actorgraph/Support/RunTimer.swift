import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--time`: where one run's time went and how much memory it took, printed on stderr at the end.
///
/// The phases are laps of one monotonic clock started when the process starts: **read** (the
/// arguments and the input file, parsed and checked), **build** (the graph's adjacency for a
/// CSV edge list; the events projected to edges for a dataset), **compute** (the analysis, what
/// is left) and **write** (the time inside ``Output``'s writers and the render command's file
/// writes). Peak memory is the process's maximum resident set (`getrusage`).
final class RunTimer: Sendable {
    static let shared = RunTimer()

    private struct State {
        var enabled = false
        var last: ContinuousClock.Instant
        var phases: [(name: String, seconds: Double)] = []
        var write = 0.0
    }

    private let start = ContinuousClock.now
    private let state: Mutex<State>

    private init() {
        state = Mutex(State(last: start))
    }

    /// Turns the report on (the `--time` flag).
    func enable() { state.withLock { $0.enabled = true } }

    /// Ends the current phase, naming it `name`.
    func lap(_ name: String) {
        let now = ContinuousClock.now
        state.withLock { s in
            s.phases.append((name, Self.seconds(now - s.last)))
            s.last = now
        }
    }

    /// Runs `body`, counting its time as writing.
    func writing<R>(_ body: () throws -> R) rethrows -> R {
        let t = ContinuousClock.now
        defer {
            let elapsed = Self.seconds(ContinuousClock.now - t)
            state.withLock { $0.write += elapsed }
        }
        return try body()
    }

    /// The report line, or `nil` when `--time` was not given.
    func report() -> String? {
        let now = ContinuousClock.now
        return state.withLock { s -> String? in
            guard s.enabled else { return nil }
            let total = Self.seconds(now - start)
            let measured = s.phases.reduce(0) { $0 + $1.seconds }
            let compute = max(0, total - measured - s.write)
            let parts =
                s.phases.map { "\($0.name) \(Self.format($0.seconds))" } + [
                    "compute \(Self.format(compute))", "write \(Self.format(s.write))",
                ]
            return "time: " + parts.joined(separator: ", ") + "; total \(Self.format(total)); peak memory \(Self.peakMemory())"
        }
    }

    /// The process's maximum resident set so far, in MB (Linux reports kilobytes, macOS bytes).
    static func peakMemory() -> String {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return "unknown" }
        let bytes = Double(usage.ru_maxrss)
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return "unknown" }
        let bytes = Double(usage.ru_maxrss) * 1024
        #endif
        return String(format: "%.1f MB", bytes / 1_000_000)
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    private static func format(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }
}
