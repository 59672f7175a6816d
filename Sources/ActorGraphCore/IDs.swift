/// Dense, typed integer identifiers.
///
/// Text ids (`moon-jae-in`) live in files and in output; in memory every actor, event, source,
/// node and edge is addressed by a dense `UInt32` index wrapped in its own type, so an `EventID`
/// can never be passed where an `ActorID` is expected. Names are interned once in a dictionary.

/// A dense index of an actor in a ``Dataset``.
public struct ActorID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ index: Int) { self.rawValue = UInt32(index) }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "actor#\(rawValue)" }
}

/// A dense index of an event in a ``Dataset``.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ index: Int) { self.rawValue = UInt32(index) }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "event#\(rawValue)" }
}

/// A dense index of a source (an article) in a ``Dataset``.
public struct SourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ index: Int) { self.rawValue = UInt32(index) }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "source#\(rawValue)" }
}

/// A dense index of a node in a ``Graph``: `0..<graph.nodeCount`.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ index: Int) { self.rawValue = UInt32(truncatingIfNeeded: index) }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "node#\(rawValue)" }
}

/// A dense index of an edge in a ``Graph``: `0..<graph.edgeCount`.
///
/// An undirected edge has one `EdgeID` although it appears in the adjacency of both ends.
public struct EdgeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public init(_ index: Int) { self.rawValue = UInt32(truncatingIfNeeded: index) }
    @inlinable public var index: Int { Int(rawValue) }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "edge#\(rawValue)" }
}
