import Foundation
import Ingest
import Testing

@testable import Statements

/// Who the speaker is: names, roles, capitals, institutions referred back to, and the day.
@Suite("Speakers")
struct SpeakerTests {
    static func statements(_ text: String) -> [Statement] {
        StatementExtractor.statements(in: StatementTests.article(text, published: "2018-05-16"))
    }

    @Test func aRoleAloneIsTheNameTheArticleTiesToIt() {
        let s = SpeakerTests.statements(
            """
            وتضمن بيان لنائب وزير الخارجية الكوري الشمالي كيم كي غوان، نقلته الوكالة الرسمية، تهديدات جديدة.
            وقال نائب الوزير إن هذه "محاولة شريرة للغاية".
            """)
        #expect(s.map(\.speaker) == ["كيم كي غوان"])
        #expect(s.map(\.role) == ["نائب الوزير"])
    }

    @Test func theNameOfATitledPhraseIsTheSpeakerAndTheRestItsRole() {
        let s = SpeakerTests.statements("وقالت المتحدثة باسم وزارة الخارجية الأمريكية هيذر ناورت \"سنستمر في التخطيط للقاء\".")
        #expect(s.map(\.speaker) == ["هيذر ناورت"])
        #expect(s.map(\.role) == ["المتحدثة باسم وزارة الخارجية الأمريكية"])
        #expect(s.map(\.kind) == [.direct])
    }

    @Test func theLamOfAStatementsAuthorBeforeTheArticleLeavesATitleAndTheTopicEndsThePhrase() {
        // ل + المتحدثة is written للمتحدثة; «بشأن …» is what the statement is about, not its author.
        let s = SpeakerTests.statements(
            "وقال بيان للمتحدثة باسم الخارجية الأميركية هيذر نويرت، بشأن اضطهاد البهائيين في اليمن، إن الولايات المتحدة \"تشعر بقلق عميق\".")
        #expect(s.map(\.speaker) == ["هيذر نويرت"])
        #expect(s.map(\.role) == ["المتحدثة باسم الخارجية الأميركية"])
    }

    @Test func aNameGivenBeforeItsTitleMakesALaterSurnameFull() {
        let s = SpeakerTests.statements(
            "واشنطن (CNN)— تناولت هيذر نويرت، المتحدثة باسم الخارجية الأمريكية، الثلاثاء، ملف الانتخابات العراقية. وقالت نويرت: \"لدينا علاقة جيدة\".")
        #expect(s.map(\.speaker) == ["هيذر نويرت"])
        // The sentence that names her dates the press conference.
        #expect(s.map(\.time) == ["2018-05-15"])
    }

    @Test func aCapitalSpeaksForItsCountry() {
        let s = SpeakerTests.statements("قالت بيونغ يانغ الأربعاء إنها ستلغي القمة المرتقبة.")
        #expect(s.map(\.speaker) == ["كوريا الشمالية"])
        #expect(s.map(\.speakerMention) == ["بيونغ يانغ"])
        #expect(s.map(\.time) == ["2018-05-16"])
    }

    @Test func aDefiniteInstitutionIsTheOneNamedBefore() {
        let s = SpeakerTests.statements("استدعت وزارة الخارجية الفلسطينية، الثلاثاء، السفير. وأشارت الوزارة إلى \"تعليمات مباشرة\" من الرئيس.")
        #expect(s.map(\.speaker) == ["وزارة الخارجية الفلسطينية"])
    }

    @Test func theSubjectOfARelativeClauseSpeaks() {
        let s = SpeakerTests.statements("وهاجم نائب الوزير بعنف مستشار الأمن القومي الأمريكي جون بولتون الذي تحدث عن \"النموذج الليبي\" لنزع السلاح.")
        #expect(s.map(\.speaker) == ["جون بولتون"])
        #expect(s.map(\.kind) == [.mixed])
    }

    @Test func aPluralVerbHoldsItsSubjectAndTheWordsAfterItAreTheObject() {
        let s = SpeakerTests.statements("قالت نقابة الصيادلة إن القرار مفاجئ. ورفضوا منحها الأدوية التي وصفها الطبيب.")
        #expect(s.map(\.speaker) == ["نقابة الصيادلة", "نقابة الصيادلة"])
        #expect(s.last?.content == "منحها الأدوية التي وصفها الطبيب")
    }

    @Test func aVerbalNounAfterAnAnnouncingVerbIsItsObject() {
        let s = SpeakerTests.statements("قالت وزارة الخارجية البحرينية إن التصريحات عدائية. وأعلنت استدعاء سفيرها في طهران للتشاور.")
        #expect(s.map(\.speaker) == ["وزارة الخارجية البحرينية", "وزارة الخارجية البحرينية"])
        #expect(s.last?.content == "استدعاء سفيرها في طهران للتشاور")
    }

    @Test func aVerbalNounShapedSubjectThatRunsOnToThatStaysTheSpeaker() {
        let s = SpeakerTests.statements("وأعلنت إيران أنها ستواصل تخصيب اليورانيوم.")
        #expect(s.map(\.speaker) == ["إيران"])
    }

    @Test func aPossessedFeminineNounAfterADefiniteSpeakerIsTheObject() {
        let s = SpeakerTests.statements("وأعلن تنظيم داعش مسؤوليته عن الهجوم.")
        #expect(s.map(\.speaker) == ["تنظيم داعش"])
        #expect(s.map(\.content) == ["مسؤوليته عن الهجوم"])
    }

    @Test func aNounEndingInTaMarbutaIsNoVerbWithAPronoun() {
        let s = SpeakerTests.statements("ودعت النقابة الاتحاد الدولي للتضامن وإدانة الجرائم المستمرة بحقهم.")
        #expect(!s.contains { $0.cue == "وإدانة" })
    }

