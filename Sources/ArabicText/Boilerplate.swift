import Support

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a line was taken out of the text used for vectors.
public enum BoilerplateReason: String, Sendable, Codable, CaseIterable {
    /// A site label: share buttons, "back to top", "related articles", print, comments.
    case pageChrome = "page_chrome"
    /// A link to another story: "اقرأ أيضا: …", "للمزيد: …", or a headline listed under such a label.
    case relatedStory = "related_story"
    /// A copyright or "all rights reserved" line.
    case copyright
    /// A photo credit or caption label.
    case photoCredit = "photo_credit"
    /// A line that repeats across many of the outlet's articles (learned, see ``Boilerplate/learn(from:)``).
    case learned
}

/// A line removed from an article's text.
public struct RemovedLine: Sendable, Codable, Equatable {
    /// The line's index (0-based) in the text as given.
    public let line: Int
    /// The line as written.
    public let text: String
    /// Why it was removed.
    public let reason: BoilerplateReason
}

/// A text with its boilerplate lines removed, and what was removed.
public struct CleanedText: Sendable, Equatable {
    /// The remaining lines, joined with "\n".
    public let text: String
    /// The lines taken out, in order.
    public let removed: [RemovedLine]
}

/// A line learned as one outlet's boilerplate, with the evidence for it.
public struct LearnedLine: Sendable, Codable, Equatable {
    /// The outlet.
    public let source: String
    /// The line as first seen.
    public let text: String
    /// In how many of the outlet's articles it appears.
    public let articles: Int
    /// On how many distinct publication days.
    public let days: Int
}

/// Boilerplate removal: fixed patterns that hold for every outlet, plus lines learned per outlet
/// from the articles themselves (app notices, disclaimers, sign-offs, inline related-story
/// headlines). The text used for vectors has them removed; the display text keeps them.
public struct Boilerplate: Sendable {
    /// Per outlet, the fingerprints (``fingerprint(_:)``) of its learned lines.
    private let learnedKeys: [String: Set<UInt64>]
    /// The learned lines, for reports, most frequent first.
    public let learned: [LearnedLine]

    /// Only the fixed patterns, nothing learned.
    public static let fixedPatterns = Boilerplate(learnedKeys: [:], learned: [])

    private init(learnedKeys: [String: Set<UInt64>], learned: [LearnedLine]) {
        self.learnedKeys = learnedKeys
        self.learned = learned
    }

    /// One article as the learner sees it.
    public struct Document: Sendable {
        /// The outlet.
        public let source: String
        /// The publication day (YYYY-MM-DD), if known.
        public let day: String?
        /// The article text.
        public let text: String
        /// The fingerprints of the text's lines (``lineFingerprints(of:)``), when already computed.
        public let fingerprints: ArraySlice<LineFingerprint>?

        /// A document for learning; `fingerprints`, when given, are those of `text`'s lines.
        public init(source: String, day: String?, text: String, fingerprints: ArraySlice<LineFingerprint>? = nil) {
            self.source = source
            self.day = day
            self.text = text
            self.fingerprints = fingerprints
        }
    }

    /// A line's identity for learned boilerplate (see ``fingerprint(_:)``) and its number of words.
    public struct LineFingerprint: Sendable, Equatable {
        /// The hash of the line's key words.
        public let hash: UInt64
        /// How many words the line has.
        public let words: Int32
    }

