/// The four families GDELT groups CAMEO codes into ("QuadClass"), by the code's two-digit root.
///
/// GDELT 1.0's event codebook: root codes 01-05 are verbal cooperation, 06-09 material
/// cooperation, 10-14 verbal conflict, 15-20 material conflict. The family of `0242` is that of
/// its root `02`: verbal cooperation.
public enum CAMEOQuadClass: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Roots 01-05: make a public statement, appeal, express intent to cooperate, consult, engage
    /// in diplomatic cooperation.
    case verbalCooperation = 1
    /// Roots 06-09: material cooperation, provide aid, yield, investigate.
    case materialCooperation = 2
    /// Roots 10-14: demand, disapprove, reject, threaten, protest.
    case verbalConflict = 3
    /// Roots 15-20: exhibit force posture, reduce relations, coerce, assault, fight, mass violence.
    case materialConflict = 4

    /// The family of a CAMEO code: two to four digits whose first two, the root, are 01-20.
    /// `nil` for anything else (`"21"`, `"4"`, `"04a"`).
    /// - Complexity: O(1).
    public init?(code: String) {
        guard let root = CAMEOQuadClass.root(of: code) else { return nil }
        switch root {
        case 1...5: self = .verbalCooperation
        case 6...9: self = .materialCooperation
        case 10...14: self = .verbalConflict
        default: self = .materialConflict
        }
    }

    /// The two-digit root of a CAMEO code as a number 1-20, or `nil` when `code` is not two to
    /// four ASCII digits with a root in 01-20.
    public static func root(of code: String) -> Int? {
        let digits = Array(code.utf8)
        guard (2...4).contains(digits.count), digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let root = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        return (1...20).contains(root) ? root : nil
    }

    public var isCooperation: Bool { self == .verbalCooperation || self == .materialCooperation }
    public var isConflict: Bool { !isCooperation }

    /// `verbal cooperation`, `material conflict`, ...
    public var description: String {
        switch self {
        case .verbalCooperation: "verbal cooperation"
        case .materialCooperation: "material cooperation"
        case .verbalConflict: "verbal conflict"
        case .materialConflict: "material conflict"
        }
    }
}
