/// A hash index from records' text ids to their positions that stores no strings: each slot
/// holds a position and 32 bits of the id's hash, and the id itself is read from the record
/// when the hash bits agree (open addressing, linear probing, at most half full).
///
/// A `[String: EventID]` over 708,400 imported events retained every id a second time and
/// compared ids in other slots' strings on its way to a free one (a cache miss each); building
/// it and freeing it were a fifth of a GDELT import. Ids are hashed with `String`'s own seeded
/// hash and compared with `==`, so two ids are one key exactly when a dictionary would say so.
///
/// - Complexity: building O(n) expected (one hash per id); a lookup O(id length) expected;
///   memory 8 bytes per slot, 2 to 4 slots per id.
struct IDIndex: Sendable {
    /// 0 when empty, else hash bits (high 32) and position + 1 (low 32).
    private var slots: [UInt64]

    /// An index with room for `count` ids.
    init(capacity count: Int) {
        var size = 16
        while size < 2 * count { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// Adds `id` at `position`, or returns the position that already has `id` (and adds nothing).
    /// `idAt` gives the id of an indexed position.
    mutating func insert(_ id: String, at position: Int, idAt: (Int) -> String) -> Int? {
        precondition(position < Int(UInt32.max), "IDIndex holds fewer than 2^32 ids")
        let h = UInt64(bitPattern: Int64(id.hashValue)), tag = h >> 32
        let count = slots.count
        return slots.withUnsafeMutableBufferPointer { slots in
            let mask = count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 {
                let other = Int(slots[i] & 0xFFFF_FFFF) - 1
                if slots[i] >> 32 == tag && idAt(other) == id { return other }
                i = (i + 1) & mask
            }
            slots[i] = tag << 32 | UInt64(position + 1)
            return nil
        }
    }

    /// The position of `id`, if it is indexed.
    func position(of id: String, idAt: (Int) -> String) -> Int? {
        let h = UInt64(bitPattern: Int64(id.hashValue)), tag = h >> 32
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] != 0 {
            let other = Int(slots[i] & 0xFFFF_FFFF) - 1
            if slots[i] >> 32 == tag && idAt(other) == id { return other }
            i = (i + 1) & mask
        }
        return nil
    }
}
