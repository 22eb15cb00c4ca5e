import ArabicText
import Foundation
import Support

/// The words statement extraction looks for, by key view. Written for this project (CC0) from
/// Arabic news usage; the reporting verbs are ArabicText's ``ReportingVerbs``.
enum Lexicon {
    static func key(_ word: String) -> String { KeyNormalizer().key(word) }

    /// «the same» before or after a noun (ذات المسؤول، المصدر ذاته، نفس المصدر): a mention that refers
    /// back to the last speaker.
    static let sameWords: WordSet = WordSet(["ذات", "نفس", "ذاته", "ذاتها", "نفسه", "نفسها"].map(key))

    /// Every reporting-verb form by key.
    static let verbs = WordMap(verbEntries)

    /// The masculine singular past of each reporting verb (قال، طالب), by key: the form a verb takes
    /// before a masculine subject.
    static let lemmas = WordSet(verbEntries.values.map { key($0.lemma) })

    /// The reporting-verb forms of ``verbs``, by key.
    static let verbEntries: [String: ReportingVerbs.Entry] = {
        var verbs = ReportingVerbs.entries.reduce(into: [String: ReportingVerbs.Entry]()) { $0[key($1.form)] = $1.entry }
        // «…، بقولها إن»: the saying of the speaker who goes on, like a participle.
        for form in ["بقوله", "بقولها", "بقولهم"] { verbs[key(form)] = ReportingVerbs.Entry(lemma: "قال", cueClass: .say, form: .participle) }
        // دان (condemned; its present يدين is أدان's) is a cue but no stop word for clustering:
        // light10 gives فدان (feddan) and دانون (Danone) its stem.
        for form in ["دان", "دانت", "دانوا", "دانا"] { verbs[key(form)] = ReportingVerbs.Entry(lemma: "دان", cueClass: .express, form: .finite) }
        // جدد (renewed) reports only a speech act it renews (وجدد دعوته، جدد التأكيد على…; ``speechActObject``);
        // its participle مجددا is the adverb "again".
        for form in ["جدد", "جددت", "جددوا", "جددا", "يجدد", "تجدد", "يجددون"] {
            verbs[key(form)] = ReportingVerbs.Entry(lemma: "جدد", cueClass: .assert, form: .finite)
        }
        // حمّل (held responsible) reports only when المسؤولية follows its speaker and whom it blames
        // (وحمّلت النقابة الحوثيين المسؤولية…; ``responsibility``): 416 of its 6,974 forms in the
        // shared articles. No stop word for clustering: حمل is also carried, bore and pregnancy.
        // (تحمل is left out: it is also تحمّل, bore.)
        for (form, carries) in [("حمل", false), ("حملت", false), ("حملوا", true), ("حملا", true), ("يحمل", false), ("يحملون", true)] {
            verbs[key(form)] = ReportingVerbs.Entry(lemma: "حمل", cueClass: .assert, form: .finite, carriesSubject: carries)
        }
        for form in ["محملا", "محملة"] { verbs[key(form)] = ReportingVerbs.Entry(lemma: "حمل", cueClass: .assert, form: .participle) }
        // أثنى على (praised): 357 of its forms in the shared articles have على within eight words.
        // Its past has the key of اثني (twelve), which عشر follows.
        for (form, carries) in [("أثنى", false), ("أثنت", false), ("أثنوا", true), ("يثني", false), ("تثني", false), ("يثنون", true)] {
            verbs[key(form)] = ReportingVerbs.Entry(lemma: "أثنى", cueClass: .express, form: .finite, carriesSubject: carries)
        }
        for form in ["مثنيا", "مثنية"] { verbs[key(form)] = ReportingVerbs.Entry(lemma: "أثنى", cueClass: .express, form: .participle) }
        // رفع and تقدم (raised, offered) report only thanks, condolences and congratulations
        // (ورفع خالص التعازي…، وتقدم القميشي بالشكر…; ``courtesies``).
        for lemma in ["رفع", "تقدم"] {
            let present = lemma == "رفع" ? ["يرفع", "ترفع", "يرفعون"] : ["يتقدم", "تتقدم", "يتقدمون"]
            for (form, carries) in [(lemma, false), (lemma + "ت", false), (lemma + "وا", true), (present[0], false), (present[1], false), (present[2], true)] {
                verbs[key(form)] = ReportingVerbs.Entry(lemma: lemma, cueClass: .express, form: .finite, carriesSubject: carries)
            }
        }
        // اشتكى and شكا (complained) report the words after من أن (واشتكت إيران من أن العقوبات…): 60 of
        // their 283 and 74 of their 354 forms in the shared articles have إن/أن or a quotation
        // within seven words. No stop words for clustering: شكا is also a complaint's subject.
        for (form, lemma, carries) in [
            ("اشتكى", "اشتكى", false), ("اشتكت", "اشتكى", false), ("اشتكوا", "اشتكى", true), ("يشتكي", "اشتكى", false), ("تشتكي", "اشتكى", false),
            ("يشتكون", "اشتكى", true), ("شكا", "شكا", false), ("شكت", "شكا", false), ("شكوا", "شكا", true), ("يشكو", "شكا", false), ("تشكو", "شكا", false),
            ("يشكون", "شكا", true),
        ] {
            verbs[key(form)] = ReportingVerbs.Entry(lemma: lemma, cueClass: .express, form: .finite, carriesSubject: carries)
        }
        // مطالبة، داعية، لافتة، معلقة are also nouns (a demand, a preacher, a sign) and are no stop
        // words for clustering; after a comma and before their complement they are the feminine
        // participles (، مطالبة الحكومة بتوفير…، لافتة إلى أن…; ``participlesBeforeComplement``).
        // منوها، مفيدا، متمنيا، مذكرا، مبرزا، ملمحا: participles of verbs the table does not hold (or holds
        // without them), each followed by إن/أن (or إلى/على/بـ and أن) after a comma in the shared
        // articles 167, 136, 72, 45, 19 and 18 times (of 352, 146, 265, 71, 39 and 37 after a comma).
        // They too need their complement: مفيدا is also "useful".
        for (form, entry) in participlesBeforeComplementEntries { verbs[key(form)] = entry }
        // مطالبين، مشيرين، مؤكدين: the plural of each participle (مطالبا → مطالبين), after a plural speaker.
        for (form, entry) in ReportingVerbs.entries where entry.form == .participle && form.hasByteSuffix("ا") {
            let plural = key(String(form.dropLast()) + "ين")
            if verbs[plural] == nil { verbs[plural] = entry }
        }
        return verbs
    }()

