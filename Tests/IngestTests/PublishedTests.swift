import Testing

@testable import Ingest

@Test(arguments: [
    ("2018-05-14T10:04:00+04:00", "2018-05-14T10:04:00+04:00", "2018-05-14"),
    ("2015-07-21T02:16:13", "2015-07-21T02:16:13", "2015-07-21"),
    ("2013-10-17", "2013-10-17", "2013-10-17"),
    ("2020-02-20T12:45:00Z", "2020-02-20T12:45:00+00:00", "2020-02-20"),
    ("2020-02-20 09:30", "2020-02-20T09:30:00", "2020-02-20"),
    ("2020-02-20T23:59:59.250-0330", "2020-02-20T23:59:59-03:30", "2020-02-20"),
    ("2020/02/20", "2020-02-20", "2020-02-20"),
    ("Thu, 20 Feb 2020 09:30:00 +0300", "2020-02-20T09:30:00+03:00", "2020-02-20"),
    ("20 February 2020 09:30 GMT", "2020-02-20T09:30:00+00:00", "2020-02-20"),
    ("2020-02-29", "2020-02-29", "2020-02-29"),
])
func parsesWrittenTimes(_ input: String, _ iso: String, _ day: String) throws {
    let p = try #require(Published(parsing: input))
    #expect(p.description == iso)
    #expect(p.day == day)
}

@Test(arguments: ["2019-02-29", "2020-13-01", "2020-02-20T25:00", "20/02/2020", "yesterday", "", "2020-02-20T10:00+15:00", "2020-02-20x"])
func rejectsImpossibleOrUnknownTimes(_ input: String) {
    #expect(Published(parsing: input) == nil)
}

@Test func ordersByInstantAcrossOffsets() throws {
    let riyadh = try #require(Published(parsing: "2018-05-14T02:00:00+04:00"))  // 22:00 UTC on the 13th
    let london = try #require(Published(parsing: "2018-05-13T23:00:00+00:00"))
    #expect(riyadh < london)
    #expect(riyadh.day == "2018-05-14")
    #expect(riyadh.epochSeconds == 1_526_248_800)
}

@Test(arguments: [
    (CalendarDay(year: 987, month: 3, day: 5), "0987-03-05"),
    (CalendarDay(year: 2018, month: 12, day: 31), "2018-12-31"),
    (CalendarDay(year: 12345, month: 1, day: 2), "12345-01-02"),
])
func daysArePaddedToFourDigitYearsAndNeverCut(_ day: CalendarDay, _ written: String) {
    #expect(day.description == written)
}
