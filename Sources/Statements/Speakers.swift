import ArabicText
import Support

/// The parts of a speaker phrase and the words speakers are compared by. Written for this project
/// (CC0) from the speaker phrases of Arabic news: [TITLE] [ORGANISATION/NISBA…] [،] NAME, as in
/// «وزير الخارجية الروسي، سيرغي لافروف» or «المتحدثة باسم وزارة الخارجية الأمريكية هيذر ناورت».
enum SpeakerNames {
    /// Words of a phrase in the key view, without the article (وال، بال، لل، ال). A lone و or ل
    /// is kept: it may be the word's own first letter (وزير، لافروف).
    static func words(_ text: String) -> [String] {
        let key = KeyNormalizer().key(text).unicodeScalars
        var words: [String] = []
        var start = key.startIndex
        while start < key.endIndex {
            guard isWordScalar(key[start]) else {
                start = key.index(after: start)
                continue
            }
            var end = key.index(after: start)
            while end < key.endIndex, isWordScalar(key[end]) { end = key.index(after: end) }
            words.append(withoutArticle(key[start..<end]))
            start = end
        }
        return words
    }

    /// Whether `u` belongs to a word of ``words(_:)``: a letter or a digit.
    private static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0621...0x064A: true
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F, 0x060C, 0x061B, 0x061F: false
        default: u.properties.isAlphabetic || u.properties.numericType != nil
        }
    }

    /// The articles a word may open with (وال، بال، لل، ال), longest first.
    private static let articles: [String.UnicodeScalarView] = ["وال", "بال", "فال", "كال", "لل", "ال"].map(\.unicodeScalars)

    /// A key-view word without its article, when two letters or more remain.
    private static func withoutArticle(_ word: Substring.UnicodeScalarView) -> String {
        let count = word.count
        for article in articles where count - article.count >= 2 && word.starts(with: article) {
            return String(word.dropFirst(article.count))
        }
        return String(word)
    }

    /// A word without its long vowels after the first letter and without a final ه (feminine):
    /// the spelling variants of a transliterated name (ترامب/ترمب، الأمريكي/الأميركي) and the
    /// genders of a role word (المتحدث/المتحدثة) meet.
    static func skeleton(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.first else { return word }
        var end = scalars.endIndex
        if scalars.last == "ه", scalars.count > 2 { end = scalars.index(before: end) }
        var out = String.UnicodeScalarView()
        out.append(first)
        for u in scalars[scalars.index(after: scalars.startIndex)..<end] where u != "ا" && u != "و" && u != "ي" { out.append(u) }
        return String(out)
    }

    /// The skeleton of one word given in the key view, without its article.
    static func keySkeleton(_ key: String) -> String { skeleton(withoutArticle(key[...].unicodeScalars)) }

    /// The skeletons of a phrase's words.
    static func skeletons(_ text: String) -> Set<String> { Set(words(text).map(skeleton)) }

    /// Whether a token's key is a title head (وزير، المتحدثة، نظيره), with or without و/ل/ب.
    static func isTitle(_ key: String) -> Bool { titlesWithProclitics.contains(key) }

    /// Title heads as written bare or after و، ل، ب، ف (ل before the article is written لل:
    /// للمتحدثة).
    static let titlesWithProclitics: WordSet = {
        let withProclitic: [String] = ["و", "ل", "ب", "ف"].flatMap { p in Lexicon.titleKeys.map { p + $0 } }
        let withLamOfArticle: [String] = Lexicon.titleKeys.filter { $0.hasBytePrefix("ال") }.map { "ل" + String($0.unicodeScalars.dropFirst()) }
        return WordSet(Lexicon.titleKeys + withProclitic + withLamOfArticle)
    }()

    /// Whether a token belongs to a role rather than a name: a title, an organisation word
    /// (وزارة، باسم), a definite word (الخارجية، الروسي، للأمم) or a place (فلسطين).
    static func isRoleWord(_ key: String) -> Bool {
        if isTitle(key) || roleWords.contains(key) || Places.words.contains(key) { return true }
        // (a title with its pronoun: رئيسها، وزيرهم)
        for suffix in ["ها", "هم", "ه"] where key.hasByteSuffix(suffix) && key.unicodeScalars.count > suffix.unicodeScalars.count + 2 {
            if isTitle(String(key.unicodeScalars.dropLast(suffix.unicodeScalars.count))) { return true }
        }
        if key.hasBytePrefix("ال") || key.hasBytePrefix("لل") { return true }
        // (و، ل، ب before ال: والرئيس، للأمم; فال… is more often a name: فالتر.)
        if let rest = strippedProclitic(key), roleWords.contains(rest) || Places.words.contains(rest) || (rest.hasBytePrefix("ال") && !key.hasBytePrefix("ف")) {
            return true
        }
        return false
    }

    /// A word's key for ``nameStart(_:)``: the name «علي», written with ي, shares its key with the
    /// preposition «على», written with ى; as a name it gets a key no list holds (علي خامنئي is a
    /// whole name).
    private static func nameKey(_ key: String, written text: String) -> String {
        key == prepositionAla && !text.unicodeScalars.contains("ى") ? key + "\u{E000}" : key
    }

    /// The key of «على».
    private static let prepositionAla = Lexicon.key("على")

    /// Where the name of a phrase starts, its words given by key and as written: the trailing run
    /// of name words after a role (… الكوري الشمالي كيم كي غوان → كيم), with the particles that
    /// open Arabic names and the word they open (أبو الغيط، عبد الله، محمد آل ناجي) and a definite
    /// family name after a given name (محمد الجدعان);
    /// nil when the phrase ends in a role word.
    static func nameStart(_ words: [(key: String, text: String)]) -> Int? {
        let keys = words.map { nameKey($0.key, written: $0.text) }
        var k = keys.count
        while k > 0 {
            let key = keys[k - 1]
            if k >= 2, namePrefixes.contains(keys[k - 2]) {
                k -= 2
                continue
            }
            if k == keys.count, k >= 2, isFamilyName(key), isGivenName(keys[k - 2]) {
                k -= 1
                continue
            }
            // (a noun with its possessive between a role and a name, or opening the phrase, is of
            // the role: وزير خارجيته مايك بومبيو، المنتهية ولايته حيدر العبادي، خطيبته خديجة آزرو;
            // last, it may be a name, عبدالله فلاته; after a noun, a verb's: تقرير أصدرته مؤسسة…)
            let possessiveOfRole = k < keys.count && hasPossessiveAfterTaMarbuta(words[k - 1].text) && (k == 1 || isRoleWord(keys[k - 2]))
            if isRoleWord(key) || Lexicon.prepositions.contains(key) || Lexicon.phraseStops.contains(key) || possessiveOfRole { break }
            k -= 1
        }
        return k < keys.count ? k : nil
    }

    /// The length of the pronoun a word ends with as written (ه، ها، هم، هما: رفضه، دعمها، التزامهم),
    /// nil for none or a ة; words of four letters or more.
    static func pronounSuffixLength(_ text: String) -> Int? {
        let letters = Array(text.unicodeScalars.filter { (0x0621...0x064A).contains($0.value) })
        guard letters.count >= 4 else { return nil }
        return ["هما", "ها", "هم", "ه"].lazy.map(\.unicodeScalars).first { letters.suffix($0.count).elementsEqual($0) }?.count
    }

    /// Whether a word is a feminine noun with a possessive pronoun: its ة written ت before ه، ها،
    /// هم or هما (مسؤوليته، خارجيته، ولايته، بلديتها), as written (ثابتة ends in ة, no pronoun).
    static func hasPossessiveAfterTaMarbuta(_ text: String) -> Bool {
        guard let pronoun = pronounSuffixLength(text) else { return false }
        let letters = Array(text.unicodeScalars.filter { (0x0621...0x064A).contains($0.value) })
        return letters.count >= pronoun + 4 && letters[letters.count - pronoun - 1] == "ت"
    }

    /// Whether a word can be a given name before a definite family name (محمد الجدعان، حيدر
    /// العبادي): not a role, organisation, place or clause word, nor definite itself.
    static func isGivenName(_ key: String) -> Bool {
        !key.hasBytePrefix("ال") && !isRoleWord(key) && !Apposition.isClauseWord(key) && !Lexicon.prepositions.contains(key)
    }

    /// Whether a definite word can be a family name (الجدعان، العبادي), not a plural noun that
    /// is an object or addressee (المواطنين، المحتجون، الجماعات).
    static func isFamilyName(_ key: String) -> Bool {
        guard key.hasBytePrefix("ال"), !Lexicon.phraseStops.contains(key), TimeWords.relativeDays[key] == nil, TimeWords.weekdays[key] == nil,
            !TimeWords.partsOfDay.contains(key)
        else { return false }
        // (nor a verbal noun, so that «دونالد ترامب الانسحاب» of أعلن الرئيس دونالد ترامب الانسحاب من…
        // is no fuller name for ترامب elsewhere; the shape إفعال is also a noun's, الإنسان، الأنصار,
        // and is left alone)
        let bare = String(key.unicodeScalars.dropFirst(2))
        let verbalNoun = Lexicon.hasVerbalNounShape(bare) && !(bare.unicodeScalars.count == 5 && bare.hasBytePrefix("ا"))
        return !(key.unicodeScalars.count >= 6 && ["ين", "ون", "ات"].contains { key.hasByteSuffix($0) }) && !verbalNoun
    }

    /// Words that open a compound Arabic name whose second word is definite (أبو الغيط).
    static let namePrefixes: WordSet = WordSet(["أبو", "أبي", "أبا", "عبد", "بن", "ابن", "آل", "ولد"].map(Lexicon.key))

    /// Non-definite words of roles and organisations, and the words that name one (امرأة تدعى…).
    static let roleWords: WordSet = WordSet(
        [
            "باسم", "وزارة", "وزير", "حكومة", "مجلس", "رئاسة", "هيئة", "جامعة", "منظمة", "لجنة", "حزب", "حركة", "مكتب", "وكالة",
            "مركز", "قوات", "جيش", "شؤون", "دولة", "مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "عام", "العام", "أول", "سابق",
            "رسمي", "خاص", "دائم", "مساعد", "وكيل", "لدى", "إدارة", "وسائل", "إعلام", "بلدية", "نادي", "منتخب", "فريق", "صحيفة", "قناة", "موقع",
            "يدعى", "تدعى", "المدعو", "المدعوة",
        ].map(Lexicon.key))

    /// The key without a leading و، ل، ب or ف (لنائب → نائب), if it is long enough to be a word.
    static func strippedProclitic(_ key: String) -> String? {
        guard let first = key.unicodeScalars.first, ["و", "ل", "ب", "ف"].contains(first), key.unicodeScalars.count > 3 else { return nil }
        return String(key.unicodeScalars.dropFirst())
    }
}

