/// A weight as a person names it: an edge column and, where it matters, what its numbers mean.
///
/// Requests that take a measure or a path question by name (``CentralityRequest``,
/// ``PathQuery``) hold one, and turn it into the ``PathCost`` or ``TieStrength`` their analysis
/// takes, refusing combinations that do not make sense.
public struct EdgeWeight: Hashable, Sendable {
    /// The numeric edge column.
    public var column: String
    /// What the numbers mean; a path measure refuses to guess (`AnalysisError.Code.weightMeaningRequired`).
    public var meaning: WeightMeaning?
    /// How a strength becomes a cost on a path measure; `nil` for the default, ``StrengthToCost/inverse``.
    public var conversion: StrengthToCost?

    public init(column: String, meaning: WeightMeaning? = nil, conversion: StrengthToCost? = nil) {
        self.column = column
        self.meaning = meaning
        self.conversion = conversion
    }

    /// The path cost this weight gives, for the analysis named `analysis` (in messages).
    /// - Throws: `AnalysisError.Code.weightMeaningRequired` without a meaning;
    ///   `AnalysisError.Code.invalidOption` (option `conversion`) with a conversion on a cost.
    public func pathCost(for analysis: String) throws -> PathCost {
        switch meaning {
        case nil:
            throw AnalysisError(
                .weightMeaningRequired,
                """
                \(analysis) measures path lengths, so say what '\(column)' means: a cost if bigger means \
                farther (a distance), or a strength if bigger means a stronger, closer tie (converted to a \
                cost, by default cost = 1/\(column))
                """, option: "meaning")
        case .cost?:
            if conversion != nil {
                throw AnalysisError.option(
                    "conversion", "a strength-to-cost conversion applies only to a weight read as a strength, not to the cost '\(column)'")
            }
            return .cost(column: column)
        case .strength?:
            return .strength(column: column, conversion: conversion ?? .inverse)
        }
    }

    /// The tie strength this weight gives, for the analysis named `analysis` (in messages).
    /// - Throws: `AnalysisError.Code.invalidOption` (option `meaning`) for a cost, and (option
    ///   `conversion`) for a conversion, which only path measures use.
    public func tieStrength(for analysis: String) throws -> TieStrength {
        if meaning == .cost {
            throw AnalysisError.option(
                "meaning", "\(analysis) adds up tie strengths; the cost column '\(column)' cannot be used (read it as a strength, or leave its meaning unsaid)")
        }
        if conversion != nil {
            throw AnalysisError.option(
                "conversion", "a strength-to-cost conversion applies only to path measures (betweenness, closeness, harmonic, paths), not \(analysis)")
        }
        return .column(column)
    }
}
