/// A hash table keyed by byte strings read in place, so a row's field can be looked up without
/// first becoming a `String`: GDELT repeats a few thousand URLs, actor codes and event codes
/// over millions of rows, and decoding and hashing each as a `String` was a large part of a row.
///
/// Keys are copied once into one byte arena; slots hold an entry's number and a 32-bit part of its
/// hash, so a probe compares bytes only when the hashes agree. Hashes are the standard library's
/// seeded `Hasher`, so crafted input cannot make probes long.
///
/// - Complexity: a lookup or an insertion is O(key length) expected; memory O(total key bytes + entries).
struct GDELTByteTable<Value> {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private(set) var values: [Value] = []
    /// Per slot: 0 when empty, else the entry's number + 1 (low 32 bits) and hash bits (high 32).
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    /// The number of keys.
    var count: Int { values.count }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry], count = starts[entry + 1] - start
        guard count == key.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            guard let base = key.baseAddress, count > 0 else { return true }
            return memcmpEqual(a.baseAddress! + start, base, count)
        }
    }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        let h = Self.hash(key), mask = slots.count - 1, tag = h >> 32
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot >> 32 == tag, equals(Int(slot & 0xFFFF_FFFF) - 1, key) { return values[Int(slot & 0xFFFF_FFFF) - 1] }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        if (values.count + 1) * 4 > slots.count * 3 { grow() }
        let entry = values.count
        arena.append(contentsOf: key)
        starts.append(arena.count)
        values.append(value)
        place(entry, hash: Self.hash(key))
    }

    private mutating func place(_ entry: Int, hash h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (h >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in values.indices {
            let h = arena.withUnsafeBufferPointer { a in
                Self.hash(UnsafeBufferPointer(rebasing: a[starts[entry]..<starts[entry + 1]]))
            }
            place(entry, hash: h)
        }
    }
}

/// True when `count` bytes at `a` and `b` are equal.
@inline(__always) func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
