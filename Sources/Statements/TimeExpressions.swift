import ArabicText
import Ingest
import Support

/// A temporal expression of a sentence: the tokens it spans and the day it names, nil when it is
/// vague (في وقت سابق، الأسبوع الماضي) or cannot be placed.
struct TimeMention: Equatable {
    /// Token indices of the expression.
    let tokens: Range<Int>
    /// The day, resolved against the publication day.
    let day: CalendarDay?
}

/// Time words of Arabic news, looked up on the key view (written here in standard spelling and
/// normalized at load). Written for this project (CC0) from the month and weekday names of the
/// Egyptian/Gulf (يناير), Levantine/Iraqi (كانون الثاني) and Maghrebi (جانفي) systems.
enum TimeWords {
    static func key(_ word: String) -> String { KeyNormalizer().key(word) }

    /// Weekday keys, 0 = Sunday.
    static let weekdays = WordMap(weekdayNumbers)
    private static let weekdayNumbers = Dictionary(
        uniqueKeysWithValues: ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"].enumerated().map { (key($1), $0) })
    /// اليوم، أمس، غدا، الليلة: days from the publication day.
    static let relativeDays = WordMap(relativeDayOffsets)
    private static let relativeDayOffsets = [key("اليوم"): 0, key("أمس"): -1, key("البارحة"): -1, key("غدا"): 1, key("الليلة"): 0]
    /// Parts of the day that may open an expression (مساء الأربعاء، صباح اليوم).
    static let partsOfDay = WordSet(partsOfDayKeys)
    private static let partsOfDayKeys = ["مساء", "صباح", "ظهر", "فجر", "عصر", "ليلة", "ليل", "مساء", "نهار"].map(key)
    /// Expressions that date a speech act only vaguely: kept as written, never resolved.
    static let vague: [[String]] = [
        "في وقت سابق", "في وقت لاحق", "في وقت متأخر", "سابقا", "لاحقا", "مؤخرا", "أخيرا", "الأسبوع الماضي", "الشهر الماضي",
        "العام الماضي", "منذ أيام", "قبل أيام", "في الأيام الأخيرة", "الأسبوع المقبل",
    ].map { $0.split(separator: " ").map { key(String($0)) } }
    /// Month names → month number, single words.
    static let months: WordMap<Int> = {
        var months: [String: Int] = [:]
        let names: [(String, Int)] = [
            ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ابريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6),
            ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
            ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6), ("تموز", 7), ("آب", 8), ("أيلول", 9),
            ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
        ]
        for (name, month) in names { months[key(name)] = month }
        return WordMap(months)
    }()
    /// Hijri month names of one word (رمضان، شوال) → month number.
    static let hijriMonths = WordMap(
        [
            "محرم": 1, "المحرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
        ].reduce(into: [:]) { $0[key($1.key)] = $1.value })
    /// Hijri month names of two words (ربيع الأول، جمادى الآخرة، ذي الحجة) → month number.
    static let twoWordHijriMonths: [[String]: Int] = {
        var months: [[String]: Int] = [:]
        for (first, seconds, month) in [
            (["ربيع"], ["الأول", "أول"], 3), (["ربيع"], ["الثاني", "الآخر", "ثاني"], 4),
            (["جمادى", "جمادي"], ["الأولى", "الأول"], 5), (["جمادى", "جمادي"], ["الآخرة", "الثانية", "الآخر"], 6),
            (["ذو", "ذي", "ذا"], ["القعدة"], 11), (["ذو", "ذي", "ذا"], ["الحجة"], 12),
        ] {
            for f in first { for s in seconds { months[[key(f), key(s)]] = month } }
        }
        return months
    }()
    /// The words an expression can open with (dates open with a number).
    static let openers = WordSet(vague.map { $0[0] } + partsOfDayKeys + relativeDayOffsets.keys + weekdayNumbers.keys + [day])
    /// يوم, before a weekday or relative day.
    static let day = key("يوم")
    /// هـ after a Hijri year.
    static let hijriEra: WordSet = [key("هـ"), key("ه")]
    /// الموافق: the Gregorian date beside a Hijri one follows.
    static let corresponding = key("الموافق")

    /// Where a Hijri date without its year lies from the publication (الجاري، الماضي، المقبل).
    static let hijriRelative = WordMap([key("الجاري"): 0, key("الماضي"): -1, key("المقبل"): 1, key("القادم"): 1])

    /// Two-word month names: كانون الثاني، تشرين الأول…
    static let twoWordMonths: [[String]: Int] = [
        ["كانون", "الثاني"]: 1, ["تشرين", "الأول"]: 10, ["تشرين", "الثاني"]: 11, ["كانون", "الأول"]: 12,
    ].reduce(into: [:]) { $0[$1.key.map(key)] = $1.value }
}

