import Testing

@testable import ArabicText

@Suite("Tokens")
struct TokenizerTests {
    func tokens(_ text: String) -> [String] { Tokenizer.tokens(in: DisplayText(text)).map(\.text) }
    func kinds(_ text: String) -> [TokenKind] { Tokenizer.tokens(in: DisplayText(text)).map(\.kind) }

    @Test func splitsOnSpacesAndPunctuation() {
        #expect(tokens("أكد الرئيس الروسي، فلاديمير بوتين، أن «الحوار» مستمر.") == ["أكد", "الرئيس", "الروسي", "فلاديمير", "بوتين", "أن", "الحوار", "مستمر"])
    }

    @Test func diacriticsTatweelAndBidiMarksDoNotSplitAWord() {
        let result = Tokenizer.tokens(in: DisplayText("قُتِلُوا الرئيـــس إن\u{200F}ّ"))
        #expect(result.map(\.key) == ["قتلوا", "الرءيس", "ان"])
    }

    @Test func generalPunctuationSplitsWordsAndItsFormatControlsDoNot() {
        let result = Tokenizer.tokens(in: DisplayText("“الوزير”—قال\u{2009}إن\u{2026}الحوار\u{200D}ات ت\u{2066}م"))
        #expect(result.map(\.key) == ["الوزير", "قال", "ان", "الحوارات", "تم"])
    }

    @Test func noScalarOfGeneralPunctuationIsAMark() {
        // The class of U+2000–206F is decided without a property lookup: only its listed format
        // controls continue a word.
        for value in UInt32(0x2000)...0x206F {
            let u = Unicode.Scalar(value)!
            let listedJoiner = [0x200D, 0x200E, 0x200F, 0x2060].contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            #expect(u.properties.generalCategory != .nonspacingMark)
            #expect(ScalarClass.of(u) == (listedJoiner ? .joiner : .other))
        }
    }

    @Test func zwnjSplitsLikeASpace() {
        #expect(Tokenizer.tokens(in: DisplayText("علی\u{200C}کرکوک")).map(\.key) == ["علي", "كركوك"])
    }

    @Test func presentationFormsAreOneWord() {
        let result = Tokenizer.tokens(in: DisplayText("ﺍﻟﺮﺋﻴﺲ ﻻ ﷲ"))
        #expect(result.map(\.text) == ["ﺍﻟﺮﺋﻴﺲ", "ﻻ", "ﷲ"])
        #expect(result.map(\.key) == ["الرءيس", "لا", "الله"])
    }

    @Test func numbersInBothDigitSystemsWithSeparators() {
        let result = Tokenizer.tokens(in: DisplayText("قتل ٣ و۴ و2.5 و١٬٠٠٠ في ٢٠/٠٢/٢٠٢٠."))
        #expect(result.filter { $0.kind == .number }.map(\.key) == ["3", "4", "2.5", "1000", "20", "02", "2020"])
    }

    @Test func arabicAndLatinWrittenTogetherAreTwoTokens() {
        #expect(kinds("موقعCNN بالعربية F16") == [.arabic, .latin, .arabic, .latin])
        #expect(tokens("موقعCNN بالعربية F16") == ["موقع", "CNN", "بالعربية", "F16"])
    }

    @Test func hashtagsAndMentions() {
        let result = Tokenizer.tokens(in: DisplayText("وسم #إيقاف_فيسبوك من @BBCArabic عبر aokhayat@yahoo.com"))
        #expect(result.map(\.text) == ["وسم", "#إيقاف_فيسبوك", "من", "@BBCArabic", "عبر", "aokhayat", "yahoo", "com"])
        #expect(result.map(\.kind) == [.arabic, .hashtag, .arabic, .mention, .arabic, .latin, .latin, .latin])
        #expect(result[1].key == "#ايقاف_فيسبوك")
        #expect(result[3].key == "@bbcarabic")
    }

    @Test func alefMaksuraIsRemembered() {
        let result = Tokenizer.tokens(in: DisplayText("على علي"))
        #expect(result.map(\.key) == ["علي", "علي"])
        #expect(result.map(\.endsWithAlefMaksura) == [true, false])
    }

    @Test func aWordLongerThanTheKeyBuffersFirstCapacityKeepsEveryLetter() {
        // The key builder starts with room for 32 scalars and grows: a hashtag whose key has 38
        // scalars (diacritics dropped, a presentation-form lam-alef expanded) comes out whole.
        let hashtag = "#" + String(repeating: "مُسْتَشْفَى_", count: 5) + "\u{FEFB}"
        let result = Tokenizer.tokens(in: DisplayText(hashtag + " غزة"))
        #expect(result.map(\.key) == ["#" + String(repeating: "مستشفي_", count: 5) + "لا", "غزه"])
        #expect(result[0].key.unicodeScalars.count == 38)
        let long = String(repeating: "ب", count: 70)
        #expect(Tokenizer.tokens(in: long).map(\.key) == [long])
    }
}
