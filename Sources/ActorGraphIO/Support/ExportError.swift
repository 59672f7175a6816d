public import ActorGraphCore

/// A graph that a file format cannot hold as it is (GEXF, GraphML, CSV writers).
///
/// It has no location: the graph was not read from the place the writer writes to. The
/// ``message`` names the node, edge or attribute. Printed as `error: MESSAGE`.
public struct ExportError: ActorGraphError, Hashable {
    /// Why the graph cannot be written.
    public typealias Code = ErrorCode<ExportError>

    public let code: Code
    /// What cannot be written, naming the node, edge or attribute.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { report }
}

extension ErrorCode where Domain == ExportError {
    /// A name or value holds a character the format cannot represent (XML 1.0 has no form
    /// for most control characters).
    public static var unrepresentableCharacter: Self { Self("unrepresentableCharacter") }
    /// An attribute's name would be read back as another column (a CSV edge list's source
    /// or target, a node table's id).
    public static var columnNameConflict: Self { Self("columnNameConflict") }
    /// One attribute has numbers and texts, and the format's column holds one kind only.
    public static var mixedColumnTypes: Self { Self("mixedColumnTypes") }
}
