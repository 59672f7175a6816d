public import ActorGraphCore

/// One problem found in an input file, located to file, line and column (1-based); line and
/// column 0 mean the file as a whole (it could not be read at all).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }
    public let file: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    /// A message longer than ``messageLimit`` characters (a value quoted whole) is cut in the
    /// middle, so one bad value can never flood the terminal.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = Diagnostic.shortened(message)
    }

    /// The longest message kept whole, in characters.
    public static let messageLimit = 400

    /// `message`, or its start and end around "… (N characters cut) …" when it is too long.
    static func shortened(_ message: String) -> String {
        let count = message.count
        guard count > messageLimit else { return message }
        let head = message.prefix(messageLimit * 2 / 3), tail = message.suffix(messageLimit / 4)
        return "\(head)… (\(count - head.count - tail.count) characters cut) …\(tail)"
    }

    /// A problem with the file as a whole (line and column 0), such as "no such file".
    public init(file: String, severity: Severity = .error, message: String) {
        self.init(file: file, line: 0, column: 0, severity: severity, message: message)
    }

    /// `FILE:LINE:COLUMN: error: message`, the form compilers use, so editors can jump to it;
    /// `FILE: error: message` for the file as a whole.
    public var description: String {
        line == 0 ? "\(file): \(severity.rawValue): \(message)" : "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// An input file with one or more problems; carries **all** of them, in file order.
///
/// Its ``report`` is one diagnostic per line (`FILE:LINE:COLUMN: error: MESSAGE`); ``message``
/// and ``location`` are those of the first.
public struct InputError: ActorGraphError, Hashable {
    /// What is wrong with the input.
    public typealias Code = ErrorCode<InputError>

    public let code: Code
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic], code: Code = .malformed) {
        self.code = code
        self.diagnostics = diagnostics
    }

    public init(file: String, line: Int = 1, column: Int = 1, _ message: String, code: Code = .malformed) {
        self.init([Diagnostic(file: file, line: line, column: column, message: message)], code: code)
    }

    /// The first problem's message.
    public var message: String { diagnostics.first?.message ?? "" }

    /// `FILE:LINE:COLUMN` of the first problem (`FILE` when it is about the file as a whole).
    public var location: String? {
        guard let first = diagnostics.first else { return nil }
        return first.line == 0 ? first.file : "\(first.file):\(first.line):\(first.column)"
    }

    /// Every problem, one per line.
    public var report: String { diagnostics.map(\.description).joined(separator: "\n") }
    public var description: String { report }
}

extension Diagnostic {
    /// `diagnostics` in file order; those at one place keep the order they were found in (a
    /// stable sort), so one input always gives the same messages in the same order.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}

extension ErrorCode where Domain == InputError {
    /// The input was read and its content has problems: syntax, values, references.
    public static var malformed: Self { Self("malformed") }
    /// The input could not be read as the format at all: not a file, not UTF-8, an archive
    /// that does not inflate, a table that is not there.
    public static var unreadable: Self { Self("unreadable") }
}
