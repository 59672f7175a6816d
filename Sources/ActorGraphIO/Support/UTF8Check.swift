/// Where a file's bytes stop being well-formed UTF-8, for readers that refuse anything else with
/// a located error (CSV edge lists, GraphML).
enum UTF8Check {
    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and code points past U+10FFFF included), or with `rejectingNUL` of the
    /// first NUL byte, whichever comes first; `nil` when there is none.
    ///
    /// - Complexity: O(n), eight ASCII bytes at a time.
    static func firstInvalidOffset(_ bytes: [UInt8], rejectingNUL: Bool = false) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            let raw = UnsafeRawBufferPointer(b)
            while i < n {
                // Eight ASCII bytes at a time (none NUL, when NUL is refused), the common case.
                if i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let hasNUL = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                    if word & 0x8080_8080_8080_8080 == 0 && !(rejectingNUL && hasNUL) {
                        i += 8
                        continue
                    }
                }
                let lead = b[i]
                if lead < 0x80 {
                    if lead == 0 && rejectingNUL { return i }
                    i += 1
                    continue
                }
                let length: Int
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return i
                }
                guard i + length <= n else { return i }
                var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length {
                    let next = b[i + k]
                    guard next & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if length == 3 && (scalar < 0x800 || (0xD800...0xDFFF).contains(scalar)) { return i }
                if length == 4 && (scalar < 0x10000 || scalar > 0x10FFFF) { return i }
                i += length
            }
            return nil
        }
    }
}
