/// What the numbers in a weight column mean.
///
/// A tie has a **strength** (more contact = stronger: meeting counts, tone sums); a path needs a
/// **cost** (smaller = closer: distances, latencies). networkx and igraph take whatever `weight`
/// they are given as a cost in paths and closeness and as a strength in PageRank and strength,
/// which is the most frequent confusion their users report (networkx #860, rigraph #99,
/// igraph #1040). ActorGraph never converts implicitly: a path measure takes a ``PathCost``, a
/// measure that adds weights takes a ``TieStrength``, and turning strengths into costs is a named
/// ``StrengthToCost`` choice.
public enum WeightMeaning: String, Hashable, Sendable, CaseIterable {
    /// Already a cost: used as is (must be finite and >= 0).
    case cost
    /// A strength: converted to a cost by a ``StrengthToCost`` rule where a path needs one.
    case strength
}
