/// Why a GDELT row was not imported.
public enum GDELTRejection: String, Hashable, Sendable, CaseIterable, Comparable {
    /// The row does not have 57, 58 or 61 fields, or not the count of the file's first row.
    case fieldCount = "wrong field count"
    /// GLOBALEVENTID is not a whole number.
    case badEventID = "bad GLOBALEVENTID"
    /// SQLDATE is not a day that exists (YYYYMMDD).
    case badDate = "bad SQLDATE"
    /// GoldsteinScale is not a number in -10...10.
    case badGoldstein = "bad GoldsteinScale"
    /// EventCode or EventRootCode is missing or not a CAMEO root 01-20.
    case badEventCode = "bad EventCode"
    /// Neither Actor1Code nor Actor2Code is given.
    case noActor = "no actor"
    /// A number column (QuadClass, NumMentions, NumSources, NumArticles, AvgTone, IsRootEvent) is not a number.
    case badNumber = "bad number"

    /// Malformed rows: reported with their line (the others are well-formed rows left out).
    public var isMalformed: Bool { self != .noActor }

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// One row not imported, located as `FILE:LINE`.
public struct GDELTRowProblem: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: GDELTRejection
    /// What was found: `43 fields`, `SQLDATE '20131341'`.
    public let detail: String

    public var description: String { "\(file):\(line): \(reason.rawValue): \(detail)" }
}

/// What a GDELT import read and made: the summary `actorgraph import gdelt` prints on stderr.
public struct GDELTImportSummary: Hashable, Sendable {
    /// Non-empty lines read, over all files.
    public var rowsRead = 0
    /// Events made (one per kept row).
    public var eventsMade = 0
    /// Rows rejected, by reason.
    public var rejected: [GDELTRejection: Int] = [:]
    /// Rows whose GLOBALEVENTID was already imported (the later ones are dropped).
    public var duplicates = 0
    /// Well-formed rows the filters left out.
    public var filteredOut = 0
    /// Events with one actor (kept as one-participant events).
    public var oneActorEvents = 0
    /// The layouts met, per file.
    public var layouts: [String: GDELTLayout] = [:]
    /// The rejected rows, located, in file order (all of them: a caller prints as many as it likes).
    public var problems: [GDELTRowProblem] = []

    public init() {}

    /// Rows rejected for any reason.
    public var rejectedCount: Int { rejected.values.reduce(0, +) }

    /// The summary as lines: rows read, events made, rows rejected by reason, duplicates, filtered.
    public var lines: [String] {
        var out = ["rows read: \(rowsRead)", "events made: \(eventsMade) (\(oneActorEvents) with one actor)"]
        let reasons = rejected.keys.sorted().map { "\($0.rawValue) \(rejected[$0]!)" }
        out.append("rows rejected: \(rejectedCount)" + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: ", ") + ")"))
        out.append("duplicate GLOBALEVENTIDs dropped: \(duplicates)")
        out.append("rows left out by filters: \(filteredOut)")
        return out
    }
}
