/// Receives `(done, total)` as a long analysis advances; called from any thread, so it must be
/// cheap and thread-safe.
public typealias ProgressReporter = @Sendable (_ done: Int, _ total: Int) -> Void

/// How a long analysis runs, as opposed to what it computes: where it reports progress (and,
/// later, how many threads it may use).
///
/// Passed explicitly to the analyses that loop over every source (betweenness, edge
/// betweenness, closeness, harmonic), so nothing depends on ambient state:
///
/// ```swift
/// let run = ExecutionOptions(progress: { done, total in print(done, "/", total) })
/// let scores = try Centrality.betweenness(graph, execution: run)
/// ```
///
/// An explicit value replaces the task-local reporter of earlier versions, whose binding from a
/// synchronous `main` crashed optimised builds (Swift 6.3.1, `swift_task_localValuePush`).
public struct ExecutionOptions: Sendable {
    /// Called with the units done and the total; `nil` (the default) reports nothing.
    public var progress: ProgressReporter?

    public init(progress: ProgressReporter? = nil) {
        self.progress = progress
    }
}