    @Test func aParticipleThatGoesOnToThatNeedsNoComma() {
        let s = SpeakerTests.statements("وقالت المستشارة الألمانية أنجيلا ميركل إن ألمانيا مهتمة بإعادة التونسيين مشيرة إلى أن المفاوضات كانت إيجابية.")
        #expect(s.map(\.speaker) == ["أنجيلا ميركل", "أنجيلا ميركل"])
        #expect(s.map(\.content) == ["ألمانيا مهتمة بإعادة التونسيين", "المفاوضات كانت إيجابية"])
    }

    @Test func anAccusativeParticipleWithItsComplementNeedsNoComma() {
        let s = SpeakerTests.statements("وأثنى قائد القوات الجوية على احترافية الطيارين في تنفيذ المهام القتالية مؤكداً اعتزازه بكفاءة جميع الطيارين المشاركين.")
        #expect(s.map(\.cue) == ["وأثنى", "مؤكداً"])
        #expect(s.map(\.speaker) == ["قائد القوات الجوية", "قائد القوات الجوية"])
        #expect(s.map(\.content) == ["احترافية الطيارين في تنفيذ المهام القتالية", "اعتزازه بكفاءة جميع الطيارين المشاركين"])
    }

    @Test func aCallsSpeakerEndsWithTheNameOfAPersonTheArticleNames() throws {
        let s = try #require(
            SpeakerTests.statements("وقال الرئيس الأمريكي باراك أوباما إن الاقتصاد يتعافى. ودعا أوباما العالم إلى التحرك لمواجهة التغير المناخي.").last)
        #expect(s.speakerMention == "أوباما")
        #expect(s.speaker == "باراك أوباما")
    }

    @Test func aCallsSpeakerKeepsItsAppositionAndANameParticleEndsNoName() {
        let s = SpeakerTests.statements(
            "وقال الرئيس الأمريكي باراك أوباما إن الاقتصاد يتعافى. ودعا أوباما، الرئيس الأمريكي، الدول إلى التحرك. "
                + "وقال الشيخ محمد بن راشد إن المشروع جاهز. ودعا بيان الحكومة المواطنين إلى الحذر.")
        #expect(s.map(\.speakerMention) == ["الرئيس الأمريكي باراك أوباما", "أوباما، الرئيس الأمريكي", "الشيخ محمد بن راشد", "بيان الحكومة"])
    }

    @Test func theSpeakersOwnAttributionEndsTheWords() {
        let s = SpeakerTests.statements(
            "وقال الوزير إن الحكومة داعمة للحزب وفق تعبيره وكانت الهيئة قد قررت طرده. وأكد المدرب أن الفريق جاهز للمباراة، على حد قوله.")
        #expect(s.map(\.content) == ["الحكومة داعمة للحزب", "الفريق جاهز للمباراة"])
    }

    @Test func aQuotationFromTheStartEndsWhereTheJournalistsGlossBegins() throws {
        let s = try #require(
            SpeakerTests.statements("وأضاف المتحدث: \"القيادة الشرعية ستضطر الى رفع قضايا ضد كل من يدعي تمثيلها\" في اشارة منه الى الهيئة التسييرية.").first)
        #expect(s.content == "القيادة الشرعية ستضطر الى رفع قضايا ضد كل من يدعي تمثيلها")
        #expect(s.kind == .direct)
    }

    @Test func aParticipleDescribingTheIndefiniteNounBeforeItEndsNoWords() {
        let s = SpeakerTests.statements("وتوقع المتحدث أن تشهد الجولة القادمة حضورا لافتا للمرشحات في المحافظة.")
        #expect(s.map(\.content) == ["تشهد الجولة القادمة حضورا لافتا للمرشحات في المحافظة"])
    }

    @Test func heldResponsibleReportsTheBlameAndEndsTheSpeakerBeforeWhomItBlames() {
        let s = SpeakerTests.statements("وحمّلت النقابة الحوثيين المسؤولية الكاملة عن مقتل الصحفي. وحمل الرجل حقيبة ثقيلة.")
        #expect(s.map(\.speaker) == ["النقابة"])
        #expect(s.map(\.content) == ["الحوثيين المسؤولية الكاملة عن مقتل الصحفي"])
    }

    @Test func aQuestionAboutSomethingIsItsContent() {
        let s = SpeakerTests.statements("وتساءلت مصادر يمنية عن السبب الذي دفع المنظمة الدولية إلى تسريع جهودها. وزاد تساؤل المستثمرين عما سيحدث.")
        #expect(s.map(\.speaker) == ["مصادر يمنية"])
        #expect(s.map(\.content) == ["السبب الذي دفع المنظمة الدولية إلى تسريع جهودها"])
    }

    @Test func aTitlesFieldThenItsNameBetweenCommasGivesTheName() {
        let s = SpeakerTests.statements("من جانبه يرى الخبير في المخاطر المالية، مراد الحطاب، أن هذا التمويل يخالف المعايير الدولية.")
        #expect(s.map(\.speaker) == ["مراد الحطاب"])
        #expect(s.map(\.content) == ["هذا التمويل يخالف المعايير الدولية"])
    }

    @Test func aVerbWithAnObjectPronounInsideAClauseIsANoun() {
        let s = SpeakerTests.statements("وأكد الرئيس اليمني رفضه القاطع لبقاء أي وجود مسلح في الميناء. وهو الهجوم الذي أدانته الحكومة بشدة.")
        #expect(!s.contains { $0.cue == "رفضه" || $0.cue == "أدانته" })
    }

    @Test func aPresentVerbAfterAParticleOfTheSubjunctiveIsASpeechActNotMade() {
        let s = SpeakerTests.statements(
            "ومن المقرر أن يعلن الرئيس الأمريكي أن بلاده ستنسحب من الاتفاق. ولن تتوقف العمليات حتى يعلن المتمردون انسحابهم من المناطق.")
        #expect(s.isEmpty)
    }

    @Test func aPresentVerbAfterBeforeThatIsASpeechActMade() {
        let s = SpeakerTests.statements("وقال الوزير إن المفاوضات صعبة، قبل أن يضيف أن الحكومة لن تتراجع.")
        #expect(s.map(\.content) == ["المفاوضات صعبة", "الحكومة لن تتراجع"])
        #expect(s.map(\.speaker) == ["الوزير", "الوزير"])
    }

    @Test func aFamilyNameOpenedByAalIsPartOfTheName() {
        let s = SpeakerTests.statements("ورأى عضو الشورى د. محمد آل ناجي أن التلاحم هو رد المواطنين على الجريمة.")
        #expect(s.map(\.speaker) == ["محمد آل ناجي"])
    }

    @Test func whomSomethingIsAskedOfBeforeTheSpeakerIsNotTheSpeaker() {
        let s = SpeakerTests.statements("ويطلب منها الموظف أن تتصل بخدمة إسعاف أخرى.")
        #expect(s.map(\.speakerMention) == ["الموظف"])
        #expect(s.map(\.content) == ["تتصل بخدمة إسعاف أخرى"])
    }

    @Test func wordsQuotedFromTheirStartEndWhereTheQuotationClosesBeforeAComma() {
        let s = SpeakerTests.statements("وقال الزعيم دوستم: \"سنطرد طالبان من ولاية فارياب!\"، جالسا على كنبة مريحة في مكتبه.")
        #expect(s.map(\.content) == ["سنطرد طالبان من ولاية فارياب!"])
        #expect(s.map(\.kind) == [.direct])
    }

    @Test func aLoneMarkAtTheEndOfTheWordsIsNoQuotationOfTheirs() {
        let s = SpeakerTests.statements("وقالت الوزارة إنها ستمنع دخول المواطنين، مؤكدة التزامها بتوفير كل الخدمات للحجاج\".")
        #expect(s.map(\.content) == ["ستمنع دخول المواطنين", "التزامها بتوفير كل الخدمات للحجاج"])
        #expect(s.map(\.kind) == [.indirect, .indirect])
    }

    @Test func aQuotationOpenedRightBeforeTheWordsAndClosedAtTheirEndIsDirect() {
        let s = SpeakerTests.statements(
            "ووفق الصحيفة \"أرسلت تونس الشهادة حينما كان العامري لاجئا. ومنذ أكتوبر كانت الوثيقة لدى السلطات الإيطالية\".")
        #expect(s.map(\.content) == ["أرسلت تونس الشهادة حينما كان العامري لاجئا. ومنذ أكتوبر كانت الوثيقة لدى السلطات الإيطالية"])
        #expect(s.map(\.kind) == [.direct])
    }

    @Test func aDescribedTitleIsTheSpeakerTheArticleLastGaveThatTitle() {
        let s = SpeakerTests.statements(
            """
            دعا نائب الرئيس الافغاني زعيم الحرب السابق الجنرال عبدالرشيد دوستم الى مواجهة حركة طالبان.
            وقال الزعيم المتقدم في السن "سنطرد طالبان من ولاية فارياب".
            """)
        #expect(s.map(\.speaker) == ["عبدالرشيد دوستم", "عبدالرشيد دوستم"])
    }

    @Test func aSubjectBetweenThatAndItsVerbInsideAStatementSpeaksAndIsNamedInTheNominative() {
        let s = SpeakerTests.statements(
            """
            وقالت وزارة الداخلية البحرينية إن المحتجزين اعترفا باستلام الشحنة من إيرانيين خارج المياه الإقليمية.
            """)
        #expect(s.map(\.speaker) == ["وزارة الداخلية البحرينية", "المحتجزان"])
        #expect(s.map(\.cue) == ["وقالت", "اعترفا"])
    }

    @Test func aSubjectAfterButInsideAStatementSpeaksAndIsNamedInTheNominative() {
        let s = SpeakerTests.statements(
            """
            وقال المبعوث الأممي إن الخطة جاهزة للتنفيذ، لكن الحوثيين رفضوا الاستجابة للمبادرة.
            """)
        #expect(s.map(\.speaker) == ["المبعوث الأممي", "الحوثيون"])
        #expect(s.last?.content == "الاستجابة للمبادرة")
    }

    @Test func aSubjectWithAVerbOfItsOwnOrATimeOpensNoStatementInsideAnother() {
        let s = SpeakerTests.statements(
            """
            وقال التقرير إن السنة الحالية شهدت تراجعا، وأكد أن الأرقام تشير إلى انخفاض في الطلب.
            """)
        #expect(!s.map(\.speaker).contains { $0.contains("السنة") })
    }

    @Test func anAccusativeVerbalNounWithItsAdjectiveEndsAName() {
        let s = SpeakerTests.statements(
            """
            وأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع نظيره التركي.
            وأكد بوتين أن التعاون بين البلدين مستمر.
            وقال الرئيس الأمريكي السابق باراك أوباما رسميا إن الحملة انتهت.
            """)
        #expect(s.first?.speaker == "فلاديمير بوتين")
        // (a name of that shape is no verbal noun: أوباما stays in the name)
        #expect(s.last?.speaker.split(separator: " ").prefix(2).joined(separator: " ") == "باراك أوباما")
    }

    @Test func aNounWithItsPossessiveBetweenARoleAndANameIsOfTheRole() {
        let s = SpeakerTests.statements(
            """
            وقال وزير خارجيته مايك بومبيو إن "العقوبات ستكون الأقوى في التاريخ".
            وأعلن رئيس الوزراء المنتهية ولايته حيدر العبادي أن الحكومة ستواصل عملها.
            """)
        #expect(s.map(\.speaker) == ["مايك بومبيو", "حيدر العبادي"])
    }

    @Test func aNounWithItsPossessiveIsToldAsWrittenNotByItsKey() {
        // (the key view writes ة as ه: ثابتة and خارجيته would end alike)
        #expect(SpeakerNames.hasPossessiveAfterTaMarbuta("خارجيته"))
        #expect(SpeakerNames.hasPossessiveAfterTaMarbuta("بلديتها"))
        #expect(!SpeakerNames.hasPossessiveAfterTaMarbuta("ثابتة"))
    }

    @Test func aNameRunOnIntoANounWithItsPossessiveIsNoFullerName() {
        #expect(!StorySpeakers.isWholePersonalName("هورست زيهوفر استقالته"))
        #expect(StorySpeakers.isWholePersonalName("عبدالله فلاته"))
    }

    @Test func aDescribedNationalityIsTheArticlesLastNamedSpeaker() {
        let s = SpeakerTests.statements(
            """
            قال بيب غوارديولا، مدرب مانشستر سيتي، إن فريقه يستهدف التعاقد مع لاعب واحد أو لاعبين اثنين فقط.
            وأبلغ الإسباني الشاب شبكة سكاي سبورتس "سنضم لاعبا واحدا أو لاعبين اثنين".
            """)
        #expect(s.map(\.speaker) == ["بيب غوارديولا", "بيب غوارديولا"])
    }

    @Test func aDescribedNationalityIsThePersonTheArticleNamedWithIt() {
        // The last speaker is the club's president; the Portuguese is the coach.
        let s = SpeakerTests.statements(
            """
            وتمنى مرتضى منصور عودة الجماهير إلى المدرجات، مشيرا إلى أنه «لا طعم للكرة دون الجمهور».
            من جهته، وجه البرتغالي جوزفالدو فيريرا المدير الفني لفريق الزمالك التهنئة للاعبي الفريق.
            وكشف البرتغالي النقاب عن مصيره مع الأبيض، حيث أشار إلى أنه لم يتخذ قراره بعد.
            """)
        #expect(s.map(\.speaker).last == "جوزفالدو فيريرا")
    }

    @Test func aDescribedNationalityIsTheKunyaThatEndsWithIt() {
        let s = SpeakerTests.statements(
            """
            وظهر في التسجيل المرئي أبو يحيى التونسي الذي توعد مجلس النواب الليبي.
            وطالب التونسي الناس بضرورة الانضواء تحت راية "داعش".
            """)
        #expect(s.map(\.speaker).last == "أبو يحيى التونسي")
    }

    @Test func aTitleQualifiedByAPeopleIsNotTheLastSpeakerWithThatTitle() {
        let s = SpeakerTests.statements(
            """
            دعا نائب الرئيس الافغاني زعيم الحرب السابق الجنرال عبدالرشيد دوستم الى مواجهة حركة طالبان.
            وقال الزعيم الباكستاني إن "الحوار هو الحل".
            """)
        #expect(s.map(\.speaker) == ["عبدالرشيد دوستم", "الزعيم الباكستاني"])
    }

    @Test func aConduitAfterATimeGivesTheWordsToItsSource() {
        let s = SpeakerTests.statements(
            "ونقلت صحيفة \"دي فيلت\" الألمانية، اليوم الأحد، نقلًا عن مصادر إيطالية رفيعة قولها، إن \"السلطات التونسية أرسلت شهادة ميلاد العامري\".")
        #expect(s.map(\.speaker) == ["مصادر إيطالية رفيعة"])
        #expect(s.map(\.cue) == ["ونقلت"])
    }

    @Test func aTopicAfterATimeIsNoSource() {
        let s = SpeakerTests.statements("وقال الوزير اليوم عن الأزمة إن الحل قريب.")
        #expect(s.map(\.speaker) == ["الوزير"])
    }

    @Test func theSameSourceIsTheLastSpeakerOfThatNameAndItsRelativeClauseIsNoContent() {
        let s = SpeakerTests.statements(
            """
            ونقلت صحيفة "دي فيلت" عن مصادر إيطالية رفيعة قولها إن "السلطات التونسية أرسلت الشهادة".
            وقال وزير الداخلية الإيطالي ماركو مينيتي إن التحقيق مستمر.
            ونقلا عن المصادر نفسها التي لم تكشف الصحيفة عن هويتها "الإفراج عن العامري كان جزءا من عملية سرية".
            """)
        #expect(s.map(\.speaker) == ["مصادر إيطالية رفيعة", "ماركو مينيتي", "مصادر إيطالية رفيعة"])
        #expect(s.last?.content == "الإفراج عن العامري كان جزءا من عملية سرية")
    }

    @Test func aTopicFrontedWithAPrepositionLeavesTheSpeakerImplicit() {
        let s = SpeakerTests.statements("وكشفت نيكول مون أنها مريضة. وعن ما حدث معها، قالت إنها ذهبت إلى صيدلية في مدينة بيوريا.")
        #expect(s.map(\.speaker) == ["نيكول مون", "نيكول مون"])
        #expect(s.last?.content == "ذهبت إلى صيدلية في مدينة بيوريا")
    }

    @Test func aPresentVerbAfterAFrontedPhraseHasNoImplicitSpeaker() {
        let s = SpeakerTests.statements("وقال الوزير إن الأمر خطير. وفي ظل ذلك، تبين أن الخطة فشلت.")
        #expect(s.map(\.content) == ["الأمر خطير"])
    }

    @Test func aPresentVerbNegatedWithLaIsNoStatement() {
        let s = SpeakerTests.statements("ولا يعترف المجتمع الدولي بالسيادة الإسرائيلية على القدس.")
        #expect(s.isEmpty)
    }

    @Test func anAgreementIsNoSourceOfWords() {
        let s = SpeakerTests.statements("ووفقا لاتفاقية السلام عام 1993، يتم بحث الوضع النهائي للقدس في المراحل الأخيرة.")
        #expect(s.isEmpty)
    }

    @Test func aVagueTimeAfterTheSpeakerEndsTheSpeaker() {
        let s = SpeakerTests.statements("وذكر المرصد السوري لحقوق الإنسان آنذاك أن 11 شخصا خضعوا للعلاج.")
        #expect(s.map(\.speaker) == ["المرصد السوري لحقوق الإنسان"])
    }

    @Test func anOutletAfterTheSpeakersNameIsWhomTheWordsWereTold() {
        let s = SpeakerTests.statements(
            "وأبلغ غوارديولا شبكة سكاي سبورتس: \"سنضم لاعبا واحدا\". وقال رئيس وكالة الطاقة الذرية يوكيا أمانو إن إيران ملتزمة.")
        #expect(s.map(\.speakerMention) == ["غوارديولا", "رئيس وكالة الطاقة الذرية يوكيا أمانو"])
    }

    @Test func anOutletAfterATitleIsNoNameOfItsHolder() {
        let s = SpeakerTests.statements("وقال المدرب الإسباني الشاب لشبكة سكاي سبورتس: \"سنضم لاعبا واحدا\".")
        #expect(s.map(\.speaker) == ["المدرب الإسباني الشاب"])
    }

    @Test func peopleInGeneralAreNoSpeaker() {
        let s = SpeakerTests.statements("يقول الناس إننا فزنا لأننا استثمرنا كثيرا.")
        #expect(s.isEmpty)
    }

    @Test func aDefiniteWordThatCannotAgreeWithADefiniteFeminineSpeakerBeginsTheObject() {
        let s = SpeakerTests.statements("وأدانت المعارضة الرئيس السابق بسوء إدارة أمور البلاد. وأكد القادة العسكريون أن الردع ضروري.")
        #expect(s.map(\.speakerMention) == ["المعارضة", "القادة العسكريون"])
        #expect(s.first?.content == "الرئيس السابق بسوء إدارة أمور البلاد")
    }

    @Test func aPronounOfWhomTheWordsWereSaidToIsNoSpeakerButTheNameLiIs() {
        let s = SpeakerTests.statements("وقال لي الطبيب إن ابني توفي. وقال لي كه تشيانغ إن الصين منفتحة.")
        #expect(s.map(\.speakerMention) == ["الطبيب", "لي كه تشيانغ"])
    }

    @Test func askingForAnonymityIsNoStatement() {
        let s = SpeakerTests.statements("وقال مسؤول عراقي، طلب عدم الكشف عن اسمه، إن المفاوضات مستمرة.")
        #expect(s.map(\.speaker) == ["مسؤول عراقي"])
    }

    @Test func betweenTwoPartiesIsThePrepositionAndBetweenBeforeThatTheVerb() {
        let s = SpeakerTests.statements(
            "وتأتي القمة بين الرئيس الأمريكي دونالد ترامب والزعيم الكوري الشمالي كيم جونغ أون في سنغافورة. بين الرئيس ترامب أن المفاوضات مستمرة.")
        #expect(s.map(\.speaker) == ["ترامب"])
        #expect(s.map(\.content) == ["المفاوضات مستمرة"])
    }

    @Test func aPlacesSpeakerEndsBeforeADefiniteWordThatCannotAgreeWithIt() {
        let s = SpeakerTests.statements("ولطالما نفت دمشق الأمر. وأعلنت روسيا الاتحادية أنها سترد.")
        #expect(s.map(\.speakerMention) == ["دمشق", "روسيا الاتحادية"])
        #expect(s.first?.content == "الأمر")
    }

    @Test func betweenAtTheEndOfASentenceIsRead() {
        // Found by the fuzzer: the search for a second party ran past the sentence's end.
        let s = SpeakerTests.statements("وقال الوزير إن الخلاف قائم، بين. وتصاعد الخلاف، بين")
        #expect(s.map(\.content) == ["الخلاف قائم، بين"])
    }

    @Test func thatAfterATimeWordOpensNoReportedClause() {
        let s = SpeakerTests.statements("وحمّلت النقابة الحوثيين المسؤولية عن مقتل الصحفي بعد أن أخفته قسرا منذ أشهر.")
        #expect(s.map(\.content) == ["الحوثيين المسؤولية عن مقتل الصحفي بعد أن أخفته قسرا منذ أشهر"])
    }

    @Test func aParenthesisAfterTheSpeakerIsAnAsideUnlessANameFollowsIt() {
        let s = SpeakerTests.statements(
            """
            وقالت نيكول مون (35 عاما) لبي بي سي إن الصيدلاني كان مقتضبا جدا.
            قال رئيس جهاز المخابرات الداخلية في بريطانيا (إم.آي 5)، أندرو باركر، إنه يتعين إقامة شراكة أمنية.
            """)
        #expect(s.map(\.speaker) == ["نيكول مون", "أندرو باركر"])
        #expect(s.first?.content == "الصيدلاني كان مقتضبا جدا")
    }

    @Test func theIssuerOfAStatementSpeaksInIt() {
        let s = SpeakerTests.statements("وأرسلت مجموعة صيدليات ولغرينز بيانا لبي بي سي، قالت فيه إنها تبحث في الأمر.")
        #expect(s.map(\.speaker) == ["مجموعة صيدليات ولغرينز"])
        #expect(s.map(\.content) == ["تبحث في الأمر"])
    }

    @Test func aSpeechActWithItsPronounAfterTheSpeakerIsTheContent() {
        let s = SpeakerTests.statements("أكد الرئيس اليمني عبدربه منصور هادي، رفضه أي وجود مسلح للحوثيين في مدينة الحديدة.")
        #expect(s.map(\.speaker) == ["عبدربه منصور هادي"])
        #expect(s.map(\.content) == ["رفضه أي وجود مسلح للحوثيين في مدينة الحديدة"])
    }

    @Test func aVerbThatTakesBaGoesOnWithTheLastSpeakerBeforeABaWord() {
        let s = SpeakerTests.statements(
            "وقال الحذيفي إن الوضع جيد. وأشاد بمقاتلي المقاومة الشعبية الذين طردوا المسلحين. وهددت بيونغيانغ، الأربعاء، بإلغاء القمة المرتقبة.")
        #expect(s.map(\.speaker) == ["الحذيفي", "الحذيفي", "كوريا الشمالية"])
        #expect(s.map(\.content) == ["الوضع جيد", "مقاتلي المقاومة الشعبية الذين طردوا المسلحين", "إلغاء القمة المرتقبة"])
    }

    @Test func praiseWithAlaIsAStatementAndTwelveIsNot() {
        let s = SpeakerTests.statements("من جانبه، أثنى سالم سمران، القيادي في المقاومة الشعبية، على دور التحالف. وقتل اثني عشر شخصا.")
        #expect(s.map(\.speaker) == ["سالم سمران"])
        #expect(s.map(\.content) == ["دور التحالف"])
    }

    @Test func raisingAndOfferingReportOnlyACourtesy() {
        let s = SpeakerTests.statements(
            "وتقدم القميشي بالشكر لدول التحالف العربي على دعمها. وتقدم الجيش نحو المدينة. ورفع المجلس أسعار الوقود.")
        #expect(s.map(\.speaker) == ["القميشي"])
        #expect(s.map(\.content) == ["بالشكر لدول التحالف العربي على دعمها"])
    }

    @Test func aPluralParticipleGoesOnWithTheSpeakers() {
        let s = SpeakerTests.statements("وقال الخبراء إن الأخطاء تتكرر، مطالبين بإيجاد نظام رقابي دقيق.")
        #expect(s.map(\.cue) == ["وقال", "مطالبين"])
        #expect(s.map(\.speaker) == ["الخبراء", "الخبراء"])
    }

    @Test func aRuleOrAMeasureIsNoSourceOfWords() {
        let s = SpeakerTests.statements(
            "وتعد هذه المستوطنات غير شرعية وفقا للقانون الدولي. ووفقا نتائج أولية، حلت قائمة سائرون أولا. وبحسب مصادر أمنية، قتل عشرة أشخاص.")
        #expect(s.map(\.speaker) == ["مصادر أمنية"])
    }

    @Test func godIsAddressedInAPrayerNotASpeaker() {
        let s = SpeakerTests.statements("وقال الأمير إن الفقيد كان مثالا للوفاء. ودعا الله أن يتغمده بواسع رحمته.")
        #expect(s.map(\.speaker) == ["الأمير", "الأمير"])
        #expect(s.last?.content == "الله أن يتغمده بواسع رحمته")
    }

    @Test func aCueAtTheEdgeOfItsSentenceReadsNothingBeyondIt() {
        // Each new rule looks a few words ahead or behind its cue: here there are none (a read past
        // the sentence's end crashed). None of these cues has its words, so only the first
        // sentence's statement is found.
        for text in ["وحمّلت", "وحمّلت النقابة", "قالت فيه", "قالت فيه إن", "يرى الخبير في", "يرى الخبير في المخاطر،", "ورفع", "وأشاد ب", "أثنى"] {
            #expect(SpeakerTests.statements(text).isEmpty, "\(text)")
            #expect(SpeakerTests.statements("قال الوزير إن الوضع جيد. " + text).map(\.content) == ["الوضع جيد"], "\(text)")
        }
    }

    @Test func aDefiniteOutletIsTheOneNamedLast() {
        let s = SpeakerTests.statements(
            "وكتبت صحيفة القدس العربي أن المعركة طويلة. ونشرت صحيفة نيويورك تايمز مقالا عن الهجرة. ورأت الصحيفة أن تعامل ترامب مع المهاجرين غير إنساني.")
        #expect(s.map(\.speaker) == ["صحيفة القدس العربي", "صحيفة نيويورك تايمز"])
    }

    @Test func aLamIsTheSpeakersFirstLetterUnlessItAddressesSomeone() {
        let s = SpeakerTests.statements(
            """
            قال الوزير إن الوضع جيد. وقال لرويترز إن المحادثات مستمرة. وقالت ليلى الحسن إن الوضع سيء.
            وقال لافروف في مؤتمر صحفي إن موسكو ترفض. وقالت لجنة الانتخابات إن النتائج جاهزة.
            وأضافت لنواب في البرلمان "السؤال هو ما إذا كان الاتفاق باقيا".
            """)
        #expect(s.map(\.speaker) == ["الوزير", "الوزير", "ليلى الحسن", "لافروف", "لجنة الانتخابات", "لجنة الانتخابات"])
    }

    @Test func aLatinInitialInsideANameKeepsItsSentence() {
        let s = SpeakerTests.statements("وقالت لورا إيه. كولانجيلو إن الدراسة مهمة.")
        #expect(s.map(\.speaker) == ["لورا إيه. كولانجيلو"])
    }

    @Test func aVerbalNounAfterTheSpeakersNameOpensTheObject() {
        let s = SpeakerTests.statements("أعلن رئيس السلطة الفلسطينية محمود عباس تنكيس الأعلام ثلاثة أيام. وأعلن ترامب انسحاب بلاده من الاتفاق.")
        #expect(s.map(\.speaker) == ["محمود عباس", "ترامب"])
        #expect(s.map(\.content) == ["تنكيس الأعلام ثلاثة أيام", "انسحاب بلاده من الاتفاق"])
    }

    @Test func whichIsNarrationNotASpeaker() {
        let s = SpeakerTests.statements("وتقدمت القوات نحو الميناء، مما يشير إلى قرب تحرير المدينة.")
        #expect(s.isEmpty)
    }

    @Test func theNameAliIsNoPreposition() {
        let s = SpeakerTests.statements("وقال المرشد الإيراني علي خامنئي إن بلاده لن تتفاوض. وقال خبير القانون الدولي محمد علي إن القرار باطل.")
        #expect(s.map(\.speaker) == ["علي خامنئي", "محمد علي"])
    }

    @Test func aStatementNounBeforeAVerbGivesTheWordsToItsIssuer() {
        let s = SpeakerTests.statements(
            "في موضوع آخر تنشر مجلة جون أفريك تقريرا يفيد أن شخصيات قريبة من النظام متورطة. وأصدر غريندل بيانا يؤكد أن الاتحاد يحترم لاعبيه.")
        #expect(s.map(\.speaker) == ["مجلة جون أفريك", "غريندل"])
    }

    @Test func aDecisionAfterTheSpeakersNameIsTheObject() {
        let s = SpeakerTests.statements(
            "لكن في المقابل وصف رئيس السلطة الفلسطينية محمود عباس قرار ترامب بأنه \"صفعة القرن\". ووصف وزير الخارجية سامح شكري الاتفاق بالإيجابي.")
        #expect(s.map(\.speaker) == ["محمود عباس", "سامح شكري"])
    }

    @Test func anAddresseeOfACallIsNotTheSpeaker() {
        let s = SpeakerTests.statements("قال أبو الغيط إن الخطوة خطيرة. ودعا كل دول العالم إلى \"التمسك بالمبادئ\".")
        #expect(s.map(\.speaker) == ["أبو الغيط", "أبو الغيط"])
        #expect(s.last?.content == "كل دول العالم إلى \"التمسك بالمبادئ\"")
    }

    @Test func aQuotationRunsOnAcrossSentencesToItsClosingMark() {
        let s = SpeakerTests.statements("وقال ظريف: \"لقد بدأنا العملية. الكثير يعتمد على ما يمكننا القيام به\". وغادر الوزير بروكسل.")
        #expect(s.map(\.content) == ["لقد بدأنا العملية. الكثير يعتمد على ما يمكننا القيام به"])
        #expect(s.map(\.kind) == [.direct])
    }

    @Test func anAgencyThatRelaysIsNotASecondStatement() {
        let s = SpeakerTests.statements("ونددت جنوب أفريقيا بـ\"الاعتداء العنيف للقوات الإسرائيلية\"، وفق ما ذكرت وكالة \"فرانس برس\".")
        #expect(s.map(\.speaker) == ["جنوب أفريقيا"])
    }

    @Test func aNegatedVerbReportsNothing() {
        #expect(SpeakerTests.statements("في وقت لم تعلن كوريا الشمالية حتى الآن عن التنازلات المحتملة.").isEmpty)
    }

    @Test func spellingVariantsOfAForeignNameShareASkeleton() {
        #expect(SpeakerNames.skeleton("ترامب") == SpeakerNames.skeleton("ترمب"))
        #expect(SpeakerNames.skeletons("الأمريكي") == SpeakerNames.skeletons("الأميركي"))
        #expect(SpeakerNames.skeleton("بوتين") != SpeakerNames.skeleton("بايدن"))
    }
}

