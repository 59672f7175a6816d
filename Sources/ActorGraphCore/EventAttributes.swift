/// An event's typed attributes (dataset schema 3): names mapped to values, kept sorted by name.
///
/// A dictionary per event was the largest cost of importing GDELT (hashing six names per row,
/// one hash table per event). This stores the names and the values as two arrays in name order:
/// the names array is shared (copy on write) by every event whose importer gives the same names,
/// so an event owns one small array of values. It reads like a dictionary (`attributes["QuadClass"]`,
/// dictionary literals, `isEmpty`) and iterates in name order, the order datasets are written in.
///
/// - Complexity: lookup by name O(log n) (binary search); setting a new name O(n); iteration O(n).
public struct EventAttributes: Hashable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral,
    CustomStringConvertible
{
    public typealias Element = (key: String, value: AttributeValue)
    public typealias Index = Int

    /// The names, strictly increasing (`String`'s `<`).
    public private(set) var keys: [String]
    /// The values, `values[i]` for `keys[i]`.
    public private(set) var values: [AttributeValue]

    /// No attributes.
    public init() {
        keys = []
        values = []
    }

    /// The attributes of `dictionary`.
    /// - Complexity: O(n log n).
    public init(_ dictionary: [String: AttributeValue]) {
        let sorted = dictionary.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// Traps on a name given twice, as a dictionary literal does.
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        let sorted = elements.sorted { $0.0 < $1.0 }
        for i in sorted.indices.dropFirst() {
            precondition(sorted[i - 1].0 != sorted[i].0, "attribute '\(sorted[i].0)' given twice")
        }
        keys = sorted.map(\.0)
        values = sorted.map(\.1)
    }

    /// Attributes from names already in increasing order and their values, without sorting: an
    /// importer that gives every event the same names passes one `keys` array to all of them, so
    /// they share its storage.
    /// - Precondition: `keys` strictly increasing and as many as `values`.
    /// - Complexity: O(1) (the order is checked in debug builds only).
    public init(sortedKeys keys: [String], values: [AttributeValue]) {
        precondition(keys.count == values.count, "as many attribute names as values")
        assert(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "attribute names not strictly increasing")
        self.keys = keys
        self.values = values
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> Element { (keys[position], values[position]) }

    /// The position of `key`, or where it would be inserted.
    private func position(of key: String) -> (index: Int, found: Bool) {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return (low, low < keys.count && keys[low] == key)
    }

    /// The value named `key`; setting `nil` removes it.
    public subscript(key: String) -> AttributeValue? {
        get {
            let (i, found) = position(of: key)
            return found ? values[i] : nil
        }
        set {
            let (i, found) = position(of: key)
            switch (found, newValue) {
            case (true, let value?): values[i] = value
            case (true, nil):
                keys.remove(at: i)
                values.remove(at: i)
            case (false, let value?):
                keys.insert(key, at: i)
                values.insert(value, at: i)
            case (false, nil): break
            }
        }
    }

    /// The attributes as a dictionary.
    public var dictionary: [String: AttributeValue] { Dictionary(uniqueKeysWithValues: zip(keys, values)) }

    /// A dictionary of the names and `transform`ed values.
    public func mapValues<T>(_ transform: (AttributeValue) throws -> T) rethrows -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(count)
        for i in indices { result[keys[i]] = try transform(values[i]) }
        return result
    }

    public var description: String {
        "[" + indices.map { "\(keys[$0]): \(values[$0])" }.joined(separator: ", ") + "]"
    }

    public static func == (a: Self, b: Self) -> Bool { a.keys == b.keys && a.values == b.values }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
