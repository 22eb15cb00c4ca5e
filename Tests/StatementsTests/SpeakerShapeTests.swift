import Foundation
import TestSupport
import Testing

@testable import Statements

/// A speaker is a noun phrase (``SpeakerShape``): what opens and ends a speaker mention.
@Suite("Speaker shape")
struct SpeakerShapeTests {
    static func statements(_ text: String) -> [Statement] { StatementExtractor.statements(in: StatementTests.article(text)) }

    static func keys(_ phrase: String) -> [SpeakerShape.Word] { phrase.split(separator: " ").map { (Lexicon.key(String($0)), String($0)) } }

    @Test func theShapeCheckFindsATimeWordInASpeakerButNotANameAfterANameParticle() {
        #expect(SpeakerShape.isMalformed("المرصد السوري لحقوق الإنسان الأحد"))
        #expect(!SpeakerShape.isMalformed("جديع بن نهار القحطاني"))
        #expect(!SpeakerShape.isMalformed("موفق محمد أبو طالب"))
    }

    @Test func aNameRunOnIntoThatIsMalformedAndNobodysFullerName() {
        #expect(SpeakerShape.isMalformed("محمود عباس أن"))
        #expect(!SpeakerShape.isMalformed("مون جيه-إن"))
        let names = StorySpeakers.canonicalNames([("محمود عباس أن", nil), ("محمود عباس", "الرئيس الفلسطيني"), ("عباس", nil)])
        #expect(names["محمود عباس"] == nil)
        #expect(names["عباس"]?.speaker == "محمود عباس")
    }

    @Test func aPronounSubjectContinuesTheLastSpeaker() throws {
        let found = Self.statements("قال المدير العام محمد آل عمرو إن الوضع صعب. لكنه أكد أن الأمور ستتحسن قريبا.")
        #expect(found.count == 2)
        let second = try #require(found.last)
        #expect(second.speakerMention == "")
        #expect(second.speaker == found[0].speaker)
        #expect(second.content == "الأمور ستتحسن قريبا")
    }

    @Test func aPronounAfterANamedSubjectInItsSentenceTakesThatName() throws {
        let found = Self.statements(
            "وقالت ستيفاني ويلكينسون، مالكة المطعم، إنها طلبت من ساندرز المغادرة. وقد أوقف الرئيس دونالد ترامب الآن فصل الأسر، لكنه يقول إنه لا يزال ملتزما بسياسة عدم التسامح."
        )
        let second = try #require(found.last)
        #expect(found.count == 2)
        #expect(second.speakerMention == "")
        #expect(second.speaker == "دونالد ترامب")
        #expect(second.content == "لا يزال ملتزما بسياسة عدم التسامح")
    }

    @Test func aTitleWithAPrepositionIsAnotherPersonsNotTheSubjectsOrItsRole() {
        // بالرئيس ترامب is whom the minister met: neither the pronoun's person nor the minister's name.
        let found = Self.statements("وقال الوزير إن الوضع صعب. والتقى الوزير بالرئيس ترامب أمس، لكنه قال إن اللقاء كان مفيدا.")
        #expect(found.map(\.speaker) == ["الوزير", "الوزير"])
        #expect(found.map(\.content) == ["الوضع صعب", "اللقاء كان مفيدا"])
    }

    @Test func aVerbJoinedToAPersonsClauseIsThatPersonsAndItsBaWordIsNoSpeaker() {
        // واعترف بحدوث…: «بحدوث» names nobody; the apology's subject admits.
        let found = Self.statements(
            "وقال أردوغان إن العلاقات متوترة. واعتذر الرئيس بنيامين نتنياهو خلال مكالمة مع أردوغان واعترف بحدوث \"بعض الأخطاء العملية\".")
        #expect(found.map(\.speaker) == ["أردوغان", "بنيامين نتنياهو"])
        #expect(found.last?.cue == "واعترف")
    }

    @Test func aNounWithItsPossessiveAfterANamedPersonIsTheObject() {
        let found = Self.statements("قال وزير الخارجية مايك بومبيو إن المحادثات جيدة. ووصف بومبيو محادثاتهما بأنها بناءة.")
        #expect(found.map(\.speaker) == ["مايك بومبيو", "مايك بومبيو"])
        #expect(found.last?.speakerMention == "بومبيو")
    }

    @Test func anInstitutionReferredBackToEndsBeforeATimeWord() {
        let found = Self.statements("وأدانت وزارة الخارجية الإسرائيلية الاثنين الهجوم. وقالت الوزارة في بيانها إن الهجوم جريمة.")
        #expect(found.map(\.speaker) == ["وزارة الخارجية الإسرائيلية", "وزارة الخارجية الإسرائيلية"])
    }