/// A role and a name tied by an apposition somewhere in an article («نائب وزير الخارجية الكوري
/// الشمالي كيم كي غوان»), so that a later «نائب الوزير» is known to be Kim Kye-gwan.
struct Apposition: Equatable {
    /// The role as written.
    let role: String
    /// The role's word skeletons.
    let roleWords: Set<String>
    /// The name as written.
    let name: String
    /// The tokens of the name.
    let tokens: Range<Int>
    /// The token index of the name.
    var position: Int { tokens.lowerBound }

    /// The appositions of an article: a title, its role words (at most eight, a comma allowed
    /// before the name) and one to four name words that end at punctuation or a clause word.
    static func scan(_ tokens: [Token], display: DisplayText) -> [Apposition] {
        var found: [Apposition] = []
        var i = 0
        while i < tokens.count {
            guard SpeakerNames.isTitle(tokens[i].key) else {
                i += 1
                continue
            }
            // NAME، TITLE…: «هيذر نويرت، المتحدثة باسم الخارجية الأمريكية»
            if i > 1, breaks(before: i, tokens, display, allowComma: false), breaks(before: i, tokens, display, allowComma: true) == false {
                var start = i
                while start > max(0, i - 4), start == i || !breaks(before: start, tokens, display, allowComma: false),
                    !SpeakerNames.isRoleWord(tokens[start - 1].key), !isClauseWord(tokens[start - 1].key), tokens[start - 1].kind != .number
                { start -= 1 }
                var end = i + 1
                while end < tokens.count, end - i <= 8, SpeakerNames.isRoleWord(tokens[end].key), !breaks(before: end, tokens, display, allowComma: false) {
                    end += 1
                }
                // A run that opens its clause may open with its verb: «— تناولت هيذر نويرت، المتحدثة…».
                let opensClause = start == 0 || breaks(before: start, tokens, display, allowComma: false)
                if i - start >= 2, opensClause, looksLikeVerb(tokens[start].key) { start += 1 }
                if start < i, opensClause || isClauseWord(tokens[start - 1].key) {
                    let proclitic = Lexicon.titles.contains(tokens[i].key) ? 0 : 1
                    let role = String(scalars: display.scalars[(tokens[i].range.lowerBound + proclitic)..<tokens[end - 1].range.upperBound])
                    let name = String(scalars: display.scalars[tokens[start].range.lowerBound..<tokens[i - 1].range.upperBound])
                    found.append(Apposition(role: role, roleWords: SpeakerNames.skeletons(role), name: name, tokens: start..<i))
                    i = end
                    continue
                }
            }
            var j = i + 1
            // (التقى الوزير بالرئيس ترامب، الوزير والرئيس: a title with a preposition or و is another person's)
            // (a noun with its possessive after a role word is of the role: وزير خارجيته، المنتهية ولايته)
            while j < tokens.count, j - i <= 8,
                SpeakerNames.isRoleWord(tokens[j].key)
                    || SpeakerNames.hasPossessiveAfterTaMarbuta(tokens[j].text) && SpeakerNames.isRoleWord(tokens[j - 1].key),
                !breaks(before: j, tokens, display, allowComma: false), !isAnotherTitle(tokens[j].key)
            { j += 1 }
            let nameStart = j
            var end = j
            while end < tokens.count, end - nameStart < 4 {
                if breaks(before: end, tokens, display, allowComma: end == nameStart) { break }
                let key = tokens[end].key
                // جاي-إن، جونغ-أون: a hyphen joins the parts of one name.
                if end > nameStart, hyphenated(before: end, tokens, display) {
                    end += 1
                    continue
                }
                let particle = end + 1 < tokens.count && SpeakerNames.namePrefixes.contains(key)
                // محمد الجدعان: a definite family name after a given name.
                let familyName =
                    end > nameStart && SpeakerNames.isFamilyName(key) && SpeakerNames.isGivenName(tokens[end - 1].key)
                    && !breaks(before: end, tokens, display, allowComma: false)
                if familyName {
                    end += 1
                    break
                }
                if !particle, SpeakerNames.isRoleWord(key) || isClauseWord(key) || SpeakerShape.endsNounPhrase(key) || tokens[end].kind == .number { break }
                if isAnotherTitle(key) { break }
                // (إيمانويل ماكرون مؤتمراً صحفياً، ديمتري بيسكوف لصحفيين: an accusative, or a plural
                // with لـ, is the verb's object or addressee, never a name's word)
                if end > nameStart, isObjectOrAddressee(end, in: tokens) { break }
                // (المدرب الإسباني الشاب لشبكة سكاي سبورتس: لـ before a naming word is whom it was said to)
                if key.hasBytePrefix("ل"), Lexicon.namingWords.contains(String(key.unicodeScalars.dropFirst())) { break }
                // (محمود عباس تنكيس الأعلام: a verbal noun after a name is what was done, not the name)
                // (two words: an adverb may stand before it, ديفيد فريدمان رسميا افتتاح…, and ends no name)
                if end == nameStart + 2, Lexicon.isVerbalNounObject(key) { break }
                // (محمود عباس قرار ترامب: a decision, rule or plan is no part of a name)
                if end > nameStart, SpeakerShape.wordClass((key, tokens[end].text)) == "document" { break }
                // (إيمانويل ماكرون بضرورة أن…: a preposition's noun after a name of two words or more)
                if end >= nameStart + 2, key.hasBytePrefix("ب"), key.unicodeScalars.count >= 5, !SpeakerNames.namePrefixes.contains(tokens[nameStart].key) {
                    break
                }
                end += particle ? 2 : 1
            }
            let closes =
                end >= tokens.count || breaks(before: end, tokens, display, allowComma: false) || isClauseWord(tokens[end].key)
                || SpeakerShape.endsNounPhrase(tokens[end].key) || isObjectOrAddressee(end, in: tokens)
            if end > nameStart, closes {
                // The role without a proclitic on its title (لنائب وزير → نائب وزير).
                let proclitic = Lexicon.titles.contains(tokens[i].key) ? 0 : 1
                let roleRange = (tokens[i].range.lowerBound + proclitic)..<tokens[nameStart - 1].range.upperBound
                let role = String(scalars: display.scalars[roleRange])
                let name = String(scalars: display.scalars[tokens[nameStart].range.lowerBound..<tokens[end - 1].range.upperBound])
                found.append(Apposition(role: role, roleWords: SpeakerNames.skeletons(role), name: name, tokens: nameStart..<end))
            }
            i = max(i + 1, end)
        }
        return found
    }

