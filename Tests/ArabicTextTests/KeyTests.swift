import Testing

@testable import ArabicText

/// One row per rule of the key view (`normalization-map.tsv`, steps 1–11), input → output.
@Suite("Key view")
struct KeyTests {
    static let rules: [(rule: String, input: String, output: String)] = [
        ("1 presentation forms A: ﷲ ligature", "\u{FDF2}", "الله"),
        ("1 presentation forms A: rial sign is ريال, not Farsi-yeh ریال", "\u{FDFC}", "ريال"),
        ("1 presentation forms B: lam-alef ligature", "\u{FEFB}", "لا"),
        ("1 presentation forms B: lam-alef with hamza, then the alef fold", "\u{FEF7}", "لا"),
        ("1 presentation forms B: a whole word", "ﺍﻟﺮﺋﻴﺲ", "الرءيس"),
        ("1 NFC: alef + hamza above composes to أ, then folds", "ا\u{0654}", "ا"),
        ("1 NFC: waw + hamza above composes to ؤ", "مسو\u{0654}ول", "مسءول"),
        ("2 ZWSP is a space", "بيان\u{200B}رسمي", "بيان رسمي"),
        ("2 ZWNJ is a space", "علی\u{200C}کرکوک", "علي كركوك"),
        ("2 ZWJ is deleted", "بيا\u{200D}ن", "بيان"),
        ("2 LRM, RLM, ALM are deleted", "\u{200F}بيان\u{200E}\u{061C}", "بيان"),
        ("2 LRE RLE PDF LRO RLO are deleted", "\u{202A}\u{202B}بيان\u{202C}\u{202D}\u{202E}", "بيان"),
        ("2 LRI RLI FSI PDI are deleted", "\u{2066}\u{2067}بيان\u{2068}\u{2069}", "بيان"),
        ("2 BOM, word joiner, soft hyphen, CGJ, MVS are deleted", "\u{FEFF}بي\u{2060}ا\u{00AD}ن\u{034F}\u{180E}", "بيان"),
        ("2 no-break and typographic spaces are one space", "تنفذ\u{00A0}عددا\u{2009}من\u{3000}\u{202F}التزاماتها", "تنفذ عددا من التزاماتها"),
        ("3 tatweel is deleted", "الرئيـــس", "الرءيس"),
        ("3 harakat are deleted", "قُتِلُوا إنّ", "قتلوا ان"),
        ("3 dagger alef is deleted", "هٰذا", "هذا"),
        ("3 madda and subscript alef are deleted", "ا\u{0653}\u{0656}", "ا"),
        ("3 honorific signs are deleted", "محمد\u{0610}\u{0611}", "محمد"),
        ("3 Quranic annotation marks are deleted", "الرحيم\u{06D6}\u{06E2}\u{06ED}", "الرحيم"),
        ("4 alef variants", "أ إ آ ٱ \u{0672} \u{0673} \u{0675}", "ا ا ا ا ا ا ا"),
        ("5 alef maksura", "إلى مستشفى", "الي مستشفي"),
        ("6 teh marbuta", "الحكومة \u{06C3}", "الحكومه ه"),
        ("7 Farsi yeh and the other yehs", "\u{06CC}\u{06CD}\u{06CE}\u{06D0}\u{06D1}\u{06D2}\u{06D3}", "ييييييي"),
        ("7 keheh, gaf and Moroccan ng", "\u{06A9}\u{06AF}\u{06AD}\u{06B4}", "كككك"),
        ("7 heh variants", "\u{06BE}\u{06C0}\u{06C1}\u{06C2}\u{06D5}\u{06FF}", "هههههه"),
        ("7 veh and feh variants", "\u{06A4}\u{06A5}\u{06A1}", "ففف"),
        ("7 qaf variants (Algerian and Tunisian g)", "\u{06A8}\u{06A7}", "قق"),
        ("7 peh and beh variants", "\u{067E}\u{067B}\u{0680}", "ببب"),
        ("7 tcheh and jeem variants", "\u{0686}\u{0687}\u{0683}\u{0684}", "جججج"),
        ("7 jeh", "\u{0698}", "ز"),
        ("8 hamza carriers fold (the default)", "مسؤول مسئول شؤون شئون", "مسءول مسءول شءون شءون"),
        ("9 Arabic-Indic digits", "٢٠/٠٢/٢٠٢٠", "20/02/2020"),
        ("9 extended (Persian) digits", "۱۴۴۱", "1441"),
        ("9 decimal separator between digits", "٢٫٥", "2.5"),
        ("9 thousands separator between digits", "١٬٠٠٠", "1000"),
        ("9 percent sign", "٥٠٪", "50%"),
        ("10 Arabic comma, semicolon, question mark", "نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
        ("11 Latin lower case", "CNN École", "cnn école"),
    ]

    @Test(arguments: rules.indices)
    func rule(_ index: Int) {
        let row = KeyTests.rules[index]
        #expect(KeyNormalizer().key(row.input) == row.output, "\(row.rule)")
    }

    @Test func hamzaCarriersCanBeKept() {
        let lucene = KeyNormalizer(hamzaCarriers: .keep)
        #expect(lucene.key("مسؤول مسئول و\u{0654}") == "مسؤول مسئول ؤ")
    }

    @Test func separatorsOutsideNumbersAreCommas() {
        #expect(KeyNormalizer().key("٫ نعم ٥٫") == ", نعم 5,")
    }

    @Test func runsOfSpacesCollapseAndLinesStay() {
        #expect(KeyNormalizer().key("  قال \t\u{00A0} الوزير  \n\n  إن ") == "قال الوزير\n\nان")
    }

    /// The reference's `recommended.normalize` lines for the seed article (§1.6), with step 10
    /// applied as well (، → , and ؟ → ?).
    @Test(arguments: [
        (
            "خلال اتصال مع ماكرون وميركل… بوتين يؤكد على ضرورة تحييد التهديد الإرهابي في سوريا",
            "خلال اتصال مع ماكرون وميركل… بوتين يءكد علي ضروره تحييد التهديد الارهابي في سوريا"
        ),
        (
            "تركيا لم تنفذ\u{00A0}عددا من التزاماتها\u{00A0}الهامة لتسوية الأزمة في إدلب",
            "تركيا لم تنفذ عددا من التزاماتها الهامه لتسويه الازمه في ادلب"
        ),
        (
            "أكد الرئيس الروسي، فلاديمير بوتين، خلال اتصال هاتفي مع نظيره الفرنسي، إيمانويل ماكرون، والمستشارة الألمانية، أنجيلا ميركل، ضرورة اتخاذ خطوات فعالة ضد الإرهابيين في سوريا.",
            "اكد الرءيس الروسي, فلاديمير بوتين, خلال اتصال هاتفي مع نظيره الفرنسي, ايمانويل ماكرون, والمستشاره الالمانيه, انجيلا ميركل, ضروره اتخاذ خطوات فعاله ضد الارهابيين في سوريا."
        ),
        (
            "قَالَ الرئيـــس إنّ ٣ جنود قُتلوا في ٢٠/٠٢/٢٠٢٠، وأضاف: «لن نتراجع». ﺍﻟﺮﺋﻴﺲ \u{200F}علی\u{200C} کرکوک ۱۴۴۱ هـ؟ إلى آذار ؛ مسؤولي الأمم",
            "قال الرءيس ان 3 جنود قتلوا في 20/02/2020, واضاف: «لن نتراجع». الرءيس علي كركوك 1441 ه? الي اذار ; مسءولي الامم"
        ),
    ])
    func seedParagraph(_ input: String, _ expected: String) {
        #expect(KeyNormalizer().key(input) == expected)
    }
}
