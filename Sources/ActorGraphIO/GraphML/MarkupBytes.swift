/// The two byte tests the pre-parse scans of a GraphML document share
/// (`EntityDeclarationScan`, `ProcessingInstructionScan`): whether a token starts at an offset,
/// and where the next closing token ends.
///
/// - Complexity: ``starts(_:at:)`` O(token length); ``skip(past:from:)`` O(bytes skipped ×
///   token length). No allocation.
struct MarkupBytes {
    let bytes: [UInt8]

    /// Whether `token` stands at offset `j`.
    func starts(_ token: [UInt8], at j: Int) -> Bool {
        guard j + token.count <= bytes.count else { return false }
        for k in token.indices where bytes[j + k] != token[k] { return false }
        return true
    }

    /// The offset just after the next `end` from `j`, or the end of the bytes.
    func skip(past end: [UInt8], from j: Int) -> Int {
        var k = j
        while k < bytes.count && !starts(end, at: k) { k += 1 }
        return min(k + end.count, bytes.count)
    }
}
