/// Where long analyses report how far they are, so a command-line tool can show progress.
///
/// Analyses that run over all sources (betweenness, closeness, harmonic) call the reporter with
/// the units done and the total as they go, from any thread. Nothing is reported unless a
/// caller sets one, for the duration of a call:
///
/// ```swift
/// try AnalysisProgress.$reporter.withValue({ done, total in print(done, "/", total) }) {
///     try Centrality.betweenness(graph)
/// }
/// ```
public enum AnalysisProgress {
    /// Receives `(done, total)`; must be cheap and thread-safe.
    public typealias Reporter = @Sendable (_ done: Int, _ total: Int) -> Void

    /// The reporter in effect for the current task (none by default).
    @TaskLocal public static var reporter: Reporter?
}