/// Hijri dates on the Umm al-Qura calendar.
@Suite("Hijri dates")
struct HijriDateTests {
    @Test func aHijriDateWithItsYearIsTheUmmAlQuraDay() {
        // Saudi press, 2015: "10 شعبان 1436 هـ الموافق 28 مايو 2015م".
        #expect(StatementTests.day("في 10 شعبان 1436 هـ", published: "2015-07-21") == "2015-05-28")
        #expect(StatementTests.day("يوم 1 رمضان 1439", published: "2018-05-20") == "2018-05-16")
    }

    @Test func theGregorianDateGivenBesideItWins() {
        #expect(StatementTests.day("في 27 شوال المقبل الموافق 12 أغسطس 2015م", published: "2015-07-21") == "2015-08-12")
    }

    @Test func withoutAYearTheNearestOrTheNamedYear() {
        // Published 5 Shawwal 1436: "26 رمضان" is ten days before, "24 شوال" nineteen days after.
        #expect(StatementTests.day("في 26 رمضان", published: "2015-07-21") == "2015-07-13")
        #expect(StatementTests.day("حتى 24 شوال الجاري", published: "2015-07-21") == "2015-08-09")
        #expect(StatementTests.day("في 17 رمضان الماضي", published: "2015-07-21") == "2015-07-04")
    }

