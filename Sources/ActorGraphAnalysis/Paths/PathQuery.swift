public import ActorGraphCore

/// A path question as a user asks it ("how does A reach B?"), checked and answered in one
/// place so the command line and programs agree on its rules.
///
/// Rules: paths are unweighted (fewest hops) unless a weight column is named, and a named
/// column must say what it means (``WeightMeaning``): a cost is used as is, a strength is
/// converted by a ``StrengthToCost`` rule (default inverse). Time-respecting paths use dates,
/// never weights.
public struct PathQuery: Hashable, Sendable {
    /// Which paths to list.
    public enum Mode: Hashable, Sendable {
        /// One least-cost path.
        case shortest
        /// Every least-cost path (networkx `all_shortest_paths`).
        case all
        /// The k least-cost simple paths (Yen 1971).
        case kShortest(Int)
        /// The earliest-arriving time-respecting path (Holme & Saramäki 2012).
        case timeRespecting(TemporalOrder)
    }

    public var mode: Mode
    /// A numeric edge column to weigh hops by and what it means, or `nil` for hop counts.
    public var weight: EdgeWeight?
    /// The most paths `.all` lists.
    public var maxPaths: Int

    public init(mode: Mode = .shortest, weight: EdgeWeight? = nil, maxPaths: Int = 10_000) {
        self.mode = mode
        self.weight = weight
        self.maxPaths = maxPaths
    }

    /// Checks the combination of options, before any data is read.
    /// - Throws: ``AnalysisError`` `.invalidOption` naming the option field
    ///   (`k`, `weight`, `maxPaths`), or `AnalysisError.Code.weightMeaningRequired`.
    public func validate() throws {
        if case .kShortest(let k) = mode, k < 1 {
            throw AnalysisError.option("k", "the number of paths k must be at least 1")
        }
        if case .timeRespecting = mode, weight != nil {
            throw AnalysisError.option("weight", "time-respecting paths follow event dates and take no weight")
        }
        if maxPaths < 1 { throw AnalysisError.option("maxPaths", "the path limit must be at least 1") }
        _ = try cost()
    }

    /// What a hop costs under this query.
    /// - Throws: ``AnalysisError`` from ``EdgeWeight/pathCost(for:)``.
    public func cost() throws -> PathCost {
        try weight?.pathCost(for: "a shortest path") ?? .hops
    }

    /// One or more paths from `source` to `target` of `graph`, cheapest first, and whether
    /// `.all` stopped at ``maxPaths``. Time-respecting paths need events: ask the projection
    /// (``run(on:from:to:)-(EventProjection,_,_)``).
    /// - Throws: ``AnalysisError`` `.noPath` ("no path from A to B") when
    ///   `target` cannot be reached; `AnalysisError.Code.invalidOption` for a bad combination
    ///   or a time-respecting query on a bare graph; weight errors from ``PathCost``.
    /// - Complexity: that of the search chosen by ``mode``.
    public func run(on graph: Graph, from source: NodeID, to target: NodeID) throws -> PathAnswer {
        try answer(graph: graph, projection: nil, from: source, to: target)
    }

    /// One or more paths from `source` to `target` of the projection's graph; time-respecting
    /// paths read the events behind its edges. Throws as ``run(on:from:to:)-(Graph,_,_)``.
    public func run(on projection: EventProjection, from source: NodeID, to target: NodeID) throws -> PathAnswer {
        try answer(graph: projection.graph, projection: projection, from: source, to: target)
    }

    private func answer(graph: Graph, projection: EventProjection?, from source: NodeID, to target: NodeID) throws -> PathAnswer {
        try validate()
        let paths: [GraphPath]
        var truncated = false
        switch mode {
        case .shortest:
            let options = PathOptions(costs: try cost().costs(in: graph))
            paths = ShortestPaths.path(in: graph, from: source, to: target, options: options).map { [$0] } ?? []
        case .all:
            let set = ShortestPaths.all(
                in: graph, from: source, to: target,
                options: PathOptions(costs: try cost().costs(in: graph), maxPaths: maxPaths))
            paths = set.paths
            truncated = set.isTruncated
        case .kShortest(let k):
            paths = ShortestPaths.kShortestSimple(
                in: graph, from: source, to: target, k: k,
                options: PathOptions(costs: try cost().costs(in: graph)))
        case .timeRespecting(let order):
            guard let projection else {
                throw AnalysisError.option("mode", "time-respecting paths need events with dates (a projected dataset), not a bare graph")
            }
            paths =
                TimeRespectingPaths.path(
                    in: projection, from: source, to: target,
                    options: TimeRespectingOptions(order: order)
                ).map { [$0.path] } ?? []
        }
        guard !paths.isEmpty else {
            var message = "no path from \(graph.name(of: source)) to \(graph.name(of: target))"
            if case .timeRespecting = mode { message += " that respects the order of events" }
            throw AnalysisError(.noPath, message)
        }
        return PathAnswer(paths: paths, isTruncated: truncated)
    }
}

/// The paths a ``PathQuery`` found.
public struct PathAnswer: Hashable, Sendable {
    /// At least one path, cheapest first.
    public let paths: [GraphPath]
    /// True when ``PathQuery/Mode/all`` stopped at ``PathQuery/maxPaths`` and more exist.
    public let isTruncated: Bool
}