    @Test func anAccusativeOrAPluralWithLamIsNoWordOfAName() {
        let macron = Self.statements("عقد الرئيس الفرنسي إيمانويل ماكرون مؤتمراً صحفياً مع ولي العهد. وقال ماكرون إن العلاقات جيدة.")
        #expect(macron.map(\.speaker) == ["إيمانويل ماكرون"])
        let peskov = Self.statements("وصرح الناطق باسم الكرملين ديمتري بيسكوف لصحفيين \"لم يجر أي تحقيق حتى الساعة\".")
        #expect(peskov.map(\.speaker) == ["ديمتري بيسكوف"])
        #expect(peskov.first?.speakerMention == "الناطق باسم الكرملين ديمتري بيسكوف")
    }

    @Test func aSpeakerWhoseWordsAreNotReadIsStillTheOneTheNextClauseContinues() throws {
        let found = Self.statements(
            "أفاد المحامي غازي مرابط بأنه سيتم إلغاء القانون. وكان رئيس الحكومة يوسف الشاهد أكد في تصريحات صحفية سعي حكومته إلى التسريع بإلغاء القانون، وكشف أن مشروع القانون معروض على مجلس نواب الشعب."
        )
        let second = try #require(found.last)
        #expect(found.count == 2)
        #expect(second.cue == "وكشف")
        #expect(second.speaker == "يوسف الشاهد")
        #expect(second.content == "مشروع القانون معروض على مجلس نواب الشعب")
    }

    @Test func whatAssertedIsWrittenAsANounEndsTheSpeakerOfAkkada() throws {
        let s = try #require(Self.statements("وأكد وزير الخارجية دعم بلاده للحكومة الشرعية في اليمن.").first)
        #expect(s.speakerMention == "وزير الخارجية")
        #expect(s.content == "دعم بلاده للحكومة الشرعية في اليمن")
        let t = try #require(Self.statements("وشدد الوزير في تصريحات صحفية ضرورة تغيير القانون.").first)
        #expect(t.speakerMention == "الوزير")
        #expect(t.content == "ضرورة تغيير القانون")
    }

    @Test func aStanceAdjectiveMakesAVerbWithItsPronounTheNounOfASpeechAct() throws {
        // رفضه القاطع: his firm rejection, not «he rejected it» with a speaker «القاطع…».
        let found = Self.statements("أكد الرئيس اليمني عبدربه منصور هادي، رفضه القاطع لبقاء أي وجود مسلح في الحديدة.")
        let s = try #require(found.first)
        #expect(found.count == 1)
        #expect(s.speaker == "عبدربه منصور هادي")
        #expect(s.content == "رفضه القاطع لبقاء أي وجود مسلح في الحديدة")
    }

    @Test func aQuotedNameAfterTheVerbIsItsSpeakerThroughAnAdverbOfTime() throws {
        let s = try #require(Self.statements("وذكر \"المرصد السوري لحقوق الإنسان\" آنذاك أن 11 شخصا خضعوا للعلاج.").first)
        #expect(s.speakerMention == "المرصد السوري لحقوق الإنسان")
        #expect(s.speaker == "المرصد السوري لحقوق الإنسان")
        #expect(s.content == "11 شخصا خضعوا للعلاج")
    }

    @Test func aQuotedNameAfterADefiniteNamingWordIsThePhrasesAndItsMarksAreNotTheSpeakers() throws {
        let s = try #require(Self.statements("وأفادت المنظمة \"المرصد السوري لحقوق الإنسان\" أن 11 شخصا خضعوا للعلاج.").first)
        #expect(s.speakerMention == "المنظمة \"المرصد السوري لحقوق الإنسان\"")
        #expect(s.speaker == "المنظمة المرصد السوري لحقوق الإنسان")
        #expect(s.content == "11 شخصا خضعوا للعلاج")
        #expect(s.kind == .indirect)
    }

    @Test func anIndefiniteTitlesVerbalNounIsNoAssertedObject() {
        // رئيس تحرير: the title's genitive, not what أكد asserts; no content follows.
        #expect(Self.statements("وأكد رئيس تحرير الصحيفة.").isEmpty)
    }

    @Test func anAdverbBeforeTheVerbLeavesTheSpeakerImplicit() throws {
        let found = Self.statements("وقالت وزارة الداخلية البريطانية إنها تتوقع بقاء التهديد. كذلك أشارت إلى أن الإرهاب اليميني يمثل تهديدا متزايدا.")
        let second = try #require(found.last)
        #expect(found.count == 2)
        #expect(second.speakerMention == "")
        #expect(second.speaker == "وزارة الداخلية البريطانية")
    }

    @Test func anAdverbialPhraseBeforeTheVerbIsNotItsSubject() throws {
        let s = try #require(Self.statements("إلى ذلك، قال رئيس هيئة الأركان العامة اللواء محمد المقدشي إن الحرب ستطول.").first)
        #expect(s.speakerMention == "رئيس هيئة الأركان العامة اللواء محمد المقدشي")
        #expect(s.speaker == "محمد المقدشي")
    }

    @Test func anAdverbAfterTheVerbIsSkippedToTheSpeaker() throws {
        let s = try #require(Self.statements("من جانبها أعلنت كذلك دولة الإمارات قطع العلاقات مع قطر.").first)
        #expect(s.speakerMention == "دولة الإمارات")
        #expect(s.content == "قطع العلاقات مع قطر")
    }