    /// The participles that are also common nouns or adjectives (مطالبة a demand, داعية a preacher,
    /// لافتة a sign, معلقة hung, مفيدا useful) and those the table does not hold (منوها، متمنيا،
    /// مذكرا، مبرزا، ملمحا): after a comma in the shared articles they are mostly participles (127
    /// of مطالبة, 166 of داعية, 219 of لافتة read in a sample), but only a complement within six
    /// words (إلى، بـ، على، إن/أن) makes one a cue.
    static let participlesBeforeComplement = WordSet(participlesBeforeComplementEntries.map { key($0.form) })

    /// The forms of ``participlesBeforeComplement`` and their verbs.
    static let participlesBeforeComplementEntries: [(form: String, entry: ReportingVerbs.Entry)] = [
        ("مطالبة", "طالب", ReportingVerbs.CueClass.call), ("داعية", "دعا", .call), ("لافتة", "لفت", .say), ("معلقة", "علق", .say),
        ("منوها", "نوه", .say), ("منوهة", "نوه", .say), ("مفيدا", "أفاد", .say), ("مفيدة", "أفاد", .say), ("متمنيا", "تمنى", .express),
        ("متمنية", "تمنى", .express), ("مذكرا", "ذكر", .say), ("مبرزا", "أبرز", .say), ("مبرزة", "أبرز", .say), ("ملمحا", "لمح", .say),
        ("ملمحة", "لمح", .say),
    ].map { ($0.0, ReportingVerbs.Entry(lemma: $0.1, cueClass: $0.2, form: .participle)) }

    /// The reporting-verb forms written with a hamza on the line (تساءل، جاء), by key: the key folds
    /// ؤ to it, so a word written with it (تساؤل) has the same key and is not the verb.
    static let formsWithHamza: WordSet = WordSet(ReportingVerbs.entries.map(\.form).filter { $0.unicodeScalars.contains("ء") }.map(key))

