#if canImport(Glibc)
import func Glibc.log
#elseif canImport(Musl)
import func Musl.log
#elseif canImport(Darwin)
import func Darwin.log
#endif

/// What the numbers in a weight column mean.
///
/// A tie has a **strength** (more contact = stronger: meeting counts, tone sums); a path needs a
/// **cost** (smaller = closer: distances, latencies). networkx and igraph take whatever `weight`
/// they are given as a cost in paths and closeness and as a strength in PageRank and strength,
/// which is the most frequent confusion their users report (networkx #860, rigraph #99,
/// igraph #1040). ActorGraph never converts implicitly: a path measure takes costs, and turning
/// strengths into costs is a named ``StrengthToCost`` choice.
public enum WeightMeaning: String, Hashable, Sendable, CaseIterable {
    /// Already a cost: used as is (must be finite and >= 0).
    case cost
    /// A strength: converted to a cost by a ``StrengthToCost`` rule.
    case strength
}

/// How a strength becomes a cost.
public enum StrengthToCost: String, Hashable, Sendable, CaseIterable {
    /// `cost = 1 / strength` (strength must be > 0). Two meetings make a tie half as long as one.
    /// The usual choice for count data (Opsahl, Agneessens & Skvoretz 2010).
    case inverse
    /// `cost = -ln(strength / max strength)` (strength must be > 0): the strongest tie costs 0,
    /// and the cost of a path is minus the log of the product of relative strengths.
    case negativeLog
}

/// A weight that cannot serve as asked: negative or NaN costs, non-positive strengths.
public struct WeightError: EdgeLocatedError, Hashable, Sendable {
    public let edge: EdgeID
    public let value: Double
    public let message: String
    /// `FILE:LINE` of the edge when its graph was read from a file (``Graph/location(of:)``).
    public let location: String?
    public init(edge: EdgeID, value: Double, message: String, location: String? = nil) {
        self.edge = edge
        self.value = value
        self.message = message
        self.location = location
    }
    public var description: String { message }
}

extension Graph {
    /// Per-edge costs for path measures, from the numeric column `column` read as `meaning`.
    ///
    /// With `column == nil` every edge costs 1 (hop count). A missing value in the column is an
    /// error, never a silent default.
    /// - Throws: ``WeightError`` naming the first offending edge and its value.
    /// - Complexity: O(edges).
    public func costs(column: String?, meaning: WeightMeaning, conversion: StrengthToCost = .inverse)
        throws -> ContiguousArray<Double> {
        guard let column else { return ContiguousArray(repeating: 1, count: edgeCount) }
        guard let values = edgeColumn(column) else {
            throw WeightError(edge: EdgeID(0), value: .nan, message: missingColumnMessage(column))
        }
        switch meaning {
        case .cost:
            for (i, v) in values.enumerated() where !(v.isFinite && v >= 0) {
                throw WeightError(edge: EdgeID(i), value: v,
                                  message: "\(describe(EdgeID(i))) has \(column) = \(v); a cost must be a finite number >= 0",
                                  location: location(of: EdgeID(i)))
            }
            return values
        case .strength:
            for (i, v) in values.enumerated() where !(v.isFinite && v > 0) {
                throw WeightError(edge: EdgeID(i), value: v,
                                  message: "\(describe(EdgeID(i))) has \(column) = \(v); a strength converted to a cost must be a finite number > 0",
                                  location: location(of: EdgeID(i)))
            }
            switch conversion {
            case .inverse:
                return ContiguousArray(values.lazy.map { 1 / $0 })
            case .negativeLog:
                let top = values.max() ?? 1
                return ContiguousArray(values.lazy.map { Swift.max(0, -log($0 / top)) })
            }
        }
    }
}

extension Graph {
    /// Why the numeric edge column `column` cannot be read: it holds text (naming the first
    /// value that is not a number and its edge), or no edge has it (listing the numeric columns).
    public func missingColumnMessage(_ column: String) -> String {
        if let text = edgeTextColumn(column), let i = text.firstIndex(where: { $0 != nil }) {
            let e = edges[i]
            return "edge attribute '\(column)' holds text, not numbers ('\(text[i]!)' on edge "
                + "\(name(of: e.source)) -> \(name(of: e.target))); every value must be a number"
        }
        let numeric = edgeColumnNames
        return "no edge attribute '\(column)' (numeric edge attributes: \(numeric.isEmpty ? "none" : numeric.joined(separator: ", ")))"
    }
}
