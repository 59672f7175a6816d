import ActorGraphCore

/// The one place where a weight column is looked up and checked, for every analysis.
///
/// A column that does not exist, a column of text, an edge without a value and a value out of
/// range for its use each give one ``AnalysisError`` with the same wording whichever analysis
/// asked, naming the edge (and its events) and located at its file and line.
enum WeightColumn {
    /// What the values must be.
    enum Rule {
        /// A path cost: finite and >= 0.
        case cost
        /// A tie strength that is added up: finite and >= 0.
        case strength
        /// A tie strength converted to a cost: finite and > 0.
        case convertibleStrength

        var requirement: String {
            switch self {
            case .cost: "a cost must be a finite number >= 0"
            case .strength: "a strength must be a finite number >= 0"
            case .convertibleStrength: "a strength converted to a cost must be a finite number > 0"
            }
        }

        func accepts(_ v: Double) -> Bool {
            switch self {
            case .cost, .strength: v.isFinite && v >= 0
            case .convertibleStrength: v.isFinite && v > 0
            }
        }
    }

    /// The values of the numeric edge column `column`, checked against `rule`.
    ///
    /// - Parameter missingCountsOne: an edge without a value weighs 1 instead of being an error
    ///   (networkx's reading of an implicit `weight="weight"`).
    /// - Throws: ``AnalysisError`` `.missingWeight` (no such column, or an
    ///   edge without a value) or `AnalysisError.Code.invalidWeight` (a column of text, a value
    ///   out of range).
    /// - Complexity: O(edges).
    static func values(_ graph: Graph, _ column: String, rule: Rule, missingCountsOne: Bool = false) throws
        -> ContiguousArray<Double>
    {
        guard var values = graph.edgeColumn(column) else { throw absent(graph, column) }
        for i in values.indices where !rule.accepts(values[i]) {
            let v = values[i], edge = EdgeID(i)
            if v.isNaN && missingCountsOne {
                values[i] = 1
            } else if v.isNaN {
                throw AnalysisError(
                    .missingWeight,
                    "\(graph.describe(edge)) has no value for '\(column)' (its field is empty, missing or NaN); every edge needs a number",
                    edge: edge, in: graph)
            } else {
                throw AnalysisError(
                    .invalidWeight, "\(graph.describe(edge)) has \(column) = \(v); \(rule.requirement)",
                    edge: edge, in: graph)
            }
        }
        return values
    }

    /// Why the numeric column `column` cannot be read: it holds text (naming the first value
    /// that is not a number and its edge: `AnalysisError.Code.invalidWeight`), or no edge has
    /// it (listing the numeric columns: `AnalysisError.Code.missingWeight`).
    static func absent(_ graph: Graph, _ column: String) -> AnalysisError {
        if let text = graph.edgeTextColumn(column), let i = text.firstIndex(where: { $0 != nil }), let value = text[i] {
            let e = graph.edges[i]
            return AnalysisError(
                .invalidWeight,
                "edge attribute '\(column)' holds text, not numbers ('\(value)' on edge "
                    + "\(graph.name(of: e.source)) -> \(graph.name(of: e.target))); every value must be a number",
                edge: EdgeID(i), in: graph)
        }
        let numeric = graph.edgeColumnNames
        return AnalysisError(
            .missingWeight,
            "no edge attribute '\(column)' (numeric edge attributes: \(numeric.isEmpty ? "none" : numeric.joined(separator: ", ")))")
    }
}