    /// Thanks, condolences and congratulations: what رفع and تقدم report only with (خالص التعازي،
    /// بالشكر، أسمى آيات التهاني).
    static let courtesies: WordSet = WordSet(
        [
            "خالص", "التعازي", "التهاني", "الشكر", "التهنئة", "المواساة", "أسمى", "أصدق", "أحر", "آيات", "شكره", "شكرها", "تعازيه", "تهانيه",
            "بالشكر", "بالتهنئة", "بالتعازي", "بالتهاني", "بخالص", "بأسمى", "بأصدق", "بأحر", "بجزيل",
        ].map(key))

    /// المسؤولية، مسؤولية: what حمّل reports only with.
    static let responsibility: WordSet = WordSet(["المسؤولية", "مسؤولية", "المسئولية", "مسئولية"].map(key))

    /// A verb whose object is the words (``complements`` "") or whom it told (``tellsWhom``),
    /// written with an object pronoun: «ووصفته بأنه…», «واعتبرها…», «اتهمهم بـ…»، «وأبلغها…». The
    /// finite verb's entry, or nil.
    static func verbWithObjectPronoun(_ key: String) -> ReportingVerbs.Entry? { verbsWithObjectPronoun[key] }

    /// أبلغ and أخبر (told), whose object is whom they told: with it written as their pronoun
    /// (وأبلغها مركز الأمومة أن…), 56 of 89 and 111 of 138 such past forms in the shared articles
    /// have إن/أن or a quotation within seven words.
    static let tellsWhom: Set<String> = ["أبلغ", "أخبر"]

    /// Verbs whose direct object may be a person or an institution (دعا قيادة المقاومة إلى…،
    /// انتقد وزارة الصحة، حذر الحكومة من…), unlike قال or أكد, whose object is the words.
    static let addressesPeople: Set<String> = tellsWhom.union(["دعا", "حث", "طالب", "ناشد", "انتقد", "وصف", "أدان", "دان", "اتهم", "حذر", "هدد"])

    /// Every finite form of a direct-object verb with each object pronoun, made once: a lookup per
    /// token, not a string per suffix.
    static let verbsWithObjectPronoun = WordMap(verbWithObjectPronounEntries)

    /// The entries of ``verbsWithObjectPronoun``.
    static let verbWithObjectPronounEntries: [String: ReportingVerbs.Entry] = {
        var forms: [String: ReportingVerbs.Entry] = [:]
        for (form, entry) in verbEntries where entry.form == .finite && (complements[entry.lemma] == "" || tellsWhom.contains(entry.lemma)) {
            for suffix in ["ه", "ها", "هم", "هما"] { forms[form + suffix] = entry }
        }
        return forms
    }()

    /// Every token key that can be a cue: each verb form, source word and verb with its object
    /// pronoun, bare and behind the prefixes ``ArticleReader/strip(_:)`` takes off (و، ف, the
    /// future س, both, the lam of sequence). The scan asks this of every token, and most are no
    /// cue: it answers without making the token's bare form.
    static let cueKeys: WordSet = {
        let bases = Array(verbEntries.keys) + sourceEntries.keys + verbWithObjectPronounEntries.keys
        return WordSet(bases.flatMap { base in ["", "س", "و", "ف", "وس", "فس", "ل"].map { $0 + base } })
    }()

    /// Whether a turn marker starts at `k` (ومن جانبه، من جهتها، بدوره): another speaker's words follow.
    static func opensTurn(_ tokens: [Token], at k: Int) -> Bool {
        if turnWords.contains(tokens[k].key) { return true }
        return k + 1 < tokens.count && turnOpeners.contains(tokens[k].key) && turnSides.contains(tokens[k + 1].key)
    }

    /// من، ومن: the preposition of «من جانبه».
    static let turnOpeners: WordSet = WordSet(["من", "ومن"].map(key))

    /// بدوره، وبدورها: "in turn".
    static let turnWords: WordSet = WordSet(["بدوره", "بدورها", "وبدوره", "وبدورها", "بدورهم", "وبدورهم"].map(key))

