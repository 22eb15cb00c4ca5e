import Testing

@testable import ArabicText

/// Light10 against real Lucene 8.7 output (the reference notes, §1.6 and §2.6). Lucene's
/// normalizer keeps ؤ and ئ, so these run with hamza carriers kept.
@Suite("Light10")
struct StemmingTests {
    func lucene(_ text: String) -> [String] {
        Tokenizer.tokens(in: DisplayText(text), hamzaCarriers: .keep).map { Light10.stem($0.key) }
    }

    @Test func seedHeadline() {
        #expect(
            lucene("خلال اتصال مع ماكرون وميركل… بوتين يؤكد على ضرورة تحييد التهديد الإرهابي في سوريا")
                == ["خلال", "اتصال", "مع", "ماكر", "ميركل", "بوت", "يؤكد", "عل", "ضرور", "تحييد", "تهديد", "ارهاب", "في", "سوريا"])
    }

    @Test func seedSubHeadline() {
        #expect(
            lucene("تركيا لم تنفذ\u{00A0}عددا من التزاماتها\u{00A0}الهامة لتسوية الأزمة في إدلب")
                == ["تركيا", "لم", "تنفذ", "عددا", "من", "تزام", "هام", "لتسو", "ازم", "في", "ادلب"])
    }

    @Test func seedLede() {
        #expect(
            lucene(
                "أكد الرئيس الروسي، فلاديمير بوتين، خلال اتصال هاتفي مع نظيره الفرنسي، إيمانويل ماكرون، والمستشارة الألمانية، أنجيلا ميركل، ضرورة اتخاذ خطوات فعالة ضد الإرهابيين في سوريا."
            )
                == [
                    "اكد", "رئيس", "روس", "فلاديمير", "بوت", "خلال", "اتصال", "هاتف", "مع", "نظير", "فرنس", "ايمانويل", "ماكر", "مستشار", "المان", "انجيلا",
                    "ميركل", "ضرور", "اتخاذ", "خطو", "فعال", "ضد", "ارهاب", "في", "سوريا",
                ])
    }

    @Test func seedParagraphTen() {
        #expect(
            lucene(
                "وبحسب زايبرت، فقد أعرب زعيما ألمانيا وفرنسا عن استعدادهما لإجراء لقاء مشترك مع رئيس النظام التركي من أجل التوصل إلى حل للأزمة بالطرق السياسية."
            )
                == [
                    "بحسب", "زايبرت", "فقد", "اعرب", "زعيما", "مانيا", "فرنسا", "عن", "استعدادهما", "لاجراء", "لقاء", "مشترك", "مع", "رئيس", "نظام", "ترك",
                    "من", "اجل", "توصل", "ال", "حل", "ازم", "طرق", "سياس",
                ])
    }

    @Test(arguments: [
        ("الإرهاب الإرهابي الإرهابيين إرهابية والإرهابيون للإرهاب بالإرهاب", ["ارهاب", "ارهاب", "ارهاب", "ارهاب", "ارهاب", "ارهاب", "ارهاب"]),
        ("سوريا السورية السوري السوريين وسوريا لسوريا", ["سوريا", "سور", "سور", "سور", "سوريا", "لسوريا"]),
        ("مسؤول مسئول المسؤولين المسئولين مسؤولو مسؤولية", ["مسؤول", "مسئول", "مسؤول", "مسئول", "مسؤولو", "مسؤول"]),
        ("أكد يؤكد مؤكدا وأكدت تأكيد التأكيد", ["اكد", "يؤكد", "مؤكدا", "اكدت", "تاكيد", "تاكيد"]),
        ("بوتين لبوتين وبوتين ماكرون وماكرون", ["بوت", "لبوت", "بوت", "ماكر", "ماكر"]),
        ("الحكومة الحكومية حكومات والحكومات للحكومة", ["حكوم", "حكوم", "حكوم", "حكوم", "حكوم"]),
    ])
    func wordFamily(_ words: String, _ stems: [String]) {
        #expect(lucene(words) == stems)
    }

    @Test func foldedHamzaMergesBothSpellingsOfOfficial() {
        let stems = Tokenizer.tokens(in: DisplayText("مسؤول مسئول المسؤولين المسئولين")).map { Light10.stem($0.key) }
        #expect(stems == ["مسءول", "مسءول", "مسءول", "مسءول"])
    }

    @Test func shortWordsKeepTheirLetters() {
        // و needs 4 letters, other prefixes leave 2, suffixes leave 2.
        #expect(Light10.stem("ولد") == "ولد")
        #expect(Light10.stem("وله") == "ول")
        #expect(Light10.stem("الي") == "ال")
        #expect(Light10.stem("بها") == "بها")
    }

    /// Light10 as its lists state it (the type's documentation): the written-out stemmer must
    /// agree with it on every word of the letters its affixes use, up to six letters.
    static func stemByTheLists(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let prefixes = ["ال", "وال", "بال", "كال", "فال", "لل", "و"].map { Array($0.unicodeScalars) }
        let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"].map { Array($0.unicodeScalars) }
        var word = word[...]
        for prefix in prefixes where (prefix.count == 1 ? word.count >= 4 : word.count >= prefix.count + 2) && word.starts(with: prefix) {
            word = word.dropFirst(prefix.count)
            break
        }
        for suffix in suffixes where word.count >= suffix.count + 2 && word.suffix(suffix.count).elementsEqual(suffix) {
            word = word.dropLast(suffix.count)
        }
        return Array(word)
    }

    @Test func theWrittenOutStemmerFollowsTheLists() {
        // Every word of up to four of the affixes' letters and one other, and one in 11 of five
        // and six letters.
        let letters = Array("البكفونتهيةم".unicodeScalars)
        var words: [[Unicode.Scalar]] = [[]]
        var all: [[Unicode.Scalar]] = [[]]
        for length in 1...6 {
            words = words.flatMap { word in letters.map { word + [$0] } }
            all += length <= 4 ? words : words.enumerated().filter { $0.offset % 11 == 0 }.map(\.element)
            if length == 5 { words = all.filter { $0.count == 5 } }
        }
        #expect(all.count > 60_000)
        for word in all {
            let stem = word.withUnsafeBufferPointer { Array($0[Light10.stemRange($0)]) }
            let expected = StemmingTests.stemByTheLists(word)
            #expect(stem == expected, "\(String(String.UnicodeScalarView(word)))")
            if stem != expected { break }
        }
    }
}
