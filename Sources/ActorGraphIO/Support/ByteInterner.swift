#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings: each distinct key gets the next dense id (0, 1, 2, ...) in order of
/// first appearance, and its bytes are kept once.
///
/// A reader interns a name per field without making a `String` for it: open addressing with
/// linear probing over a power-of-two table kept under half full. A slot holds the key's first
/// 8 bytes, 24 bits of its hash with its length (up to 255) and its id, so a key of up to 8
/// bytes (most node names: numbers, short codes) is found with one memory access; a longer one
/// is then compared with the kept bytes, which lie back to back in one array. The hash is a
/// multiply-xorshift over 8-byte words, seeded once per process from the system's random source,
/// so input crafted to collide on one run does not collide on the next. A name that is a small
/// integer written canonically (`0`, `17`, not `017`) skips the hash: its id is kept in an array
/// at its value.
///
/// - Complexity: ``intern(_:)`` is expected O(key length); ``strings()`` is O(total key bytes).
/// Memory: the key bytes, one end offset per key and 16 bytes per table slot (2 to 4 per key).
struct ByteInterner {
    /// One table slot; `id` is the key's id + 1, 0 for an empty slot.
    fileprivate struct Slot {
        var prefix: UInt64 = 0
        var tag: UInt32 = 0
        var id: UInt32 = 0
    }

    private var table: SlotTable
    /// Ids (+ 1; 0 for none) of the names that are canonical integers below ``denseLimit``,
    /// indexed by value: an array read instead of a hash probe for the commonest node names.
    private var dense: [UInt32] = []
    /// Integers at or above this go to the hash table, so the array stays within a few times the
    /// expected number of names (fixed at creation: a name always takes the same path).
    private let denseLimit: Int
    /// Every distinct key's bytes, back to back.
    private var keyBytes: [UInt8] = []
    /// Key `i` is `keyBytes[(i == 0 ? 0 : keyEnds[i - 1]) ..< keyEnds[i]]`.
    private var keyEnds: [Int] = []
    private static let seed = UInt64.random(in: .min ... .max)

    /// An interner expecting about `expected` distinct keys (it grows as needed).
    init(expected: Int = 16) {
        table = SlotTable(count: 16) // grown as keys come: names that are small integers never fill it
        keyEnds.reserveCapacity(expected)
        denseLimit = max(1 << 16, 4 * expected)
    }

    /// The number of distinct keys so far.
    var count: Int { keyEnds.count }

    /// A key with its hash computed (``key(_:overread:)``), ready for ``intern(_:)``.
    struct Key {
        let bytes: UnsafeRawBufferPointer
        let hash: UInt64
        let prefix: UInt64
        /// The key's value when it is a decimal integer written canonically (`0`, or up to 9
        /// digits without a leading zero), else -1.
        let integer: Int
    }

