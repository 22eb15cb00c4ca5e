import Ingest

/// The Umm al-Qura calendar (the official Hijri calendar of Saudi Arabia), 1400–1500 AH
/// (20 November 1979 – 16 November 2077): dates converted exactly, not by the arithmetical calendar,
/// which is off by a day for about half the months. Month lengths are facts of the published
/// calendar; this table was generated for the project with hijridate 2.6.0 (MIT), which carries
/// the Umm al-Qura tables (its earlier years have months of 28 days and are left out).
enum HijriCalendar {
    /// The first year of the table.
    static let firstYear = 1400
    /// 1 Muharram 1400, in days since 1970-01-01.
    static let firstDay = 3_610
    /// One entry per year: bit m-1 set when month m has 30 days (else 29).
    static let monthBits: [UInt16] = [
        0xD4B, 0x52A, 0xA57, 0x4AE, 0x976, 0x56C, 0xB55, 0xAAA, 0xA55, 0x4AD, 0x95D, 0x2DA, 0x5D9, 0xDB2, 0xBA4, 0xB4A,
        0xA55, 0x2B5, 0x575, 0xB6A, 0xBD2, 0xBC4, 0xB89, 0xA95, 0x52D, 0x5AD, 0xB6A, 0x6D4, 0xDC9, 0xD92, 0xAA6, 0x956,
        0x2AE, 0x56D, 0x36A, 0xB55, 0xAAA, 0x94D, 0x49D, 0x95D, 0x2BA, 0x5B5, 0x5AA, 0xD55, 0xA9A, 0x92E, 0x26E, 0x55D,
        0xADA, 0x6D4, 0x6A5, 0x54B, 0xA97, 0x54E, 0xAAE, 0x5AC, 0xBA9, 0xD92, 0xB25, 0x64B, 0xCAB, 0x55A, 0xB55, 0x6D2,
        0xEA5, 0xE4A, 0xA95, 0x52D, 0xAAD, 0x36C, 0x759, 0x6D2, 0x695, 0x52D, 0xA5B, 0x4BA, 0x9BA, 0x3B4, 0xB69, 0xB52,
        0xAA6, 0x4B6, 0x96D, 0x2EC, 0x6D9, 0xEB2, 0xD54, 0xD2A, 0xA56, 0x4AE, 0x96D, 0xD6A, 0xB54, 0xB29, 0xA93, 0x52B,
        0xA57, 0x536, 0xAB5, 0x6AA, 0xE93,
    ]

    /// Days in month `month` of Hijri `year`.
    static func length(year: Int, month: Int) -> Int {
        monthBits[year - firstYear] & (1 << (month - 1)) != 0 ? 30 : 29
    }

    /// The Gregorian day of a Hijri date, nil outside the table or for a day the month lacks.
    static func day(year: Int, month: Int, day: Int) -> CalendarDay? {
        guard (firstYear..<(firstYear + monthBits.count)).contains(year), (1...12).contains(month),
            day >= 1, day <= length(year: year, month: month)
        else { return nil }
        var days = firstDay
        for y in firstYear..<year { days += (1...12).reduce(0) { $0 + length(year: y, month: $1) } }
        for m in 1..<month { days += length(year: year, month: m) }
        return CalendarDay(daysSinceEpoch: days + day - 1)
    }

    /// The Hijri year in progress on a Gregorian day (for dates written without their year).
    static func year(of gregorian: CalendarDay) -> Int? {
        var start = firstDay
        for (offset, _) in monthBits.enumerated() {
            let year = firstYear + offset
            let next = start + (1...12).reduce(0) { $0 + length(year: year, month: $1) }
            if gregorian.daysSinceEpoch < next { return gregorian.daysSinceEpoch >= start ? year : nil }
            start = next
        }
        return nil
    }
}
