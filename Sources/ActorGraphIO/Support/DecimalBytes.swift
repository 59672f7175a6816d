/// Reads a plain decimal number straight from bytes, with no `String` made.
///
/// Only the form `-?digits(.digits)?` with at most 19 significant digits, whose mantissa fits
/// in 53 bits and whose power of ten is at most 22, is read here: then the mantissa and the
/// power are both exact doubles and one IEEE multiplication or division rounds correctly
/// (Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990, the fast path), so the
/// value equals `Double(text)`. Anything else returns `nil` for the caller's general path.
///
/// - Complexity: O(length).
enum DecimalBytes {
    private static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// The value of `bytes[start..<end]` when it has the fast form, else `nil`.
    static func fastValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end && bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        let integerStart = i
        while i < end, case let d = bytes[i] &- 0x30, d < 10 {
            mantissa = mantissa &* 10 &+ UInt64(d)
            digits += 1
            i += 1
        }
        guard i > integerStart else { return nil }
        var fraction = 0
        if i < end {
            guard bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            let fractionStart = i
            while i < end, case let d = bytes[i] &- 0x30, d < 10 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                digits += 1
                i += 1
            }
            fraction = i - fractionStart
            guard fraction > 0, i == end else { return nil }
        }
        guard digits <= 19, mantissa <= 1 << 53, fraction <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }
}
