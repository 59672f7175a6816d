/// The node centrality measures, one per file in `Centrality/`.
///
/// Each takes a graph and an options struct whose defaults mirror a named networkx call, and
/// returns ``CentralityScores`` (or ``EdgeCentralityScores``). Path measures (betweenness,
/// closeness, harmonic) read weights as **costs** (``PathCost``); the others read them as
/// **strengths** (``TieStrength``).
public enum Centrality {}

/// Which edges a degree counts in a directed graph.
public enum DegreeDirection: String, Hashable, Sendable, CaseIterable {
    /// In + out (networkx `G.degree`).
    case all
    /// Incoming edges only.
    case `in`
    /// Outgoing edges only.
    case out
}
