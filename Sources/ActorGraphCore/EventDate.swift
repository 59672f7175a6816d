/// A calendar day, counted from 1970-01-01 (proleptic Gregorian calendar, no time zone).
///
/// Conversion uses Howard Hinnant's `days_from_civil` algorithm: O(1), exact for all years 1...9999 (year 0 is refused: no calendar in use has it).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01; negative before it.
    public let daysSinceEpoch: Int32

    @inlinable public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day `year-month-day`, or `nil` when it does not exist (month 13, 30 February...).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
    }

    /// The civil date of this day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let c = components
        return "\(Day.pad(c.year, 4))-\(Day.pad(c.month, 2))-\(Day.pad(c.day, 2))"
    }

    @inlinable public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// Number of days in `month` of `year` (Gregorian leap years).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// The date of an event, at the precision its source gives.
///
/// Every date is an inclusive interval of days: `2014` covers 2014-01-01...2014-12-31, `2020-11`
/// covers the whole of November 2020, `2020-11-13` is one day, and a range `2020-11-10/2020-11-12`
/// spans from the first day of its start to the last day of its end. Comparisons that need an
/// order ("did A happen no later than B?") say which end of the interval they use.
public struct EventDate: Hashable, Sendable, CustomStringConvertible {
    /// How precisely the source dates the event.
    public enum Precision: String, Hashable, Sendable, CaseIterable {
        case year, month, day, range
    }

    /// First possible day.
    public let start: Day
    /// Last possible day (inclusive).
    public let end: Day
    public let precision: Precision
    /// The canonical text form: `2014`, `2020-11`, `2020-11-13` or `START/END`.
    public let text: String

    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or two of those joined by `/` (a range).
    /// Returns `nil` when the text is not one of these or names a day that does not exist,
    /// or when a range ends before it starts.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = EventDate.single(parts[0]), let b = EventDate.single(parts[1]),
                a.start <= b.end
            else { return nil }
            self.start = a.start
            self.end = b.end
            self.precision = .range
            self.text = a.text + "/" + b.text
        } else if parts.count == 1, let single = EventDate.single(parts[0]) {
            self = single
        } else {
            return nil
        }
    }

    /// The range from the start of `first` to the end of `last`, written `FIRST/LAST` with each
    /// at its own precision (`2020-01-10/2020-02`), or `nil` when `last` ends before `first`
    /// starts. Builds the text without parsing it again.
    public init?(spanning first: EventDate, _ last: EventDate) {
        guard first.start <= last.end else { return nil }
        let head = first.text.firstIndex(of: "/").map { String(first.text[..<$0]) } ?? first.text
        let tail = last.text.lastIndex(of: "/").map { String(last.text[last.text.index(after: $0)...]) } ?? last.text
        self.init(start: first.start, end: last.end, precision: .range, text: head + "/" + tail)
    }

    /// A single day.
    public init(_ day: Day) {
        self.start = day
        self.end = day
        self.precision = .day
        self.text = day.description
    }

    private init(start: Day, end: Day, precision: Precision, text: String) {
        self.start = start
        self.end = end
        self.precision = precision
        self.text = text
    }

    private static func single(_ text: Substring) -> EventDate? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count),
            fields[0].count == 4, fields.dropFirst().allSatisfy({ $0.count == 2 }),
            fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let numbers = fields.map { Int($0)! }
        switch numbers.count {
        case 1:
            guard let first = Day(year: numbers[0], month: 1, day: 1),
                let last = Day(year: numbers[0], month: 12, day: 31)
            else { return nil }
            return EventDate(start: first, end: last, precision: .year, text: String(text))
        case 2:
            guard let first = Day(year: numbers[0], month: numbers[1], day: 1),
                let last = Day(
                    year: numbers[0], month: numbers[1],
                    day: Day.daysIn(month: numbers[1], year: numbers[0]))
            else { return nil }
            return EventDate(start: first, end: last, precision: .month, text: String(text))
        default:
            guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
            return EventDate(day)
        }
    }

    public var description: String { text }

    /// True when this whole interval lies inside `window`.
    public func isWithin(_ window: DateWindow) -> Bool {
        (window.from.map { start >= $0 } ?? true) && (window.to.map { end <= $0 } ?? true)
    }
}

/// A time window for filtering events: an event is kept when its **whole** date interval lies
/// within `[from, to]` (both inclusive; either may be open). So `from: 2020` keeps an event dated
/// `2020-11` but `from: 2020-11-15` drops it, since it may have happened earlier in November.
public struct DateWindow: Hashable, Sendable {
    /// First day of the window, or `nil` for no lower bound.
    public var from: Day?
    /// Last day of the window (inclusive), or `nil` for no upper bound.
    public var to: Day?

    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    /// A window from the first day of `from` to the last day of `to`: `DateWindow(from: "2020", to: "2020-12")`.
    public init(from: EventDate?, to: EventDate?) {
        self.from = from?.start
        self.to = to?.end
    }

    public static let all = DateWindow()
}

extension Character {
    @usableFromInline var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