    /// `bytes` with its hash and first 8 bytes. `overread` says the 8 bytes from the key's start
    /// are readable even when the key is shorter (the caller's buffer goes on), which lets a short
    /// key be read in one load, without a loop.
    @inline(__always) static func key(_ bytes: UnsafeRawBufferPointer, overread: Bool) -> Key {
        let n = bytes.count
        if n <= 8 {
            var word: UInt64
            if n == 8 || (overread && n > 0) {
                word = bytes.baseAddress!.loadUnaligned(as: UInt64.self)
                if n < 8 { word &= (1 &<< (8 &* UInt64(n))) &- 1 }
            } else {
                word = 0
                for k in 0..<n { word |= UInt64(bytes[k]) << (8 * UInt64(k)) }
            }
            return Key(
                bytes: bytes, hash: finish(mix(seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15) ^ word)), prefix: word,
                integer: canonicalInteger(bytes))
        }
        return Key(bytes: bytes, hash: hash(bytes, seed: seed), prefix: bytes.loadUnaligned(as: UInt64.self), integer: canonicalInteger(bytes))
    }

    /// The value of `bytes` when they are `0` or 1 to 9 digits without a leading zero, else -1:
    /// such a name and its value determine each other, so the value can index an array.
    @inline(__always) private static func canonicalInteger(_ bytes: UnsafeRawBufferPointer) -> Int {
        let n = bytes.count
        guard n >= 1, n <= 9, bytes[0] != UInt8(ascii: "0") || n == 1 else { return -1 }
        var value = 0
        for k in 0..<n {
            let d = bytes[k] &- 0x30
            guard d < 10 else { return -1 }
            value = value &* 10 &+ Int(d)
        }
        return value
    }

    /// Reads the slot where `key`'s search starts. Touching the slots of a batch of keys before
    /// interning them lets the memory accesses overlap instead of waiting one after another.
    @inline(__always) func touch(_ key: Key) -> UInt32 {
        if key.integer >= 0 && key.integer < denseLimit { return key.integer < dense.count ? dense[key.integer] : 0 }
        return table.slots[Int(truncatingIfNeeded: key.hash) & (table.count - 1)].id
    }

    /// Takes the sum of ``touch(_:)``'s results so the optimiser keeps the reads it made.
    @_optimize(none) static func keep(_ touched: UInt32) {}

    /// The id of `key`, a new one (the count so far) when it was not seen before.
    mutating func intern(_ key: UnsafeRawBufferPointer) -> UInt32 {
        intern(Self.key(key, overread: false))
    }

    /// The id of `key`, a new one (the count so far) when it was not seen before.
    mutating func intern(_ key: Key) -> UInt32 {
        if key.integer >= 0 && key.integer < denseLimit { return internInteger(key) }
        let (found, slot) = probe(key)
        if let found { return found }
        let id = keyEnds.count
        precondition(id < Int(UInt32.max), "more than 2^32 - 1 distinct names")
        keyBytes.append(contentsOf: key.bytes)
        keyEnds.append(keyBytes.count)
        table.slots[slot] = Slot(prefix: key.prefix, tag: Self.tag(key.hash, key.bytes.count), id: UInt32(id + 1))
        if 2 * keyEnds.count > table.count { grow() }
        return UInt32(id)
    }

    /// The id of `key` when it was interned, else `nil`; nothing is added.
    func id(of key: Key) -> UInt32? {
        if key.integer >= 0 && key.integer < denseLimit {
            let known = key.integer < dense.count ? dense[key.integer] : 0
            return known == 0 ? nil : known - 1
        }
        return probe(key).found
    }

    /// Where the search for `key` in the hash table ends: its id when it is there, else the
    /// empty slot it would take.
    private func probe(_ key: Key) -> (found: UInt32?, slot: Int) {
        let tag = Self.tag(key.hash, key.bytes.count)
        let slots = table.slots
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let entry = slots[slot]
            if entry.id == 0 { return (nil, slot) }
            if entry.tag == tag && entry.prefix == key.prefix && (key.bytes.count <= 8 || equals(Int(entry.id) - 1, key.bytes)) {
                return (entry.id - 1, slot)
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func internInteger(_ key: Key) -> UInt32 {
        let value = key.integer
        if value >= dense.count {
            dense.append(contentsOf: repeatElement(0, count: max(value + 1, 2 * dense.count) - dense.count))
        }
        let known = dense[value]
        if known != 0 { return known - 1 }
        let id = keyEnds.count
        precondition(id < Int(UInt32.max), "more than 2^32 - 1 distinct names")
        keyBytes.append(contentsOf: key.bytes)
        keyEnds.append(keyBytes.count)
        dense[value] = UInt32(id + 1)
        return UInt32(id)
    }

    /// 24 bits of the hash (not the ones that chose the slot) and the length, capped at 255.
    @inline(__always) private static func tag(_ h: UInt64, _ length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: h >> 40) << 8 | UInt32(min(length, 255))
    }

    /// Calls `body` with every key's bytes, in id order. O(total key bytes).
    func forEachKey(_ body: (UnsafeRawBufferPointer) -> Void) {
        keyBytes.withUnsafeBytes { all in
            var start = 0
            for end in keyEnds {
                body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    /// Every key as a string, in id order. The bytes must be valid UTF-8 (the readers validate
    /// the whole file first); invalid sequences would be repaired with U+FFFD.
    func strings() -> [String] {
        var strings: [String] = []
        strings.reserveCapacity(count)
        forEachKey { strings.append(String(decoding: $0, as: UTF8.self)) }
        return strings
    }

    private func equals(_ id: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = id == 0 ? 0 : keyEnds[id - 1], end = keyEnds[id]
        guard end - start == key.count else { return false }
        return keyBytes.withUnsafeBytes { stored in
            key.isEmpty || memcmp(stored.baseAddress! + start, key.baseAddress!, key.count) == 0
        }
    }

    private mutating func grow() {
        let bigger = SlotTable(count: table.count * 2)
        let mask = bigger.count - 1
        for index in 0..<table.count where table.slots[index].id != 0 {
            let entry = table.slots[index]
            let id = Int(entry.id) - 1
            let start = id == 0 ? 0 : keyEnds[id - 1]
            let h = keyBytes.withUnsafeBytes { Self.key(UnsafeRawBufferPointer(rebasing: $0[start..<keyEnds[id]]), overread: false).hash }
            var slot = Int(truncatingIfNeeded: h) & mask
            while bigger.slots[slot].id != 0 { slot = (slot + 1) & mask }
            bigger.slots[slot] = entry
        }
        table = bigger
    }

    /// A seeded multiply-xorshift hash of `key`, 8 bytes at a time. O(key length).
    private static func hash(_ key: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        let n = key.count
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ key.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(key[k]) << (8 * UInt64(k - i)) }
            h = mix(h ^ tail)
        }
        return finish(h)
    }

    @inline(__always) private static func finish(_ x: UInt64) -> UInt64 {
        var h = x ^ (x >> 32)
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        let y = x &* 0x9FB2_1C65_1E98_DF25
        return y ^ (y >> 29)
    }
}

/// The interner's slots in one zeroed allocation, aligned to 2 MiB and marked for transparent
/// huge pages where the system has them (Linux `madvise`): a large table is then read through
/// few TLB entries, which matters when lookups land all over it.
private final class SlotTable {
    let slots: UnsafeMutablePointer<ByteInterner.Slot>
    let count: Int

    init(count: Int) {
        self.count = count
        let bytes = count * MemoryLayout<ByteInterner.Slot>.stride
        var raw: UnsafeMutableRawPointer?
        let alignment = bytes >= 1 << 21 ? 1 << 21 : MemoryLayout<ByteInterner.Slot>.alignment
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else { fatalError("out of memory for \(count) slots") }
        #if os(Linux)
        if bytes >= 1 << 21 { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        memset(raw, 0, bytes)
        slots = raw.bindMemory(to: ByteInterner.Slot.self, capacity: count)
    }

    deinit { free(slots) }
}
