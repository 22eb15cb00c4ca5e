import ArabicText

/// Scores of predicted statements against gold, by the rule of `../shared/bench/score_statements.py`:
/// a predicted and a gold statement of the same article match when their content words overlap by
/// at least half of the shorter one (one to one, best overlap first); speaker, kind and time are
/// then compared on the matched pairs.
public struct StatementScores: Sendable, Equatable, Codable {
    /// Articles scored.
    public var articles = 0
    /// Gold statements.
    public var gold = 0
    /// Predicted statements in the scored articles.
    public var predicted = 0
    /// Matched pairs.
    public var matched = 0
    /// Matched over predicted.
    public var precision = 0.0
    /// Matched over gold.
    public var recall = 0.0
    /// Their harmonic mean.
    public var f1 = 0.0
    /// Share of matched pairs whose speakers agree (names compared without titles, one contained
    /// in the other or sharing half their words).
    public var speakerAccuracy = 0.0
    /// Share of matched pairs of the same kind.
    public var kindAccuracy = 0.0
    /// Share of matched pairs with a gold time whose predicted day is that time.
    public var timeAccuracy: Double?
    /// Matched pairs with a gold time.
    public var timedMatches = 0

    /// One statement as scored: article, content, speaker, kind, time.
    public struct Row: Sendable, Equatable {
        /// The article id.
        public let article: String
        /// The content.
        public let content: String
        /// The canonical speaker.
        public let speaker: String
        /// `direct`, `indirect` or `mixed`.
        public let kind: String
        /// `YYYY-MM-DD…`, or nil.
        public let time: String?

        /// A row.
        public init(article: String, content: String, speaker: String, kind: String, time: String?) {
            self.article = article
            self.content = content
            self.speaker = speaker
            self.kind = kind
            self.time = time
        }
    }

    /// Scores `predicted` against `gold` over the gold articles and `alsoScored` (annotated
    /// articles without statements, where every prediction is a false positive).
    public init(predicted: [Row], gold: [Row], alsoScored: Set<String> = []) {
        let scored = Set(gold.map(\.article)).union(alsoScored)
        let goldBy = Dictionary(grouping: gold, by: \.article)
        let predictedBy = Dictionary(grouping: predicted.filter { scored.contains($0.article) }, by: \.article)
        var speakers = 0, kinds = 0, times = 0
        for article in scored.sorted() {
            let g = goldBy[article] ?? [], p = predictedBy[article] ?? []
            var candidates: [(overlap: Double, gold: Int, predicted: Int)] = []
            for (i, gs) in g.enumerated() {
                let gw = Set(StatementScores.words(gs.content))
                for (j, ps) in p.enumerated() {
                    let pw = Set(StatementScores.words(ps.content))
                    guard !gw.isEmpty, !pw.isEmpty else { continue }
                    let overlap = Double(gw.intersection(pw).count) / Double(min(gw.count, pw.count))
                    if overlap >= 0.5 { candidates.append((overlap, i, j)) }
                }
            }
            candidates.sort { ($0.overlap, $0.gold, $0.predicted) > ($1.overlap, $1.gold, $1.predicted) }
            var usedGold = Set<Int>(), usedPredicted = Set<Int>()
            for c in candidates where !usedGold.contains(c.gold) && !usedPredicted.contains(c.predicted) {
                usedGold.insert(c.gold)
                usedPredicted.insert(c.predicted)
                matched += 1
                let (gs, ps) = (g[c.gold], p[c.predicted])
                if StatementScores.sameSpeaker(gs.speaker, ps.speaker) { speakers += 1 }
                if gs.kind == ps.kind { kinds += 1 }
                if let time = gs.time {
                    timedMatches += 1
                    if (ps.time ?? "").prefix(10) == time.prefix(10) { times += 1 }
                }
            }
            self.gold += g.count
            self.predicted += p.count
        }
        articles = scored.count
        precision = self.predicted == 0 ? 0 : Double(matched) / Double(self.predicted)
        recall = self.gold == 0 ? 0 : Double(matched) / Double(self.gold)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        speakerAccuracy = matched == 0 ? 0 : Double(speakers) / Double(matched)
        kindAccuracy = matched == 0 ? 0 : Double(kinds) / Double(matched)
        timeAccuracy = timedMatches == 0 ? nil : Double(times) / Double(timedMatches)
    }