enum TimeExpressions {
    /// The first temporal expression among `tokens[range]`, resolved against `published`.
    /// With `lateInUTC` (published late in the evening of a day written in UTC), a weekday alone
    /// that names the next day is that day: the newsroom's day, east of Greenwich, has turned.
    static func first(in tokens: [Token], _ range: Range<Int>, published: CalendarDay?, lateInUTC: Bool = false) -> TimeMention? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let mention = match(tokens, at: i, end: range.upperBound, published: published, lateInUTC: lateInUTC) { return mention }
            i += 1
        }
        return nil
    }

    /// The key of a token without a leading و (وأمس، والخميس).
    static func bare(_ token: Token) -> String {
        let key = token.key
        if key.hasBytePrefix("و"), key.unicodeScalars.count > 3 {
            let rest = String(key.unicodeScalars.dropFirst())
            if TimeWords.relativeDays[rest] != nil || TimeWords.weekdays[rest] != nil || TimeWords.partsOfDay.contains(rest) { return rest }
        }
        return key
    }

    private static func match(_ tokens: [Token], at start: Int, end: Int, published: CalendarDay?, lateInUTC: Bool) -> TimeMention? {
        if tokens[start].kind == .number { return date(tokens, at: start, end: end, published: published) }
        let first = bare(tokens[start])
        guard TimeWords.openers.contains(first) else { return nil }
        for phrase in TimeWords.vague where start + phrase.count <= end && phrase[0].hasSameBytes(as: first) {
            if (0..<phrase.count).allSatisfy({ bare(tokens[start + $0]).hasSameBytes(as: phrase[$0]) }) {
                return TimeMention(tokens: start..<(start + phrase.count), day: nil)
            }
        }
        var i = start
        if TimeWords.partsOfDay.contains(bare(tokens[i])) { i += 1 }
        if i < end, bare(tokens[i]).hasSameBytes(as: TimeWords.day) { i += 1 }
        var offset: Int?
        var weekday: Int?
        if i < end, let days = TimeWords.relativeDays[bare(tokens[i])] {
            offset = days
            i += 1
        }
        if i < end, let day = TimeWords.weekdays[bare(tokens[i])] {
            weekday = day
            i += 1
        }
        guard offset != nil || weekday != nil else { return nil }
        return TimeMention(tokens: start..<i, day: published.flatMap { resolve(offset: offset, weekday: weekday, published: $0, lateInUTC: lateInUTC) })
    }

    /// اليوم/أمس/غدا move from the publication day; a weekday must agree, else the nearest day on
    /// or before publication with that weekday is taken (a weekday alone means the last one), but
    /// the next day when the article was published late on a day written in UTC (الثلاثاء in an
    /// article of Monday 22:38 UTC is the Tuesday it already was in the Gulf).
    static func resolve(offset: Int?, weekday: Int?, published: CalendarDay, lateInUTC: Bool = false) -> CalendarDay {
        if let offset {
            let day = published.adding(days: offset)
            if weekday == nil || day.weekday == weekday { return day }
        }
        if offset == nil, lateInUTC, published.adding(days: 1).weekday == weekday { return published.adding(days: 1) }
        let back = (published.weekday - weekday! + 7) % 7
        return published.adding(days: -back)
    }

    /// `10 شعبان 1436 هـ`، `27 شوال المقبل`، `13 رمضان الجاري الموافق 30 يونيو`: a Hijri date, read on
    /// the Umm al-Qura calendar; the Gregorian date given beside it (الموافق …) wins. Without a
    /// year, the year that puts the date nearest the publication (or the year the word after the
    /// month says: الماضي، المقبل).
    private static func hijriDate(_ tokens: [Token], day: Int, at start: Int, end: Int, published: CalendarDay?) -> TimeMention? {
        var i = start + 1
        var month: Int?
        if i + 1 < end, let m = TimeWords.twoWordHijriMonths[[tokens[i].key, tokens[i + 1].key]] {
            month = m
            i += 2
        } else if let m = TimeWords.hijriMonths[tokens[i].key] {
            month = m
            i += 1
        }
        guard let month else { return nil }
        var relative: Int?
        if i < end, let r = TimeWords.hijriRelative[tokens[i].key] {
            relative = r
            i += 1
        }
        var year: Int?
        if i < end, tokens[i].kind == .number, let y = Int(tokens[i].key), (1300...1500).contains(y) {
            year = y
            i += 1
            if i < end, TimeWords.hijriEra.contains(tokens[i].key) { i += 1 }
        }
        if i + 1 < end, tokens[i].key.hasSameBytes(as: TimeWords.corresponding), let gregorian = date(tokens, at: i + 1, end: end, published: published) {
            return TimeMention(tokens: start..<gregorian.tokens.upperBound, day: gregorian.day)
        }
        guard let published else { return TimeMention(tokens: start..<i, day: nil) }
        if let year { return TimeMention(tokens: start..<i, day: HijriCalendar.day(year: year, month: month, day: day)) }
        guard let current = HijriCalendar.year(of: published) else { return TimeMention(tokens: start..<i, day: nil) }
        let candidates = [current - 1, current, current + 1].compactMap { HijriCalendar.day(year: $0, month: month, day: day) }
        let fitting = candidates.filter { candidate in
            switch relative {
            case -1: candidate.daysSinceEpoch <= published.daysSinceEpoch
            case 1: candidate.daysSinceEpoch >= published.daysSinceEpoch
            default: true
            }
        }
        let nearest = fitting.min { abs($0.daysSinceEpoch - published.daysSinceEpoch) < abs($1.daysSinceEpoch - published.daysSinceEpoch) }
        return TimeMention(tokens: start..<i, day: nearest)
    }

    /// `14 مايو`، `14 أيار/مايو 2018`, `الرابع عشر` is not read.
    private static func date(_ tokens: [Token], at start: Int, end: Int, published: CalendarDay?) -> TimeMention? {
        guard tokens[start].kind == .number, let day = Int(tokens[start].key), (1...31).contains(day), start + 1 < end else { return nil }
        var i = start + 1
        var month: Int?
        if i + 1 < end, let m = TimeWords.twoWordMonths[[tokens[i].key, tokens[i + 1].key]] {
            month = m
            i += 2
        } else if let m = TimeWords.months[tokens[i].key] {
            month = m
            i += 1
        }
        guard let month else { return hijriDate(tokens, day: day, at: start, end: end, published: published) }
        // "أيار/مايو": the second name of a dual form.
        if i < end, TimeWords.months[tokens[i].key] == month { i += 1 }
        var year: Int?
        if i < end, tokens[i].kind == .number, let y = Int(tokens[i].key), (1900...2100).contains(y) {
            year = y
            i += 1
        }
        guard let published else { return TimeMention(tokens: start..<i, day: nil) }
        var resolved = CalendarDay(year: year ?? published.components.year, month: month, day: day)
        // Without a year, a date well after publication is last year's.
        if year == nil, resolved.daysSinceEpoch > published.daysSinceEpoch + 31 {
            resolved = CalendarDay(year: published.components.year - 1, month: month, day: day)
        }
        return TimeMention(tokens: start..<i, day: resolved)
    }
}
