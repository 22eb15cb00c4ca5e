/// A publication time as the source wrote it: the wall-clock time, the UTC offset when one is
/// given, and whether a time of day was given at all.
///
/// Keeping the written offset matters: the same instant is 14 May in Riyadh and 13 May in London,
/// and a story's "day" is the day its outlets printed.
public struct Published: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00 of the wall-clock time as written (offset not applied).
    public let localSeconds: Int64
    /// The UTC offset in seconds as written (`+04:00` → 14400); `nil` when the text gives none.
    public let offsetSeconds: Int?
    /// False for a date without a time of day (`2018-05-14`).
    public let hasTime: Bool

    /// A time from its parts; `offsetSeconds` nil means "no offset written".
    public init(localSeconds: Int64, offsetSeconds: Int?, hasTime: Bool) {
        self.localSeconds = localSeconds
        self.offsetSeconds = offsetSeconds
        self.hasTime = hasTime
    }

    /// Seconds since the Unix epoch of the instant; a time without an offset is read as UTC.
    public var epochSeconds: Int64 { localSeconds - Int64(offsetSeconds ?? 0) }

    /// The calendar day as written (the outlet's own day).
    public var calendarDay: CalendarDay { CalendarDay(daysSinceEpoch: Int(floorDiv(localSeconds, 86_400))) }

    /// The calendar day as written, `YYYY-MM-DD`.
    public var day: String { calendarDay.description }

    /// ISO 8601 as written: `2018-05-14`, `2015-07-21T02:16:13` or `2018-05-14T10:04:00+04:00`.
    public var description: String {
        guard hasTime else { return day }
        return String(unsafeUninitializedCapacity: 64) { bytes in
            var end = 0
            func write(_ byte: Unicode.Scalar, _ value: Int) {
                bytes[end] = UInt8(ascii: byte)
                end += 1
                writePadded(value, width: 2, into: bytes, at: &end)
            }
            calendarDay.write(into: bytes, at: &end)
            let s = Int(floorMod(localSeconds, 86_400))
            write("T", s / 3600)
            write(":", s / 60 % 60)
            write(":", s % 60)
            if let offset = offsetSeconds {
                write(offset < 0 ? "-" : "+", abs(offset) / 3600)
                write(":", abs(offset) / 60 % 60)
            }
            return end
        }
    }

    /// Orders by instant, then by the written form so that equal instants order consistently.
    public static func < (a: Published, b: Published) -> Bool {
        a.epochSeconds != b.epochSeconds ? a.epochSeconds < b.epochSeconds : a.localSeconds < b.localSeconds
    }

    /// Parses ISO 8601 (`2018-05-14`, `2018-05-14T10:04:00+04:00`, `2018-05-14 10:04`, fractions,
    /// `Z`, `+0400`, `/` as date separator) and RFC 2822 (`Mon, 14 May 2018 10:04:00 +0400`).
    /// Returns `nil` for anything else or for an impossible date such as 2018-02-30.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        var iso = DateScanner(bytes)
        iso.skipSpaces()
        var rfc = DateScanner(bytes)
        guard let parsed = iso.iso8601() ?? rfc.rfc2822() else { return nil }
        self = parsed
    }
}

// MARK: - Parsing

private struct DateScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { i >= bytes.count }
    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    mutating func skipSpaces() {
        while let c = peek, c == 0x20 || c == 0x09 { i += 1 }
    }

    mutating func take(_ c: UInt8) -> Bool {
        guard peek == c else { return false }
        i += 1
        return true
    }

    /// Exactly `count` ASCII digits.
    mutating func digits(_ count: Int) -> Int? {
        guard i + count <= bytes.count else { return nil }
        var v = 0
        for k in 0..<count {
            let c = bytes[i + k]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        i += count
        return v
    }

    /// One or two ASCII digits.
    mutating func shortNumber() -> Int? {
        guard let first = digits(1) else { return nil }
        if let second = digits(1) { return first * 10 + second }
        return first
    }

    mutating func iso8601() -> Published? {
        guard let year = digits(4) else { return nil }
        let sep = peek
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") else { return nil }
        i += 1
        guard let month = digits(2), take(sep!), let day = digits(2) else { return nil }
        guard let days = daysSinceEpoch(year: year, month: month, day: day) else { return nil }
        skipSpaces()
        if atEnd { return Published(localSeconds: Int64(days) * 86_400, offsetSeconds: nil, hasTime: false) }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || bytes[i - 1] == 0x20 else { return nil }
        guard let clock = timeAndOffset() else { return nil }
        return Published(localSeconds: Int64(days) * 86_400 + clock.seconds, offsetSeconds: clock.offset, hasTime: true)
    }

    /// `HH:MM[:SS[.fff]]` then an optional `Z` / `±HH[:MM]` / `±HHMM` / `GMT` / `UTC`, then the end.
    mutating func timeAndOffset() -> (seconds: Int64, offset: Int?)? {
        guard let hour = digits(2), take(UInt8(ascii: ":")), let minute = digits(2) else { return nil }
        var second = 0
        if take(UInt8(ascii: ":")) {
            guard let s = digits(2) else { return nil }
            second = s
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                guard digits(1) != nil else { return nil }
                while digits(1) != nil {}
            }
        }
        guard hour < 24, minute < 60, second < 61 else { return nil }
        skipSpaces()
        var offset: Int?
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            offset = 0
        } else if let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            i += 1
            guard let oh = digits(2) else { return nil }
            var om = 0
            if take(UInt8(ascii: ":")) {
                guard let m = digits(2) else { return nil }
                om = m
            } else if let m = digits(2) {
                om = m
            }
            guard oh <= 14, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else if matchWord("GMT") || matchWord("UTC") || matchWord("UT") {
            offset = 0
        }
        skipSpaces()
        guard atEnd else { return nil }
        return (Int64(hour * 3600 + minute * 60 + min(second, 59)), offset)
    }

    mutating func matchWord(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { return false }
        i += w.count
        return true
    }

    /// `[Day, ]DD Mon YYYY HH:MM[:SS] zone` (RFC 2822), as RSS feeds and some meta tags write it.
    mutating func rfc2822() -> Published? {
        skipSpaces()
        // Optional weekday name and comma.
        if let c = peek, isLetter(c) {
            while let c = peek, isLetter(c) { i += 1 }
            guard take(UInt8(ascii: ",")) else { return nil }
            skipSpaces()
        }
        guard let day = shortNumber() else { return nil }
        skipSpaces()
        let start = i
        while let c = peek, isLetter(c) { i += 1 }
        let name = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
        guard let month = englishMonths.firstIndex(of: String(name.prefix(3))), name.count >= 3 else { return nil }
        skipSpaces()
        guard let year = digits(4), let days = daysSinceEpoch(year: year, month: month + 1, day: day) else { return nil }
        skipSpaces()
        if atEnd { return Published(localSeconds: Int64(days) * 86_400, offsetSeconds: nil, hasTime: false) }
        guard let clock = timeAndOffset() else { return nil }
        return Published(localSeconds: Int64(days) * 86_400 + clock.seconds, offsetSeconds: clock.offset, hasTime: true)
    }

    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}

private let englishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

// MARK: - Civil calendar (proleptic Gregorian), after Howard Hinnant's days_from_civil

private func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

/// Days since 1970-01-01 of a valid date, nil for an impossible one (31 April, 29 February 2019).
private func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int? {
    let monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...12).contains(month), day >= 1, day <= monthDays[month - 1] else { return nil }
    return CalendarDay(year: year, month: month, day: day).daysSinceEpoch
}

private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : (a - b + 1) / b }
private func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