    @Test func aParticleNamesNobody() {
        #expect(SpeakerShape.of(Self.keys("ما ظهر")) == .notASpeaker)
        #expect(SpeakerShape.of(Self.keys("وهو ما")) == .notASpeaker)
        #expect(SpeakerShape.of(Self.keys("هذا")) == .notASpeaker)
        #expect(Self.statements("بحسب ما ظهر حتى الآن، فقد تحدث غيتس بأسلوب نقدي واضح.").allSatisfy { $0.speaker != "ما ظهر" })
    }

    @Test func theNameAliIsNoPreposition() throws {
        #expect(SpeakerShape.of(Self.keys("على هامش")) == .adverbial)
        #expect(SpeakerShape.of(Self.keys("علي غريب")) == .nounPhrase(0..<2))
        let s = try #require(Self.statements("وقال علي غريب، أحد كبار مشايخ مأرب، إن دور المملكة محوري.").first)
        #expect(s.speaker == "علي غريب")
    }

    @Test func aDemonstrativeBeforeItsNounIsANounPhrase() {
        #expect(SpeakerShape.of(Self.keys("هذه الدراسة")) == .nounPhrase(0..<2))
    }

    @Test func aPronounOrAdverbialInsideAMentionEndsIt() {
        #expect(SpeakerShape.of(Self.keys("الرئيس ترامب وأنا نعتقد")) == .nounPhrase(0..<2))
        #expect(SpeakerShape.of(Self.keys("ترامب خلال اجتماع")) == .nounPhrase(0..<1))
        // A preposition may stand inside a noun phrase.
        #expect(SpeakerShape.of(Self.keys("مصدر مقرب من دوستم")) == .nounPhrase(0..<4))
    }

    @Test func aCountryAnnouncingDoesNotTakeTheObjectIntoItsName() throws {
        let found = Self.statements("أعلنت روسيا تعليق مشاركتها في المحادثات. وأعلنت كوريا الشمالية تجميد المحادثات مع الجنوب.")
        #expect(found.map(\.speakerMention) == ["روسيا", "كوريا الشمالية"])
        #expect(found.map(\.content) == ["تعليق مشاركتها في المحادثات", "تجميد المحادثات مع الجنوب"])
    }

    @Test func aPronounAndAVerbAfterACommaOpenTheSpeakersNextStatement() throws {
        let found = Self.statements("وقال الرئيس ترامب إنها رسالة مثيرة للاهتمام جدا، لكنه قال لاحقا إنه لم يقرأها بعد.")
        #expect(found.count == 2)
        #expect(found.first?.content == "رسالة مثيرة للاهتمام جدا")
        #expect(found.last?.speakerMention == "")
        #expect(found.last?.content == "لم يقرأها بعد")
    }
}

/// The scorer's speaker rule: a government, its country and its capital are one speaker.
@Test func aGovernmentItsCountryAndItsCapitalAreOneSpeaker() {
    #expect(StatementScores.sameSpeaker("سوريا", "الحكومة السورية"))
    #expect(StatementScores.sameSpeaker("الولايات المتحدة", "واشنطن"))
    #expect(!StatementScores.sameSpeaker("سوريا", "روسيا"))
}

@Suite("Speaker names")
struct SpeakerNameRuleTests {
    @Test func aHashtagNameIsWrittenInWords() throws {
        let s = try #require(SpeakerShapeTests.statements("كشف الممثل اللبناني، #باسم_مغنية، أنه سيعود إلى الإخراج.").first)
        #expect(s.speaker == "باسم مغنية")
    }

    @Test func theSameOfficialIsTheOneWhoSpokeLast() throws {
        let found = SpeakerShapeTests.statements("قال المدير العام نبيل بن بشير إن الأسعار مستقرة. وحسب ذات المسؤول، فإن المخزون كاف.")
        #expect(found.count == 2)
        #expect(found.last?.speaker == found.first?.speaker)
    }

    @Test func anAttributionEndsAtAQuotationThatIsNoName() throws {
        let s = try #require(SpeakerShapeTests.statements("ووفق الصحيفة \"أرسلت تونس الشهادة متأخرة\".").first)
        #expect(s.speakerMention == "الصحيفة")
    }

    @Test func anAttributionKeepsAQuotedName() throws {
        let s = try #require(SpeakerShapeTests.statements("وبحسب المنظمة الحقوقية \"هيومن رايتس واتش\"، فإن السجون مكتظة.").first)
        #expect(s.speakerMention == "المنظمة الحقوقية \"هيومن رايتس واتش\"")
    }