    @Test func aDayTheMonthLacksIsNotResolved() {
        #expect(StatementTests.day("في 30 رمضان 1436", published: "2015-07-21") == nil)
    }
}

extension SpeakerTests {
    @Test func aTurnMarkerOpensTheNextSpeakerAndAnAnonymousSourceSpeaks() {
        let s = SpeakerTests.statements(
            """
            قال وزير الدفاع التركي خلوصي أكار إن بلاده لن تتراجع. من جهته، قال مصدر عسكري روسي إن الضربات استهدفت مواقع المسلحين.
            """)
        #expect(s.map(\.speaker) == ["خلوصي أكار", "مصدر عسكري روسي"])
        #expect(s.map(\.role) == ["وزير الدفاع التركي", nil])
    }
}

extension SpeakerTests {
    @Test func aConduitGivesTheWordsToWhomItQuotes() {
        let s = SpeakerTests.statements("ونقلت وكالة الأنباء الرسمية عن المتحدث باسم الوزارة عباس موسوي قوله إن \"طهران لن تقبل بأي تعديل\".")
        #expect(s.map(\.speaker) == ["عباس موسوي"])
        #expect(s.map(\.content) == ["طهران لن تقبل بأي تعديل"])
        #expect(s.map(\.role) == ["المتحدث باسم الوزارة"])
    }
}

