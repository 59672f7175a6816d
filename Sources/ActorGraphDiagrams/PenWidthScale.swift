/// The one rule for how wide a tie is drawn: linear in its weight between the weakest and the
/// strongest tie of the drawing, from 1 to 4.5 points.
///
/// - The weakest tie is 1 point and the strongest 4.5, so the range of a drawing is always
///   visible, whatever the unit of the weight (counts, sums of mentions, costs).
/// - When all ties weigh the same they are all 1.5 points: wide enough to read, without
///   claiming a difference.
/// - A weight that is not finite is drawn 1 point. Weights are taken by magnitude, so a negative
///   tie (a signed weight) is as wide as a positive one of the same strength.
///
/// Every diagram of a graph uses it: the relationship diagram of a dataset, the diagram of a
/// plain graph and ``DOTWriter``.
///
/// - Complexity: O(n) to make from n weights, O(1) per width.
struct PenWidthScale {
    private let low: Double
    private let high: Double

    /// The scale of a drawing whose ties weigh `weights`.
    init<Weights: Sequence<Double>>(weights: Weights) {
        var low = Double.infinity, high = -Double.infinity
        for w in weights where w.isFinite {
            low = min(low, abs(w))
            high = max(high, abs(w))
        }
        (self.low, self.high) = low <= high ? (low, high) : (0, 0)
    }

    /// The pen width of a tie weighing `weight`.
    func width(of weight: Double) -> Double {
        guard weight.isFinite else { return 1 }
        return high > low ? 1 + 3.5 * (abs(weight) - low) / (high - low) : 1.5
    }
}
