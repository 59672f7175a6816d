#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a byte stream into lines, chunk by chunk, numbering them from 1: a line split across two
/// chunks is carried over, so memory stays one chunk plus one line whatever the file's size.
///
/// - Complexity: O(bytes); each byte is looked at once (plus once more for a carried line).
struct GDELTLineSplitter {
    private var carry: [UInt8] = []
    /// The number of the next line.
    private(set) var nextLine = 1

    /// Calls `body` with each complete line of `chunk` (without its `\n`) and its number.
    mutating func feed(
        _ chunk: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        var start = 0
        let n = chunk.count
        while start < n {
            guard let newline = memchrIndex(base + start, n - start) else {
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: n - start))
                return
            }
            let end = start + newline
            if carry.isEmpty {
                try body(UnsafeBufferPointer(start: base + start, count: end - start), nextLine)
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                try carry.withUnsafeBufferPointer { try body($0, nextLine) }
                carry.removeAll(keepingCapacity: true)
            }
            nextLine += 1
            start = end + 1
        }
    }

    /// Calls `body` with the last line when the stream did not end with `\n`.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) rethrows {
        if !carry.isEmpty {
            try carry.withUnsafeBufferPointer { try body($0, nextLine) }
            carry.removeAll()
            nextLine += 1
        }
    }

    /// The offset of the first `\n` in `count` bytes from `p`, if any (the C library's `memchr`,
    /// which tests many bytes per instruction).
    @inline(__always) private func memchrIndex(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        guard let found = memchr(p, 10, count) else { return nil }
        return UnsafeRawPointer(p).distance(to: UnsafeRawPointer(found))
    }
}