    @Test func aSourceInsideItsClauseEndsAtItsNameAndTheClauseIsTheContent() throws {
        // «ظروف» after «النقابة» is the sentence going on; a title's name («الرئيس ترامب») is not.
        let found = SpeakerShapeTests.statements(
            "وجددت النقابة مطالبتها بإطلاق سراح الصحافيين، ويعيش هؤلاء حسب النقابة ظروف اختطاف سيئة وقد تعرضوا للتعذيب. "
                + "وأجلت الشركة موعد الإطلاق إلى سبتمبر، بحسب الرئيس ترامب.")
        // (The renewed call before it is a statement of its own, which ends where the source's clause begins.)
        #expect(found.map(\.speakerMention) == ["النقابة", "النقابة", "الرئيس ترامب"])
        #expect(found.map(\.content).prefix(2) == ["مطالبتها بإطلاق سراح الصحافيين", "ويعيش هؤلاء حسب النقابة ظروف اختطاف سيئة وقد تعرضوا للتعذيب"])
    }

    @Test func aQuotedNameAfterANamingWordLeavesAParaphraseIndirect() {
        // «مادة "الزطلة"» and «لوكالة "وات"» are names; after «لحزب الله» and «السفينة كانت تنقل»
        // the quotation is the speaker's.
        let found = SpeakerShapeTests.statements(
            "وقال المحامي إن نحو 30 بالمائة من المساجين متورطون في قضايا استهلاك مادة \"الزطلة\" في تونس. "
                + "وأكد المتحدث أن الحكومة أرسلت الوثيقة لوكالة \"وات\" الرسمية. "
                + "وقال الوزير إن العقوبات طالت ثلاثة من قادة لحزب الله «لدعمهم الإرهاب». "
                + "وقالت الحكومة إن السفينة كانت تنقل \"مواد غذائية ووقودا\".")
        // (The ship is no name for the last quotation: a clause, not adjectives, comes between.)
        #expect(found.map(\.kind) == [.indirect, .indirect, .mixed, .mixed])
    }

