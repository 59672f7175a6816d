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
    /// A numeric edge column to weigh hops by, or `nil` for hop counts.
    public var weight: String?
    /// What ``weight`` means; required when ``weight`` is set.
    public var weightMeaning: WeightMeaning?
    /// How a strength becomes a cost; only with ``WeightMeaning/strength`` (default inverse).
    public var conversion: StrengthToCost?
    /// The most paths `.all` lists.
    public var maxPaths: Int

    public init(mode: Mode = .shortest, weight: String? = nil, weightMeaning: WeightMeaning? = nil,
                conversion: StrengthToCost? = nil, maxPaths: Int = 10_000) {
        self.mode = mode
        self.weight = weight
        self.weightMeaning = weightMeaning
        self.conversion = conversion
        self.maxPaths = maxPaths
    }

    /// Checks the combination of options, before any data is read.
    /// - Throws: ``PathError`` with code `invalidArgument` and a message naming the options.
    public func validate() throws {
        if weight != nil && weightMeaning == nil {
            throw PathError(.invalidArgument,
                "--weight needs --weight-as cost|strength: say whether a bigger value means a longer (cost) or a stronger (strength) tie")
        }
        if weight == nil && weightMeaning != nil {
            throw PathError(.invalidArgument, "--weight-as needs --weight ATTR")
        }
        if conversion != nil && weightMeaning != .strength {
            throw PathError(.invalidArgument, "--conversion applies only with --weight-as strength")
        }
        if case .kShortest(let k) = mode, k < 1 {
            throw PathError(.invalidArgument, "--k must be at least 1")
        }
        if case .timeRespecting = mode, weight != nil {
            throw PathError(.invalidArgument, "time-respecting paths follow event dates and take no --weight")
        }
        if maxPaths < 1 { throw PathError(.invalidArgument, "the path limit must be at least 1") }
    }

    /// The edge costs this query uses on `graph`.
    /// - Throws: ``WeightError`` for a missing column or an invalid value.
    public func costs(on graph: Graph) throws -> EdgeCosts {
        try EdgeCosts(graph: graph, column: weight, meaning: weightMeaning ?? .cost, conversion: conversion ?? .inverse)
    }

    /// The answer: one or more paths from `source` to `target`, cheapest first, and whether
    /// `.all` stopped at ``maxPaths``.
    /// - Parameter dataset: the dataset behind `graph`; required for time-respecting paths.
    /// - Throws: ``PathError`` `noPath` ("no path from A to B") when `target` cannot be
    ///   reached; ``PathError`` `invalidArgument` for a bad combination or a time-respecting
    ///   query without a dataset; ``WeightError`` for bad weights.
    /// - Complexity: that of the search chosen by ``mode``.
    public func run(on graph: Graph, dataset: Dataset?, from source: NodeID, to target: NodeID) throws -> PathAnswer {
        try validate()
        let paths: [GraphPath]
        var truncated = false
        switch mode {
        case .shortest:
            let options = PathOptions(costs: try costs(on: graph))
            paths = ShortestPaths.path(in: graph, from: source, to: target, options: options).map { [$0] } ?? []
        case .all:
            let set = ShortestPaths.all(in: graph, from: source, to: target,
                                        options: PathOptions(costs: try costs(on: graph), maxPaths: maxPaths))
            paths = set.paths
            truncated = set.isTruncated
        case .kShortest(let k):
            paths = ShortestPaths.kShortestSimple(in: graph, from: source, to: target, k: k,
                                                  options: PathOptions(costs: try costs(on: graph)))
        case .timeRespecting(let order):
            guard let dataset else {
                throw PathError(.invalidArgument, "time-respecting paths need a dataset (events with dates), not a bare graph")
            }
            paths = try TimeRespectingPaths.path(in: graph, dataset: dataset, from: source, to: target,
                                                 options: TimeRespectingOptions(order: order)).map { [$0.path] } ?? []
        }
        guard !paths.isEmpty else {
            var message = "no path from \(graph.name(of: source)) to \(graph.name(of: target))"
            if case .timeRespecting = mode { message += " that respects the order of events" }
            throw PathError(.noPath, message)
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
