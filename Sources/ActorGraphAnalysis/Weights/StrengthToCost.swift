#if canImport(Glibc)
import func Glibc.log
#elseif canImport(Musl)
import func Musl.log
#elseif canImport(Darwin)
import func Darwin.log
#endif

/// How a tie strength becomes a path cost: the one named conversion between a ``TieStrength``
/// and a ``PathCost``.
public enum StrengthToCost: String, Hashable, Sendable, CaseIterable {
    /// `cost = 1 / strength` (strength must be > 0). Two meetings make a tie half as long as one.
    /// The usual choice for count data (Opsahl, Agneessens & Skvoretz 2010).
    case inverse
    /// `cost = -ln(strength / max strength)` (strength must be > 0): the strongest tie costs 0,
    /// and the cost of a path is minus the log of the product of relative strengths.
    case negativeLog

    /// The costs of `strengths`, each finite and > 0 (checked by the caller). O(edges).
    func costs(_ strengths: ContiguousArray<Double>) -> ContiguousArray<Double> {
        switch self {
        case .inverse:
            return ContiguousArray(strengths.lazy.map { 1 / $0 })
        case .negativeLog:
            let top = strengths.max() ?? 1
            return ContiguousArray(strengths.lazy.map { Swift.max(0, -log($0 / top)) })
        }
    }
}
