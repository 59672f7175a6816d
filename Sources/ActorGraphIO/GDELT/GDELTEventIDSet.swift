/// The GLOBALEVENTIDs imported so far, to drop repeated rows.
///
/// GDELT files list their events in increasing GLOBALEVENTID order (the April 2013 file
/// entirely, the September 2012 one but for 13 rows), so an id above every id so far is new and
/// is appended to a sorted array, without hashing and without touching a random place of a large
/// table (a `Set<Int>` of 708,400 ids spent most of its time waiting for memory). Any other id
/// is looked up there by binary search and kept in an open-addressing set (linear probing, at
/// most half full; ids mixed with MurmurHash3's 64-bit finaliser, Appleby 2011, over a seed drawn
/// per set).
///
/// - Complexity: `insert` O(1) amortised for an increasing id, O(log n) expected otherwise;
///   memory 8 bytes per increasing id, at most 32 per other id.
struct GDELTEventIDSet {
    /// Ids that were above every earlier id when inserted: strictly increasing.
    private var ordered: [Int] = []
    /// Slot values are id + 1; 0 is empty (ids are never negative).
    private var slots: [UInt64] = []
    private var unorderedCount = 0
    private let seed = UInt64.random(in: .min ... .max)

    @inline(__always) private func slot(of id: UInt64) -> Int {
        var h = id ^ seed
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h) & (slots.count - 1)
    }

    /// Adds `id` (at least 0); false when it was there already.
    mutating func insert(_ id: Int) -> Bool {
        precondition(id >= 0, "GLOBALEVENTIDs are not negative")
        // Every id held is at most the last ordered one: a larger id is new.
        if ordered.last.map({ id > $0 }) ?? true {
            ordered.append(id)
            return true
        }
        var low = 0, high = ordered.count
        while low < high {
            let mid = (low + high) / 2
            if ordered[mid] < id { low = mid + 1 } else { high = mid }
        }
        if ordered[low] == id { return false }
        return insertUnordered(id)
    }

    private mutating func insertUnordered(_ id: Int) -> Bool {
        if (unorderedCount + 1) * 2 > slots.count { grow() }
        let key = UInt64(id) + 1
        let mask = slots.count - 1
        var i = slot(of: key)
        while slots[i] != 0 {
            if slots[i] == key { return false }
            i = (i + 1) & mask
        }
        slots[i] = key
        unorderedCount += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: max(16, old.count * 2))
        let mask = slots.count - 1
        for key in old where key != 0 {
            var i = slot(of: key)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = key
        }
    }
}
