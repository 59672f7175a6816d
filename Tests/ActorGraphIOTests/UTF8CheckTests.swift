import ActorGraphCore
import Foundation
import Testing

@testable import ActorGraphIO

/// The one UTF-8 check the CSV and GraphML readers share, against the standard library's.
@Suite("UTF-8 check")
struct UTF8CheckTests {
    /// On random bytes (mostly ASCII, some multi-byte sequences, some broken), the check says
    /// "valid" exactly when `String(validating:)` does, and when it names an offset the bytes
    /// before it are valid and the bytes up to the end of the next scalar are not.
    @Test func agreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [
            Array("plain ascii text, ".utf8), Array("naïve 東京 😀".utf8), [0x00], [0xC0, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF], Array("12345678".utf8),
        ]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                bytes += generator.next() % 4 == 0 ? piece : Array("abcdefghijklmnop".utf8)
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let offset = UTF8Check.firstInvalidOffset(bytes)
            #expect((offset == nil) == valid, "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes) at \(offset)")
            }
            let nul = bytes.firstIndex(of: 0)
            let strict = UTF8Check.firstInvalidOffset(bytes, rejectingNUL: true)
            #expect(strict == [offset, nul].compactMap { $0 }.min(), "\(bytes)")
        }
    }
}
