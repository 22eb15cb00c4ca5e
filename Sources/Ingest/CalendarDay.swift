/// A day of the proleptic Gregorian calendar, as a count of days since 1970-01-01: the arithmetic
/// dates and time expressions need (a publication's day, a day back, the last Thursday) without
/// Foundation's calendars.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// The day of `year-month-day`.
    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 for Sunday … 6 for Saturday.
    public var weekday: Int { ((daysSinceEpoch % 7) + 7 + 4) % 7 }

    /// The day `days` later (earlier if negative).
    public func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Ten bytes make a small string, stored inline without an allocation.
        String(unsafeUninitializedCapacity: (0...9999).contains(components.year) ? 10 : 32) { bytes in
            var written = 0
            write(into: bytes, at: &written)
            return written
        }
    }

    /// Writes `YYYY-MM-DD` at `end` and moves `end` past it (at most 32 bytes): the digits one by
    /// one, where strings padded and joined cost more than the stories' records around them.
    func write(into bytes: UnsafeMutableBufferPointer<UInt8>, at end: inout Int) {
        let (y, m, d) = components
        if y < 0 {
            bytes[end] = UInt8(ascii: "-")
            end += 1
        }
        writePadded(abs(y), width: 4, into: bytes, at: &end)
        bytes[end] = UInt8(ascii: "-")
        end += 1
        writePadded(m, width: 2, into: bytes, at: &end)
        bytes[end] = UInt8(ascii: "-")
        end += 1
        writePadded(d, width: 2, into: bytes, at: &end)
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}

/// Writes `value` (not negative) in decimal at `end`, zero-padded to `width` digits, and moves `end`
/// past it.
func writePadded(_ value: Int, width: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at end: inout Int) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
        digits += 1
        rest /= 10
    }
    let count = max(width, digits)
    var remaining = value
    for k in stride(from: end + count - 1, through: end, by: -1) {
        bytes[k] = UInt8(ascii: "0") + UInt8(remaining % 10)
        remaining /= 10
    }
    end += count
}
