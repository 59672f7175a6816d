/// Dense, typed integer identifiers.
///
/// Text ids (`moon-jae-in`) live in files and in output; in memory every actor, event, source,
/// node and edge is addressed by a dense `UInt32` index wrapped in one generic type,
/// ``DenseIndex``, tagged with what it indexes, so an `EventID` can never be passed where an
/// `ActorID` is expected. Names are interned once in a dictionary.

/// What a ``DenseIndex`` indexes; the tag's ``name`` appears in descriptions (`actor#3`) and in
/// the message of an index out of range.
public protocol IndexTag: Sendable {
    static var name: String { get }
}

/// A dense index `0..<count` into one kind of table (actors, events, sources, nodes, edges).
///
/// Every kind has the same rules: `init(_: Int)` **traps** on a negative value or one above
/// `UInt32.max` (a programmer error, never data: readers check sizes before they index), and
/// ``index`` is the position in the table.
public struct DenseIndex<Tag: IndexTag>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// Traps when `index` is negative or above `UInt32.max`.
    @inlinable public init(_ index: Int) {
        precondition(index >= 0 && index <= Int(UInt32.max), "\(Tag.name) index \(index) is out of range")
        self.rawValue = UInt32(truncatingIfNeeded: index)
    }
    /// The position in the table: `0..<count`.
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "\(Tag.name)#\(rawValue)" }
}

/// Tags of the five tables.
public enum ActorTag: IndexTag { public static var name: String { "actor" } }
public enum EventTag: IndexTag { public static var name: String { "event" } }
public enum SourceTag: IndexTag { public static var name: String { "source" } }
public enum NodeTag: IndexTag { public static var name: String { "node" } }
public enum EdgeTag: IndexTag { public static var name: String { "edge" } }

/// A dense index of an actor in a ``Dataset``.
public typealias ActorID = DenseIndex<ActorTag>
/// A dense index of an event in a ``Dataset``.
public typealias EventID = DenseIndex<EventTag>
/// A dense index of a source (an article) in a ``Dataset``.
public typealias SourceID = DenseIndex<SourceTag>
/// A dense index of a node in a ``Graph``: `0..<graph.nodeCount`.
public typealias NodeID = DenseIndex<NodeTag>
/// A dense index of an edge in a ``Graph``: `0..<graph.edgeCount`. An undirected edge has one
/// `EdgeID` although it appears in the adjacency of both ends.
public typealias EdgeID = DenseIndex<EdgeTag>
