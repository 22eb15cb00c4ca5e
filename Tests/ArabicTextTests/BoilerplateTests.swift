import Testing

@testable import ArabicText

@Suite("Boilerplate")
struct BoilerplateTests {
    func reasons(_ text: String, source: String? = nil, _ boilerplate: Boilerplate = .fixedPatterns) -> [BoilerplateReason] {
        boilerplate.clean(text, source: source).removed.map(\.reason)
    }

    @Test func siteLabelsAreRemovedHoweverSpelled() {
        let cleaned = Boilerplate.fixedPatterns.clean("نص الخبر.\nمقالات ذات صلة\nزر الذهاب إلى الأعلى\nشارك:", source: nil)
        #expect(cleaned.text == "نص الخبر.")
        #expect(cleaned.removed.map(\.reason) == [.pageChrome, .pageChrome, .pageChrome])
        #expect(cleaned.removed.map(\.line) == [1, 2, 3])
    }

    @Test func readAlsoWithAHeadlineIsARelatedStory() {
        #expect(reasons("نص.\nاقرأ أيضا: قافلة مساعدات إنسانية تدخل الغوطة الشرقية\nللمزيد: من هي خطيبة الأمير هاري؟") == [.relatedStory, .relatedStory])
    }

    @Test func headlinesListedUnderALabelGoUntilProseReturns() {
        let text = """
            وضعف الحزب بعد وفاة زعيمه.
            اقرأ أيضاً:
            هل إيران هي الفائز الحقيقي في الانتخابات العراقية؟
            أقل من نصف الناخبين شاركوا في الانتخابات البرلمانية
            وبحسب شبكة روداو المقربة من الحزب، فقد حصل الحزب على أغلبية المقاعد في الإقليم.
            """
        let cleaned = Boilerplate.fixedPatterns.clean(text, source: nil)
        #expect(cleaned.removed.map(\.reason) == [.pageChrome, .relatedStory, .relatedStory])
        #expect(cleaned.text == "وضعف الحزب بعد وفاة زعيمه.\nوبحسب شبكة روداو المقربة من الحزب، فقد حصل الحزب على أغلبية المقاعد في الإقليم.")
    }