    /// Whether a word is an accusative (مؤتمراً) or a plural with لـ (لصحفيين، للمواطنين): the verb's
    /// object or whom it was said to, never a word of a name.
    static func isObjectOrAddressee(_ k: Int, in tokens: [Token]) -> Bool {
        let token = tokens[k]
        let key = token.key
        // (an accusative verbal noun written without its tanween, before its adjective: أجرى بوتين
        // اتصالا هاتفيا. No verbal noun opens with او: أوباما is a name.)
        let accusativeVerbalNoun =
            key.hasByteSuffix("ا") && !key.hasBytePrefix("او") && Lexicon.isVerbalNounObject(String(key.unicodeScalars.dropLast()))
            && k + 1 < tokens.count && tokens[k + 1].key.hasByteSuffix("ا")
        return token.text.unicodeScalars.contains("\u{064B}") || accusativeVerbalNoun
            || (key.hasBytePrefix("ل") && key.unicodeScalars.count >= 6 && (key.hasByteSuffix("ين") || key.hasByteSuffix("ون")))
    }

    /// Whether a word is a title with a proclitic (بالرئيس، للوزير، والرئيس): another person's title,
    /// not a word of the role or name before it.
    static func isAnotherTitle(_ key: String) -> Bool {
        guard !Lexicon.titles.contains(key), let bare = SpeakerNames.strippedProclitic(key) else { return false }
        return Lexicon.titles.contains(bare)
    }

