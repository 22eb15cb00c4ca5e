import Foundation
import Synchronization
import Testing

@testable import ArabicText

/// Properties that hold for any input: idempotent keys, exact offsets, no crash on garbage.
@Suite("Properties")
struct PropertyTests {
    /// Scalars that exercise every rule: Arabic letters and marks, presentation forms, controls,
    /// spaces, digits, separators, quotes, Latin, lone combining marks, emoji.
    static let alphabet: [Unicode.Scalar] =
        Array(
            """
            ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـًٌٍَُِّْٰٱیکگہۀھەڤڨپچژ٠١٩۰۴٫٬٪،؛؟«»“”"'.!?:()#@_ \n\r\tABCzéÉ0123456789…
            """.unicodeScalars)
        + [
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x00A0, 0x0654, 0x0655, 0x0653, 0x0301,
            0xFEFB, 0xFDF2, 0xFDFC, 0xFDFA, 0xFE8D, 0xFEDF, 0xFC5E, 0xFEFF, 0x00AD, 0x1F600, 0x2126, 0x0958,
        ]
        .map { Unicode.Scalar($0)! }

    /// Deterministic pseudo-random strings (a fixed LCG, so a failure reproduces).
    static func randomStrings(count: Int, maxLength: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            var s = String.UnicodeScalarView()
            for _ in 0..<(next() % maxLength) { s.append(alphabet[next() % alphabet.count]) }
            return String(s)
        }
    }

    @Test func keyIsIdempotent() {
        for normalizer in [KeyNormalizer(), KeyNormalizer(hamzaCarriers: .keep)] {
            for s in PropertyTests.randomStrings(count: 3000, maxLength: 40) {
                let once = normalizer.key(s)
                #expect(normalizer.key(once) == once, "key(key(x)) != key(x) for \(s.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func displayOffsetsMapBackToTheOriginal() {
        for s in PropertyTests.randomStrings(count: 2000, maxLength: 40) {
            let display = DisplayText(s)
            let original = Array(s.unicodeScalars)
            for token in Tokenizer.tokens(in: display) {
                let back = display.originalRange(of: token.range)
                let slice = String(String.UnicodeScalarView(original[back]))
                #expect(DisplayText(slice).text == token.text, "token \(token.text) of \(s.debugDescription)")
            }
            // Ranges move forward: a later display scalar never comes from earlier original text.
            var previous = 0..<0
            for i in 0..<display.count {
                let range = display.originalRange(of: i..<(i + 1))
                #expect(range.lowerBound >= previous.lowerBound && range.upperBound >= previous.upperBound && range.upperBound <= original.count)
                previous = range
            }
        }
    }

    @Test func displayIsStableUnderItself() {
        for s in PropertyTests.randomStrings(count: 2000, maxLength: 40) {
            let once = DisplayText(s).text
            #expect(DisplayText(once).text == once)
        }
    }

    @Test func garbageNeverCrashes() {
        let inputs =
            PropertyTests.randomStrings(count: 500, maxLength: 200) + [
                "", "\u{0651}", "\u{0654}\u{0654}", "\u{064B}\u{064C}\u{064D}", "#", "@", "٫", ".", "«", "»»»", "(((",
                String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self),
            ]
        for s in inputs {
            let display = DisplayText(s)
            _ = KeyNormalizer().key(s)
            _ = Tokenizer.tokens(in: display)
            _ = SentenceSplitter.sentences(of: display)
            _ = Analyzer().terms(of: s)
        }
    }

    @Test func aOneMegabyteLineIsHandledWhole() {
        let line = String(repeating: "وقال الرئيس إن «الحوار مستمر» ", count: 35_000)
        let display = DisplayText(line)
        #expect(display.count > 1_000_000)
        #expect(Tokenizer.tokens(in: display).count == 35_000 * 5)
        #expect(SentenceSplitter.sentences(of: display).count == 1)
    }
}

/// The fast paths of the vectors stage give what the plain ones give.
@Suite("Fast paths")
struct FastPathTests {
    @Test func utf8ScalarsDecodeLikeTheStandardLibrary() {
        for text in PropertyTests.randomStrings(count: 2_000, maxLength: 40) + ["", "a", "😀 إنّ", "\u{10FFFF}"] {
            let decoded = UTF8Scalars.of(text[...]) { Array($0) }
            #expect(decoded == Array(text.unicodeScalars))
        }
    }

    @Test func linesSplitOnEveryLineBreakAndKeepEmptyLines() {
        for text in PropertyTests.randomStrings(count: 500, maxLength: 60) + ["", "\n", "أ\n\nب\n"] {
            // On the byte: "\r\n" is one Character, and splitting on Characters would keep it whole.
            let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
            #expect(Boilerplate.lines(of: text).map(String.init) == expected)
        }
        #expect(Boilerplate.lines(of: "قال\n\nإن") == ["قال", "", "إن"])
    }

    /// Every token (kind, range, key, final ى) as the scanner finds it in the scalars of `text`
    /// read from its UTF-8 bytes (Arabic letters in runs) or from an array (one by one).
    static func scannedTokens(_ text: String, fromBytes: Bool, hamza: HamzaCarriers) -> [String] {
        var found: [String] = []
        func note(_ kind: TokenKind, _ range: Range<Int>, _ key: ScannedKey) {
            found.append("\(kind) \(range) \(String(scalars: key.scalars)) \(key.endsWithAlefMaksura)")
        }
        if fromBytes {
            UTF8Scalars.of(text[...]) { Tokenizer.scan($0, hamza: hamza, note) }
        } else {
            Tokenizer.scan(Array(text.unicodeScalars), hamza: hamza, note)
        }
        return found
    }