extension HijriDateTests {
    @Test func arabicIndicDigitsAreRead() {
        #expect(StatementTests.day("في ١٠ شعبان ١٤٣٦ هـ", published: "2015-07-21") == "2015-05-28")
        #expect(StatementTests.day("وقال يوم ١٤ أيار/مايو", published: "2018-05-16") == "2018-05-14")
    }
}

extension SpeakerTests {
    @Test func aStatementOfAnInstitutionIsItsAuthors() {
        let s = SpeakerTests.statements("أعلن بيان لوزارة الخزانة الأميركية، الأربعاء، فرض عقوبات جديدة على أفراد مرتبطين بحزب الله.")
        #expect(s.map(\.speaker) == ["وزارة الخزانة الأميركية"])
        #expect(s.map(\.time) == ["2018-05-16"])
    }

    @Test func aCommuniqueOfTheDefiniteInstitutionIsItsAuthors() {
        let s = SpeakerTests.statements("وذكر بلاغ للشركة أن الرحلات ستستأنف غدا. وقال بيان للبنان إن الحدود مفتوحة.")
        #expect(s.map(\.speaker) == ["الشركة", "لبنان"])
    }

    @Test func theTextOfAStatementSpeaksAsItsAuthor() {
        let s = SpeakerTests.statements(
            "وأعلنت النقابة الوطنية للصحفيين التونسيين أن الإعلام مهدد. والقضية تتجاوز كونها قضية شغلية، بحسب نص البيان.")
        #expect(s.map(\.speaker) == ["النقابة الوطنية للصحفيين التونسيين", "النقابة الوطنية للصحفيين التونسيين"])
        #expect(s.last?.speakerMention == "نص البيان")
    }