    /// Whether punctuation (other than a hyphen inside a name) separates token `k` from the one before.
    static func breaks(before k: Int, _ tokens: [Token], _ display: DisplayText, allowComma: Bool) -> Bool {
        guard k > 0 else { return true }
        for u in display.scalars[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound] {
            if u == " " || u == "-" || u == "\u{00A0}" { continue }
            if allowComma, u == "،" || u == "," { continue }
            return true
        }
        return false
    }

    /// Whether a word has the shape of a past verb with a feminine or first-person ending
    /// (تناولت، أكدت): four letters or more ending in ت.
    static func looksLikeVerb(_ key: String) -> Bool {
        key.unicodeScalars.count >= 4 && key.unicodeScalars.last == "ت"
    }

    /// Whether token `k` is joined to the one before by a hyphen alone (مون جاي-إن).
    static func hyphenated(before k: Int, _ tokens: [Token], _ display: DisplayText) -> Bool {
        k > 0 && display.scalars[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].elementsEqual(["-"])
    }

    /// A word that cannot be part of a name: إن/أن, a reporting verb, a preposition or stop.
    static func isClauseWord(_ key: String) -> Bool {
        Lexicon.introducers.contains(key) || Lexicon.prepositions.contains(key) || Lexicon.phraseStops.contains(key) || Lexicon.clauseOpeners.contains(key)
            || Lexicon.verbs[key] != nil || key == Lexicon.key("الذي") || key == Lexicon.key("التي")
            || (key.hasBytePrefix("و") && Lexicon.verbs[String(key.dropFirst())] != nil)
    }
}

