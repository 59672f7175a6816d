public import ActorGraphCore

/// A failure reported by Graphviz, or a request it cannot serve, with Graphviz's own words.
///
/// The ``code`` says which stage failed; ``message`` carries the text Graphviz reported (for
/// example `syntax error in line 1 near ']'` or `Layout type: "spring" not recognized. Use one
/// of: circo dot fdp neato ...`). Graphviz's messages never reach stderr: they are captured
/// into this error (or into ``GraphvizOutput/warnings``).
public struct GraphvizError: ActorGraphError, Hashable {
    /// Which stage failed. A struct rather than an enum, so codes can be added without
    /// breaking `switch` statements in client code.
    public typealias Code = ErrorCode<GraphvizError>

    public let code: Code
    /// What went wrong, in Graphviz's words where Graphviz said something.
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "Graphviz \(code) error: \(message)" }
}

extension ErrorCode where Domain == GraphvizError {
    /// The DOT text could not be parsed.
    public static var syntax: Self { Self("syntax") }
    /// The layout failed or the engine is unknown.
    public static var layout: Self { Self("layout") }
    /// The output format is unknown or rendering failed.
    public static var render: Self { Self("render") }
    /// Graphviz's plugins (layout engines, renderers) could not be found on this machine.
    public static var unavailable: Self { Self("unavailable") }
    /// A ``GraphvizRenderOptions`` value is out of range.
    public static var invalidOption: Self { Self("invalidOption") }
}