    @Test func aNameBetweenTwoTitlesIsTheSpeaker() {
        let s = SpeakerTests.statements("وقال الدكتور محمود صقر رئيس أكاديمية البحث العلمي إن الألغام تقف حجر عثرة أمام التنمية.")
        #expect(s.map(\.speaker) == ["محمود صقر"])
        #expect(s.map(\.role) == ["رئيس أكاديمية البحث العلمي"])
    }

    @Test func theLeadDatesStatementsTheArticleDoesNotDateOtherwise() {
        let s = SpeakerTests.statements(
            "انتهت قمة قادة الاتحاد الأوروبي في بروكسل، أمس الثلاثاء، دون اتفاق. وقال رئيس المجلس الأوروبي شارل ميشيل إن «المزيد من الوقت مطلوب».")
        #expect(s.map(\.speaker) == ["شارل ميشيل"])
        #expect(s.map(\.time) == ["2018-05-15"])
    }
}

extension SpeakerTests {
    @Test func aQuotedNameAfterANewspaperBelongsToItsPhrase() {
        let s = SpeakerTests.statements("ونقلت صحيفة \"واشنطن بوست\" عن مصدر تركي قوله إن الصحفي قتل داخل القنصلية.")
        #expect(s.map(\.speaker) == ["مصدر تركي"])
        #expect(s.map(\.kind) == [.indirect])
    }