/// Countries and the capitals that stand for their governments in news («قالت بيونغ يانغ»,
/// «وتطالب واشنطن»). Capitals shared with another meaning (عمان، طرابلس، القدس، الكويت) are left out.
enum Places {
    /// Capital (key view, words joined by a space) → the country's name.
    static let countryOfCapital: [String: String] = {
        let pairs: [(String, [String])] = [
            ("الولايات المتحدة", ["واشنطن"]), ("روسيا", ["موسكو"]), ("تركيا", ["أنقرة"]), ("إيران", ["طهران"]),
            ("فرنسا", ["باريس"]), ("بريطانيا", ["لندن"]), ("ألمانيا", ["برلين"]), ("الصين", ["بكين"]), ("اليابان", ["طوكيو"]),
            ("كوريا الشمالية", ["بيونغ يانغ", "بيونغيانغ", "بيونج يانج", "بيونغ يانج"]), ("كوريا الجنوبية", ["سيول", "سول"]),
            ("مصر", ["القاهرة"]), ("السعودية", ["الرياض"]), ("الإمارات", ["أبوظبي", "أبو ظبي"]), ("قطر", ["الدوحة"]),
            ("سوريا", ["دمشق"]), ("العراق", ["بغداد"]), ("لبنان", ["بيروت"]), ("إسرائيل", ["تل أبيب"]), ("البحرين", ["المنامة"]),
            ("سلطنة عمان", ["مسقط"]), ("اليمن", ["صنعاء"]), ("السودان", ["الخرطوم"]), ("المغرب", ["الرباط"]),
            ("موريتانيا", ["نواكشوط"]), ("أفغانستان", ["كابول"]), ("باكستان", ["إسلام آباد"]), ("الهند", ["نيودلهي"]),
            ("أوكرانيا", ["كييف"]), ("إيطاليا", ["روما"]), ("إسبانيا", ["مدريد"]), ("كندا", ["أوتاوا"]), ("كوبا", ["هافانا"]),
            ("فنزويلا", ["كاراكاس"]), ("إثيوبيا", ["أديس أبابا"]), ("اليونان", ["أثينا"]), ("بولندا", ["وارسو"]), ("النمسا", ["فيينا"]),
        ]
        var map: [String: String] = [:]
        for (country, capitals) in pairs {
            for capital in capitals { map[joinedKey(capital)] = country }
        }
        return map
    }()