    @Test func copyrightAndPhotoCredits() {
        #expect(
            reasons("© 2018 جميع الحقوق محفوظة\nحقوق النشر محفوظة لمجلة القافلة\n(تصوير: المحرر)\nمصدر الصورة Getty Images\nAll Rights Reserved") == [
                .copyright, .copyright, .photoCredit, .photoCredit, .copyright,
            ])
    }

    @Test func proseThatMentionsALabelStays() {
        #expect(reasons("وقالت شركة فيسبوك إنها ستستأنف الحكم، وشارك الآلاف في التظاهرة.\nونددت السلطات بالصورة.").isEmpty)
    }

    /// A distinct first line for article `i` (no digits: the learner masks them).
    static func headline(_ i: Int) -> String {
        let subjects = ["الوزير", "البرلمان", "المحكمة", "الجيش", "البنك", "النادي", "الجامعة", "الشركة"]
        let events = ["يناقش الموازنة", "يرفض القرار", "يعلن النتائج", "يستقبل الوفد", "يفتتح المشروع"]
        return "\(subjects[i % 8]) \(events[i / 8 % 5]) في جلسة طويلة."
    }

    /// Articles of one invented outlet over four days: a sign-off and an app notice repeat, a
    /// background paragraph repeats in five articles of one story.
    static let outletArticles: [Boilerplate.Document] = (0..<40).map { i in
        var lines = [headline(i)]
        if i % 2 == 0 { lines.append("نبأ برس – الرياض") }
        lines.append("يمكنكم متابعة آخر الأخبار عبر تطبيق نبأ برس على هاتفكم المحمول.")
        if i < 5 { lines.append("وكانت المفاوضات قد بدأت قبل ثلاثة أعوام برعاية الأمم المتحدة وتعثرت مرارا.") }
        return Boilerplate.Document(source: "nabaa-press", day: "2018-05-1\(i % 4)", text: lines.joined(separator: "\n"))
    }

    @Test func repeatedLinesAreLearnedPerOutlet() {
        let learned = Boilerplate.learn(from: BoilerplateTests.outletArticles)
        #expect(learned.learned.map(\.text) == ["يمكنكم متابعة آخر الأخبار عبر تطبيق نبأ برس على هاتفكم المحمول.", "نبأ برس – الرياض"])
        #expect(learned.learned.map(\.articles) == [40, 20])
        #expect(learned.learned.map(\.days) == [4, 2])
        #expect(reasons("نبأ برس – الرياض", source: "nabaa-press", learned) == [.learned])
        #expect(reasons("نبأ برس – الرياض", source: "al-mirsad", learned).isEmpty, "learned for its outlet only")
    }

    @Test func aCopyThatDiffersInPunctuationOrSpellingIsStillLearned() {
        let learned = Boilerplate.learn(from: BoilerplateTests.outletArticles)
        #expect(reasons("نبأ برس - الرياض", source: "nabaa-press", learned) == [.learned])
        #expect(reasons("يمكنكم متابعة اخر الاخبار عبر تطبيق نبا برس علي هاتفكم المحمول", source: "nabaa-press", learned) == [.learned])
    }

    @Test func lineFingerprintsAreEachTextsOwnAcrossBlocks() {
        // 1,100 texts are fingerprinted in two blocks of 1,024; each keeps its own lines.
        let texts = (0..<1_100).map { BoilerplateTests.headline($0) + "\nنبأ برس – الرياض\n\n" + String(repeating: "خبر ", count: $0 % 7) }
        let fingerprints = Boilerplate.lineFingerprints(of: texts)
        #expect(fingerprints.count == 1_100)
        for i in [0, 1, 1_023, 1_024, 1_099] {
            let expected = Boilerplate.lines(of: texts[i]).map { Boilerplate.fingerprint($0) }
            #expect(fingerprints[i].map(\.hash) == expected.map(\.hash))
            #expect(fingerprints[i].map { Int($0.words) } == expected.map(\.words))
        }
    }

    @Test func aLineFingerprintIgnoresDiacriticsTatweelHamzaPunctuationAndDigits() {
        // The Arabic letters after a word's first are hashed in a loop of their own, which a
        // diacritic or tatweel inside the word leaves and re-enters.
        let plain = Boilerplate.fingerprint("قال الوزير ان الاجتماع انتهى عام 2016"[...])
        #expect(plain.words == 7)
        #expect(Boilerplate.fingerprint("قالَ الوزيـرُ: إنّ الاجتماعَ انتهى، عام ٢٠١٥"[...]) == plain)
        #expect(Boilerplate.fingerprint("قال الوزيران الاجتماع انتهى عام 2016"[...]) != plain)
        #expect(Boilerplate.fingerprint("قال الوزير ان الاجتماع انتهى"[...]).hash != plain.hash)
    }

    @Test func learningFromGivenFingerprintsLearnsTheSameLines() {
        let documents = BoilerplateTests.outletArticles
        let fingerprints = Boilerplate.lineFingerprints(of: documents.map(\.text))
        let given = Boilerplate.learn(
            from: documents.indices.map {
                Boilerplate.Document(source: documents[$0].source, day: documents[$0].day, text: documents[$0].text, fingerprints: fingerprints[$0])
            })
        #expect(given.learned == Boilerplate.learn(from: documents).learned)
        #expect(given.learned.count == 2)
    }

    @Test func aLineRepeatedOnOneDayOfManyIsNotLearned() {
        var documents = (0..<9).map { i in
            Boilerplate.Document(source: "sada-news", day: "2018-05-14", text: BoilerplateTests.headline(i) + "\nالمسيرة انطلقت من ساحة التحرير")
        }
        documents.append(Boilerplate.Document(source: "sada-news", day: "2018-05-15", text: BoilerplateTests.headline(9)))
        #expect(Boilerplate.learn(from: documents).learned.isEmpty)
        // A run over one day only has nothing else to compare with: there, one day is enough.
        #expect(Boilerplate.learn(from: Array(documents.dropLast())).learned.map(\.text) == ["المسيرة انطلقت من ساحة التحرير"])
    }
}