    /// Content words as the scorer compares them: key view (hamza, alef, yeh, teh marbuta
    /// folded, diacritics gone), split at anything but letters and digits, the article and a
    /// leading و/ف removed.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each of ``words(_:)`` in turn, without making a
    /// string of it (the bytes are valid during the call only): the timeline numbers the words
    /// of every statement.
    public static func forEachWord(in text: String, _ body: (UnsafeRawBufferPointer) -> Void) {
        var key = KeyNormalizer().key(text)
        key.withUTF8 { bytes in
            let base = UnsafeRawBufferPointer(bytes)
            var start = 0  // the current word's first byte
            var scalars = 0  // and its length in scalars
            func flush(upTo end: Int) {
                defer { scalars = 0 }
                guard scalars > 0 else { return }
                var first = start
                let word = UnsafeRawBufferPointer(rebasing: base[start..<end])
                if let prefix = articlePrefixes.first(where: { scalars - $0.scalars >= 2 && word.starts(with: $0.bytes) }) {
                    first += prefix.bytes.count
                } else if scalars >= 4, word.starts(with: waw) || word.starts(with: fa) {
                    first += 2
                }
                body(UnsafeRawBufferPointer(rebasing: base[first..<end]))
            }
            var decoder = UTF8Scalars(bytes: bytes).makeIterator()
            var position = 0
            while let scalar = decoder.next() {
                if isWordScalar(scalar) {
                    if scalars == 0 { start = position }
                    scalars += 1
                } else {
                    flush(upTo: position)
                }
                position = decoder.position
            }
            flush(upTo: base.count)
        }
    }

    /// Letters, digits and `_`: what a content word is made of.
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x0621...0x064A: return true
        case 0..<0x80: return false
        default:
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }

    /// The article with its proclitics, longest first: UTF-8 bytes and length in scalars.
    static let articlePrefixes: [(bytes: [UInt8], scalars: Int)] = ["وال", "بال", "فال", "كال", "لل", "ال"].map { (Array($0.utf8), $0.unicodeScalars.count) }
    static let waw = Array("و".utf8)
    static let fa = Array("ف".utf8)

    static let titleWords: Set<String> = Set(
        words("الرئيس رئيس وزير وزيره المتحدث باسم الناطق المستشاره المستشار الامين العام نائب زعيم الملك الامير ولي العهد الشيخ السيد السيده الدكتور"))

    /// A country's government written as the government, the country, its capital or a by-name
    /// (الحكومة السورية = سوريا = دمشق): the scorer counts them as one speaker (guidelines §3).
    /// Each group's words, the first naming the country (as `score_statements.py` writes them).
    static let countryOfWord: [String: String] = {
        let groups = [
            "سوريا سوريه السوريه دمشق", "روسيا الروسيه موسكو الكرملين", "الولايات المتحده امريكا الامريكيه الاميركيه واشنطن",
            "فرنسا الفرنسيه باريس الاليزيه", "بريطانيا البريطانيه لندن", "ايران الايرانيه طهران", "تركيا التركيه انقره",
            "اسراءيل الاسراءيليه العبريه تل ابيب", "مصر المصريه القاهره", "السعوديه الرياض", "الصين الصينيه بكين",
            "الشماليه بيونغ يانغ", "الجنوبيه سيول", "العراق العراقيه بغداد", "الاردن الاردنيه عمان", "لبنان اللبنانيه بيروت",
            "المانيا الالمانيه برلين", "قطر القطريه الدوحه", "الامارات الاماراتيه ابوظبي", "اسبانيا الاسبانيه مدريد", "المغرب المغربيه الرباط",
            "البحرين البحرينيه المنامه", "الكويت الكويتيه", "اليمن اليمنيه صنعاء", "ليبيا الليبيه طرابلس", "تونس التونسيه",
            "الجزاءر الجزاءريه", "السودان السودانيه الخرطوم", "فلسطين الفلسطينيه رام الله", "الهند الهنديه نيودلهي",
            "باكستان الباكستانيه اسلام اباد", "افغانستان الافغانيه كابول", "اليابان اليابانيه طوكيو", "ايطاليا الايطاليه روما",
            "فنزويلا الفنزويليه كاراكاس", "اثيوبيا الاثيوبيه اديس ابابا",
        ]
        var countryOf: [String: String] = [:]
        for group in groups {
            let names = words(group)
            for name in names where countryOf[name] == nil { countryOf[name] = names[0] }
        }
        return countryOf
    }()

    /// Words that name a state's organs, not which state (الحكومة، السلطات).
    static let stateWords = Set(words("الحكومه الحكومتان حكومه الدوله دوله السلطات الرءاسه البيان كوريا"))

    /// The countries a governmental speaker stands for, or nil when it is not one.
    static func countries(_ speaker: String) -> Set<String>? {
        let names = words(speaker).filter { !stateWords.contains($0) && !titleWords.contains($0) && $0 != "و" }
        guard !names.isEmpty else { return nil }
        var countries: Set<String> = []
        for name in names {
            guard let country = countryOfWord[name] else { return nil }
            countries.insert(country)
        }
        return countries
    }

    /// Whether two speakers are the same: one government, or the same names after their titles are
    /// set aside.
    static func sameSpeaker(_ gold: String, _ predicted: String) -> Bool {
        if let state = countries(gold), state == countries(predicted) { return true }
        let g = words(gold).filter { !titleWords.contains($0) }, p = words(predicted).filter { !titleWords.contains($0) }
        guard !g.isEmpty, !p.isEmpty else { return KeyNormalizer().key(gold) == KeyNormalizer().key(predicted) }
        let a = Set(g), b = Set(p)
        return a.isSubset(of: b) || b.isSubset(of: a) || Double(a.intersection(b).count) / Double(min(a.count, b.count)) >= 0.5
    }
}