    @Test func unattributedReportsAreNobodysWords() {
        #expect(SpeakerTests.statements("وتشير تقارير حديثة إلى أن الشركة تعمل على تطوير خصائص جديدة.").isEmpty)
    }
}

extension SpeakerTests {
    @Test func herSayingGoesOnWithTheSameSpeaker() {
        let s = SpeakerTests.statements("لكن ناورت نفت أن تكون هذه المناورات استفزازا، بقولها إن التدريبات مستمرة منذ سنوات.")
        #expect(s.map(\.speaker) == ["ناورت", "ناورت"])
        #expect(s.map(\.content) == ["تكون هذه المناورات استفزازا", "التدريبات مستمرة منذ سنوات"])
    }

    @Test func aParticipleRightAfterAQuotationContinues() {
        let s = SpeakerTests.statements("قال أبو الغيط إن افتتاح السفارة \"خطوة بالغة الخطورة\" معتبرا أن الإدارة الأميركية لا تدرك أبعادها.")
        #expect(s.map(\.cue) == ["قال", "معتبرا"])
        #expect(s.last?.content == "الإدارة الأميركية لا تدرك أبعادها")
    }
}

extension SpeakerTests {
    @Test func aPastVerbWithATitleRightAfterItReportsInsideAStatement() {
        let s = SpeakerTests.statements(
            "وكشفت نيكول مون أنها ذهبت إلى صيدلية للحصول على أدوية، بعد أن أخبرها الطبيب أن جنينها لا ينمو بشكل طبيعي.")
        #expect(s.map(\.speaker) == ["نيكول مون", "الطبيب"])
        #expect(s.last?.cue == "أخبرها")
        #expect(s.last?.content == "جنينها لا ينمو بشكل طبيعي")
    }