    @Test func theNamingWordsAreTheMinedListWithCountsAndExamples() throws {
        let path = repositoryPath("Sources/Statements/Lexicons/naming-words.tsv")
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count >= 70)
        #expect(rows.allSatisfy { $0.split(separator: "\t").count == 3 && Int($0.split(separator: "\t")[1]) != nil })
        #expect(Lexicon.namingWords.contains(Lexicon.key("صحيفة")) && !Lexicon.namingWords.contains(Lexicon.key("تطبيق")))
    }

    @Test func theTitlesAreTheMinedListWithCountsAndExamples() throws {
        let path = repositoryPath("Sources/Statements/Lexicons/titles.tsv")
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(rows.count >= 120)
        #expect(rows.allSatisfy { $0.split(separator: "\t").count == 3 && Int($0.split(separator: "\t")[1]) != nil })
        #expect(SpeakerNames.isTitle(Lexicon.key("البروفيسور")) && !SpeakerNames.isTitle(Lexicon.key("مسؤول")))
    }

    @Test func aMinedTitleLeadsToItsName() throws {
        let s = try #require(SpeakerShapeTests.statements("وقال الناشط الحقوقي غازي مرابط إن القانون جائر.").first)
        #expect(s.speakerMention == "الناشط الحقوقي غازي مرابط")
        #expect(s.speaker == "غازي مرابط")
    }

    @Test func twoTitlesJoinedBeforeOneNameAreOnePerson() throws {
        let s = try #require(
            SpeakerShapeTests.statements("واعتبر وكيل الصحة ومستشار الإدارة الصحية الأسبق البروفيسور رضا بن محمد خليل، أن الإعفاءات لا تعتبر الحل الجذري.")
                .first)
        #expect(s.speakerMention == "وكيل الصحة ومستشار الإدارة الصحية الأسبق البروفيسور رضا بن محمد خليل")
        #expect(s.speaker == "رضا بن محمد خليل")
        #expect(s.content == "الإعفاءات لا تعتبر الحل الجذري")
    }

    @Test func aSpeechNounBeforeATitleIsNotTheName() throws {
        let s = try #require(SpeakerShapeTests.statements("قد يتم اللجوء إلى عفو خاص يكون بقرار رئاسي، بحسب توضيح المحامي غزي مرابط.").first)
        #expect(s.speaker == "غزي مرابط")
        #expect(s.content == "قد يتم اللجوء إلى عفو خاص يكون بقرار رئاسي")
    }

    @Test func aDemonstrativeTitleIsTheNameTheArticleGaveIt() throws {
        let found = SpeakerShapeTests.statements("قال الخبير الاقتصادي عماد حسن إن الأسعار سترتفع. وأضاف هذا الخبير أن السوق متقلبة.")
        #expect(found.map { $0.speaker } == ["عماد حسن", "عماد حسن"])
        #expect(found.last?.speakerMention == "هذا الخبير")
    }

    @Test func aFutureVerbOfSayingReports() throws {
        let s = try #require(SpeakerShapeTests.statements("وسيقول وزير الداخلية البريطاني ساجد جاويد إن الاستراتيجية تتضمن الدروس المستخلصة.").first)
        #expect(s.speaker == "ساجد جاويد")
        #expect(s.content == "الاستراتيجية تتضمن الدروس المستخلصة")
    }

    @Test func aFutureVerbOfAnnouncingIsPassive() {
        #expect(SpeakerShapeTests.statements("وأوضحت المفوضية أن النتائج النهائية للانتخابات ستعلن خلال يومين.").map { $0.speaker } == ["المفوضية"])
    }

    @Test func aCountryIsNotTheOfficialNamedAfterIt() throws {
        let found = SpeakerShapeTests.statements("وقال مسؤول كوري شمالي رفيع إن القمة مهمة. وتقول كوريا الشمالية إنها قد تنسحب من القمة.")
        #expect(found.map { $0.speaker } == ["مسؤول كوري شمالي رفيع", "كوريا الشمالية"])
    }

    @Test func theLamOfSequenceGoesOnLikeAnd() {
        let found = SpeakerShapeTests.statements("قال وزير الخارجية سامح شكري إن الأزمة معقدة، ليضيف أن الحل سياسي.")
        #expect(found.map { $0.content } == ["الأزمة معقدة", "الحل سياسي"])
        #expect(found.map { $0.speaker } == ["سامح شكري", "سامح شكري"])
    }

    @Test func minedVerbsOfExplainingAndConcludingReport() {
        let found = SpeakerShapeTests.statements(
            "قال سامح شكري إن الأزمة معقدة. وشرح شكري أن المفاوضات ستستأنف. وواصل قائلا إن بلاده لن تتراجع. وخلص إلى أن الحل سياسي.")
        #expect(found.map { $0.cue } == ["قال", "وشرح", "وواصل", "وخلص"])
        #expect(found.map { $0.content } == ["الأزمة معقدة", "المفاوضات ستستأنف", "بلاده لن تتراجع", "الحل سياسي"])
        #expect(Set(found.map { $0.speaker }) == ["سامح شكري"])
    }

    @Test func aMinedPlaceAfterATitleIsNotPartOfTheName() {
        let found = SpeakerShapeTests.statements(
            "أكد وكيل محافظ شبوة ناصر محمد القميشي أن التحديات كبيرة. وقال المدير الجهوي للصحة العمومية بصفاقس عماد المعلول إن الوضع مستقر.")
        #expect(found.map { $0.speaker } == ["ناصر محمد القميشي", "عماد المعلول"])
        #expect(Lexicon.reviewedWords("places").count >= 250)
    }

    @Test func aChannelsQuotedNameIsNotTheWords() {
        let found = SpeakerShapeTests.statements(
            "وأكد البريكي، في تصريح هاتفي، لوكالة الأنباء \"رويترز\"، ان الحكومة واعية بالعبء الكبير. كما صرح البريكي لوكالة \"رويترز\"، بأن الحكومة تخطط لإصلاحات."
        )
        #expect(found.map { $0.content } == ["الحكومة واعية بالعبء الكبير", "الحكومة تخطط لإصلاحات"])
        #expect(found.map { $0.kind } == [.indirect, .indirect])
        #expect(found.map { $0.speakerMention } == ["البريكي", "البريكي"])
    }

    @Test func aChannelsQuotedNameBeforeAColonOrASayingVerb() {
        let found = SpeakerShapeTests.statements(
            "وقال اللواء أحمد سيف اليافعي في تصريح خاص لـ «المدينة»: مناطق جعولة أصبحت تحت سيطرة المقاومة. واستدرك في تصريحات إلى \"الوطن\" بقوله: \"هناك عزيمة وإصرار\"."
        )
        #expect(found.map { $0.content } == ["مناطق جعولة أصبحت تحت سيطرة المقاومة", "هناك عزيمة وإصرار"])
        #expect(found.map { $0.kind } == [.indirect, .direct])
    }

    @Test func aChannelsNamingWordMayStandThreeWordsBefore() throws {
        let found = SpeakerShapeTests.statements(
            "وقال الرئيس الباجي قايد السبسي إن الوضع صعب. كما صرح لوكالة الأنباء الفرنسية \"فرانس برس\" باللغة الفرنسية، أن \"العديد من المقاتلين يرغبون في العودة\"."
        )
        let s = try #require(found.last)
        #expect(s.content == "العديد من المقاتلين يرغبون في العودة")
        #expect(s.kind == .direct)
    }

    @Test func aQuotationAfterBaIsANameAfterAVerbOfNamingAndTheSpeakersWordsAfterAnother() {
        let found = SpeakerShapeTests.statements(
            "وأوضح المصدر أن ما تسمى ب\"الهيئة التسييرية\" اتخذت مواقف معارضة للحكومة. "
                + "وقال التحالف إن العملية التي وصفها المتحدث بـ\"الإنجاز الكبير\" انتهت.")
        #expect(found.map(\.kind) == [.indirect, .mixed])
    }

    @Test func aQuotedNameRightAfterTheVerbIsItsSubject() throws {
        let s = try #require(SpeakerShapeTests.statements("وأشارت \"دي فيلت\" إلى أن القنصلية التونسية رفضت التعليق على الأمر.").first)
        #expect(s.speaker == "دي فيلت")
        #expect(s.content == "القنصلية التونسية رفضت التعليق على الأمر")
        #expect(s.kind == .indirect)
    }

    @Test func aQuotationAfterTheVerbsOwnPrepositionIsTheWords() throws {
        let s = try #require(SpeakerShapeTests.statements("وأشارت الوزارة إلى \"تعليمات مباشرة\" من الرئيس لاستدعاء السفير.").first)
        #expect(s.content == "\"تعليمات مباشرة\" من الرئيس لاستدعاء السفير")
        #expect(s.kind == .mixed)
    }

    @Test func aTimeConjunctionOrPrepositionEndsTheSpeaker() {
        let found = SpeakerShapeTests.statements(
            "وقال الرئيس الأمريكي دونالد ترامب قبيل ساعات من القمة إن اللقاء سيكون ناجحا. ورد الأمير محمد بن سلمان عندما سئل عن الانتقاد، بقوله: \"لم أدع نفسي مصلحا\"."
        )
        #expect(found.map { $0.speaker } == ["دونالد ترامب", "محمد بن سلمان"])
    }

    @Test func aFeminineTitleIsTiedToTheNameTheArticleGivesAndAShortNameIsComparedByItsWords() {
        let found = SpeakerShapeTests.statements(
            "قالت قاضية في ولاية كاليفورنيا إن الحكومة تخرق التسوية. ويأتي الحكم الذي أصدرته قاضية المحكمة الجزئية دولي جي بعد تدفق المهاجرين. وكان وزير الأمن الداخلي جيه جونسون قد قال إن التدفق تباطأ. وقالت جي إن المعتقلين شكوا من التكدس."
        )
        #expect(found.map { $0.speaker } == ["دولي جي", "جيه جونسون", "دولي جي"])
    }

    @Test func aNameEndsWithItsFamilyNameBeforeTheObject() throws {
        let s = try #require(SpeakerShapeTests.statements("وأعلن المتحدث باسم الوزارة أحمد الصحاف إصابة عدد من الجنود في الهجوم.").first)
        #expect(s.speakerMention == "المتحدث باسم الوزارة أحمد الصحاف")
        #expect(s.speaker == "أحمد الصحاف")
        #expect(s.content == "إصابة عدد من الجنود في الهجوم")
    }

    @Test func aGivenNameWithHamzaIsNoFamilyName() throws {
        let s = try #require(SpeakerShapeTests.statements("من جهته، أقر مدرب فالنسيا ألبرت سيلاديس بأن فريقه «لم يكن في مستواه».").first)
        #expect(s.speakerMention == "مدرب فالنسيا ألبرت سيلاديس")
        #expect(s.content == "فريقه «لم يكن في مستواه»")
    }

    @Test func aCounterpartIsTheObjectNotTheSpeaker() throws {
        let s = try #require(SpeakerShapeTests.statements("واتهم الرئيس الفنزويلي نيكولاس مادورو نظيره الكولومبي خوان مانويل سانتوس بإثارة الأزمة.").first)
        #expect(s.speaker == "نيكولاس مادورو")
        #expect(s.content == "نظيره الكولومبي خوان مانويل سانتوس بإثارة الأزمة")
    }

    @Test func aParticipleEndsTheClauseOfItsOwnTitledSubject() throws {
        let found = SpeakerShapeTests.statements(
            "وقال الدكتور عثمان الربيعة إن الإعفاءات ليست الحل. ويؤيد خبير الإدارة الصحية الدكتور خالد الصواف، آراء سابقيه، قائلا: «الإعفاءات يجب أن تكون مبنية على أسس صحيحة»."
        )
        #expect(found.map { $0.speaker } == ["عثمان الربيعة", "خالد الصواف"])
        #expect(found.last?.content == "الإعفاءات يجب أن تكون مبنية على أسس صحيحة")
    }

    @Test func theWordsMayComeAfterAChannelAndALongOccasion() throws {
        // Fifteen words of channel and occasion before إن.
        let s = try #require(
            SpeakerShapeTests.statements(
                "وقالت النقابة في بيان لها، بمناسبة يوم الصحافة اليمنية الذي يصادف 9 يونيو من كل عام، إن الصحافة في اليمن تعيش ظروفا صعبة."
            ).first)
        #expect(s.speaker == "النقابة")
        #expect(s.content == "الصحافة في اليمن تعيش ظروفا صعبة")
    }
}