    @Test func lettersTakenInRunsFromBytesGiveTheSameTokens() {
        // Runs of plain letters end at a diacritic, a hamza to compose, a presentation form,
        // a Persian letter, a digit or a separator; ى sets the last-letter flag only at the end.
        let written = [
            "عَلى المستشفى", "رئيس مؤسسة سيئة", "ﻻ ﷲ پیشنهاد", "علي١٢٣ و٫٥ #وسم_عربي @user",
            "ىىى اىا", "و\u{0654}ي\u{0654} ا\u{0655}",
        ]
        for hamza in [HamzaCarriers.fold, .keep] {
            for text in written + PropertyTests.randomStrings(count: 3000, maxLength: 40) {
                #expect(
                    FastPathTests.scannedTokens(text, fromBytes: true, hamza: hamza) == FastPathTests.scannedTokens(text, fromBytes: false, hamza: hamza),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func termIDsFollowFirstAppearanceAndShareAStem() {
        var table = TermTable()
        var ids: [Int32?] = []
        Analyzer().forEachTermID(in: "الكتاب في كتاب على علي الكتاب"[...], table: &table) { _, id in ids.append(id) }
        // الكتاب and كتاب have the stem كتاب; في and على are stop words; علي (Ali) is not, and
        // light10 takes its final ي.
        #expect(ids == [0, nil, 0, nil, 1, 0])
        #expect(table.names == ["كتاب", "عل"])
        #expect(table.hashes == [TermHash.of("كتاب".unicodeScalars), TermHash.of("عل".unicodeScalars)])
    }

    @Test func termIDsMatchTheTermsOfTheAnalyzer() {
        let analyzer = Analyzer()
        var table = TermTable()
        for text in PropertyTests.randomStrings(count: 1_000, maxLength: 50) {
            var ids: [Int32] = []
            analyzer.forEachTermID(in: text[...], table: &table) { _, id in if let id { ids.append(id) } }
            #expect(ids.map { table.names[Int($0)] } == analyzer.terms(of: text))
        }
        #expect(table.count > 1_000)  // the index grew well past its first size
    }

    @Test func aLineLongerThanTheTokenQueueKeepsEveryTokenInOrder() {
        // 1,000 tokens and a 5,000-letter word outgrow the queue's first 256 tokens and 2,048
        // key scalars mid-line; the tokens queued before are carried over.
        let words = ["الوزير", "في", "غزة", "رفح", "CNN"]
        let line = (0..<1_000).map { words[$0 % words.count] }.joined(separator: " ") + " " + String(repeating: "a", count: 5_000) + " الوزير"
        var table = TermTable()
        var ids: [Int32?] = []
        Analyzer().forEachTermID(in: line[...], table: &table) { _, id in ids.append(id) }
        #expect(ids.count == 1_002)
        #expect(Array(ids.prefix(5)) == [0, nil, 1, 2, 3])
        #expect(ids.dropLast(2).enumerated().allSatisfy { $0.element == ids[$0.offset % words.count] })
        #expect(ids.suffix(2) == [4, 0])
        #expect(table.names.dropLast() == ["وزير", "غز", "رفح", "cnn"])
        #expect(table.names.last == String(repeating: "a", count: 5_000))
    }

    @Test func copiesOfATableCountOnTwoThreadsAtOnce() {
        // Each copy takes a queue of its own before its first line: sharing one, the two threads
        // would write their tokens over each other's.
        var first = TermTable()
        Analyzer().forEachTermID(in: "رفح الوزير"[...], table: &first) { _, _ in }
        let base = first
        let lines = PropertyTests.randomStrings(count: 2_000, maxLength: 60)
        @Sendable func count(_ table: TermTable) -> [Int32?] {
            var table = table
            var ids: [Int32?] = []
            for line in lines { Analyzer().forEachTermID(in: line[...], table: &table) { _, id in ids.append(id) } }
            return ids
        }
        let expected = count(base)
        let results = Mutex([[Int32?]]())
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let ids = count(base)
            results.withLock { $0.append(ids) }
        }
        #expect(results.withLock { $0 } == [expected, expected])
    }

    @Test func termIDsComeWithTheWordHashesOfBoilerplateDetection() {
        // Stop words included: every token of the line has its word hash, in order.
        var table = TermTable()
        for text in ["في عام ٢٠١٨ قال الرئيس", "© 2018 جميع الحقوق محفوظة"] + PropertyTests.randomStrings(count: 1_000, maxLength: 50) {
            var hashes: [UInt64] = []
            Analyzer().forEachTermID(in: text[...], table: &table) { wordHash, _ in hashes.append(wordHash) }
            #expect(hashes == Boilerplate.wordHashes(text))
        }
    }

    @Test func termHashesNameEachWordsStemAndItsRange() {
        let text = Array("الكتاب في كتابها".unicodeScalars)
        var found: [(UInt64, Range<Int>)] = []
        Analyzer().forEachTermHash(in: text) { found.append(($0, $1)) }
        // Stop words count too (في); light10 takes ال and ها.
        #expect(found.map(\.0) == ["كتاب", "في", "كتاب"].map { TermHash.of($0.unicodeScalars) })
        #expect(found.map(\.1) == [0..<6, 7..<9, 10..<16])
    }

    @Test func termHashesAreTheHashesOfTheTermsWithoutStopWords() {
        let everyWord = Analyzer(stopWords: StopWords([]))
        for text in PropertyTests.randomStrings(count: 1_000, maxLength: 50) {
            var hashes: [UInt64] = []
            everyWord.forEachTermHash(in: Array(text.unicodeScalars)) { hash, _ in hashes.append(hash) }
            #expect(hashes == everyWord.terms(of: text).map { TermHash.of($0.unicodeScalars) })
        }
    }
}