    @Test func aPresentVerbInsideAStatementIsTheOuterSpeakersWords() {
        let s = SpeakerTests.statements("وذكر بيسكوف أن روسيا تحث الأطراف على تفادي التصرفات التي قد تلهب الوضع.")
        #expect(s.map(\.speaker) == ["بيسكوف"])
    }
}

@Suite("Names one across stories")
struct SameNamesTests {
    @Test func spellingsOfOneNameAreOneUnderTheCommonest() {
        let same = StorySpeakers.sameNames([("فلاديمير بوتين", 324), ("فلاديمير بوتن", 168), ("دونالد ترامب", 2958), ("دونالد ترمب", 263)])
        #expect(same == ["فلاديمير بوتن": "فلاديمير بوتين", "دونالد ترمب": "دونالد ترامب"])
    }

    @Test func aPartOfAFullerNameOrARoleIsNotOneWithItAcrossStories() {
        let same = StorySpeakers.sameNames([("ترامب", 315), ("دونالد ترامب", 2958), ("ميلانيا ترامب", 55), ("الرئيس الأمريكي", 40)])
        #expect(same.isEmpty)
    }
}

extension SpeakerTests {
    @Test func aQuotedPolicyNameLeavesAParaphraseIndirect() {
        let s = SpeakerTests.statements("وقال المتحدث إن الإدارة لا تزال ملتزمة بسياسة \"عدم التسامح\" مع المخالفين.")
        #expect(s.map(\.kind) == [.indirect])
    }

    @Test func aQuotedRoleNameLeavesAParaphraseIndirect() {
        let s = SpeakerTests.statements("وقال الممثل إن دور \"سامي\" ليس الدور الأهم في مسيرته.")
        #expect(s.map(\.kind) == [.indirect])
    }
}