@Suite("Stance verbs and objects")
struct StanceVerbTests {
    @Test func danCondemnsWhatItsObjectSays() throws {
        let s = try #require(SpeakerShapeTests.statements("دان الاتحاد الأوروبي الهجوم على المدنيين في المدينة.").first)
        #expect(s.speakerMention == "الاتحاد الأوروبي")
        #expect(s.content == "الهجوم على المدنيين في المدينة")
        #expect(s.cueClass == .express)
    }

    @Test func aDefiniteNounAfterAGentilicAdjectiveIsTheObject() throws {
        let s = try #require(SpeakerShapeTests.statements("ونفت وزارة الدفاع الروسية الاتهامات الغربية بشكل قاطع.").first)
        #expect(s.speakerMention == "وزارة الدفاع الروسية")
    }

    @Test func aVerbWithAnObjectPronounIsACue() throws {
        let s = try #require(SpeakerShapeTests.statements("ووصفته الوزارة بأنه قرار خاطئ.").first)
        #expect(s.speakerMention == "الوزارة")
        #expect(s.content == "قرار خاطئ")
    }

    @Test func whatSomeoneDescribedIsNoStatementOfTheNextPhrase() {
        let found = SpeakerShapeTests.statements("وانتقد المسؤول تصريحات بولتون عن ما وصفه بالنموذج الليبي للتخلي عن الأسلحة.")
        #expect(!found.contains { $0.cue == "وصفه" })
    }