    /// The fingerprint of each line of each text (lines as ``lines(of:)`` splits them), in
    /// parallel: story detection computes them once for both learning and the vectors stage,
    /// which otherwise fingerprinted every line twice. Each text's are a slice of one array per
    /// block of texts (a few large arrays, not one small array per text).
    public static func lineFingerprints(of texts: [String]) -> [ArraySlice<LineFingerprint>] {
        let blockSize = 1024
        return parallelMap(count: (texts.count + blockSize - 1) / blockSize) { block in
            var all: [LineFingerprint] = []
            var ends: [Int] = []
            for var text in texts[(block * blockSize)..<min(texts.count, (block + 1) * blockSize)] {
                // The lines are read in place: a substring per line retained the text's storage.
                text.withUTF8 { bytes in
                    var start = 0
                    while true {
                        let end = offset(of: 0x0A, in: bytes, from: start) ?? bytes.count
                        let (hash, words) = fingerprint(UTF8Scalars(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])))
                        all.append(LineFingerprint(hash: hash, words: Int32(words)))
                        guard end < bytes.count else { break }
                        start = end + 1
                    }
                }
                ends.append(all.count)
            }
            return ends.indices.map { all[($0 == 0 ? 0 : ends[$0 - 1])..<ends[$0]] }
        }.flatMap { $0 }
    }

    /// Learns each outlet's repeated lines. A line (compared on its key words, digits masked) is
    /// boilerplate for an outlet when it appears in at least 3 of its articles on at least 2 days
    /// (1 if the outlet has one day), and either it is short and not a prose sentence (at most
    /// 12 words, not ending with a full stop: sign-offs, labels, related-story headlines) or it
    /// appears in at least max(10, 0.5 %) of the outlet's articles (app notices, disclaimers).
    /// Prose that a few articles of one story share (background paragraphs) stays.
    public static func learn(from documents: [Document]) -> Boilerplate {
        // Outlets are learned independently, in parallel, each from its articles in input order.
        // Documents are read in place, by index: each copy retained three strings and an array
        // whose reference counts were out of the cache.
        var indexOfSource: [String: Int] = [:]
        var articlesOf: [[Int]] = []
        for i in documents.indices {
            let outlet =
                indexOfSource[documents[i].source]
                ?? {
                    indexOfSource[documents[i].source] = articlesOf.count
                    articlesOf.append([])
                    return articlesOf.count - 1
                }()
            articlesOf[outlet].append(i)
        }
        let outlets = articlesOf
        let perOutlet = parallelMap(count: outlets.count) { k in learnOutlet(documents, outlets[k]) }
        var keys: [String: Set<UInt64>] = [:]
        var learned: [LearnedLine] = []
        for (k, lines) in perOutlet.enumerated() where !lines.isEmpty {
            let source = documents[outlets[k][0]].source
            keys[source] = Set(lines.map(\.hash))
            learned += lines.map { LearnedLine(source: source, text: $0.text, articles: $0.articles, days: $0.days) }
        }
        learned.sort { ($0.articles, $1.source, $1.text) > ($1.articles, $0.source, $0.text) }
        return Boilerplate(learnedKeys: keys, learned: learned)
    }

    /// The learned lines of one outlet, whose articles are `documents[articles]` (see
    /// ``learn(from:)``): fingerprint, text as first seen, articles and days.
    private static func learnOutlet(_ documents: [Document], _ articles: [Int]) -> [(hash: UInt64, text: String, articles: Int, days: Int)] {
        // Each line is looked up once: its evidence remembers the last article it was counted
        // in (a line repeated within an article counts once) and where it was first seen, whose
        // text is only read for the lines learned. Most lines appear once: a line keeps its first
        // day, and a set only from a second day on.
        struct Evidence {
            let hash: UInt64
            let document: Int32
            let line: Int32
            let words: Int32
            var articles: Int32 = 0
            var lastDocument: Int32 = -1
            var firstDay: Int32 = -1
            var laterDays: Set<Int32> = []
            var days: Int { firstDay < 0 ? 0 : 1 + laterDays.count }

            mutating func count(in document: Int32, day: Int32?) {
                guard lastDocument != document else { return }
                lastDocument = document
                articles += 1
                guard let day else { return }
                if firstDay < 0 {
                    firstDay = day
                } else if firstDay != day {
                    laterDays.insert(day)
                }
            }
        }
        var dayIndex: [String: Int32] = [:]
        var indexOfLine = HashIndex()
        var lines: [Evidence] = []
        for (d, article) in articles.enumerated() {
            let day = documents[article].day.map { day in
                dayIndex[day]
                    ?? {
                        dayIndex[day] = Int32(dayIndex.count)
                        return Int32(dayIndex.count - 1)
                    }()
            }
            let fingerprints =
                documents[article].fingerprints
                ?? Boilerplate.lines(of: documents[article].text).map {
                    let (hash, words) = fingerprint($0)
                    return LineFingerprint(hash: hash, words: Int32(words))
                }[...]
            for (index, line) in fingerprints.enumerated() where line.words > 0 {
                if let known = indexOfLine[line.hash] {
                    lines[Int(known)].count(in: Int32(d), day: day)
                } else {
                    indexOfLine[line.hash] = Int32(lines.count)
                    lines.append(Evidence(hash: line.hash, document: Int32(d), line: Int32(index), words: line.words))
                    lines[lines.count - 1].count(in: Int32(d), day: day)
                }
            }
        }
        let neededDays = min(2, max(1, dayIndex.count))
        let frequent = max(10, Int((Double(articles.count) * 0.005).rounded(.up)))
        var learned: [(hash: UInt64, text: String, articles: Int, days: Int)] = []
        for line in lines where line.articles >= 3 {
            let days = line.firstDay < 0 ? Int(line.articles) : line.days
            guard days >= neededDays else { continue }
            let text = Boilerplate.lines(of: documents[articles[Int(line.document)]].text)[Int(line.line)].trimmed
            let prose = text.unicodeScalars.last.map { $0 == "." || $0 == "\u{06D4}" } ?? false
            guard (line.words <= 12 && !prose) || Int(line.articles) >= frequent else { continue }
            learned.append((line.hash, text, Int(line.articles), days))
        }
        return learned
    }

    /// The lines of a text, split on "\n" bytes (no grapheme breaking).
    public static func lines(of text: String) -> [Substring] {
        var text = text
        let breaks: [Int] = text.withUTF8 { bytes in
            var breaks: [Int] = []
            var start = 0
            while let found = offset(of: 0x0A, in: bytes, from: start) {
                breaks.append(found)
                start = found + 1
            }
            return breaks
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }

    /// The hash of a line's key words (digits masked as 0) and how many words it has: two copies
    /// of a line that differ in punctuation, symbols, spelling variants or numbers hash alike.
    static func lineHash<S: StringProtocol>(_ line: S) -> (hash: UInt64, words: Int) {
        let words = wordHashes(line)
        return (combine(words[...]), words.count)
    }

    /// The hash of each key word of a line, digits masked as 0.
    static func wordHashes<S: StringProtocol>(_ line: S) -> [UInt64] {
        var words: [UInt64] = []
        UTF8Scalars.of(Substring(line)) { scalars in
            Tokenizer.scan(scalars, hamza: .fold) { _, _, key in words.append(wordHash(key.scalars)) }
        }
        return words
    }

    /// The hash a line's word counts by: its key with digits masked as 0.
    @inline(__always)
    static func wordHash(_ key: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for u in key { hash = (hash ^ UInt64(u.isASCIIDigit ? 0x30 : u.value)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// A line's identity for learned boilerplate, and its number of words: its letters and digits
    /// in the key view (digits masked as 0), word by word, hashed in one pass over the UTF-8 bytes
    /// without building tokens. Punctuation, symbols, diacritics and spelling variants do not
    /// change it.
    static func fingerprint(_ line: Substring) -> (hash: UInt64, words: Int) {
        UTF8Scalars.of(line) { fingerprint($0) }
    }

    private static func fingerprint(_ scalars: UTF8Scalars) -> (hash: UInt64, words: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var words = 0
        var inWord = false
        let mapping = KeyMapping.foldingHamza
        let values = fingerprintValues
        @inline(__always) func mix(_ value: UInt32) { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3 }
        var input = scalars.makeIterator()
        while let u = input.next() {
            let value = u.value < 0x700 ? values[Int(u.value)] : FingerprintValue.byRules
            switch value {
            case FingerprintValue.wordBreak:
                inWord = false
            case FingerprintValue.skipped:
                continue
            case FingerprintValue.byRules:
                let c = ScalarClass.of(u)
                switch c {
                case .arabicLetter, .latinLetter, .digit:
                    if !inWord {
                        if words > 0 { mix(0x20) }
                        inWord = true
                        words += 1
                    }
                    if c == .digit { mix(0x30); continue }
                    switch mapping.map(u, hamza: .fold) {
                    case .scalar(let mapped): mix(mapped.value)
                    case .delete, .space, .combiningHamza, .decimalSeparator, .thousandsSeparator: break
                    case .same, .expansion: mix(u.value)
                    }
                case .joiner: continue
                default: inWord = false
                }
            default:
                if !inWord {
                    if words > 0 { mix(0x20) }
                    inWord = true
                    words += 1
                }
                mix(value)
                // The Arabic letters (U+0600–067F, two bytes from D8 or D9) that follow in the
                // word, in one loop: one branch per letter that changes course only where the
                // word ends, where the scalar-by-scalar dispatch changed course twice a word.
                let bytes = input.bytes
                var position = input.position
                while position + 1 < bytes.count, bytes[position] & 0xFE == 0xD8 {
                    let letter = values[Int(bytes[position] & 0x01) << 6 | Int(bytes[position + 1] & 0x3F) | 0x600]
                    guard letter > FingerprintValue.byRules else { break }
                    mix(letter)
                    position += 2
                }
                input.position = position
            }
        }
        return (hash, words)
    }

    /// What a scalar of U+0000–06FF adds to a line's fingerprint: the key scalar of a letter
    /// (0 for a digit, masked), or one of these markers.
    private enum FingerprintValue {
        /// Not part of a word: ends the current one.
        static let wordBreak: UInt32 = 0
        /// Inside a word, adds nothing (a diacritic, tatweel).
        static let skipped: UInt32 = 1
        /// Decided by the scalar class and the key mapping's rules.
        static let byRules: UInt32 = 2
    }

    /// ``FingerprintValue`` or key scalar of every scalar of U+0000–06FF, looked up on the hot
    /// path instead of its class and its key mapping.
    private static let fingerprintValues: [UInt32] = (0..<0x700).map { (v: UInt32) -> UInt32 in
        let u = Unicode.Scalar(v)!
        switch ScalarClass.of(u) {
        case .digit: return 0x30
        case .arabicLetter, .latinLetter:
            let plain = KeyMapping.foldingHamza.plain[Int(v)]
            return plain > FingerprintValue.byRules ? plain : FingerprintValue.byRules
        case .joiner: return FingerprintValue.skipped
        default: return FingerprintValue.wordBreak
        }
    }

    /// One hash for a run of word hashes.
    static func combine(_ words: ArraySlice<UInt64>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in words { hash = (hash ^ word) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Removes boilerplate lines from `text`: the fixed patterns, then the lines learned for `source`.
    public func clean(_ text: String, source: String?) -> CleanedText {
        var filter = lineFilter(source: source)
        var kept: [Substring] = []
        var removed: [RemovedLine] = []
        for (index, line) in Boilerplate.lines(of: text).enumerated() {
            if let reason = filter.reason(words: Boilerplate.wordHashes(line), line: line) {
                removed.append(RemovedLine(line: index, text: line.trimmed, reason: reason))
            } else {
                kept.append(line)
            }
        }
        return CleanedText(text: removed.isEmpty ? text : kept.joined(separator: "\n"), removed: removed)
    }

    /// A filter that judges the lines of one article of `source` in order (a "read also" label
    /// makes the headlines after it boilerplate).
    public func lineFilter(source: String?) -> LineFilter {
        LineFilter(learned: source.flatMap { learnedKeys[$0] } ?? [])
    }

    /// Judges the lines of one article, in order.
    public struct LineFilter {
        let learned: Set<UInt64>
        var underRelatedLabel = false

        /// Why `line`, whose words hash to `words` (``Analyzer/forEachTermID(in:table:_:)``), is
        /// boilerplate, or nil if it is not. `fingerprint`, when known, is the line's
        /// (``LineFingerprint``); otherwise it is computed if the outlet has learned lines.
        public mutating func reason(words: [UInt64], line: Substring, fingerprint: UInt64? = nil) -> BoilerplateReason? {
            let hash = Boilerplate.combine(words[...])
            var reason = Boilerplate.fixedReason(words: words, hash: hash, line: line)
            if reason == nil, underRelatedLabel, Boilerplate.looksLikeHeadline(words: words.count, line: line) { reason = .relatedStory }
            if reason == nil, !words.isEmpty, !learned.isEmpty, learned.contains(fingerprint ?? Boilerplate.fingerprint(line).hash) { reason = .learned }
            if !words.isEmpty { underRelatedLabel = Boilerplate.relatedLabels.contains(hash) || (underRelatedLabel && reason == .relatedStory) }
            return reason
        }
    }

    /// Whether the whole line is a site label ("مقالات ذات صلة", "زر الذهاب إلى الأعلى", share
    /// buttons…), however it is spelled, punctuated or vocalized.
    public static func isPageChrome<S: StringProtocol>(_ line: S) -> Bool {
        let hash = lineHash(line).hash
        return chromeLabels.contains(hash) || relatedLabels.contains(hash)
    }

    static func fixedReason(words: [UInt64], hash: UInt64, line: Substring) -> BoilerplateReason? {
        guard !words.isEmpty else { return nil }
        if chromeLabels.contains(hash) || relatedLabels.contains(hash) { return .pageChrome }
        if words.count > 2, relatedPrefixes.contains(where: { starts(words, with: $0) }) { return .relatedStory }
        if words.count <= 25, hasCopyrightSign(line) || copyrightPhrases.contains(where: { contains(words, $0) }) { return .copyright }
        if words.count <= 12, photoCreditPrefixes.contains(where: { starts(words, with: $0) }) { return .photoCredit }
        return nil
    }

    /// Whether the line holds "©": its UTF-8 bytes C2 A9, found with `memchr` (the scalar view is
    /// slow on this hot path).
    private static func hasCopyrightSign(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var start = 0
            while let lead = offset(of: 0xC2, in: bytes, from: start) {
                if lead + 1 < bytes.count, bytes[lead + 1] == 0xA9 { return true }
                start = lead + 1
            }
            return false
        }
    }

    /// The offset of the first `byte` in `bytes` at or after `start` (`memchr`), or nil.
    @inline(__always)
    private static func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func starts(_ words: [UInt64], with prefix: [UInt64]) -> Bool {
        words.count >= prefix.count && words[..<prefix.count].elementsEqual(prefix)
    }

    private static func contains(_ words: [UInt64], _ phrase: [UInt64]) -> Bool {
        guard words.count >= phrase.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }

    /// A headline listed under a "read also" label: short, and not a sentence of prose.
    static func looksLikeHeadline(words: Int, line: Substring) -> Bool {
        guard words >= 2, words <= 14, let last = line.trimmed.unicodeScalars.last else { return false }
        return last != "." && last != ":" && last != "\u{06D4}"
    }

    /// Whole-line site labels, by line hash.
    static let chromeLabels: Set<UInt64> = Set(
        [
            "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "إلى الأعلى", "شارك", "شارك المقال", "شارك الخبر", "شارك هذا المقال",
            "مشاركة", "شارك على فيسبوك", "شارك على تويتر", "شارك عبر واتساب", "فيسبوك تويتر واتساب", "طباعة", "أرسل لصديق",
            "تابعونا", "تابعونا على", "تابعنا على", "التعليقات", "أضف تعليق", "اترك تعليقا", "نسخ الرابط", "رابط مختصر",
            "share", "share this", "back to top", "print", "comments", "facebook twitter whatsapp",
        ].map { lineHash($0).hash })

    /// Labels after which a list of other stories' headlines follows, by line hash.
    static let relatedLabels: Set<UInt64> = Set(
        [
            "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "قصص ذات صلة", "مقالات مشابهة", "أخبار متعلقة",
            "اقرأ أيضا", "اقرأ أيضاً", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "للمزيد", "موضوعات ذات صلة",
            "related articles", "read more", "read also",
        ].map { lineHash($0).hash })

    /// A line that starts with one of these and goes on is a link to another story.
    static let relatedPrefixes: [[UInt64]] = ["اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "للمزيد", "read more"].map { wordHashes($0) }

    static let copyrightPhrases: [[UInt64]] = [
        "جميع الحقوق محفوظة", "الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "all rights reserved", "copyright",
    ].map { wordHashes($0) }

    static let photoCreditPrefixes: [[UInt64]] = [
        "تصوير", "الصورة", "صورة أرشيفية", "مصدر الصورة", "حقوق الصورة", "image copyright", "image caption",
        "getty images", "photo", "photo credit",
    ].map { wordHashes($0) }
}
