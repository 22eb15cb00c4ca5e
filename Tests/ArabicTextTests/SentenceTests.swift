import Testing

@testable import ArabicText

@Suite("Sentences")
struct SentenceTests {
    func sentences(_ text: String) -> [String] {
        let display = DisplayText(text)
        return SentenceSplitter.sentences(of: display).map { display[$0.range] }
    }

    @Test func splitsOnFullStopsQuestionAndExclamationMarks() {
        #expect(sentences("وصل الوفد. هل يتفقون؟ نعم! وانتهى") == ["وصل الوفد.", "هل يتفقون؟", "نعم!", "وانتهى"])
    }

    @Test func aStraightQuoteThatClosesByItsShapeOpensNothing() {
        // The second quotation goes on without its opening mark; the orphan closer opens no quotation
        // that would swallow the next sentences.
        let text = "وقالت \"الهدف هو الشراكة\". الهدف هو الشراكة المتبادلة\". وتدفع الدول الأخرى. ومضى يقول \"ما زال أمامنا وقت\"."
        #expect(sentences(text) == ["وقالت \"الهدف هو الشراكة\".", "الهدف هو الشراكة المتبادلة\".", "وتدفع الدول الأخرى.", "ومضى يقول \"ما زال أمامنا وقت\"."])
    }

    @Test func notAfterALatinInitialInsideAName() {
        #expect(
            sentences("وقالت لورا إيه. كولانجيلو إن الدراسة مهمة. وأضافت أن النتائج متسقة.") == [
                "وقالت لورا إيه. كولانجيلو إن الدراسة مهمة.", "وأضافت أن النتائج متسقة.",
            ])
        // An acronym's last letter, or a letter before و, ends its sentence.
        #expect(sentences("قالت نيكول لبي بي سي. الصيدلاني رفض.") == ["قالت نيكول لبي بي سي.", "الصيدلاني رفض."])
        #expect(sentences("ذكرت الشرطة إيه. وأضافت") == ["ذكرت الشرطة إيه.", "وأضافت"])
    }

    @Test func neverOnCommaSemicolonOrColon() {
        let text = "أكد الرئيس الروسي، فلاديمير بوتين، أن الوضع خطير؛ وأضاف: الحل سياسي."
        #expect(sentences(text) == [text])
    }

    @Test func neverInsideQuotes() {
        let text = "وقال: «لن نتراجع. لن نستسلم!» ثم غادر."
        #expect(sentences(text) == [text])
        let curly = "وأضاف أن “الوضع صعب. لكن الحل ممكن” في إدلب."
        #expect(sentences(curly) == [curly])
    }

    @Test func reversedGuillemetsStillPair() {
        let text = "وقال »لن نتراجع. أبدا« ثم غادر."
        #expect(sentences(text) == [text])
    }

    @Test func anUnclosedQuoteDoesNotSwallowTheParagraph() {
        #expect(sentences("وقال «لن نتراجع. ثم غادر.") == ["وقال «لن نتراجع.", "ثم غادر."])
    }

    @Test func notAfterAbbreviationsSingleLettersOrBetweenDigits() {
        #expect(
            sentences("التقى د. محمد بالوزير في 20.02.2020 عند الساعة 2.5 ص.ب. 100 وغيرها.")
                == ["التقى د. محمد بالوزير في 20.02.2020 عند الساعة 2.5 ص.ب. 100 وغيرها."])
        #expect(sentences("عام 1441 هـ. ثم جاء") == ["عام 1441 هـ. ثم جاء"])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("قال إنها “أسوأ السيناريوهات”. وغادر.") == ["قال إنها “أسوأ السيناريوهات”.", "وغادر."])
    }

    @Test func paragraphsAreKept() {
        let display = DisplayText("الفقرة الأولى. جملة ثانية.\n\nالفقرة الثانية")
        #expect(SentenceSplitter.sentences(of: display).map(\.paragraph) == [0, 0, 1])
        #expect(SentenceSplitter.paragraphs(of: display).count == 2)
    }
}