    @Test func aPrepositionOnADefiniteNounOpensNoSubject() {
        #expect(SpeakerShape.of(SpeakerShapeTests.keys("بالنموذج الليبي")) == .adverbial)
    }
}

@Suite("Quotations and turns")
struct QuotationTurnTests {
    @Test func anOrphanClosingQuoteOpensNoQuotation() {
        // The writer quotes on without reopening: «…المتبادلة".» closes nothing that was open.
        let found = SpeakerShapeTests.statements(
            "وقالت المجموعة في بيان \"الهدف هو الشراكة\". الهدف من ذلك هو إعادة الشراكة المتبادلة\". وقال وزير المالية الفرنسي برونو لو مير إن أمام الولايات المتحدة أياما قليلة."
        )
        #expect(found.map(\.speaker) == ["المجموعة", "برونو لو مير"])
        #expect(found.last?.content == "أمام الولايات المتحدة أياما قليلة")
    }

    @Test func aTurnMarkerAfterAQuotationGivesTheWordToAnother() {
        let found = SpeakerShapeTests.statements(
            "وتابع الوزير الفرنسي \"الكرة الآن في ملعب الولايات المتحدة\" ومن جانبه قال وزير المالية الألماني أولاف شولز إن الخلاف عميق.")
        #expect(found.map(\.speakerMention) == ["الوزير الفرنسي", "وزير المالية الألماني أولاف شولز"])
        #expect(found.first?.content == "الكرة الآن في ملعب الولايات المتحدة")
    }

    @Test func wentOnSayingContinuesTheSpeaker() {
        let found = SpeakerShapeTests.statements("وقال وزير المالية الفرنسي برونو لو مير إن الوقت ضيق. ومضى يقول \"ما زال أمامنا بضعة أيام\".")
        #expect(found.count == 2)
        #expect(found.last?.speakerMention == "")
        #expect(found.last?.speaker == "برونو لو مير")
    }
}

@Suite("Asides")
struct AsideTests {
    @Test func anAsideInBracketsIsNotTheName() throws {
        let found = SpeakerShapeTests.statements(
            "وقالت نيكول (35 عاما) إنها ذهبت إلى الصيدلية. وأكد الممثل القانوني للحركة (شق حافظ قايد السبسي) مراد دلش أن القيادة سترفع قضايا.")
        #expect(found.map(\.speaker) == ["نيكول", "مراد دلش"])
        #expect(found.first?.speakerMention == "نيكول")
    }

    @Test func aLongTitleRunsOnToItsNameBeforeAn() throws {
        // Eleven words of offices and titles, then the name, then أن: the name speaks. After a
        // definite gentilic adjective a definite noun still opens a condemned object when no أن follows.
        let found = SpeakerShapeTests.statements(
            "واعتبر وكيل الصحة ومستشار الإدارة الصحية الأسبق البروفيسور رضا بن محمد خليل أن التطعيم ضروري للأطفال. "
                + "وأدان الاتحاد الأوروبي الهجوم الإرهابي الذي استهدف المدنيين.")
        #expect(found.map(\.speaker) == ["رضا بن محمد خليل", "الاتحاد الأوروبي"])
        #expect(found.last?.content == "الهجوم الإرهابي الذي استهدف المدنيين")
    }
}

@Suite("Content ends")
struct ContentEndTests {
    @Test func aReportingVerbWithItsProcliticOpensTheNextStatementWithoutAComma() {
        let found = SpeakerShapeTests.statements("وقال قائد المقاومة إن المقاومة تحقق انتصارات كبيرة وأشار إلى أن السكان عادوا إلى منازلهم.")
        #expect(found.map(\.content) == ["المقاومة تحقق انتصارات كبيرة", "السكان عادوا إلى منازلهم"])
        #expect(found.last?.speaker == found.first?.speaker)
    }
}

@Suite("Clause openers")
struct ClauseOpenerTests {
    @Test func anAdverbialPhraseAndItsCommaLeaveTheSpeakerImplicit() {
        let found = SpeakerShapeTests.statements("وقال الممثل إن المسلسل نجح.\nمن جهة ثانية، أكد أنه سيعود إلى إخراج الأغنيات.")
        #expect(found.count == 2)
        #expect(found.last?.speakerMention == "")
        #expect(found.last?.speaker == found.first?.speaker)
    }