    /// The side of a turn: من جانبه، من جهتها، من ناحيته.
    static let turnSides: WordSet = WordSet(["جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "ناحيته", "ناحيتها"].map(key))

    /// Whether a token is a preposition; «على» only as written with ى (the name «علي» has its key).
    static func isPreposition(_ token: Token) -> Bool {
        prepositions.contains(token.key) && (token.key != key("على") || token.text.unicodeScalars.contains("ى"))
    }

    /// «ما» as a relative before a verb (ما وصفه، فيما اعتبره، بما وصفته).
    static let relativeMa: WordSet = WordSet(["ما", "فيما", "بما", "مما", "لما"].map(key))

    /// Bare past forms that are also common nouns or adjectives (بين between, طالب student, كتب
    /// books, تابع affiliated, ذكر male, وصف description, نقل transport, رفض rejection, كشف list,
    /// حذر caution, زعم claim, رأى opinion, تقدم progress, رفع raising, حمل pregnancy): a cue only with a
    /// proclitic or at a clause start.
    static let homographs: WordSet = WordSet(
        [
            "عبر", "بين", "طالب", "كتب", "تابع", "ذكر", "وصف", "نقل", "رفض", "كشف", "حذر", "زعم", "علق", "رأى", "بينا", "نقلا", "كتبا", "حث", "روى", "تقدم",
            "رفع", "حمل", "طلب",
        ].map(key))

    /// Words before أن that make it a time or manner clause (بعد أن أخفته، قبل أن يغادر، دون أن
    /// يقرأ), not the words reported.
    static let subordinators: WordSet = WordSet(["بعد", "قبل", "منذ", "دون", "بدون", "ريثما", "حين", "وبعد", "وقبل", "ودون"].map(key))

    /// Words that open the reported clause: إن، أن، بأن with their pronoun suffixes.
    static let introducers: WordSet = {
        var words: [String] = []
        for base in ["إن", "أن", "بأن", "لأن"] {
            for suffix in ["", "ه", "ها", "هم", "هما", "نا", "ني", "كم"] { words.append(key(base + suffix)) }
        }
        return WordSet(words)
    }()

    /// The preposition that opens the content of a verb with no إن/أن (أعرب عن، دعا إلى، حذر من).
    static let complements: [String: String] = [
        "أعرب": "عن", "أبدى": "", "دعا": "إلى", "ناشد": "", "حث": "على", "حذر": "من", "شدد": "على", "أشار": "إلى",
        "لفت": "إلى", "نبه": "إلى", "طالب": "ب", "أشاد": "ب", "ندد": "ب", "تعهد": "ب", "هدد": "ب", "نفى": "", "رفض": "",
        "انتقد": "", "استنكر": "", "أنكر": "", "وصف": "", "أكد": "على", "كشف": "عن", "أعلن": "", "توقع": "", "رجح": "",
        "أدان": "", "دان": "", "جدد": "", "حمل": "", "تساءل": "عن", "أثنى": "على", "رفع": "", "تقدم": "", "اتهم": "", "عبر": "عن", "أقر": "ب", "استبعد": "",
        "دافع": "عن", "رحب": "ب",
        "توعد": "ب",
        "اعتبر": "", "اعترف": "ب",
    ]

    /// Attribution phrases whose speaker follows them (بحسب X، …), by key of their first word,
    /// with the word that may come between (وفقا لـ، نقلا عن).
    static let sources = WordMap(sourceEntries)

    /// The entries of ``sources``.
    static let sourceEntries: [String: String?] = [
        key("بحسب"): nil, key("حسب"): nil, key("حسبما"): nil, key("وفق"): nil, key("وفقا"): "ل", key("طبقا"): "ل",
        key("نقلا"): "عن", key("استنادا"): "إلى",
    ]

    /// Words that end a speaker phrase: prepositions of channel, place, addressee and topic
    /// (بشأن، حول), and the words that open a subordinate clause.
    static let phraseStops: WordSet = WordSet(
        [
            "في", "خلال", "عبر", "أمام", "لدى", "عقب", "بعد", "قبل", "أثناء", "حيث", "الذي", "التي", "وذلك", "كما", "أيضا", "فيه", "فإن", "فقد", "قد", "بدوره",
            "بدورها", "مرارا", "مجددا", "يوم", "سابقا", "لاحقا", "بشدة", "صراحة", "اليوم", "منذ", "إذا", "حتى", "قوله", "قولها", "قولهم", "عندما", "حينما",
            "بينما", "قبيل", "إثر", "فور", "بشأن", "حول", "بعدما",
        ].map(key))

    /// «His counterpart» and its forms: a title that names someone other than the speaker before it.
    static let counterparts: WordSet = WordSet(["نظيره", "نظيرته", "نظيرها", "نظراءه", "نظرائه", "ونظيره", "ونظيرته"].map(key))

    /// Prepositions that end a speaker phrase (the verb's complement or an addressee follows).
    static let prepositions: WordSet = WordSet(["على", "من", "عن", "إلى", "مع", "ل", "ب"].map(key))

    /// A speaker phrase of one of these words refers to the last speaker (وذكر البيان، وتابعت الوكالة).
    static let references: WordSet = WordSet(
        [
            "البيان", "الوكالة", "المتحدث", "المتحدثة", "الوزير", "الوزيرة", "المسؤول", "البعثة", "المصدر", "الرئيس", "الناطق", "الناطقة", "الحكومة", "الوزارة",
            "المفوضية",
        ].map(key))

    /// Words before a finite verb that belong to no speaker (كما قال، وكان قد قال، من جهته قال).
    static let clauseOpeners: WordSet = WordSet(
        [
            "من", "جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "و", "كما", "فيما", "بينما", "حين", "عندما", "إذ", "كان", "وكان", "قد", "ثم", "لكن",
            "ولكن", "فيما", "بدوره", "بدورها", "كانت", "وكانت", "وقد",
        ].map(key))

    /// كان and its forms that open a clause whose subject comes before the verb (وكان X قد قال).
    static let kana: WordSet = WordSet(["كان", "وكان", "كانت", "وكانت"].map(key))

    /// Words of a speaker phrase that name nobody: adverbs and a pronoun's saying (قولها).
    static let fillers: WordSet = WordSet(
        [
            "طبعا", "بالطبع", "بكثير", "أيضا", "كذلك", "الخصوص", "بهذا", "وبهذا", "قوله", "قولها", "قولهم", "لا", "نعم", "تعبيره", "تعبيرها", "تعبيرهم", "وصفه",
            "وصفها",
        ].map(key))

    /// A preposition with a pronoun after «ما أفاد» that points back to the words (به، عنه).
    static let resumptives: WordSet = WordSet(["به", "بها", "عنه", "عنها", "فيه", "فيها"].map(key))

    /// من or لـ with a pronoun right after a verb (طلب منها الموظف أن…، وقال لي الطبيب إن…): whom it
    /// was said to or asked of, before the speaker.
    static let addresseePronouns: WordSet = WordSet(
        ["مني", "منه", "منها", "منهم", "منهما", "منا", "لي", "له", "لها", "لهم", "لهما", "لنا", "لك"].map(key))

    /// Words of an age or a described state after a title (الجنرال البالغ 61 عاما، المتقدم في السن).
    static let ageWords: WordSet = WordSet(["في", "عاما", "عاماً", "سنة", "عام", "من", "العمر"].map(key))

    /// Definite nouns of outlets and sources that speak after بحسب/وفق (بحسب المرصد، وفق الصحيفة).
    static let speakingNouns: WordSet = WordSet(
        [
            "المرصد", "الصحيفة", "الموقع", "القناة", "الوكالة", "المصدر", "المصادر", "البيان", "التلفزيون", "الإذاعة",
            "الشرطة", "الجيش", "الحكومة", "الرئاسة", "الوزارة", "الكرملين", "المتحدث", "المسؤول", "المسؤولين", "الخبراء", "المنظمة", "اللجنة", "الهيئة",
            "المفوضية", "البعثة", "السلطات", "الأمم",
        ].map(key))

    /// Nouns of a statement whose author follows with لـ (بيان لوزارة الخزانة).
    static let statementNouns: WordSet = WordSet(["بيان", "بلاغ", "تصريح", "رسالة", "كلمة", "خطاب", "تقرير"].map(key))

    /// Whether an indefinite word is a noun of speech: a statement noun or a verbal noun of the
    /// form تفعيل (توضيح، تصريح، تأكيد، تعليق).
    static func isSpeechNoun(_ key: String) -> Bool {
        let letters = Array(key.unicodeScalars)
        return statementNouns.contains(key) || (letters.count == 5 && letters[0] == "ت" && letters[3] == "ي")
    }

    /// Verbs that report only when their object is a speech act (جدد دعوته، جدد رفضه، جدد التأكيد).
    static let speechActObject: Set<String> = ["جدد"]

    /// Whether a word names a speech act (دعوته، رفضها، التأكيد، مطالبته، موقفه، التزامه، إدانته):
    /// the key, without ال, opens with one of these stems.
    static func isSpeechAct(_ word: String) -> Bool {
        let bare = word.hasBytePrefix("ال") ? String(word.dropFirst(2)) : word
        return speechActStems.contains { bare.hasBytePrefix($0) }
    }

    /// The stems of ``isSpeechAct(_:)``, by key.
    static let speechActStems: [String] = [
        "دعوت", "دعوه", "رفض", "تاكيد", "مطالبت", "مطالبه", "موقف", "تمسك", "التزام", "ادانت", "ادانه", "دعم", "ترحيب", "حرص", "تحذير", "ندا",
    ].map(key)

    /// Whether an indefinite word has the shape of a verbal noun of a derived verb: تفعيل (تعيين،
    /// تأكيد), إفعال (إعلان، إطلاق), افتعال (اعتقال، اجتماع), انفعال (انسحاب), استفعال (استدعاء).
    /// After a verb whose object is the words, such a word is the object (أعلنت استدعاء سفيرها،
    /// أعلن محمود عباس تنكيس الأعلام…), never the speaker. Given names of these shapes (إيمان، تيسير) and the
    /// institutions (اتحاد، ائتلاف) are left out by the caller's lexicons, and so are the
    /// ``subjectsOfVerbalNounShape``.
    static func hasVerbalNounShape(_ key: String) -> Bool {
        let s = Array(key.unicodeScalars)
        let alef: Unicode.Scalar = "ا"
        switch s.count {
        case 5: return (s[0] == "ت" && s[3] == "ي") || (s[0] == alef && s[3] == alef)
        case 6: return s[0] == alef && s[4] == alef && (s[2] == "ت" || s[1] == "ن")
        case 7: return s[0] == alef && s[1] == "س" && s[2] == "ت" && s[5] == alef
        default: return false
        }
    }

    /// Whether an indefinite word is a verbal noun that is a verb's object, not its speaker: of the
    /// shape (``hasVerbalNounShape(_:)``), and no listed subject, title, institution or naming word
    /// (تعيين، استدعاء، تنكيس; not تنظيم، تقرير).
    static func isVerbalNounObject(_ key: String) -> Bool {
        !key.hasBytePrefix("ال") && hasVerbalNounShape(key) && !subjectsOfVerbalNounShape.contains(key) && !SpeakerNames.isTitle(key)
            && !institutions.contains(key) && !namingWords.contains(key)
    }

    /// Words of a verbal noun's shape that the shared corpora show as the subject of a reporting
    /// verb whose object is the words (أعلن تنظيم داعش، وأعلنت تركيا، ويتوقع تقرير حديث، ووصف
    /// أطباء…): nouns of the same letters and plurals of the pattern أفعال. Found by listing every
    /// such word right after أعلن، وصف، نفى، رفض، أدان، اتهم، توقع… in the 71,452 articles
    /// (each seen 5 times or more) and reading its examples.
    static let subjectsOfVerbalNounShape: WordSet = WordSet(
        [
            "تنظيم", "تقرير", "تطبيق", "تحقيق", "اتحاد", "ائتلاف", "إيران", "تركيا", "امرأة", "أعضاء", "أطباء", "أبناء", "أحزاب", "أصحاب", "أوساط", "أنصار",
            "اجتماع",
        ]
        .map(key))

    /// «issued» after a statement noun (بيان صادر عن…، البيان الصادر عن…).
    static let issued: WordSet = WordSet(["صادر", "الصادر", "صادرة", "الصادرة"].map(key))

    /// Relative pronouns: a verb after them has the noun before them as its subject.
    static let relatives: WordSet = WordSet(["الذي", "التي", "الذين"].map(key))

    /// Institutions a definite mention may refer back to (الوزارة → وزارة الخارجية الفلسطينية).
    static let institutions: WordSet = WordSet(
        [
            "وزارة", "وكالة", "حكومة", "مفوضية", "بعثة", "هيئة", "لجنة", "منظمة", "حركة", "مجلس", "رئاسة",
            "حزب", "جماعة", "تنظيم", "شركة", "جامعة", "محكمة", "نقابة", "اتحاد", "صحيفة", "مجلة", "قناة",
        ].map(key))

    /// Subjects of a reporting verb that are nobody's words: unattributed reports, indicators and
    /// generic opinions (يقول الناس، يرى البعض).
    static let nonSpeakers: WordSet = WordSet(
        [
            "تقارير", "التقارير", "المؤشرات", "مؤشرات", "الدلائل", "دلائل", "الأرقام", "أرقام", "الإحصاءات",
            "إحصاءات", "المعطيات", "معطيات", "الناس", "البعض",
        ].map(key))

    /// Impersonal verbs of narration (ويذكر أن…، يشار إلى أن…): the journalist speaking.
    static let impersonal: WordSet = WordSet(["يذكر", "يشار", "يجدر"].map(key))

    /// Particles that negate a verb: «لم تعلن» reports that nothing was said.
    static let negations: WordSet = WordSet(["لم", "لن", "ولم", "ولن", "لا", "ولا"].map(key))

    /// Particles after which a present verb is a speech act not (yet) made: «من المقرر أن يعلن»،
    /// «حتى يعلن المتمردون انسحابهم»، «كي يقول».
    static let subjunctives: WordSet = WordSet(["أن", "وأن", "حتى", "كي", "لكي"].map(key))

    /// Words before أن after which a present verb tells a speech act made (قبل أن يضيف).
    static let madeBeforeThat: WordSet = WordSet(["قبل", "بعد", "وقبل", "وبعد"].map(key))

    /// Whether `form` (a key without proclitics) is a present-tense form of the verb `lemma`: its
    /// prefix ي، ت or ن is not how the past begins (تقول، يتحدث، تتحدث; not تحدثت، نفت).
    static func isPresent(_ form: String, lemma: String) -> Bool {
        guard let first = form.unicodeScalars.first, first == "ي" || first == "ت" || first == "ن" else { return false }
        return !form.unicodeScalars.starts(with: key(lemma).unicodeScalars.prefix(2))
    }

    /// Verbs that report someone else's speech inside a statement (nested statements).
    static let nestedSpeech: WordSet = ["قال", "أعلن", "صرح", "تحدث", "ذكر"]

    /// What opens a speaker's own attribution (وفق تعبيره، حسب قوله، بحسب وصفه; على حد تعبيره is
    /// ``ala`` and ``hadd``) and its nouns, which carry the speaker's pronoun.
    static let ownAttributionOpeners: WordSet = WordSet(["وفق", "حسب", "بحسب"].map(key))
    static let ownAttributionNouns: WordSet = WordSet(["تعبير", "قول", "وصف"].map(key))
    /// Keys the extractor compares token by token, made once: على، حد، في، إشارة، بـ، إلى.
    static let ala = key("على"), hadd = key("حد"), fi = key("في"), ishara = key("إشارة"), ba = key("ب"), ila = key("إلى")

    /// لكن (لكنّ on the key view) and ولكن, a sister of إن: the noun after it is the subject of the
    /// clause it opens.
    static let contrasts: WordSet = WordSet(["لكن", "ولكن"].map(key))

    /// Verbs of calling on someone: their object is whom they call on (دعا الدول إلى…).
    static let calls: WordSet = ["دعا", "حث", "طالب", "ناشد"]

    /// Naming words of outlets, whose names need not be definite (صحيفة نيويورك تايمز، مجلة جون أفريك).
    static let outlets: WordSet = WordSet(["صحيفة", "مجلة", "قناة", "وكالة", "شبكة", "إذاعة"].map(key))

    /// Names of outlets that are not definite, as the shared articles write them after وكالة، شبكة،
    /// قناة، صحيفة (the 40 commonest, places left out): after لـ they are whom the words were said to
    /// (قال لرويترز، لفرانس برس، لوول ستريت جورنال).
    static let outletNames: WordSet = WordSet(
        [
            "فرانس", "ديلي", "نيويورك", "واشنطن", "رويترز", "ماركا", "وول", "سكاي", "فوكس", "آس", "بيلد", "لوموند", "حرييت", "سبورت", "صنداي",
            "سبق", "ميرور", "هآرتس", "تلغراف", "نسمة", "عكاظ", "يديعوت", "غارديان", "صن", "إكسبريس",
        ].map(key))

    /// Groups a speaker addresses, as the shared articles write them with لـ after a reporting verb
    /// (لجمهور 11, لأعضاء 6, لأنصاره 5, لنواب، لصحفيين، لصحافيين 2, لجنود، لموظفي، لمناصريه، لقادة،
    /// لطلاب 1): the stems, with or without a pronoun (لأنصاره، لجمهورها).
    static let audiences: [String] = ["جمهور", "أعضاء", "أنصار", "نواب", "صحفيين", "صحافيين", "جنود", "موظفي", "مناصري", "قادة", "طلاب"].map(key)

    /// The pronouns لـ carries (لها، لنا، لهم): whom the words were said to.
    static let pronounsAfterLam: WordSet = WordSet(["ه", "ها", "هم", "هما", "هن", "نا", "ي", "كم", "كما", "ك"].map(key))

    /// Particles written with لـ that may follow a verb of saying (قال لقد…، قالت لكن…): no speaker.
    static let particlesWithLam: WordSet = WordSet(
        [
            "لقد", "لكن", "ليس", "ليست", "لماذا", "لذلك", "لاحقا", "لدينا", "لدي", "لذا", "لهذا", "لست", "لسنا", "لما", "لأن", "لكي", "لعل", "لطالما", "لابد",
            "لدى", "لن", "لم", "لا", "لو", "لولا", "لكننا", "لكنني", "لكني", "ليت",
        ].map(key))

    /// God, whom a prayer addresses (دعا الله، سأل المولى): never a speaker of news.
    static let god: WordSet = WordSet(["الله", "المولى"].map(key))

    /// Words that open the addressee of a call (دعا كل الأطراف إلى…).
    static let addresseeOpeners: WordSet = WordSet(["كل", "جميع", "كافة", "المجتمع", "الأطراف", "الدول"].map(key))

    /// Words before a quoted name, not quoted speech (وكالة "يونهاب"، مناورات "ماكس ثاندر"): the
    /// package's `Lexicons/naming-words.tsv`, mined from the shared corpora with counts and examples.
    static let namingWords = WordSet(reviewedWords("naming-words"))

    /// Verbs and participles of naming, after which بـ gives a name (ما يسمى بـ"…"، المعروفة
    /// بـ"…"، الملقب بـ"…"): a closed class of the grammar.
    static let namingVerbs: WordSet = WordSet(
        [
            "يسمى", "تسمى", "سمي", "سميت", "المسمى", "المسماة", "مسمى", "المعروف", "المعروفة", "يعرف", "تعرف", "عرف", "عرفت", "الملقب", "الملقبة", "لقب",
            "لقبت",
            "يلقب", "تلقب", "يدعى", "تدعى",
        ].map(key))

    /// The words of a reviewed list in the package's `Lexicons/NAME.tsv` (word, corpus count,
    /// example per line; `#` lines are its notes), as keys.
    static func reviewedWords(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Lexicons/\(name).tsv is missing from the package") }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { preconditionFailure("Lexicons/\(name).tsv: a line without word, count and example: \(line)") }
            return key(String(fields[0]))
        }
    }

    /// Heads of what أكد and شدد assert as a noun, with no إن/أن or على (أكد الوزير ضرورة تغيير
    /// القانون، شدد أهمية…): the package's `Lexicons/asserted-objects.tsv`, mined from the shared
    /// corpora with counts and examples.
    static let assertedObjects = WordSet(reviewedWords("asserted-objects"))

    /// Adjectives of stance after a speech act's noun with its possessive (رفضه القاطع، دعمها
    /// الكامل): the package's `Lexicons/stance-adjectives.tsv`, mined from the shared corpora with
    /// counts and examples.
    static let stanceAdjectives = WordSet(reviewedWords("stance-adjectives"))

    /// Nationality adjectives (الإسباني، البرتغالي): the package's `Lexicons/nationalities.tsv`,
    /// mined from the shared corpora with counts and examples.
    static let nationalities = WordSet(reviewedWords("nationalities"))

    /// Feminine heads of speaker phrases (وزارة، الشرطة، المتحدثة): the package's
    /// `Lexicons/feminine-subjects.tsv`, mined from the shared corpora with counts and examples.
    static let feminineSubjects = WordSet(reviewedWords("feminine-subjects"))

    /// The verbs whose object may be what they assert, written as a noun (``assertedObjects``).
    static let assertsNoun: Set<String> = ["أكد", "شدد"]

    /// Heads of speaker phrases that are roles, not names (a role alone is resolved to the last
    /// speaker who held it).
    static let titles = WordSet(titleKeys)

    /// The title heads' keys: the package's `Lexicons/titles.tsv`, mined from the shared corpora
    /// with counts and examples.
    static let titleKeys = reviewedWords("titles")
}
