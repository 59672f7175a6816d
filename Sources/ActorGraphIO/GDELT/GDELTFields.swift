/// One line of a GDELT export split at its tabs, read in place: fields are byte ranges of the
/// line, parsed on demand without building strings for the columns nobody reads.
///
/// - Complexity: splitting is O(line length); each accessor is O(field length).
struct GDELTFields {
    /// The line's bytes (valid while the caller's buffer is).
    private(set) var bytes: UnsafeBufferPointer<UInt8>
    /// Start offsets of the fields, then one past the end of the line: `count + 1` entries.
    private(set) var bounds: [Int]

    init(capacity: Int = 64) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        bounds = []
        bounds.reserveCapacity(capacity)
    }

    /// Splits `line` at its tabs (a final `\r` is not part of the last field), reusing the
    /// storage of the previous split. Eight bytes are tested at a time for a tab (the zero-byte
    /// test of Mycroft's "haszero", exact for the lowest match; every candidate is checked).
    mutating func split(_ line: UnsafeBufferPointer<UInt8>) {
        var end = line.count
        if end > 0 && line[end - 1] == 13 { end -= 1 }
        bytes = UnsafeBufferPointer(rebasing: line[0..<end])
        bounds.removeAll(keepingCapacity: true)
        bounds.append(0)
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, tabs: UInt64 = 0x0909_0909_0909_0909
            var i = 0
            while i + 8 <= end {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ tabs
                var found = (x &- ones) & ~x & highs
                while found != 0 {
                    let k = i + found.trailingZeroBitCount / 8
                    if base[k] == 9 { bounds.append(k + 1) }
                    found &= found &- 1
                }
                i += 8
            }
            while i < end {
                if base[i] == 9 { bounds.append(i + 1) }
                i += 1
            }
        }
        bounds.append(end + 1)
    }

    /// The number of fields.
    var count: Int { bounds.count - 1 }

    /// The bytes of field `i`.
    @inline(__always) func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[bounds[i]..<(bounds[i + 1] - 1)])
    }

    /// The bytes of the fields in `range` with the tabs between them.
    @inline(__always) func fields(_ range: ClosedRange<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[bounds[range.lowerBound]..<(bounds[range.upperBound + 1] - 1)])
    }

    @inline(__always) func isEmpty(_ i: Int) -> Bool { bounds[i + 1] - 1 == bounds[i] }

    /// Field `i` as text (`nil` when empty); invalid UTF-8 is repaired.
    func string(_ i: Int) -> String? {
        isEmpty(i) ? nil : String(decoding: field(i), as: UTF8.self)
    }

    /// Field `i` as a whole number (an optional sign, then digits only); `nil` otherwise.
    func int(_ i: Int) -> Int? {
        let f = field(i)
        guard !f.isEmpty else { return nil }
        var j = 0, negative = false
        if f[0] == 45 || f[0] == 43 { negative = f[0] == 45; j = 1 }
        guard j < f.count, f.count - j <= 18 else { return nil }
        var value = 0
        while j < f.count {
            let d = Int(f[j]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            j += 1
        }
        return negative ? -value : value
    }

    /// Field `i` as a finite decimal number (`-4.4`, `1.61290322580645`, `7`); `nil` otherwise.
    func double(_ i: Int) -> Double? {
        let f = field(i)
        guard !f.isEmpty, f.count < 40 else { return nil }
        // Plain decimals of up to 15 significant digits are read digit by digit; anything else
        // (exponents, longer numbers, junk) goes through the full parser.
        var j = 0, negative = false
        if f[0] == 45 || f[0] == 43 { negative = f[0] == 45; j = 1 }
        var mantissa: UInt64 = 0, significant = 0, scale = 0, seenPoint = false, anyDigit = false
        var simple = j < f.count
        while simple && j < f.count {
            let c = f[j]
            if c == 46 && !seenPoint {
                seenPoint = true
            } else if c >= 48 && c <= 57 {
                anyDigit = true
                if mantissa != 0 || c != 48 { significant += 1 }
                mantissa = mantissa &* 10 &+ UInt64(c - 48)
                if seenPoint { scale += 1 }
                if significant > 15 || scale > 22 { simple = false }
            } else {
                simple = false
            }
            j += 1
        }
        // Clinger's fast path: an integer below 2^53 divided by an exact power of ten is
        // correctly rounded, so this equals the full parser's answer.
        if simple && anyDigit {
            let value = Double(mantissa) / GDELTFields.powersOfTen[scale]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: f, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    static let powersOfTen: [Double] = (0...22).map { p in (0..<p).reduce(1.0) { a, _ in a * 10 } }

    /// True when field `i` equals `text` byte for byte.
    func equals(_ i: Int, _ text: [UInt8]) -> Bool {
        let f = field(i)
        guard f.count == text.count else { return false }
        for k in 0..<f.count where f[k] != text[k] { return false }
        return true
    }
}
