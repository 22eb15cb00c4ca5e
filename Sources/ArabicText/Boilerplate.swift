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
    /// Per outlet, the hashes (``lineHash(_:)``) of its learned lines.
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

        /// A document for learning.
        public init(source: String, day: String?, text: String) {
            self.source = source
            self.day = day
            self.text = text
        }
    }

    /// Learns each outlet's repeated lines. A line (compared on its key words, digits masked) is
    /// boilerplate for an outlet when it appears in at least 3 of its articles on at least 2 days
    /// (1 if the outlet has one day), and either it is short and not a prose sentence (at most
    /// 12 words, not ending with a full stop: sign-offs, labels, related-story headlines) or it
    /// appears in at least max(10, 0.5 %) of the outlet's articles (app notices, disclaimers).
    /// Prose that a few articles of one story share (background paragraphs) stays.
    public static func learn(from documents: [Document]) -> Boilerplate {
        struct Evidence { var text: Substring; var articles = 0; var days: Set<String> = []; var words = 0 }
        struct Outlet { var articles = 0; var days: Set<String> = []; var lines: [UInt64: Evidence] = [:] }
        var outlets: [String: Outlet] = [:]
        var seen: Set<UInt64> = []
        for document in documents {
            var outlet = outlets.removeValue(forKey: document.source) ?? Outlet()
            outlet.articles += 1
            if let day = document.day { outlet.days.insert(day) }
            seen.removeAll(keepingCapacity: true)
            for line in lines(of: document.text) {
                let (hash, words) = lineHash(line)
                guard words > 0, seen.insert(hash).inserted else { continue }
                outlet.lines[hash, default: Evidence(text: line, words: words)].articles += 1
                if let day = document.day { outlet.lines[hash]!.days.insert(day) }
            }
            outlets[document.source] = outlet
        }
        var keys: [String: Set<UInt64>] = [:]
        var learned: [LearnedLine] = []
        for (source, outlet) in outlets {
            let neededDays = min(2, max(1, outlet.days.count))
            let frequent = max(10, Int((Double(outlet.articles) * 0.005).rounded(.up)))
            for (hash, line) in outlet.lines where line.articles >= 3 {
                let days = line.days.isEmpty ? line.articles : line.days.count
                guard days >= neededDays else { continue }
                let text = line.text.trimmed
                let prose = text.unicodeScalars.last.map { $0 == "." || $0 == "\u{06D4}" } ?? false
                guard (line.words <= 12 && !prose) || line.articles >= frequent else { continue }
                keys[source, default: []].insert(hash)
                learned.append(LearnedLine(source: source, text: text, articles: line.articles, days: days))
            }
        }
        learned.sort { ($0.articles, $1.source, $1.text) > ($1.articles, $0.source, $0.text) }
        return Boilerplate(learnedKeys: keys, learned: learned)
    }

    /// The lines of a text, split on "\n" bytes (no grapheme breaking).
    static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The hash of a line's key words (digits masked as 0) and how many words it has: two copies
    /// of a line that differ in punctuation, symbols, spelling variants or numbers hash alike.
    static func lineHash(_ line: Substring) -> (hash: UInt64, words: Int) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var words = 0
        Tokenizer.scan(line.unicodeScalars, hamza: .fold) { _, _, key in
            hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3
            for u in key.output {
                hash = (hash ^ UInt64(u.isASCIIDigit ? 0x30 : u.value)) &* 0x0000_0100_0000_01B3
            }
            words += 1
        }
        return (hash, words)
    }

    /// Removes boilerplate lines from `text`: the fixed patterns, then the lines learned for `source`.
    public func clean(_ text: String, source: String?) -> CleanedText {
        let outletKeys = source.flatMap { learnedKeys[$0] } ?? []
        var kept: [Substring] = []
        var removed: [RemovedLine] = []
        var underRelatedLabel = false
        for (index, line) in Boilerplate.lines(of: text).enumerated() {
            let key = Boilerplate.lineKey(line)
            var reason = Boilerplate.fixedReason(key: key, line: line)
            if reason == nil, underRelatedLabel, Boilerplate.looksLikeHeadline(key: key, line: line) { reason = .relatedStory }
            if reason == nil, !key.isEmpty, outletKeys.contains(Boilerplate.lineHash(line).hash) { reason = .learned }
            if !key.isEmpty { underRelatedLabel = Boilerplate.relatedLabels.contains(key) || (underRelatedLabel && reason == .relatedStory) }
            if let reason {
                removed.append(RemovedLine(line: index, text: line.trimmed, reason: reason))
            } else {
                kept.append(line)
            }
        }
        return CleanedText(text: removed.isEmpty ? text : kept.joined(separator: "\n"), removed: removed)
    }

    /// Whether the whole line is a site label ("مقالات ذات صلة", "زر الذهاب إلى الأعلى", share
    /// buttons…), however it is spelled, punctuated or vocalized.
    public static func isPageChrome<S: StringProtocol>(_ line: S) -> Bool {
        let key = lineKey(line)
        return chromeLabels.contains(key) || relatedLabels.contains(key)
    }

    /// A line's key words joined by single spaces, digits masked as 0: punctuation, symbols and
    /// spelling variants do not make two copies of a line differ.
    static func lineKey<S: StringProtocol>(_ line: S) -> String {
        var words: [String] = []
        Tokenizer.scan(line.unicodeScalars, hamza: .fold) { _, _, key in
            words.append(String(scalars: key.output.map { $0.isASCIIDigit ? "0" : $0 }))
        }
        return words.joined(separator: " ")
    }

    private static func fixedReason(key: String, line: Substring) -> BoilerplateReason? {
        guard !key.isEmpty else { return nil }
        if chromeLabels.contains(key) || relatedLabels.contains(key) { return .pageChrome }
        let words = key.split(separator: " ")
        if words.count > 2, relatedPrefixes.contains(where: { key.hasPrefix($0 + " ") }) { return .relatedStory }
        if words.count <= 25, line.unicodeScalars.contains("©") || copyrightPhrases.contains(where: key.contains) { return .copyright }
        if words.count <= 12, photoCreditPrefixes.contains(where: { key == $0 || key.hasPrefix($0 + " ") }) { return .photoCredit }
        return nil
    }

    /// A headline listed under a "read also" label: short, and not a sentence of prose.
    private static func looksLikeHeadline(key: String, line: Substring) -> Bool {
        let words = key.split(separator: " ").count
        guard words >= 2, words <= 14, let last = line.trimmed.unicodeScalars.last else { return false }
        return last != "." && last != ":" && last != "\u{06D4}"
    }

    private static func keys(_ phrases: [String]) -> [String] { phrases.map { lineKey($0) } }

    /// Whole-line site labels.
    static let chromeLabels: Set<String> = Set(keys([
        "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "إلى الأعلى", "شارك", "شارك المقال", "شارك الخبر", "شارك هذا المقال",
        "مشاركة", "شارك على فيسبوك", "شارك على تويتر", "شارك عبر واتساب", "فيسبوك تويتر واتساب", "طباعة", "أرسل لصديق",
        "تابعونا", "تابعونا على", "تابعنا على", "التعليقات", "أضف تعليق", "اترك تعليقا", "نسخ الرابط", "رابط مختصر",
        "share", "share this", "back to top", "print", "comments", "facebook twitter whatsapp",
    ]))

    /// Labels after which a list of other stories' headlines follows.
    static let relatedLabels: Set<String> = Set(keys([
        "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "قصص ذات صلة", "مقالات مشابهة", "أخبار متعلقة",
        "اقرأ أيضا", "اقرأ أيضاً", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "للمزيد", "موضوعات ذات صلة",
        "related articles", "read more", "read also",
    ]))

    /// A line that starts with one of these and goes on is a link to another story.
    static let relatedPrefixes: [String] = keys(["اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "شاهد أيضا", "طالع أيضا", "للمزيد", "read more"])

    static let copyrightPhrases: [String] = keys([
        "جميع الحقوق محفوظة", "الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع محفوظة", "all rights reserved", "copyright",
    ])

    static let photoCreditPrefixes: [String] = keys([
        "تصوير", "الصورة", "صورة أرشيفية", "مصدر الصورة", "حقوق الصورة", "image copyright", "image caption",
        "getty images", "photo", "photo credit",
    ])
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmed: String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end]))
    }
}
