/// Receives `(done, total)` as a long analysis advances; called from any thread, so it must be
/// cheap and thread-safe.
public typealias ProgressReporter = @Sendable (_ done: Int, _ total: Int) -> Void

/// How a long analysis runs, as opposed to what it computes: where it reports progress and how
/// many threads it may use.
///
/// Passed explicitly to the analyses that loop over every source (betweenness, edge
/// betweenness, closeness, harmonic) and to clustering, so nothing depends on ambient state:
///
/// ```swift
/// let run = ExecutionOptions(progress: { done, total in print(done, "/", total) }, threads: 4)
/// let scores = try Centrality.betweenness(graph, execution: run)
/// ```
///
/// Neither field changes a result, bit for bit: the work is cut into chunks whose boundaries
/// depend on the problem size only, and partial sums are added in chunk order, so one thread and
/// sixteen give the same `Double`s.
///
/// An explicit value replaces the task-local reporter of earlier versions, whose binding from a
/// synchronous `main` crashed optimised builds (Swift 6.3.1, `swift_task_localValuePush`).
public struct ExecutionOptions: Sendable {
    /// Called with the units done and the total; `nil` (the default) reports nothing.
    public var progress: ProgressReporter?
    /// The most threads to run at once; `nil` (the default) uses every core the machine has
    /// online. Must be at least 1.
    public var threads: Int?

    public init(progress: ProgressReporter? = nil, threads: Int? = nil) {
        precondition(threads.map { $0 >= 1 } ?? true, "threads must be at least 1")
        self.progress = progress
        self.threads = threads
    }
}
