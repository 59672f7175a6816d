import Foundation
import Testing

@testable import ActorGraphIO

/// The CSV reader's name interner and in-place number reader, against the plain Swift
/// equivalents they replace: a `[String: Int]` dictionary and `Double(String)`.
@Suite("Byte interner and in-place numbers")
struct ByteInternerTests {
    /// Ids in first-appearance order, equal keys equal ids, for keys that share their first 8
    /// bytes, differ only in length, are empty or long, with and without over-reading, across
    /// several table growths.
    @Test func internsLikeADictionary() {
        var generator = SystemRandomNumberGenerator()
        var keys: [String] = [
            "", "a", "ab", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefgh\u{0}", "\u{0}", "naïve", "東京", String(repeating: "x", count: 300),
            "0", "00", "007", "7", "65535", "65536", "999999999", "1000000000", "-1",
        ]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...20, using: &generator)
            keys.append(String((0..<length).map { _ in "abc01234567".randomElement(using: &generator)! }))
        }
        keys += keys.shuffled(using: &generator) // every key twice, in another order
        // One buffer holding every key back to back, then 8 bytes of padding.
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for key in keys {
            let start = buffer.count
            buffer += Array(key.utf8)
            ranges.append(start..<buffer.count)
        }
        buffer += [UInt8](repeating: 0xFF, count: 8)
        for overread in [false, true] {
            var interner = ByteInterner(expected: 4)
            var expected: [String: UInt32] = [:]
            buffer.withUnsafeBytes { raw in
                for (key, range) in zip(keys, ranges) {
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[range])
                    let id = overread ? interner.intern(ByteInterner.key(bytes, overread: true)) : interner.intern(bytes)
                    let want = expected[key] ?? UInt32(expected.count)
                    expected[key] = want
                    #expect(id == want, "key \(key.debugDescription)")
                }
            }
            #expect(interner.count == expected.count)
            let strings = interner.strings()
            #expect(strings.count == expected.count)
            for (key, id) in expected { #expect(strings[Int(id)] == key) }
        }
    }

    /// Every decimal the fast path accepts reads bit for bit as `Double(String)` does, and the
    /// forms it must leave to the general path (exponents, `+`, bare dots, too many digits) are
    /// left.
    @Test func decimalsEqualDoubleParsing() {
        var generator = SystemRandomNumberGenerator()
        var texts = [
            "0", "-0", "0.0", "1", "10", "0.1", "0.3", "123456789.123456789", "9007199254740993", "9007199254740992",
            "1.7976931348623157", "0.0000000000000000000001", "00012.500", "-2.5",
        ]
        for _ in 0..<50_000 {
            let integer = String(UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator))
            let fraction = String(UInt64.random(in: 0...UInt64.max, using: &generator)).prefix(Int.random(in: 0...20, using: &generator))
            texts.append((Bool.random(using: &generator) ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction))
        }
        var accepted = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { DecimalBytes.fastValue($0, 0, $0.count) }
            guard let fast else { continue }
            accepted += 1
            let reference = Double(text)!
            #expect(fast.bitPattern == reference.bitPattern, "\(text): \(fast) != \(reference)")
        }
        #expect(accepted > texts.count / 4) // the fast path is exercised, not skipped
        for text in ["1e5", "+1", ".5", "5.", ".", "-", "", "1.2.3", "0x10", "12345678901234567890", "1.00000000000000000000001", " 1"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { DecimalBytes.fastValue($0, 0, $0.count) } == nil, "\(text)")
        }
    }
}