    /// Single-word keys of countries and capitals, and of the regions and towns of the package's
    /// `Lexicons/places.tsv` (mined from the shared corpora): place words are never taken for a name.
    static let words: WordSet = {
        let countries = [
            "فلسطين", "مصر", "روسيا", "تركيا", "إيران", "فرنسا", "بريطانيا", "ألمانيا", "أمريكا", "أميركا", "واشنطن", "موسكو",
            "أنقرة", "طهران", "باريس", "لندن", "برلين", "بكين", "طوكيو", "سيول", "سول", "بيونغيانغ", "قطر", "سوريا", "لبنان",
            "إسرائيل", "اليمن", "السودان", "ليبيا", "تونس", "الجزائر", "المغرب", "الأردن", "الكويت", "البحرين", "عمان", "السعودية",
            "الإمارات", "العراق", "دمشق", "بغداد", "بيروت", "القاهرة", "الرياض", "الدوحة", "غزة", "القدس", "كوريا", "الصين",
            "اليابان", "الهند", "باكستان", "أفغانستان", "أوكرانيا", "إيطاليا", "إسبانيا", "كندا", "إدلب", "حلب", "الموصل",
        ]
        return WordSet(countries.map(Lexicon.key) + Lexicon.reviewedWords("places"))
    }()

    /// The key of a phrase, words joined by one space.
    static func joinedKey(_ phrase: String) -> String {
        phrase.split(separator: " ").map { Lexicon.key(String($0)) }.joined(separator: " ")
    }
}