    @Test func aPronounSubjectOpensAHomographsClause() {
        let found = SpeakerShapeTests.statements("اعترف المستشار الاقتصادي بأن الخلاف قد يهدد الاقتصاد، لكنه رفض الانتقادات الموجهة للإدارة.")
        #expect(found.map(\.cue) == ["اعترف", "رفض"])
    }
}

@Suite("Kinds")
struct KindTests {
    @Test func aLeadEndingInAnIntroducerBeforeTheQuotationIsNotTheWords() throws {
        let s = try #require(SpeakerShapeTests.statements("وأضاف المدير في نفس السياق ان \"وزارة الصحة لا تزال تتلكأ في توفير بعض الاختصاصات\".").first)
        #expect(s.content == "وزارة الصحة لا تزال تتلكأ في توفير بعض الاختصاصات")
        #expect(s.kind == .direct)
    }
}

@Suite("Authors and organisations")
struct AuthorTests {
    @Test func aStatementIssuedBySomeoneIsTheirs() throws {
        let s = try #require(SpeakerShapeTests.statements("وأكد بيان صادر عن المقاومة الشعبية في محافظة إب أن قتلى سقطوا.").first)
        #expect(s.speaker == "المقاومة الشعبية")
    }

    @Test func aTitlesQuotedOrganisationStaysInTheMention() throws {
        let s = try #require(SpeakerShapeTests.statements("وقال زعيم «حزب الله» اللبناني حسن نصر الله إن إيران لن تتخلى عن حلفائها.").first)
        #expect(s.speakerMention == "زعيم «حزب الله» اللبناني حسن نصر الله")
        #expect(s.speaker == "حسن نصر الله")
    }
}

@Suite("Agreement")
struct AgreementTests {
    @Test func aMasculineVerbsFemininePluralIsItsObject() {
        let found = SpeakerShapeTests.statements("قال رئيس المجلس إن الوضع صعب. وطالب قوات التحالف بتكثيف الغارات.")
        #expect(found.map(\.speaker) == ["رئيس المجلس", "رئيس المجلس"])
        #expect(found.last?.content == "قوات التحالف بتكثيف الغارات")
    }

    @Test func aFeminineInstitutionAfterAMasculineCallIsItsAddressee() {
        let found = SpeakerShapeTests.statements(
            "وقال مصدر مسؤول في الحكومة اليمنية إن العمليات ستستمر. ودعا قيادة المقاومة الشعبية إلى عدم الالتفات إلى تلك المحاولات.")
        #expect(found.map(\.speaker) == ["مصدر مسؤول", "مصدر مسؤول"])
        #expect(found.last?.content == "قيادة المقاومة الشعبية إلى عدم الالتفات إلى تلك المحاولات")
    }

    @Test func aMiswrittenMasculineSayStillHasTheAgencyAsSpeaker() throws {
        let s = try #require(SpeakerShapeTests.statements("وقال وكالة الأنباء الرسمية إن الانفجار وقع صباحا.").first)
        #expect(s.speakerMention == "وكالة الأنباء الرسمية")
    }

    @Test func whileOpensNoSubject() {
        #expect(SpeakerShape.of(SpeakerShapeTests.keys("وفيما")) == .adverbial)
    }
}

@Suite("Renewed speech acts")
struct RenewedSpeechActTests {
    @Test func renewingACallIsAStatementAndRenewingAContractIsNot() {
        let found = SpeakerShapeTests.statements(
            "قال المكتب التنفيذي للنقابة إن الإعلام مهدد. وجدد المكتب التنفيذي دعوته لكافة الصحفيين إلى التضامن. وجدد النادي عقد اللاعب لثلاثة مواسم.")
        #expect(found.map(\.cue) == ["قال", "وجدد"])
        #expect(found.last?.content == "دعوته لكافة الصحفيين إلى التضامن")
    }

    @Test func aRenewedSpeechActEndsItsSpeaker() throws {
        let s = try #require(SpeakerShapeTests.statements("وجددت النقابة مطالبتها بإطلاق سراح 12 صحافيا مختطفين.").first)
        #expect(s.speakerMention == "النقابة")
        #expect(s.content == "مطالبتها بإطلاق سراح 12 صحافيا مختطفين")
    }

    @Test func renewingTheAssuranceContinuesTheSpeaker() {
        let found = SpeakerShapeTests.statements("قال رئيس الحزب إن الانتخابات نزيهة. وجدد التأكيد على أنه ليس في تحالف مع أحد.")
        #expect(found.count == 2)
        #expect(found.last?.speakerMention == "")
        #expect(found.last?.speaker == "رئيس الحزب")
    }
}

@Test func aShortNameOpeningWithLamIsNoAddressee() throws {
    let s = try #require(SpeakerShapeTests.statements("وبعد الاجتماع، قال لو مير إن الاتحاد الأوروبي مستعد لاتخاذ إجراءات مضادة.").first)
    #expect(s.speakerMention == "لو مير")
}
