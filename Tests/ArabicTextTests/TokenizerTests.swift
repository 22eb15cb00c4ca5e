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
}
