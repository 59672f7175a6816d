import ActorGraphCore
import Testing

@Suite struct EventDateTests {
    @Test(arguments: [
        ("2014", EventDate.Precision.year, "2014-01-01", "2014-12-31"),
        ("2020-11", .month, "2020-11-01", "2020-11-30"),
        ("2020-02", .month, "2020-02-01", "2020-02-29"),
        ("2021-02", .month, "2021-02-01", "2021-02-28"),
        ("2020-11-13", .day, "2020-11-13", "2020-11-13"),
        ("2020-11-10/2020-11-12", .range, "2020-11-10", "2020-11-12"),
        ("2019/2020-03", .range, "2019-01-01", "2020-03-31"),
    ])
    func parsesEveryPrecision(text: String, precision: EventDate.Precision, start: String, end: String) throws {
        let date = try #require(EventDate(text))
        #expect(date.precision == precision)
        #expect(date.start.description == start)
        #expect(date.end.description == end)
        #expect(date.text == text)
    }

    @Test(arguments: [
        "", "20", "2020-1", "2020-13", "2020-02-30", "2019-02-29", "2020-11-31", "2020/11",
        "2020-11-12/2020-11-10", "2020-11-10/", "abcd", "2020-11-10T00:00", " 2020-1-1",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(EventDate(text) == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 2000, month: 3, day: 1)!.daysSinceEpoch - Day(year: 2000, month: 2, day: 28)!.daysSinceEpoch == 2)
        #expect(Day(year: 1900, month: 3, day: 1)!.daysSinceEpoch - Day(year: 1900, month: 2, day: 28)!.daysSinceEpoch == 1)
        // Every day from 1600 to 2400 converts to its components and back.
        var day = Day(year: 1600, month: 1, day: 1)!
        let last = Day(year: 2400, month: 12, day: 31)!
        var previous: (year: Int, month: Int, day: Int)? = nil
        while day <= last {
            let c = day.components
            #expect(Day(year: c.year, month: c.month, day: c.day) == day)
            if let p = previous { #expect((c.year, c.month, c.day) > (p.year, p.month, p.day)) }
            previous = c
            day = Day(daysSinceEpoch: day.daysSinceEpoch + 1)
        }
    }

    @Test func windowKeepsOnlyWhollyContainedDates() {
        let window = DateWindow(from: EventDate("2020-11"), to: EventDate("2020"))
        #expect(EventDate("2020-11-13")!.isWithin(window))
        #expect(EventDate("2020-12")!.isWithin(window))
        #expect(!EventDate("2020")!.isWithin(window)) // may lie before November
        #expect(!EventDate("2020-10-31")!.isWithin(window))
        #expect(!EventDate("2020-12-30/2021-01-02")!.isWithin(window))
        #expect(EventDate("1900")!.isWithin(.all))
    }
}
