/// The one shape of every error ActorGraph throws, after swift-nio's `FileSystemError`: a
/// ``code`` a program can switch on, a ``message`` a person reads, and where the problem is.
///
/// Each module has one error type of this shape (analyses, readers, writers, Graphviz), and its
/// `Code` is a struct of static values rather than an enum, so codes can be added without breaking
/// a `switch` in client code. Messages speak of the library's own values (an edge column, a node,
/// an option field), never of a command-line tool's flags: the `actorgraph` tool adds its flag
/// hints from the code.
public protocol ActorGraphError: Error, Sendable, CustomStringConvertible {
    associatedtype Code: Hashable, Sendable, CustomStringConvertible
    /// What kind of failure this is.
    var code: Code { get }
    /// What went wrong, without the location.
    var message: String { get }
    /// `FILE:LINE` (or `FILE`) of the record the error is about; `nil` when it has no place in a
    /// file (a graph built in code, an option out of range).
    var location: String? { get }
    /// The error as printed for a person: `LOCATION: error: MESSAGE`, the form compilers use.
    /// Errors that carry several located problems (a reader's diagnostics) print one per line.
    var report: String { get }
}

extension ActorGraphError {
    public var location: String? { nil }
    public var report: String { (location.map { "\($0): " } ?? "") + "error: " + message }
}
