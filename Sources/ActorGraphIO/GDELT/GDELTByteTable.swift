/// A table keyed by byte strings read in place, so a row's field can be looked up without
/// first becoming a `String`: GDELT repeats a few thousand URLs, actor codes and event codes
/// over millions of rows, and decoding and hashing each as a `String` was a large part of a row.
///
/// The keys are a ``ByteInterner`` (the CSV reader's, seeded per process so crafted input cannot
/// make probes long): a key's interner id is its entry's number in ``values``.
///
/// - Complexity: a lookup or an insertion is O(key length) expected; memory O(total key bytes + entries).
struct GDELTByteTable<Value> {
    private var keys = ByteInterner()
    private(set) var values: [Value] = []

    /// The number of keys.
    var count: Int { values.count }

    /// The value stored for `key`, if any.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        keys.id(of: ByteInterner.key(UnsafeRawBufferPointer(key), overread: false)).map { values[Int($0)] }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) {
        let id = keys.intern(UnsafeRawBufferPointer(key))
        precondition(Int(id) == values.count, "GDELTByteTable.insert: the key is in the table already")
        values.append(value)
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
