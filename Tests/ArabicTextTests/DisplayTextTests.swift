import Testing

@testable import ArabicText

@Suite("Display view")
struct DisplayTextTests {
    @Test func keepsQuotesPunctuationAndDiacritics() {
        let text = "وأضاف: «لن نتراجع»، إنّ “الحوار” مستمر؟"
        #expect(DisplayText(text).text == text)
    }

    @Test func removesBidiControlsAndUnifiesSpaces() {
        #expect(DisplayText("\u{200F}تركيا  لم\u{00A0}تنفذ\u{200C}عددا\u{200D}ما \n").text == "تركيا لم تنفذ عدداما\n")
    }

    @Test func composesToNFC() {
        // alef + hamza above (two scalars) is أ (one scalar) in NFC.
        let display = DisplayText("ا\u{0654}كد")
        #expect(display.text == "أكد")
        #expect(display.originalRange(of: 0..<1) == 0..<2)
    }

    @Test func lineBreaksAreKeptAndCRLFIsOne() {
        let display = DisplayText("سطر أول\r\nسطر ثان\rثالث")
        #expect(display.text == "سطر أول\nسطر ثان\nثالث")
        #expect(display.originalRange(of: 7..<8) == 7..<9)
    }

    @Test func offsetsPointIntoTheOriginal() {
        let original = "\u{200F}قال  الوزير\u{00A0}إنّ"
        let display = DisplayText(original)
        #expect(display.text == "قال الوزير إنّ")
        let tokens = Tokenizer.tokens(in: display)
        let scalars = Array(original.unicodeScalars)
        let spans = tokens.map { String(scalars: scalars[display.originalRange(of: $0.range)]) }
        #expect(spans == ["قال", "الوزير", "إنّ"])
        // The collapsed double space maps back to both spaces.
        #expect(display.originalRange(of: 3..<4) == 4..<6)
    }
}
