/// One problem found in an input file, located to file, line and column (1-based).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public let file: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// An input file with one or more problems; carries **all** of them, in file order.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
    public init(file: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.diagnostics = [Diagnostic(file: file, line: line, column: column, message: message)]
    }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
