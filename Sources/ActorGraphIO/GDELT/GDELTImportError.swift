public import ActorGraphCore

/// A malformed row under `strict`: the import stops there. Its ``code`` is the row's problem,
/// its ``location`` the row (`FILE:LINE`).
public struct GDELTImportError: ActorGraphError, Hashable {
    /// Why the row is malformed: one code per ``GDELTRejection``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The rejection this code stands for.
        public let rejection: GDELTRejection
        public init(_ rejection: GDELTRejection) { self.rejection = rejection }

        public static let fieldCount = Code(.fieldCount)
        public static let badEventID = Code(.badEventID)
        public static let badDate = Code(.badDate)
        public static let badGoldstein = Code(.badGoldstein)
        public static let badEventCode = Code(.badEventCode)
        public static let noActor = Code(.noActor)
        public static let badNumber = Code(.badNumber)

        public var description: String { rejection.rawValue }
    }

    public let problem: GDELTRowProblem

    public init(problem: GDELTRowProblem) {
        self.problem = problem
    }

    public var code: Code { Code(problem.reason) }
    /// The reason and what was found: `wrong field count: 43 fields`.
    public var message: String { "\(problem.reason.rawValue): \(problem.detail)" }
    public var location: String? { "\(problem.file):\(problem.line)" }
    /// `FILE:LINE: REASON: DETAIL`, as the row is listed among the rejected ones.
    public var description: String { problem.description }
}
