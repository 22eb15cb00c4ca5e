import Foundation
import TestSupport
import Testing

@testable import ArabicText
@testable import Ingest

/// The text stage on real articles from `../shared/datasets` (read in place, never copied).
@Suite("Shared corpora", .needsSharedData)
struct CorpusTextTests {

    @Test func seedArticleSplitsIntoItsSentencesAndLosesItsChrome() throws {
        let seed = try String(contentsOfFile: try SharedData.path("seed-article.txt"), encoding: .utf8)
        let display = DisplayText(seed)
        #expect(SentenceSplitter.paragraphs(of: display).count == 23)
        let sentences = SentenceSplitter.sentences(of: display)
        #expect(sentences.count == 25)
        // The orphan closing quote of paragraph 6 does not glue its two sentences together.
        #expect(display[sentences[6].range] == "من جانب آخر، أعرب كل من ماكرون وميركل عن استعدادهما للإسهام في التخفيف من حدة التوتر شمال غربي سوريا.")
        let cleaned = Boilerplate.fixedPatterns.clean(seed, source: nil)
        #expect(cleaned.removed.map(\.text) == ["مقالات ذات صلة", "زر الذهاب إلى الأعلى"])
        // The 21 U+00A0 of the seed are plain spaces in the display view.
        #expect(seed.unicodeScalars.filter { $0 == "\u{00A0}" }.count == 21)
        #expect(!display.text.unicodeScalars.contains("\u{00A0}"))
    }

    @Test func bbcRelatedHeadlinesAreRemovedAndTheProseAfterThemKept() throws {
        let articles = Ingest.read([try SharedData.path("ant-multisource.jsonl.gz")]).articles
        guard let article = articles.first(where: { $0.id == "BB-middleEast-501-20180514" }) else {
            Issue.record("article missing from the corpus")
            return
        }
        let cleaned = Boilerplate.fixedPatterns.clean(article.text, source: article.source)
        #expect(cleaned.removed.map(\.line) == [3, 4, 5, 6, 7])
        #expect(cleaned.removed.map(\.reason) == [.pageChrome, .relatedStory, .relatedStory, .relatedStory, .relatedStory])
        #expect(cleaned.removed[2].text == "هل إيران هي الفائز الحقيقي في الانتخابات العراقية؟")
        #expect(cleaned.text.split(separator: "\n")[3].hasPrefix("وبحسب شبكة روداو"))

        // Over the whole corpus the outlets' notices and disclaimers are learned, and no prose
        // line shared by a few articles of one story is.
        let learned = Boilerplate.learn(from: articles.map { Boilerplate.Document(source: $0.source, day: $0.published?.day, text: $0.text) })
        let texts = Set(learned.learned.map(\.text))
        #expect(texts.contains("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول."))
        #expect(texts.contains("** جميع المقالات المنشورة تمثل رأي كتابها فقط."))
        #expect(texts.contains("فرانس24/ أ ف ب"))
        for line in learned.learned where line.text.hasSuffix(".") {
            #expect(line.articles >= 10, "prose learned from few articles: \(line.text)")
        }
        #expect(learned.learned.filter { $0.source == "skynewsarabia.com" }.count <= 5)
    }

    @Test func everyCorpusTokenizesAndStemsWithoutLosingText() throws {
        // Every Arabic letter of a text is in exactly one token: none is lost at a ZWNJ, a
        // tatweel or a presentation form.
        let articles = Ingest.read([try SharedData.path("ant-jawharafm.jsonl.gz")]).articles.prefix(2000)
        for article in articles {
            let display = DisplayText(article.text)
            let letters = display.scalars.filter { ScalarClass.of($0) == .arabicLetter }.count
            let inTokens = Tokenizer.tokens(in: display).filter { $0.kind == .arabic || $0.kind == .hashtag }
                .reduce(0) { sum, token in sum + token.text.unicodeScalars.filter { ScalarClass.of($0) == .arabicLetter }.count }
            #expect(letters == inTokens, "\(article.id)")
        }
    }
}
