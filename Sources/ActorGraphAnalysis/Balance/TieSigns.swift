public import ActorGraphCore

/// How the tones of a tie's events make the tie's sign.
///
/// Tones are Goldstein scores (-10 most hostile, +10 most cooperative; Goldstein 1992). A tie's
/// value is the ``sum``, ``mean`` or ``latest`` tone of its events that carry one; the sign is
/// that of the value, and a value whose magnitude is at most the neutral threshold is neutral
/// (no sign). Events without a tone do not count; a tie without toned events is neutral.
public enum SignRule: String, Hashable, Sendable, CaseIterable {
    /// The sum of the tones: many mild contacts can outweigh one hostile act.
    case sum
    /// The mean tone: the typical character of the relation, whatever its volume (the default).
    case mean
    /// The tone of the latest event (by its last day, then file order): the state of the
    /// relation at the end of the window.
    case latest
}

/// Whether an event belongs to the cooperation or the conflict layer of a signed view: by the
/// sign of its tone (an event with tone 0 or none is in neither).
public enum ToneLayer: String, Hashable, Sendable, CaseIterable {
    /// Events with a positive tone.
    case cooperation
    /// Events with a negative tone.
    case conflict

    /// Whether `event` is in this layer.
    public func contains(_ event: EventRecord) -> Bool {
        guard let tone = event.tone else { return false }
        return self == .cooperation ? tone > 0 : tone < 0
    }
}

/// The sign (+1, -1, or 0 for neutral) and the value behind it of every edge of a graph.
public struct TieSigns: Hashable, Sendable {
    /// The value of each edge (by `EdgeID.index`): a tone aggregate or a column's value; NaN when
    /// the edge has none.
    public let values: [Double]
    /// The sign of each edge: +1, -1, or 0 when the value is NaN or within the neutral threshold.
    public let signs: [Int8]
    /// How the values were made, for output: `mean tone`, `column weight`, ...
    public let rule: String
    /// Values with a magnitude at most this are neutral.
    public let neutral: Double
    /// For a dataset's projection, the events whose tones made each edge's value (by
    /// `EdgeID.index`); empty for signs read from a column.
    public let signingEvents: [[EventID]]

    /// Signs from given values.
    /// - Precondition: `neutral` is finite and >= 0.
    public init(values: [Double], rule: String, neutral: Double = 0, signingEvents: [[EventID]] = []) {
        precondition(neutral.isFinite && neutral >= 0, "the neutral threshold must be a finite number >= 0")
        precondition(signingEvents.isEmpty || signingEvents.count == values.count, "signing events per edge")
        self.values = values
        self.rule = rule
        self.neutral = neutral
        self.signingEvents = signingEvents
        signs = values.map { v in v.isNaN || abs(v) <= neutral ? 0 : (v > 0 ? 1 : -1) }
    }

    /// Signs of a dataset projection's edges from their events' tones.
    ///
    /// A directed event (one with a `source` and a `target`) signs only the tie between its source
    /// and its target (after roll-up): South Korea's boycott of Japan makes South Korea and Japan
    /// hostile, not the Japanese firms it names with each other, nor the WTO that hears a
    /// complaint with the parties. An undirected event (a meeting) signs every tie it forms.
    /// - Complexity: O(events of all edges).
    public init(projection: EventProjection, dataset: Dataset, rule: SignRule = .mean, neutral: Double = 0) {
        func signs(_ event: EventID, _ edge: ProjectedEdge) -> Bool {
            let record = dataset[event]
            guard record.tone != nil else { return false }
            guard let source = record.source, let target = record.target else { return true }
            let s = projection.representative[source.index], t = projection.representative[target.index]
            return (s == edge.source && t == edge.target) || (s == edge.target && t == edge.source)
        }
        let signing = projection.edges.map { edge in edge.events.filter { signs($0, edge) } }
        let values = zip(projection.edges, signing).map { edge, toned -> Double in
            guard !toned.isEmpty else { return .nan }
            switch rule {
            case .sum:
                return toned.reduce(0) { $0 + dataset[$1].tone! }
            case .mean:
                return toned.reduce(0) { $0 + dataset[$1].tone! } / Double(toned.count)
            case .latest:
                // The last event by its last day; among events ending the same day, the last in the file.
                let last = toned.max { (dataset[$0].date.end, $0.index) < (dataset[$1].date.end, $1.index) }!
                return dataset[last].tone!
            }
        }
        self.init(values: values, rule: "\(rule.rawValue) tone", neutral: neutral, signingEvents: signing)
    }

    /// Signs from the numeric edge column `column` (a `sign` column of +1/-1, or any signed
    /// weight): the sign of each edge's value.
    /// - Throws: ``AnalysisError`` when the column is missing or holds text.
    public init(graph: Graph, column: String, neutral: Double = 0) throws(AnalysisError) {
        guard let values = graph.edgeColumn(column) else {
            let available = graph.edgeColumnNames
            throw AnalysisError(
                .unknownAttribute,
                "no numeric edge column '\(column)' to sign the ties (numeric columns: \(available.isEmpty ? "none" : available.joined(separator: ", ")))")
        }
        if let i = values.firstIndex(where: { $0.isInfinite }) {
            throw AnalysisError(
                .invalidValue, "\(graph.describe(EdgeID(i))) has \(column) = \(values[i]); a sign needs a finite number",
                location: graph.location(of: EdgeID(i)))
        }
        self.init(values: Array(values), rule: "column \(column)", neutral: neutral)
    }
}
