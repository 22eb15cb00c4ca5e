import ArabicText
import Ingest
import Support

/// Finds the statements of an article, sentence by sentence, with rules over tokens and the
/// punctuation between them:
/// - a reporting verb (قال، أكدت، وأضاف، يؤكد) with its speaker after it (وقال وزير الدفاع التركي،
///   خلوصي أكار، إن…), before it (وكان أردوغان قال إن…) or implied (وأضاف أن… → the last speaker),
///   and its content after إن/أن/بأن, a colon, a quotation, or the verb's preposition (أعرب عن،
///   دعا إلى، حذر من);
/// - a participle after a comma (، مؤكدا أن…): the speaker goes on;
/// - an attribution phrase (بحسب X، …، وفقا لـX، نقلا عن X): the governed clause, before or after;
/// - a quotation before its cue («…»، قال X).
/// Speakers are made canonical within the article (بيسكوف → ديمتري بيسكوف; المتحدث → the last
/// spokesman), and the speech act is dated from the cue's clause (اليوم الخميس، أمس) or, failing
/// that, by the same speaker's earlier statement in the article.
public enum StatementExtractor {
    /// The statements of `article`'s text, in order.
    public static func statements(in article: Article) -> [Statement] {
        var reader = ArticleReader(article)
        return reader.extract()
    }
}

/// The state of one article's extraction.
struct ArticleReader {
    let article: Article
    let display: DisplayText
    let original: [Unicode.Scalar]
    let tokens: [Token]
    let published: CalendarDay?
    /// Whether the article was published at 20:00 or later on a day written in UTC: its newsroom,
    /// east of Greenwich, may already be in the next day.
    let lateInUTC: Bool
    var found: [Statement] = []
    /// The first token not yet read: a quotation may run past its sentence.
    var resume = 0
    /// The token after the last statement's content.
    var lastEnd = -1
    /// Whether the reader is inside another statement's content.
    var nested = false
    /// The tokens of the last statement's content.
    var lastContent: Range<Int>?
    /// The day of the article's first sentence, when it dates the news it reports («انتهت
    /// القمة… اليوم الجمعة»): the day of the statements the article does not date otherwise.
    var leadDay: String?
    /// Each dated sentence read so far: its first resolved day, its tokens and, once a statement
    /// asks, the skeletons of its words (``nameSkeletons(_:)``).
    var datedSentences: [(day: CalendarDay, tokens: Range<Int>, names: Set<String>?)] = []
    /// The last explicit speaker and its role.
    var lastSpeaker: (speaker: String, role: String?)?
    /// The article's speakers so far, each once, with the role the text gave it.
    var speakers: [(speaker: String, role: String?)] = []
    /// The words of each of ``speakers``, then of each apposition's name: a new name is compared
    /// with every earlier one, whose words are made once.
    var knownNames: [NameWords] = []
    /// The roles tied to names anywhere in the article.
    let appositions: [Apposition]

    init(_ article: Article) {
        self.article = article
        display = DisplayText(article.text)
        original = Array(article.text.unicodeScalars)
        tokens = Tokenizer.tokens(in: display)
        appositions = Apposition.scan(tokens, display: display)
        knownNames = appositions.map { NameWords($0.name, role: $0.role) }
        published = article.published?.calendarDay
        lateInUTC =
            article.published.map { $0.hasTime && $0.offsetSeconds == 0 && $0.localSeconds.quotientAndRemainder(dividingBy: 86_400).remainder >= 20 * 3600 }
            ?? false
    }

    mutating func extract() -> [Statement] {
        var next = 0
        for (index, sentence) in SentenceSplitter.sentences(of: display).enumerated() {
            next = max(next, resume)
            while next < tokens.count, tokens[next].range.lowerBound < sentence.range.lowerBound { next += 1 }
            var end = next
            while end < tokens.count, tokens[end].range.lowerBound < sentence.range.upperBound { end += 1 }
            read(sentence: index, tokens: next..<end, scalars: sentence.range)
            if let day = TimeExpressions.first(in: tokens, next..<end, published: published, lateInUTC: lateInUTC)?.day {
                datedSentences.append((day, next..<end, nil))
                if index == 0 { leadDay = day.description }
            }
            next = end
        }
        dateLeadsByTheirRepeats()
        return found
    }

    /// A statement the article gives undated and repeats later with its day («اتهم الرئيس
    /// الفنزويلي… نظيره الكولومبي…» in the lead, «اتهم… مادورو الجمعة نظيره الكولومبي…» below):
    /// the same speaker's later statement with its own time expression, by the same verb or with
    /// half the words of the shorter, dates it; so does a later one with half the words whose day
    /// comes from a sentence naming the speaker (a chronology at the article's end: «1 يونيو/حزيران:
    /// … ترامب يقول إن القمة ستعقد في 12 يونيو»). The speaker's undated statements that follow it
    /// without another speaker between (وأشار ترامب…، وأضاف…) are the same speech event and take
    /// its day.
    mutating func dateLeadsByTheirRepeats() {
        let undated = found.indices.filter { found[$0].time == nil && found[$0].timeExpression == nil }
        guard !undated.isEmpty else { return }
        // (Words as light10 stems: قمته is القمة's.)
        let words = found.map { Set(Tokenizer.tokens(in: $0.content).filter { $0.kind == .arabic }.map { Light10.stem($0.key) }) }
        let verbs = found.map { strip(Lexicon.key($0.cue)).bare }
        func sharesHalf(_ i: Int, _ j: Int) -> Bool {
            words[i].count >= 3 && Double(words[i].intersection(words[j]).count) >= 0.5 * Double(min(words[i].count, words[j].count))
        }
        for k in datedSentences.indices where datedSentences[k].names == nil { datedSentences[k].names = nameSkeletons(datedSentences[k].tokens) }
        let datedByNamingSentence = found.indices.map { found[$0].timeExpression == nil && namedOnADatedSentence($0) }
        var dated: Set<Int> = []
        for i in undated {
            let repeated = ((i + 1)..<found.count).first { j in
                guard found[j].speaker == found[i].speaker, let day = found[j].time, isPlausiblyRecent(day) else { return false }
                guard found[j].timeExpression != nil else { return datedByNamingSentence[j] && sharesHalf(i, j) }
                return verbs[j] == verbs[i] || sharesHalf(i, j)
            }
            found[i].time = repeated.flatMap { found[$0].time }
            if found[i].time != nil { dated.insert(i) }
        }
        for i in dated.sorted() {
            var k = i + 1
            while k < found.count, found[k].speaker == found[i].speaker, found[k].time == nil, found[k].timeExpression == nil {
                found[k].time = found[i].time
                k += 1
            }
        }
    }

    /// Whether statement `j`'s day is that of a dated sentence naming its speaker (the sentences'
    /// names made already).
    func namedOnADatedSentence(_ j: Int) -> Bool {
        let names = SpeakerNames.skeletons(found[j].speaker).subtracting(Self.genericNameWords)
        guard let time = found[j].time, !names.isEmpty else { return false }
        return datedSentences.contains { $0.day.description == time && $0.names?.isDisjoint(with: names) == false }
    }

    // MARK: - One sentence

    mutating func read(sentence: Int, tokens range: Range<Int>, scalars: Range<Int>) {
        guard !range.isEmpty else { return }
        var i = range.lowerBound
        while i < range.upperBound {
            if let consumed = cue(at: i, sentence: sentence, range: range, scalars: scalars) {
                readNested(sentence: sentence, range: range, scalars: scalars)
                i = max(i + 1, consumed)
                resume = max(resume, consumed)
            } else {
                i += 1
            }
        }
    }

    /// Statements reported inside the last statement's content (نقلت الوكالة عن المتحدثة قولها إن
    /// "كيم قال إنه يتفهم…"، قال الكرملين إن بوتين شدد على…), each with its own speaker: only
    /// explicit speakers, one level deep, and the outer speaker stays the one that goes on.
    mutating func readNested(sentence: Int, range: Range<Int>, scalars: Range<Int>) {
        guard !nested, let inner = lastContent else { return }
        nested = true
        let (speaker, end) = (lastSpeaker, lastEnd)
        var k = inner.lowerBound
        while k < min(inner.upperBound, range.upperBound) {
            k = max(k + 1, cue(at: k, sentence: sentence, range: range, scalars: scalars) ?? k)
        }
        (nested, lastSpeaker, lastEnd, lastContent) = (false, speaker, end, nil)
    }

    /// Whether a complement follows the participle at `i` within six words: إن/أن, إلى, على or a بـ
    /// word (مطالبة الحكومة بتوفير…، متهمة الولايات المتحدة بالتصريحات…، لافتة إلى أن…).
    func hasComplement(after i: Int, range: Range<Int>) -> Bool {
        ((i + 1)..<min(range.upperBound, i + 7)).contains { k in
            let key = tokens[k].key
            return Lexicon.introducers.contains(key) || key == Lexicon.ila || key == Lexicon.ala || (key.hasBytePrefix("ب") && key.unicodeScalars.count > 3)
        }
    }

    /// The words of a speaker's own attribution at `k` (وفق تعبيره، حسب قوله، على حد تعبيرها: his
    /// words, as he put them), two or three; nil when none opens there.
    func ownAttributionLength(at k: Int, range: Range<Int>) -> Int? {
        let key = tokens[k].key
        let opener =
            Lexicon.ownAttributionOpeners.contains(key) ? 1 : key == Lexicon.ala && k + 1 < range.upperBound && tokens[k + 1].key == Lexicon.hadd ? 2 : 0
        let noun = k + opener
        guard opener > 0, noun < range.upperBound, let suffix = SpeakerNames.pronounSuffixLength(tokens[noun].text) else { return nil }
        return Lexicon.ownAttributionNouns.contains(String(tokens[noun].key.unicodeScalars.dropLast(suffix))) ? opener + 1 : nil
    }

    /// Whether the participle at `k` is written in the accusative (مؤكدا، مشيداً: the state of the
    /// subject) and not after an indefinite accusative noun it would describe (حضورا لافتا).
    func isAccusativeParticiple(at k: Int) -> Bool {
        func endsInAlif(_ k: Int) -> Bool { tokens[k].key.hasByteSuffix("ا") && tokens[k].key.unicodeScalars.count > 2 }
        return endsInAlif(k) && !(k > 0 && endsInAlif(k - 1))
    }

    /// Whether the word after the verb at `i` opens a speaker by itself: a title (الطبيب، مدير)
    /// or a word of a person the article names.
    func namesSpeakerRightAfter(_ i: Int, range: Range<Int>) -> Bool {
        guard i + 1 < range.upperBound, tokens[i + 1].kind == .arabic else { return false }
        let key = tokens[i + 1].key
        return Lexicon.titles.contains(key) || namesKnownPerson(key)
    }

    /// Whether the verb at `i` has its own subject between إن/أن (or لكن, their sister) and it (…
    /// وقالت الوزارة إن المحتجزين اعترفا باستلام الشحنة…، … للاعتذار، لكن مديرة الصيدلية أعربت عن
    /// أسفها…): a noun phrase of at most four words that opens with a
    /// definite word, a title or a person the article names, and holds no verb (not «السنة الحالية
    /// شهدت…», «الأميركان كانوا…»).
    func namesSubjectAfterThat(_ i: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        guard let subject = subjectBefore(i, range: range, scalars: scalars), subject.upperBound == i, subject.count <= 4,
            subject.lowerBound > range.lowerBound,
            Lexicon.introducers.contains(tokens[subject.lowerBound - 1].key) || Lexicon.contrasts.contains(tokens[subject.lowerBound - 1].key),
            case .nounPhrase(let words) = SpeakerShape.of(tokens[subject].map { ($0.key, $0.text) }), words.count == subject.count
        else { return false }
        let head = tokens[subject.lowerBound]
        guard head.kind == .arabic, isWrittenDefinite(subject.lowerBound) || Lexicon.titles.contains(head.key) || namesKnownPerson(head.key) else {
            return false
        }
        return !subject.contains { k in
            let key = tokens[k].key
            return Apposition.looksLikeVerb(key) || key.hasByteSuffix("وا") || Lexicon.kana.contains(key) || Lexicon.verbs[strip(key).bare] != nil
        }
    }

    /// A subject written in the accusative after إن/أن, in the nominative: its sound masculine
    /// plurals and duals in ـين become ـون or ـان as the verb after it agrees (طلبوا، اعترفا).
    /// `bare` is the verb's key without its proclitic (``strip(_:)``).
    static func nominative(_ subject: String, verb bare: String) -> String {
        // (a dual ends in ا that its lemma has not: اعترفا, not دعا)
        let dual = bare.hasByteSuffix("ا") && Lexicon.verbs[bare].map { Lexicon.key($0.lemma) != bare } ?? false
        let ending = bare.hasByteSuffix("وا") ? "ون" : dual ? "ان" : nil
        guard let ending else { return subject }
        return subject.split(separator: " ").map { word in
            word.unicodeScalars.count >= 5 && word.hasSuffix("ين") && !tens.contains(Lexicon.key(String(word)))
                ? String(word.dropLast(2)) + ending : String(word)
        }.joined(separator: " ")
    }

    /// The tens in ـين (عشرين … تسعين), which keep their form.
    static let tens: Set<String> = Set(["عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"].map(Lexicon.key))

    /// Where the name of a person the article names ends when `phrase` opens with it (منصور أنصار
    /// طالبان → after منصور, the article having named الملا منصور): the first word that is no part
    /// of that name; nil when the phrase opens with no such name.
    func endOfKnownPerson(opening phrase: Range<Int>, scalars: Range<Int>) -> Int? {
        // (a person the article introduced with a title, the phrase opening with a word of the
        // name, not a definite one: الجيش، التحالف are no names)
        // (a particle of a name is no word of it: بيان has the skeleton of بن)
        let first = SpeakerNames.keySkeleton(tokens[phrase.lowerBound].key)
        func nameWords(_ person: NameWords) -> Set<String> {
            Set(person.words.filter { !SpeakerNames.namePrefixes.contains(Lexicon.key($0)) }.map(SpeakerNames.skeleton))
        }
        guard !tokens[phrase.lowerBound].key.hasBytePrefix("ال"),
            let person = knownNames.first(where: { $0.isPersonName && $0.role != nil && nameWords($0).contains(first) })
        else { return nil }
        var end = phrase.lowerBound + 1
        while end < phrase.upperBound, person.skeletons.contains(SpeakerNames.keySkeleton(tokens[end].key)) { end += 1 }
        // (an apposition after a comma goes on with the name: يواكيم لوف، مدرب منتخب ألمانيا)
        guard end < phrase.upperBound, !gap(before: end, in: scalars).contains(where: { $0 == "،" || $0 == "," || $0 == "(" }) else { return nil }
        return end
    }

    /// Whether a word (by key) is a word of a person the article names.
    func namesKnownPerson(_ key: String) -> Bool {
        knownNames.contains { $0.isPersonName && $0.skeletons.contains(SpeakerNames.keySkeleton(key)) }
    }

    /// A statement whose cue is token `i`; returns the token after its content.
    mutating func cue(at i: Int, sentence: Int, range: Range<Int>, scalars: Range<Int>) -> Int? {
        guard Lexicon.cueKeys.contains(tokens[i].key) else { return nil }
        let (bare, hasProclitic) = strip(tokens[i].key)
        if let source = Lexicon.sources[bare] {
            if nested { return nil }
            return attribution(at: i, link: source, sentence: sentence, range: range, scalars: scalars)
        }
        // (an object pronoun is written ه: وإدانة الجرائم is a noun, ووصفه a verb and its object)
        guard let entry = Lexicon.verbs[bare] ?? (tokens[i].text.unicodeScalars.last == "ة" ? nil : Lexicon.verbWithObjectPronoun(bare)) else {
            return nil
        }
        // رفضه القاطع، دعمها الكامل: a stance adjective after it makes a verb with its object pronoun
        // the noun of a speech act with its possessive.
        if Lexicon.verbs[bare] == nil, i + 1 < range.upperBound, Lexicon.stanceAdjectives.contains(tokens[i + 1].key) { return nil }
        // (اثني عشر is twelve, not أثنى.)
        if entry.lemma == "أثنى", i + 1 < range.upperBound, [Lexicon.key("عشر"), Lexicon.key("عشرة")].contains(tokens[i + 1].key) { return nil }
        // (تساؤل, a noun, has the key of the verb تساءل: a form written with ء is no word written ؤ;
        // تسائل is the verb misspelt)
        if Lexicon.formsWithHamza.contains(bare), tokens[i].text.unicodeScalars.contains("ؤ") { return nil }
        // ما وصفه بالنموذج الليبي: "what he described as", whose speaker the relative clause hides.
        if Lexicon.verbs[bare] == nil, i > range.lowerBound, Lexicon.relativeMa.contains(tokens[i - 1].key) { return nil }
        // Inside another statement a plain verb of speaking with its own speaker reports (… بقولها
        // إن "كيم جونغ أون قال إنه…"), and so does another past verb whose speaker, a title or a
        // person the article names, follows it (… بعد أن أخبرها الطبيب أن…); a present one (تحث،
        // تتوقع) or one before a place or a plural (كشفت واشنطن عن…) tells the outer speaker's words.
        if nested,
            hasProclitic
                || !(Lexicon.nestedSpeech.contains(entry.lemma)
                    || entry.isPast && (namesSpeakerRightAfter(i, range: range) || namesSubjectAfterThat(i, range: range, scalars: scalars)))
        {
            return nil
        }
        let afterComma = i == range.lowerBound || gap(before: i, in: scalars).contains { $0 == "،" || $0 == "," }
        // (، مطالبة الحكومة بتوفير…: a participle that is also a noun needs its complement.)
        if Lexicon.participlesBeforeComplement.contains(bare), !hasComplement(after: i, range: range) { return nil }
        if entry.form == .participle {
            // (after a comma, or right after a closing quotation: «…الخطورة" معتبرا أن…»)
            let afterQuote = i > range.lowerBound && gap(before: i, in: scalars).contains(where: isQuoteMark)
            // (or in a sentence whose statement it goes on, when أن follows it, «…الإجبارية مشيرة إلى أن»,
            // or in the accusative with its complement right where that statement's words end,
            // «وأثنى على… المهام القتالية مؤكداً اعتزازه بكفاءة…», as ``contentEnd`` ends them)
            let goesOn =
                found.last?.sentence == sentence
                && (introducesThat(after: i, range: range) || lastEnd == i && isAccusativeParticiple(at: i) && hasComplement(after: i, range: range))
            guard !nested, afterComma || afterQuote || goesOn, entry.lemma != "حمل" || responsibility(after: i, range: range) != nil,
                let speaker = participleSubject(before: i, sentence: sentence, range: range, scalars: scalars) ?? lastSpeaker,
                i + 1 < range.upperBound
            else { return nil }
            // The content follows the participle: مؤكدا أن…، مشيرا إلى أن…، داعيا المجتمع الدولي إلى…
            var first = i + 1
            if [Lexicon.key("إلى"), Lexicon.key("ب"), Lexicon.key("بـ")].contains(tokens[first].key), first + 1 < range.upperBound { first += 1 }
            if Lexicon.introducers.contains(tokens[first].key) { first += 1 }
            guard first < range.upperBound else { return nil }
            let end = contentEnd(from: first, range: range, scalars: scalars)
            let content = Content(scalars: contentStart(first, scalars: scalars)..<end.scalar, end: end.token)
            return emit(sentence: sentence, cue: i, entry: entry, mention: nil, speaker: speaker, content: content, range: range, scalars: scalars)
        }
        // A bare homograph is a verb at a clause start or before a title (وصف رئيس السلطة…).
        // (لكنه رفض الانتقادات: a pronoun subject opens the clause too.)
        // (So is a verb with its object pronoun: رفضه القاطع، دعمه is a noun and its possessive. After
        // a relative, a verb of telling has its words after it, … التي أبلغها مركز الأمومة أن…; a
        // direct-object verb's words are what the relative refers to, الهجوم الذي أدانته الحكومة.)
        let tellsAfterRelative = i > range.lowerBound && Lexicon.relatives.contains(tokens[i - 1].key) && Lexicon.tellsWhom.contains(entry.lemma)
        if !hasProclitic, Lexicon.homographs.contains(bare) || Lexicon.verbs[bare] == nil, !afterComma, !followsOpener(i, range: range),
            !(i > range.lowerBound && SpeakerShape.isPronoun(tokens[i - 1].key)), !tellsAfterRelative,
            !(i + 1 < range.upperBound && SpeakerNames.isTitle(tokens[i + 1].key))
        {
            return nil
        }
        if i > range.lowerBound, Lexicon.negations.contains(tokens[i - 1].key) { return nil }
        if isUnmade(at: i, bare: bare, lemma: entry.lemma, range: range) { return nil }
        // «…بين المشير خليفة حفتر وميليشيات تابعة…»: بين with a second party joined by و before
        // any إن/أن is the preposition "between".
        if !hasProclitic, bare == Lexicon.key("بين"), joinsTwoParties(after: i, range: range) { return nil }
        // ويذكر أن…، يشار إلى أن…: the journalist's narration, not a speaker's.
        if Lexicon.impersonal.contains(bare), i + 1 < range.upperBound,
            Lexicon.introducers.contains(tokens[i + 1].key) || tokens[i + 1].key == Lexicon.key("إلى")
        {
            return nil
        }
        // VSO: the speaker phrase between the verb and the content.
        var phrase = speakerPhrase(from: i + 1, lemma: entry.lemma, range: range, scalars: scalars)
        // وتشير تقارير…، تقول كل المؤشرات: nobody speaks.
        if let head = phrase.tokens.first(where: { !Lexicon.addresseeOpeners.contains(tokens[$0].key) }), Lexicon.nonSpeakers.contains(tokens[head].key) {
            return nil
        }
        // قالت طبعا، ويضيف بهذا الخصوص: words that name nobody.
        if !phrase.tokens.isEmpty, phrase.tokens.allSatisfy({ StopWords.news.contains(tokens[$0]) || Lexicon.fillers.contains(tokens[$0].key) }) {
            phrase = (phrase.tokens.lowerBound..<phrase.tokens.lowerBound, phrase.end)
        }
        // A conduit: ونقل التلفزيون عن X، وذكرت الوكالة نقلا عن X → the words are X's.
        // (A time between them too: ونقلت صحيفة "دي فيلت"، اليوم الأحد، نقلا عن مصادر إيطالية…)
        var k = phrase.end
        if k < range.upperBound, let time = TimeExpressions.first(in: tokens, k..<min(range.upperBound, k + 4), published: nil),
            time.tokens.lowerBound == k
        {
            k = time.tokens.upperBound
        }
        var relayed = entry.lemma == "نقل"
        if k < range.upperBound, tokens[k].key == Lexicon.key("نقلا") { (k, relayed) = (k + 1, true) }
        if !phrase.tokens.isEmpty, k < range.upperBound, tokens[k].key == Lexicon.key("عن"), relayed {
            let source = speakerPhrase(from: k + 1, lemma: entry.lemma, range: range, scalars: scalars)
            if !source.tokens.isEmpty { phrase = source }
        }
        // وأشاد بمقاتلي المقاومة…: after و, a verb that takes بـ goes on with the last speaker when a
        // بـ word follows it. (A subject may start with ب too: بوتين, a name the article gives;
        // وهددت بيونغيانغ، الأربعاء، بإلغاء…, whose object is a later بـ word; بيان صادر عن…)
        func opensWithBa(_ k: Int) -> Bool { tokens[k].key.hasBytePrefix("ب") && tokens[k].key.unicodeScalars.count > 3 }
        if hasProclitic, lastSpeaker != nil, Lexicon.complements[entry.lemma] == "ب", let head = phrase.tokens.first, head == i + 1, opensWithBa(head),
            !appositions.contains(where: { $0.tokens.contains(head) }), !Lexicon.isSpeechNoun(tokens[head].key),
            !((head + 1)..<min(range.upperBound, head + 11)).contains(where: opensWithBa)
                // (واعترف بحدوث "…" وتعهد بدفع…: a ب word that names nobody the article knows)
                || !(Places.words.contains(tokens[head].key)
                    || knownNames.contains { $0.skeletons.contains(SpeakerNames.keySkeleton(tokens[head].key)) }),
            head + 1 >= range.upperBound || !gap(before: head + 1, in: scalars).contains(where: { $0 == "،" || $0 == "," })
        {
            phrase = (head..<head, head)
        }
        // ورفضوا منحها الأدوية: a plural or dual verb holds its subject; what follows is its object.
        // (طلبوا مني الكف عن البكاء: after whom it was asked of, too.)
        let objectStart = i + 1 < range.upperBound && isResumptiveOrAddressee(at: i + 1, range: range) ? i + 2 : i + 1
        if entry.carriesSubject, phrase.tokens.lowerBound == objectStart { phrase = (objectStart..<objectStart, objectStart) }
        if let named = nameAfterField(of: phrase, range: range, scalars: scalars) { phrase = named }
        // ورفع خالص التعازي…، وتقدم القميشي بالشكر…: the speaker ends at the courtesy offered.
        if entry.lemma == "رفع" || entry.lemma == "تقدم" {
            guard let courtesy = ((i + 1)..<min(range.upperBound, i + 9)).first(where: { Lexicon.courtesies.contains(tokens[$0].key) }) else {
                return nil
            }
            let end = max(phrase.tokens.lowerBound, min(phrase.end, courtesy))
            phrase = (phrase.tokens.lowerBound..<end, end)
        }
        // وحمّلت النقابة الحوثيين المسؤولية…: حمّل reports only a blame; its speaker ends before whom
        // it blames: the word before المسؤولية, with the institution it names (حركة حماس) or the noun
        // its gentilic describes (الجيش السوري).
        if entry.lemma == "حمل" {
            guard let blame = responsibility(after: i, range: range) else { return nil }
            var blamed = blame - 1
            // (a plural gentilic describes no singular noun: النقابة الحوثيين are two phrases)
            let singularGentilic = Self.isGentilic(tokens[blamed].key) && !["ين", "ون"].contains { tokens[blamed].key.hasByteSuffix($0) }
            if blamed - 1 > i, Lexicon.institutions.contains(tokens[blamed - 1].key) || singularGentilic { blamed -= 1 }
            let end = max(phrase.tokens.lowerBound, min(phrase.end, blamed))
            phrase = (phrase.tokens.lowerBound..<end, end)
        }
        // وطالب قوات التحالف بـ…، ودعا قيادة المقاومة الشعبية إلى…: a verb before its subject agrees
        // with it, so a sound feminine plural, or a feminine head right after a masculine verb that
        // may address someone, is its object (the speaker is implicit). (قال وكالة…, miswritten, is
        // the agency's: قال has no such object.)
        // وجدد المكتب التنفيذي دعوته…، وجدد التأكيد على أنه…: only a renewed speech act is a statement.
        if Lexicon.speechActObject.contains(entry.lemma) {
            if let head = phrase.tokens.first, Lexicon.isSpeechAct(tokens[head].key) {
                phrase = (head..<head, head)
            } else if phrase.end >= range.upperBound || !Lexicon.isSpeechAct(tokens[phrase.end].key) {
                return nil
            }
        }
        let objectByAgreement =
            phrase.tokens.first.map { head in
                Lexicon.lemmas.contains(bare)
                    && (tokens[head].key.hasByteSuffix("ات") && tokens[head].key.count >= 4
                        || head == i + 1 && Lexicon.addressesPeople.contains(entry.lemma) && tokens[head].text.unicodeScalars.last == "ة"
                            && Lexicon.feminineSubjects.contains(tokens[head].key))
            } ?? false
        // أعلنت استدعاء سفيرها: a verbal noun after a verb whose object is the words is that object;
        // an accusative (tanween fath: أعلنت رسمياً…) is no subject.
        let objectByShape =
            phrase.tokens.first.map { head in
                let verbalNoun =
                    Lexicon.complements[entry.lemma] == "" && isVerbalNounObject(head) && !runsOnToThat(from: head + 1, range: range, scalars: scalars)
                return verbalNoun || tokens[head].text.unicodeScalars.contains("\u{064B}")
            } ?? false
        // أن روسيا تحث الدول على…: a subject before a verb that does not open its clause makes
        // the words after the verb its object, not its speaker.
        // (وكان مجلس صيانة الدستور قد رفض…: the subject between كان and قد, whatever opens the verb.)
        let opensWithKana = Lexicon.kana.contains(tokens[range.lowerBound].key)
        // (تقريرا انتقد فيه مواطنون…: a verb with a resumptive pronoun after it is a relative clause's;
        // the words before it are what the pronoun refers to, and its subject follows.)
        let resumes = i + 1 < range.upperBound && Lexicon.resumptives.contains(tokens[i + 1].key) && !phrase.tokens.isEmpty
        let subject =
            (hasProclitic || followsOpener(i, range: range)) && !opensWithKana || resumes ? nil : subjectBefore(i, range: range, scalars: scalars)
        // وطالب غراند جميع الأطراف بـ…: the addressee starts at جميع/كل/كافة.
        if Lexicon.calls.contains(entry.lemma),
            let p = phrase.tokens.dropFirst().first(where: { [Lexicon.key("جميع"), Lexicon.key("كل"), Lexicon.key("كافة")].contains(tokens[$0].key) })
        {
            phrase = (phrase.tokens.lowerBound..<p, p)
        }
        // دعت السلطات الصحية المواطنين إلى…: a definite plural ending the phrase is addressed.
        if Lexicon.calls.contains(entry.lemma), phrase.tokens.count >= 2, !SpeakerNames.isFamilyName(tokens[phrase.tokens.upperBound - 1].key),
            tokens[phrase.tokens.upperBound - 1].key.hasBytePrefix("ال")
        {
            phrase = (phrase.tokens.lowerBound..<(phrase.tokens.upperBound - 1), phrase.tokens.upperBound - 1)
        }
        // ودعا منصور أنصار طالبان إلى الوحدة: after a person the article names, the words that are
        // no part of that person's name are whom the call is to.
        if Lexicon.calls.contains(entry.lemma), phrase.tokens.count >= 2, let end = endOfKnownPerson(opening: phrase.tokens, scalars: scalars),
            end < phrase.tokens.upperBound
        {
            phrase = (phrase.tokens.lowerBound..<end, end)
        }
        if subject != nil || addresses(phrase.tokens, lemma: entry.lemma) || objectByAgreement || objectByShape {
            // (after a resumptive pronoun: يعلن فيه تعيين…)
            let objectStart = phrase.tokens.lowerBound
            phrase = (objectStart..<objectStart, objectStart)
            // واشنطن تطالب كوريا الشمالية بالتخلي…، ودعا كل الدول إلى…: whom and what, as written.
            if Lexicon.calls.contains(entry.lemma), i + 1 < range.upperBound {
                let end = contentEnd(from: i + 1, range: range, scalars: scalars)
                let content = Content(scalars: tokens[i + 1].range.lowerBound..<end.scalar, end: end.token)
                let speaker: (String, String?)? = subject == nil && !nested ? lastSpeaker : nil
                guard subject != nil || speaker != nil else { return nil }
                return emit(sentence: sentence, cue: i, entry: entry, mention: subject, speaker: speaker, content: content, range: range, scalars: scalars)
            }
        }
        if let content = content(from: phrase.end, lemma: entry.lemma, range: range, scalars: scalars) {
            if !phrase.tokens.isEmpty {
                return emit(sentence: sentence, cue: i, entry: entry, mention: phrase.tokens, speaker: nil, content: content, range: range, scalars: scalars)
            }
            // (وأرسلت مجموعة ولغرينز بيانا لبي بي سي، قالت فيه إنها…، تنشر مجلة جون أفريك تقريرا يفيد
            // أن…: the statement's issuer speaks in it.)
            let inStatement =
                i + 1 < range.upperBound && Lexicon.resumptives.contains(tokens[i + 1].key) || i > range.lowerBound && isStatementNoun(tokens[i - 1].key)
            if inStatement, let issuer = issuerOfStatement(before: i, range: range, scalars: scalars) {
                return emit(sentence: sentence, cue: i, entry: entry, mention: issuer, speaker: nil, content: content, range: range, scalars: scalars)
            }
            // (A verb with its proclitic opens its clause: the words before it are the last clause's.)
            if let before = subject ?? (hasProclitic ? nil : subjectBefore(i, range: range, scalars: scalars)) {
                return emit(sentence: sentence, cue: i, entry: entry, mention: before, speaker: nil, content: content, range: range, scalars: scalars)
            }
            // (كذلك أشارت إلى أن…: an adverbial before the verb leaves its clause's speaker implicit.)
            // (من جهة ثانية، أكد أنه…: so does the clause's lead before its verb, commas and all.)
            let afterAdverbial =
                subjectCandidate(before: i, range: range, scalars: scalars).map { SpeakerShape.of(tokens[$0].map { ($0.key, $0.text) }) == .adverbial } ?? false
                || (i > range.lowerBound && SpeakerShape.of(tokens[range.lowerBound..<i].map { ($0.key, $0.text) }) == .adverbial)
            let madeBeforeThat = i >= range.lowerBound + 2 && isMadeBeforeThat(at: i - 2, range: range)
            // (وعن ما حدث معها، قالت إنها…، وفي ما يتعلق بالبريكست، قال إن…: a topic fronted with و
            // and a preposition, then a comma, leaves the speaker of a past verb that goes straight
            // on to إن/أن or a colon implicit; not «وفي ظل ذلك، تبين أن…», «وفي مايو، أعلنت "تويتر"…».)
            let afterTopic =
                i > range.lowerBound + 1 && i + 1 < range.upperBound && gap(before: i, in: scalars).contains(where: { $0 == "،" || $0 == "," })
                && !Lexicon.isPresent(bare, lemma: entry.lemma)
                && (Lexicon.introducers.contains(tokens[i + 1].key) || gap(before: i + 1, in: scalars).contains(":"))
                && isFrontedTopic(range.lowerBound..<i, scalars: scalars)
            // (واعتذر نتانياهو… واعترف بحدوث…: a verb joined by و to a clause of its sentence whose
            // subject is a person, when no statement came before it there, is that person's.)
            let joined = hasProclitic && i > range.lowerBound && found.last?.sentence != sentence ? person(in: range.lowerBound..<i, scalars: scalars) : nil
            guard !nested, let speaker = joined ?? lastSpeaker,
                followsOpener(i, range: range) || i == range.lowerBound || hasProclitic || afterAdverbial || madeBeforeThat
                    || afterTopic
            else {
                return nil
            }
            return emit(sentence: sentence, cue: i, entry: entry, mention: nil, speaker: speaker, content: content, range: range, scalars: scalars)
        }
        // «…»، قال X: the quotation before the cue.
        if let quote = leadingQuote(before: i, range: range, scalars: scalars), !phrase.tokens.isEmpty {
            let content = Content(scalars: quote, end: phrase.end)
            return emit(sentence: sentence, cue: i, entry: entry, mention: phrase.tokens, speaker: nil, content: content, range: range, scalars: scalars)
        }
        // وكان رئيس الحكومة يوسف الشاهد أكد في تصريحات… سعي حكومته…، وكشف أن…: a speaker whose words
        // are not read here is still the one the next clause goes on with (a titled phrase or a
        // speaker the article gave before: not any words after a verb).
        if !nested, let named = phrase.tokens.isEmpty ? subject : phrase.tokens,
            case .nounPhrase(let words) = SpeakerShape.of(tokens[named].map { ($0.key, $0.text) })
        {
            let mention = (named.lowerBound + words.lowerBound)..<(named.lowerBound + words.upperBound)
            let speaker = canonical(mention, skipsLam: false, scalars: scalars)
            if !speaker.speaker.isEmpty, SpeakerNames.isTitle(tokens[mention.lowerBound].key) || speakers.contains(where: { $0.speaker == speaker.speaker }) {
                lastSpeaker = speaker
                remember(speaker)
            }
        }
        return nil
    }

    /// The subject of the clause a participle ends, when no statement of its sentence came before
    /// it and the clause opens with a verb and a title: «ويؤيد خبير الإدارة الصحية الدكتور خالد
    /// الصواف، آراء سابقيه، قائلا: …» → خالد الصواف, not the last speaker. The subject runs to its
    /// first comma.
    mutating func participleSubject(before i: Int, sentence: Int, range: Range<Int>, scalars: Range<Int>) -> (speaker: String, role: String?)? {
        guard found.last?.sentence != sentence, range.lowerBound + 1 < i, SpeakerNames.isTitle(tokens[range.lowerBound + 1].key),
            !SpeakerNames.isTitle(tokens[range.lowerBound].key), !Lexicon.isPreposition(tokens[range.lowerBound])
        else { return nil }
        let phrase = speakerPhrase(from: range.lowerBound + 1, lemma: "قال", range: range, scalars: scalars).tokens
        let end = phrase.dropFirst().first { gap(before: $0, in: scalars).contains { $0 == "،" || $0 == "," } } ?? phrase.upperBound
        guard end <= i, end - phrase.lowerBound >= 2 else { return nil }
        let speaker = canonical(phrase.lowerBound..<end, skipsLam: false, scalars: scalars)
        guard StorySpeakers.isPersonalName(speaker.speaker) else { return nil }
        lastSpeaker = speaker
        remember(speaker)
        return speaker
    }

    /// Adds a speaker to ``speakers`` unless the article has it already.
    mutating func remember(_ speaker: (speaker: String, role: String?)) {
        guard !speakers.contains(where: { $0.speaker == speaker.speaker }) else { return }
        speakers.append(speaker)
        knownNames.insert(NameWords(speaker.speaker, role: speaker.role), at: speakers.count - 1)
    }

    /// بحسب X، … / …، بحسب X / وفقا لـX / نقلا عن X.
    mutating func attribution(at i: Int, link: String?, sentence: Int, range: Range<Int>, scalars: Range<Int>) -> Int? {
        var start = i + 1
        var skipLam = false
        if let link {
            guard start < range.upperBound else { return nil }
            if tokens[start].key == Lexicon.key(link) {
                start += 1
            } else if link == "ل", tokens[start].key.hasBytePrefix("ل") {
                skipLam = true
            } else {
                return nil
            }
        }
        // بحسب ما أعلنت وزارة الصحة، وفق ما ذكرت الوكالة: the speaker follows the verb.
        if start + 1 < range.upperBound, tokens[start].key == Lexicon.key("ما"), Lexicon.verbs[strip(tokens[start + 1].key).bare] != nil {
            start += 2
            // وفق ما أفاد به المدير، حسب ما كشفت عنه الوزارة
            if start < range.upperBound, Lexicon.resumptives.contains(tokens[start].key) { start += 1 }
        }
        var end = start
        var inQuotedName = false
        while end < range.upperBound, end - start < 8 {
            let before = gap(before: end, in: scalars)
            if end > start, before.contains(where: { $0 == "،" || $0 == "," || $0 == ":" || $0 == "." || $0 == "؟" || $0 == "!" }) { break }
            // وكالة الأنباء الرسمية "وات": a quoted name goes on; any other quotation ends the mention
            // (ووفق الصحيفة "أرسلت تونس…", حسب ذات المسؤول". وأكد…).
            if end > start, before.contains(where: isQuoteMark) {
                if inQuotedName {
                    inQuotedName = false
                } else if (start..<end).contains(where: { Self.namesAfter(tokens[$0].key) }),
                    quotationCloses(within: 3, after: end, range: range, scalars: scalars)
                {
                    inQuotedName = true
                } else {
                    break
                }
            }
            let key = tokens[end].key
            if Lexicon.introducers.contains(key) || key == Lexicon.key("فإن") || key == Lexicon.key("فقد") || (end > start && Lexicon.phraseStops.contains(key))
            {
                break
            }
            // ويعيش هؤلاء حسب النقابة ظروف اختطاف سيئة: after a definite noun that is no title, an
            // indefinite word is the sentence going on, not the source's name.
            if end > start, !inQuotedName, tokens[end - 1].key.hasBytePrefix("ال"), !key.hasBytePrefix("ال"), tokens[end].kind == .arabic,
                !SpeakerNames.isTitle(tokens[end - 1].key), !SpeakerNames.roleWords.contains(String(tokens[end - 1].key.dropFirst(2))),
                !Self.namesAfter(tokens[end - 1].key), !Self.isGentilic(tokens[end - 1].key)
            {
                break
            }
            end += 1
        }
        guard end > start else { return nil }
        // حسب قولها: the speaker goes on.
        if end == start + 1, Lexicon.fillers.contains(tokens[start].key) { return end }
        let mention = start..<end
        // بحسب الأوضاع الاقتصادية، وفق الضوابط الأخلاقية: definite words that name no speaker.
        if mention.allSatisfy({ tokens[$0].key.hasBytePrefix("ال") || tokens[$0].key.hasBytePrefix("لل") }),
            !mention.contains(where: {
                Lexicon.speakingNouns.contains(tokens[$0].key) || SpeakerNames.isTitle(tokens[$0].key) || Places.words.contains(tokens[$0].key)
                    || Self.namesAfter(tokens[$0].key)
                    || Lexicon.institutions.contains(String(tokens[$0].key.dropFirst(2)))
                    || SpeakerNames.roleWords.contains(String(tokens[$0].key.dropFirst(2)))
            })
        {
            return end
        }
        // «…»، بحسب فرانس برس right after a statement: the agency relays, the speaker stays.
        if i == lastEnd, let last = found.last, last.article == article.id, i > range.lowerBound { return end }
        let atClauseStart = i == range.lowerBound || followsOpener(i, range: range)
        let content: Content
        if atClauseStart {
            var first = end
            if first < range.upperBound, [Lexicon.key("فإن"), Lexicon.key("فقد")].contains(tokens[first].key) { first += 1 }
            // ونقلا عن المصادر نفسها التي لم تكشف الصحيفة عن هويتها "الإفراج عن…": the relative
            // clause tells who the source is; the words are the quotation after it.
            if first < range.upperBound, Lexicon.relatives.contains(tokens[first].key),
                let quoted = ((first + 1)..<min(range.upperBound, first + 12)).first(where: { gap(before: $0, in: scalars).contains(where: isQuoteMark) })
            {
                first = quoted
            }
            guard first < range.upperBound else { return nil }
            content = Content(scalars: tokens[first].range.lowerBound..<contentEnd(from: first, range: range, scalars: scalars).scalar, end: range.upperBound)
        } else if end < range.upperBound, !gap(before: end, in: scalars).contains(where: { $0 == "،" || $0 == "," || $0 == "." }),
            !Lexicon.phraseStops.contains(tokens[end].key)
        {
            // ويعيش هؤلاء حسب النقابة ظروف اختطاف سيئة…: the source stands inside its clause, which
            // is the content, from the clause's start to its end.
            let clauseStart =
                (range.lowerBound..<i).last { k in
                    k > range.lowerBound && gap(before: k, in: scalars).contains(where: { $0 == "،" || $0 == "," })
                } ?? range.lowerBound
            content = Content(scalars: tokens[clauseStart].range.lowerBound..<contentEnd(from: end, range: range, scalars: scalars).scalar, end: end)
        } else {
            guard i > range.lowerBound else { return nil }
            content = Content(scalars: tokens[range.lowerBound].range.lowerBound..<tokens[i - 1].range.upperBound, end: end)
        }
        let entry = ReportingVerbs.Entry(lemma: "بحسب", cueClass: .source, form: .finite)
        let cueTokens = i..<(mention.lowerBound > i + 1 && !skipLam ? mention.lowerBound : i + 1)
        return emit(
            sentence: sentence, cue: cueTokens.lowerBound, cueEnd: cueTokens.upperBound - 1, entry: entry,
            mention: mention, mentionSkipsLam: skipLam, speaker: nil, content: content, range: range, scalars: scalars)
    }

    // MARK: - Pieces

    struct Content {
        /// Display scalars of the content, before trimming.
        var scalars: Range<Int>
        /// The token after the statement.
        var end: Int
    }

    /// The content after a speaker phrase that ends at token `j`: after the first إن/أن, colon or
    /// quotation mark within 18 tokens (channel, time and occasion phrases come between: في بيان، اليوم),
    /// or else after the verb's preposition (أعرب عن، دعا إلى، طالب بـ), or right at `j` for a verb
    /// whose object is the content (نفى، أدان).
    func content(from j: Int, lemma: String, range: Range<Int>, scalars: Range<Int>) -> Content? {
        // (a parenthesis after the speaker is an aside: الفتى طه الجرجاوي (15 عاما) "…")
        let j = afterParenthesis(at: j, range: range, scalars: scalars) ?? j
        guard j < range.upperBound else { return nil }
        var first: Int?
        var startScalar: Int?
        var k = j
        // A quoted name after a preposition or a naming word (في تصريح لـ"رويترز"، أن…; إلى "الوطن"
        // بقوله: …) is the channel's: the words start after it when إن/أن, a colon or a quotation
        // follows, else at the name as before.
        var quotedName: (token: Int, closing: Int)?
        var atName: (first: Int, startScalar: Int?)?
        while k < min(range.upperBound, j + 18) {
            var opening = gap(before: k, in: scalars)
            // (the mark that closes a name opens nothing: the channel's, or the speaker's own —
            // وأشارت "دي فيلت" إلى أن…, where the marks before the words are even)
            let closesName =
                k == quotedName?.closing
                || (k == j && k > range.lowerBound && opening.filter(isQuoteMark).count % 2 == 1
                    && display.scalars[scalars.lowerBound..<tokens[k].range.lowerBound].filter(isQuoteMark).count % 2 == 0)
            if closesName, let mark = opening.firstIndex(where: isQuoteMark) { opening = opening[(mark + 1)...] }
            if opening.contains(":") || opening.contains(where: isQuoteMark) {
                // Words between the speaker and the quotation are the content's own (أكد
                // التزامهما "…"), unless they are a channel, time or addressee (قال في بيان: "…").
                let channel = k == j || opening.contains(":") || Self.opensChannel(tokens[j].key)
                first = channel ? k : j
                if channel { startScalar = opening.lastIndex(where: isQuoteMark) ?? (closesName ? tokens[k].range.lowerBound : nil) }
                if quotedName == nil, k > j, !opening.contains(":"), opening.filter(isQuoteMark).count == 1,
                    isChannelName(before: k, lemma: lemma),
                    let closing = ((k + 1)..<min(k + 4, range.upperBound)).first(where: { gap(before: $0, in: scalars).contains(where: isQuoteMark) })
                {
                    quotedName = (k, closing)
                    atName = (first!, startScalar)
                    (first, startScalar) = (nil, nil)
                    k += 1
                    continue
                }
                break
            }
            // (بعد أن، قبل أن، دون أن: a time or manner clause, no reported one.)
            if Lexicon.introducers.contains(tokens[k].key), k == j || !Lexicon.subordinators.contains(tokens[k - 1].key) {
                first = k + 1
                break
            }
            let (bare, proclitic) = strip(tokens[k].key)
            if k > j, Lexicon.verbs[bare] != nil, proclitic || !Lexicon.homographs.contains(bare) {
                // (إلى "الوطن" بقوله: …: the verb after the name reports the words itself.)
                if quotedName != nil { return nil }
                // وكتبت ساندرز على تويتر تقول إن…: a present verb of saying, unprefixed, after the
                // channel reports the same words.
                if !proclitic, Lexicon.verbs[bare]?.lemma == "قال", Lexicon.isPresent(bare, lemma: "قال") {
                    k += 1
                    continue
                }
                break
            }
            k += 1
        }
        if first == nil, let atName { (first, startScalar) = atName }
        if first == nil, let preposition = Lexicon.complements[lemma] {
            if preposition.isEmpty {
                // (أعلنت الحكومة، اليوم الأربعاء، تعليق…: the time is the act's, not the content's.)
                first = j
                if let time = TimeExpressions.first(in: tokens, j..<min(range.upperBound, j + 4), published: nil), time.tokens.lowerBound == j {
                    first = time.tokens.upperBound
                }
            } else {
                // أكد الوزير، في تصريحات صحفية، ضرورة…: what أكد or شدد assert as a noun.
                if Lexicon.assertsNoun.contains(lemma) { first = assertedObject(from: j, range: range) }
                var k = j
                while k < min(range.upperBound, j + 14), first == nil {
                    let key = tokens[k].key
                    if key == Lexicon.key(preposition) || (preposition == "إلى" && k == j && key.hasBytePrefix("ل") && key.count > 3) {
                        // (دعت الوزارة لعدم…: the لـ stays with the content.)
                        first = key == Lexicon.key(preposition) ? k + 1 : k
                        if first! < range.upperBound, Lexicon.introducers.contains(tokens[first!].key) { first! += 1 }
                    } else if preposition == "ب", key.hasBytePrefix("ب"), key.count > 3, !appositions.contains(where: { $0.tokens.contains(k) }) {
                        // (بوقف… is the content; بوتين, a name the article gives, is not.)
                        first = k
                        startScalar = tokens[k].range.lowerBound + 1
                    }
                    k += 1
                }
                // أكد الرئيس، رفضه أي وجود مسلح…، أكد التزامه: a speech act written as its noun is the
                // verb's direct object.
                if first == nil, j < range.upperBound, Lexicon.isSpeechAct(tokens[j].key) { first = j }
            }
        }
        guard let first, first < range.upperBound else { return nil }
        // (After a quoted name, its closing mark opens no quotation: لـ «المدينة»: مناطق…)
        let start = startScalar ?? contentStart(first, scalars: scalars)
        let quoteOpens = first == quotedName?.closing ? display.scalars[start..<tokens[first].range.lowerBound].contains(where: isQuoteMark) : nil
        let end = contentEnd(from: first, quoteOpens: quoteOpens, range: range, scalars: scalars)
        guard end.scalar > start else { return nil }
        return Content(scalars: start..<end.scalar, end: end.token)
    }

    /// Whether token `k` opens what أكد or شدد assert as a noun (أكد الوزير ضرورة…، أكد رفضه…): a head
    /// of ``Lexicon/assertedObjects``, with its possessive pronoun or without, or a verbal noun of a
    /// derived verb (تعزيز، استمرار).
    func opensAssertedObject(_ k: Int) -> Bool {
        let key = tokens[k].key
        guard tokens[k].kind == .arabic, !key.hasBytePrefix("ال") else { return false }
        let bare = String(key.unicodeScalars.dropLast(SpeakerNames.pronounSuffixLength(tokens[k].text) ?? 0))
        return Lexicon.assertedObjects.contains(key) || Lexicon.assertedObjects.contains(bare) || isVerbalNounObject(k)
    }

    /// The token that opens what أكد or شدد assert as a noun, at `j` or after a channel or a time
    /// that opens with a word ending a speaker phrase (في تصريحات صحفية، خلال لقائه، اليوم): nil when
    /// على, إن/أن or a verb comes first.
    func assertedObject(from j: Int, range: Range<Int>) -> Int? {
        guard j < range.upperBound else { return nil }
        if opensAssertedObject(j) { return j }
        guard Lexicon.phraseStops.contains(tokens[j].key) || Lexicon.isPreposition(tokens[j]) || startsTime(at: j, range: range) else { return nil }
        // (the channel's own noun is no object: في اتصال هاتفي مع نظيره، على ضرورة…)
        for k in (j + 1)..<min(range.upperBound, j + 10) {
            let key = tokens[k].key
            if key == Lexicon.key("على") || Lexicon.introducers.contains(key) || Lexicon.verbs[strip(key).bare] != nil { return nil }
            if k > j + 1, opensAssertedObject(k) { return k }
        }
        return nil
    }

    /// Whether a definite word is a gentilic adjective (الأوروبي، الروسية، الأمريكيين): an adjective of
    /// the noun before it.
    static func isGentilic(_ key: String) -> Bool {
        key.hasBytePrefix("ال") && key.count > 4 && (key.hasByteSuffix("ي") || key.hasByteSuffix("يه") || key.hasByteSuffix("يين") || key.hasByteSuffix("يون"))
    }

    /// Whether a quoted name may follow a word (صحيفة، وكالة، الصحيفة).
    static func namesAfter(_ key: String) -> Bool {
        Lexicon.namingWords.contains(key) || (key.hasBytePrefix("ال") && Lexicon.namingWords.contains(String(key.dropFirst(2))))
    }

    /// Whether the words before token `k` make a quotation there a channel's name: a naming word
    /// within three words (لوكالة "رويترز"، لوكالة الأنباء الفرنسية "فرانس برس") or لـ/إلى that is not the verb's own complement (لـ«عكاظ»، في تصريحات إلى
    /// "الوطن"; not أشار إلى "…" or دعا لـ"…").
    func isChannelName(before k: Int, lemma: String) -> Bool {
        let key = tokens[k - 1].key
        // (لوكالة الأنباء الفرنسية "فرانس برس": the naming word may stand up to three words before.)
        if (max(0, k - 3)..<k).contains(where: { Self.isNamingWord(tokens[$0].key, withProclitic: true) }) { return true }
        let complement = Lexicon.complements[lemma]
        if key == Lexicon.key("ل") { return complement != "إلى" && !Lexicon.calls.contains(lemma) }
        return key == Lexicon.key("إلى") && complement != "إلى"
    }

    /// Whether a word opens a channel, time or addressee phrase between a speaker and the words
    /// (في بيان، اليوم، للصحفيين، عبر تويتر).
    static func opensChannel(_ key: String) -> Bool {
        Lexicon.phraseStops.contains(key) || Lexicon.prepositions.contains(key) || key.hasBytePrefix("ل")
            || TimeWords.relativeDays[key] != nil || TimeWords.weekdays[key] != nil || TimeWords.partsOfDay.contains(key)
    }

    /// Where content that starts with token `first` starts: at a quotation mark just before it.
    func contentStart(_ first: Int, scalars: Range<Int>) -> Int {
        gap(before: first, in: scalars).lastIndex(where: isQuoteMark) ?? tokens[first].range.lowerBound
    }

    /// Where a content that starts at token `first` ends: the sentence's end, or a comma before
    /// a participle or a new reporting verb (، مضيفا أن…).
    /// Inside a quotation nothing ends it but its closing mark, which may come sentences later.
    /// (`quoteOpens` says whether one opens before `first` when the marks there are not all the
    /// content's: a quoted name's closing mark.)
    func contentEnd(from first: Int, quoteOpens: Bool? = nil, range: Range<Int>, scalars: Range<Int>) -> (scalar: Int, token: Int) {
        var inQuote = quoteOpens ?? (gap(before: first, in: scalars).filter(isQuoteMark).count % 2 == 1)
        let quotedFromStart = inQuote
        var k = first + 1
        while k < range.upperBound {
            let before = gap(before: k, in: scalars)
            let closes = inQuote && before.contains(where: isQuoteMark)
            // (a straight quote that closes by its shape, with none open, is an orphan: «…المتبادلة". وتدفع…»)
            if before.filter(isQuoteMark).count % 2 == 1,
                inQuote
                    || !before.lastIndex(where: isQuoteMark).map({
                        display.scalars[$0] == "\"" && QuoteMarks.closesByShape(display.scalars, at: $0, within: 0..<display.scalars.count)
                    })!
            {
                inQuote.toggle()
            }
            let comma = before.contains { $0 == "،" || $0 == "," }
            // «…"، مضيفا» ends the words even when a stray mark upset the count of quotation marks.
            let free = !inQuote || (comma && before.lastIndex(where: isQuoteMark).map { mark in before.lastIndex { $0 == "،" || $0 == "," }! > mark } == true)
            let (bare, proclitic) = strip(tokens[k].key)
            // (، بحسب X…, and a clause whose source stands inside it: «، ويعيش هؤلاء حسب النقابة…»)
            if free, comma, Lexicon.sources[bare] != nil || clauseHoldsSource(from: k, range: range, scalars: scalars) {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            // (…بعسير وقال "…"، …الحوثي وأشار إلى أن…: outside a quotation, a reporting verb with its
            // proclitic opens the next statement, comma or none.)
            if let entry = Lexicon.verbs[bare], entry.form == .participle || proclitic,
                (free && comma) || (closes && !inQuote && entry.form == .participle) || (!inQuote && proclitic && entry.form == .finite)
            {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            // (…، قبل أن يضيف أن…: the speaker's next statement.)
            if free, comma, isMadeBeforeThat(at: k, range: range) {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            // (…الإجراءات الإجبارية مشيرة إلى أن…: a participle that goes on to أن needs no comma;
            // so does one in the accusative that goes on to its complement, «…المهام القتالية مؤكداً
            // اعتزازه بكفاءة…», unless it describes the indefinite noun before it, «حضورا لافتا
            // للمرشحات».)
            if !inQuote, let entry = Lexicon.verbs[bare], entry.form == .participle,
                introducesThat(after: k, range: range) || isAccusativeParticiple(at: k) && hasComplement(after: k, range: range)
            {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            // (…وداعم لها وفق تعبيره وكانت…، …حسب قوله: the speaker's own attribution ends the words.)
            if !inQuote, let length = ownAttributionLength(at: k, range: range) {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k + length)
            }
            // «"سنطرد طالبان من ولاية فارياب!"، جالسا على كنبة…»: words quoted from their start end
            // where the quotation closes before a comma; the narration goes on. (Not a quoted name
            // of a word or two: «"العربية نت"، ردا على…».)
            if closes, !inQuote, quotedFromStart, comma, k - first >= 3, let mark = before.lastIndex(where: isQuoteMark),
                mark < before.lastIndex(where: { $0 == "،" || $0 == "," })!
            {
                return (mark + 1, k)
            }
            // «"…يمثل قيادة نداء تونس" في اشارة منه الى…»: words quoted from their start end where
            // the quotation closes when the journalist's gloss follows.
            if closes, !inQuote, quotedFromStart, k - first >= 3, k + 1 < range.upperBound, tokens[k].key == Lexicon.fi,
                tokens[k + 1].key == Lexicon.ishara, let mark = before.lastIndex(where: isQuoteMark)
            {
                return (mark + 1, k)
            }
            // «…الصعوبات" ومن جانبه قال…: after a closed quotation, a turn marker gives the word to another.
            if closes, !inQuote, Lexicon.opensTurn(tokens, at: k) {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            // «…»، لكنه قال لاحقا إنه…: a pronoun and a reporting verb open the speaker's next statement.
            if free, comma, SpeakerShape.isPronoun(tokens[k].key), k + 1 < range.upperBound, Lexicon.verbs[strip(tokens[k + 1].key).bare] != nil {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            k += 1
        }
        let last = range.upperBound - 1
        let closing = closingMarks(after: last, scalars: scalars)
        let tail = display.scalars[tokens[last].range.upperBound..<scalars.upperBound]
        if inQuote, tail.filter(isQuoteMark).count % 2 == 0,
            let close = display.scalars[scalars.upperBound..<min(display.scalars.count, scalars.upperBound + Self.longestQuote)].firstIndex(where: isQuoteMark)
        {
            // A quotation that runs on into the next sentences or paragraphs.
            return (close + 1, tokenIndex(atOrAfter: close + 1, in: range.upperBound..<tokens.count))
        }
        return (tokens[last].range.upperBound + closing, range.upperBound)
    }

    /// A title's field and then its name between commas (يرى الخبير في المخاطر المالية، مراد الحطاب،
    /// أن…): the phrase that a title ended at في extended to the name, when two to four words
    /// between commas follow within six words and إن/أن comes after them.
    func nameAfterField(of phrase: (tokens: Range<Int>, end: Int), range: Range<Int>, scalars: Range<Int>) -> (tokens: Range<Int>, end: Int)? {
        guard let head = phrase.tokens.first, phrase.tokens.count <= 2, SpeakerNames.isTitle(tokens[head].key), phrase.end < range.upperBound,
            tokens[phrase.end].key == Lexicon.key("في")
        else { return nil }
        func comma(_ k: Int) -> Bool { gap(before: k, in: scalars).contains { $0 == "،" || $0 == "," } }
        guard phrase.end + 2 < range.upperBound, let name = ((phrase.end + 2)..<min(range.upperBound, phrase.end + 7)).first(where: comma) else {
            return nil
        }
        for end in (name + 2)...(name + 4) where end < range.upperBound {
            if (2..<end - name).contains(where: { comma(name + $0) }) { return nil }
            if Lexicon.introducers.contains(tokens[end].key), !(name..<end).contains(where: { Lexicon.verbs[strip(tokens[$0].key).bare] != nil }) {
                return (head..<end, end)
            }
        }
        return nil
    }

    /// Who issued the statement that a verb with a resumptive pronoun speaks in: the words between
    /// the clause's first word (its verb: أرسلت، أصدرت، نشرت) and a statement noun before the cue
    /// (وأرسلت مجموعة صيدليات ولغرينز بيانا لبي بي سي، قالت فيه…), one to six words with no comma.
    func issuerOfStatement(before i: Int, range: Range<Int>, scalars: Range<Int>) -> Range<Int>? {
        var first = range.lowerBound + 1
        guard first < i, let noun = (first..<i).first(where: { isStatementNoun(tokens[$0].key) }) else { return nil }
        // (في موضوع آخر تنشر مجلة جون أفريك تقريرا…: the issuer starts at an outlet, office or title
        // when the clause opens with other words.)
        if let head = (first..<noun).first(where: { k in
            let key = tokens[k].key
            return Self.isNamingWord(key, withProclitic: false) || Lexicon.institutions.contains(key) || SpeakerNames.isTitle(key)
        }) {
            first = head
        }
        guard (1...6).contains(noun - first), !Lexicon.isPreposition(tokens[first]),
            !((first + 1)...noun).contains(where: { gap(before: $0, in: scalars).contains { $0 == "،" || $0 == "," } })
        else { return nil }
        return first..<noun
    }

    /// Whether a word is a statement noun, bare or with the tanween alif (بيان، بيانا، تقريرا).
    func isStatementNoun(_ key: String) -> Bool {
        Lexicon.statementNouns.contains(key) || (key.hasByteSuffix("ا") && Lexicon.statementNouns.contains(String(key.dropLast())))
    }

    /// The المسؤولية that a حمّل at `i` assigns: within ten words, with at least whom it blames
    /// between (حمّل المسؤولية alone is bore it).
    func responsibility(after i: Int, range: Range<Int>) -> Int? {
        guard i + 2 < range.upperBound else { return nil }
        return ((i + 2)..<min(range.upperBound, i + 11)).first { Lexicon.responsibility.contains(tokens[$0].key) }
    }

    /// Whether إن/أن follows token `k`, right after it or after the preposition a participle takes
    /// (مشيرا إلى أن، مؤكدة على أن، منوها بأن).
    func introducesThat(after k: Int, range: Range<Int>) -> Bool {
        guard k + 1 < range.upperBound else { return false }
        if Lexicon.introducers.contains(tokens[k + 1].key) { return true }
        let preposition = [Lexicon.key("إلى"), Lexicon.key("على"), Lexicon.key("ب")].contains(tokens[k + 1].key)
        return preposition && k + 2 < range.upperBound && Lexicon.introducers.contains(tokens[k + 2].key)
    }

    /// Whether an attribution word (حسب، وفق…) stands within the first four words of the clause
    /// that starts at token `k`, before any comma: the clause is that source's words.
    func clauseHoldsSource(from k: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        for j in k..<min(range.upperBound, k + 4) {
            if j > k, gap(before: j, in: scalars).contains(where: { $0 == "،" || $0 == "," }) { return false }
            if Lexicon.sources[strip(tokens[j].key).bare] != nil { return j > k }
        }
        return false
    }

    /// How far, in scalars, a quotation may run past its first sentence.
    static let longestQuote = 1500

    /// Whether a temporal expression starts at token `j` (مساء الأربعاء، اليوم، أمس).
    func startsTime(at j: Int, range: Range<Int>) -> Bool {
        TimeExpressions.first(in: tokens, j..<min(range.upperBound, j + 3), published: nil)?.tokens.lowerBound == j
    }

    /// The speaker phrase after a verb: up to إن/أن, a colon or quotation, the second comma, or a
    /// channel, time or addressee word; at most 12 tokens, else none.
    func speakerPhrase(from first: Int, lemma: String, range: Range<Int>, scalars: Range<Int>) -> (tokens: Range<Int>, end: Int) {
        // وأفاد به المدير…: the pronoun after the verb refers to the words; طلب منها الموظف أن…: to
        // whom they were said.
        let start = first < range.upperBound && isResumptiveOrAddressee(at: first, range: range) ? first + 1 : first
        let takesBa = Lexicon.complements[lemma] == "ب"
        let directObject = Lexicon.complements[lemma] == ""
        var inQuotedName = false
        var j = start
        var commas = 0
        while j < range.upperBound {
            let before = gap(before: j, in: scalars)
            // صحيفة "واشنطن بوست"، وكالة "يونهاب": a quoted name belongs to the phrase.
            let marks = before.filter(isQuoteMark).count
            // (زعيم «حزب الله» اللبناني: a title's quoted organisation, when it closes within three words.)
            if marks % 2 == 1, !before.contains(":"), !inQuotedName,
                j > start
                    && (Self.namesAfter(tokens[j - 1].key)
                        || SpeakerNames.isTitle(tokens[j - 1].key) && quotationCloses(within: 3, after: j, range: range, scalars: scalars))
                    || j == start && quotedSubject(at: j, range: range, scalars: scalars)
            {
                inQuotedName = true
            } else if marks % 2 == 1, inQuotedName, !before.contains(":") {
                inQuotedName = false
            } else if before.contains(":") || marks > 0 {
                break
            }
            if j > start, before.contains(where: { $0 == "،" || $0 == "," }) {
                commas += 1
                if commas == 2 { break }
            }
            // (A word inside a quoted name is the name's, whatever it is: وأفادت المنظمة "المرصد
            // السوري لحقوق الإنسان"…)
            if inQuotedName, j > start {
                j += 1
                if j - start > 12 { return (start..<start, start) }
                continue
            }
            let key = tokens[j].key
            // كل من X وY: both speak.
            let jointly = j == start + 1 && tokens[start].key == Lexicon.key("كل") && key == Lexicon.key("من")
            // A role's place: المبعوث الأممي إلى ليبيا، السفير الأمريكي في أنقرة، مندوب فلسطين لدى الأمم المتحدة.
            if j > start, SpeakerNames.isTitle(tokens[start].key), [Lexicon.key("إلى"), Lexicon.key("في"), Lexicon.key("لدى")].contains(key),
                j + 1 < range.upperBound, Places.words.contains(tokens[j + 1].key) || key == Lexicon.key("لدى")
            {
                j += 2
                continue
            }
            // بيان صادر عن المقاومة: the statement's author follows.
            let author =
                j == start + 2 && Lexicon.statementNouns.contains(tokens[start].key) && Lexicon.issued.contains(tokens[start + 1].key)
                && key == Lexicon.key("عن")
            if !jointly, !author,
                Lexicon.introducers.contains(key) && !Apposition.hyphenated(before: j, tokens, display) || Lexicon.phraseStops.contains(key)
                    || Lexicon.isPreposition(tokens[j])
            {
                break
            }
            // An addressee or a particle with لـ (قال لرويترز إن، أعرب لميركل عن، قال لقد…), not a
            // speaker whose name starts with ل (لافروف، ليلى الحسن، لجنة الانتخابات، لندن).
            if j == start, key.hasBytePrefix("ل"), key.count >= 3, Lexicon.verbs[key] == nil, opensAddressee(at: j) { break }
            if startsTime(at: j, range: range) { break }
            // وجددت النقابة مطالبتها بـ…: the renewed speech act ends the speaker.
            if j > start, Lexicon.speechActObject.contains(lemma), Lexicon.isSpeechAct(key) { break }
            // أكد المدير الجهوي للصحة عماد المعلول خبر إصابة…: a name ends with its definite family
            // name (written ال, not ألبرت), so an indefinite word after «given name + family name»
            // opens the object; so does
            // a title with a pronoun (اتهم مادورو نظيره الكولومبي…: someone else's counterpart).
            if j > start + 1, SpeakerNames.isTitle(tokens[start].key), tokens[j].kind == .arabic, !key.hasBytePrefix("ال"),
                SpeakerNames.isFamilyName(tokens[j - 1].key), isWrittenDefinite(j - 1),
                !SpeakerNames.isTitle(tokens[j - 1].key),
                SpeakerNames.isGivenName(tokens[j - 2].key), !SpeakerNames.namePrefixes.contains(key), !SpeakerNames.isRoleWord(key),
                !SpeakerNames.isTitle(key), gap(before: j, in: scalars).allSatisfy({ $0 == " " })
            {
                break
            }
            if j > start, Lexicon.counterparts.contains(key) { break }
            // ودعت النقابة الاتحاد الدولي…، طلبت النيابة العامة السجن…: a definite feminine noun heads
            // no genitive, so the definite words after it are its adjectives, which agree with it; a
            // definite word that cannot (no ـة، ـى، ـا، ـاء) begins the object.
            // (A noun in ـة may be masculine, القادة العسكريون، الداعية الإسلامي: a gentilic or a
            // masculine plural after it agrees. Definite as written: إليزابيث is a name.)
            if j > start, isWrittenDefinite(j), !canBeFeminine(tokens[j].text), !Self.isGentilic(key), !key.hasByteSuffix("ون"), !key.hasByteSuffix("ين"),
                (start..<j).allSatisfy({ isWrittenDefinite($0) && canBeFeminine(tokens[$0].text) }),
                tokens[start].text.unicodeScalars.last == "ة"
            {
                break
            }
            // وأبلغ غوارديولا شبكة سكاي سبورتس…: an outlet after a name or a definite word is whom the
            // words were told (not رئيس وكالة الطاقة, a title's genitive).
            if j > start, Lexicon.outlets.contains(key), tokens[j - 1].key.hasBytePrefix("ال") || !SpeakerNames.isRoleWord(tokens[j - 1].key) { break }
            // أعلن رئيس السلطة الفلسطينية محمود عباس تنكيس الأعلام…: a verbal noun after the speaker's
            // name opens the object of a verb whose object is the words.
            if j > start, directObject, isVerbalNounObject(j), !SpeakerNames.isTitle(tokens[j - 1].key),
                !SpeakerNames.isRoleWord(tokens[j - 1].key), !runsOnToThat(from: j, range: range, scalars: scalars)
            {
                // (an adverb of manner before it is the act's: ديفيد فريدمان رسميا افتتاح…)
                if j - 1 > start, tokens[j - 1].key.hasByteSuffix("يا"), !Places.words.contains(tokens[j - 1].key) { return (start..<(j - 1), j - 1) }
                break
            }
            // انتقد نائب الوزير كيم كي-غوان قرار ترامب…: a rule, plan or decision (the document class of
            // not-speaker-words.tsv) after the speaker's words opens the object.
            if j > start, directObject, SpeakerShape.wordClass((key, tokens[j].text)) == "document", !SpeakerNames.isTitle(tokens[j - 1].key) { break }
            // أكد رئيس الحكومة يوسف الشاهد سعي…، وأكد الوزير ضرورة…: what أكد or شدد assert as a noun
            // ends the speaker (not an indefinite title's or office's genitive: رئيس تحرير، هيئة تطوير…).
            if j > start, Lexicon.assertsNoun.contains(lemma), opensAssertedObject(j),
                isWrittenDefinite(j - 1)
                    || !SpeakerNames.isTitle(tokens[j - 1].key) && !SpeakerNames.isRoleWord(tokens[j - 1].key)
                        && !Lexicon.institutions.contains(tokens[j - 1].key)
            {
                break
            }
            // أكد الرئيس اليمني عبدربه منصور هادي، رفضه أي وجود…: a speech act with its possessive
            // pronoun (رفضه، دعمها، التزامهم) is what the speaker said.
            if j > start, Lexicon.isSpeechAct(key), SpeakerNames.pronounSuffixLength(tokens[j].text) != nil { break }
            // نيكول (35 عاما) لبي بي سي: a parenthesis after the speaker is an aside, unless a name
            // follows it (رئيس جهاز المخابرات الداخلية (إم آي 5) أندرو باركر).
            if j > start, before.contains("("), !nameFollowsParenthesis(at: j, range: range, scalars: scalars) { break }
            // أعلن تنظيم داعش مسؤوليته عن…: a feminine noun with a possessive pronoun (its ة written ت
            // before ه، ها، هم) after the speaker's definite words is the verb's object. (After one
            // indefinite noun it is a relative clause's verb: بيان نقلته قناة…، تحقيق أجرته…)
            // (After a person the article names, too: ووصف بومبيو محادثاتهما بأنها…)
            if j > start, SpeakerNames.hasPossessiveAfterTaMarbuta(tokens[j].text), !SpeakerNames.isTitle(key),
                j - 1 > start || tokens[j - 1].key.hasBytePrefix("ال")
                    || namesKnownPerson(tokens[j - 1].key)
            {
                break
            }
            if j > start || Lexicon.verbs[key]?.form == .participle, Lexicon.verbs[strip(tokens[j].key).bare] != nil { break }
            // ودعت وزارة الداخلية لعدم…: after a call's definite speaker, لـ opens what is called for.
            if j > start, Lexicon.calls.contains(lemma), key.hasBytePrefix("ل"), !key.hasBytePrefix("لل"), tokens[j - 1].key.hasBytePrefix("ال") { break }
            // غاسبريني للصحفيين: a لل word or لـ before a role word, after a name, is whom the words
            // were said to; so is لـ before a naming word after any name (البريكي لوكالة "رويترز").
            let toChannel = j > start && key.hasBytePrefix("ل") && Self.isNamingWord(String(key.dropFirst()), withProclitic: false)
            // (and a plural with لـ after a name: ديمتري بيسكوف لصحفيين)
            if j > start,
                key.hasBytePrefix("لل") || (key.hasBytePrefix("ل") && SpeakerNames.isRoleWord(String(key.dropFirst()))) || toChannel
                    || Apposition.isObjectOrAddressee(j, in: tokens),
                SpeakerNames.isGivenName(tokens[j - 1].key) || (toChannel && SpeakerNames.isFamilyName(tokens[j - 1].key)),
                !Lexicon.statementNouns.contains(tokens[j - 1].key)
            {
                break
            }
            // أعلنت وزارة الدفاع التركية مقتل…، أعلنت روسيا تعليق…، أعلنت مملكة البحرين قطع…: after an
            // institution's definite words or a place's name, an indefinite word opens the object.
            let afterInstitution =
                j > start + 1 && (tokens[start].key.hasBytePrefix("ال") || Lexicon.institutions.contains(tokens[start].key))
                && tokens[j - 1].key.hasBytePrefix("ال")
            // (a place's name may end in its adjective: كوريا الشمالية)
            let afterPlace =
                Places.words.contains(tokens[j - 1].key) || (j > start + 1 && tokens[j - 1].key.hasBytePrefix("ال") && Places.words.contains(tokens[j - 2].key))
            // ولطالما نفت دمشق الأمر…: after a place's name (feminine), a definite word that cannot agree
            // with it opens the object (not كوريا الشمالية، الولايات المتحدة، روسيا الاتحادية).
            if j == start + 1, directObject, Places.words.contains(tokens[start].key), !SpeakerNames.isTitle(tokens[start].key),
                isWrittenDefinite(j), !canBeFeminine(tokens[j].text), !Self.isGentilic(key),
                !Places.words.contains(key), !runsOnToThat(from: j, range: range, scalars: scalars)
            {
                break
            }
            // أدان الاتحاد الأوروبي الهجوم…: after a definite gentilic adjective, a definite noun opens the
            // object, unless the words run on to أن (اعتبر مستشار الإدارة الصحية الأسبق البروفيسور
            // رضا خليل أن…: the title goes on to its name).
            if j > start + 1, directObject, Self.isGentilic(tokens[j - 1].key), key.hasBytePrefix("ال"), !Self.isGentilic(key),
                !SpeakerNames.isTitle(key), !SpeakerNames.roleWords.contains(key), !Lexicon.institutions.contains(String(key.dropFirst(2))),
                !runsOnToThat(from: j, range: range, scalars: scalars)
            {
                break
            }
            if j > start, directObject, afterInstitution || afterPlace, !SpeakerNames.isTitle(tokens[start].key),
                !key.hasBytePrefix("ال"), !SpeakerNames.isRoleWord(key), !Places.words.contains(key), tokens[j].kind == .arabic
            {
                break
            }
            // (نددت الحكومة بما وصفته…: بما opens it too.)
            if takesBa, j > start || key.hasBytePrefix("بال"), key.hasBytePrefix("ب"), key.unicodeScalars.count > 3 || key == Lexicon.key("بما") { break }
            j += 1
            if j - start > 12 { return (start..<start, start) }
        }
        return (start..<j, j)
    }

    /// Whether token `k` is a verbal noun that is the verb's object (``Lexicon/isVerbalNounObject(_:)``),
    /// with its pronoun or without (أعلنت الحكومة الألمانية تأييدها إجراء تحقيق…).
    func isVerbalNounObject(_ k: Int) -> Bool {
        let key = tokens[k].key
        return Lexicon.isVerbalNounObject(String(key.unicodeScalars.dropLast(SpeakerNames.pronounSuffixLength(tokens[k].text) ?? 0)))
    }

    /// Whether, after the parenthesis that opens before token `j` closes, a name word follows: not
    /// definite, not لـ, not إن/أن.
    func nameFollowsParenthesis(at j: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        guard let after = afterParenthesis(at: j, range: range, scalars: scalars), after < range.upperBound else { return false }
        let key = tokens[after].key
        return tokens[after].kind == .arabic && !key.hasBytePrefix("ال") && !key.hasBytePrefix("ل") && !Lexicon.introducers.contains(key)
            && !gap(before: after, in: scalars).contains { $0 == ":" || isQuoteMark($0) }
    }

    /// The token after the parenthesis that opens before token `j`, when it closes within six words.
    func afterParenthesis(at j: Int, range: Range<Int>, scalars: Range<Int>) -> Int? {
        guard j < range.upperBound, gap(before: j, in: scalars).contains("(") else { return nil }
        if display.scalars[tokens[j].range].contains(")") { return j + 1 }
        return ((j + 1)..<min(range.upperBound + 1, j + 7)).first { k in
            k == range.upperBound
                ? display.scalars[tokens[k - 1].range.upperBound..<scalars.upperBound].contains(")") : gap(before: k, in: scalars).contains(")")
        }
    }

    /// Whether a quotation that opens at token `j`, right after the verb, is its subject's name: it
    /// closes within six words and إن/أن follows, alone, after a preposition (وأشارت "دي فيلت" إلى
    /// أن…) or after a time or an adverb (وذكر "المرصد السوري لحقوق الإنسان" آنذاك أن…).
    func quotedSubject(at j: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        guard let close = ((j + 1)..<min(j + 7, range.upperBound)).first(where: { gap(before: $0, in: scalars).contains(where: isQuoteMark) }) else {
            return false
        }
        var next = close
        if let time = TimeExpressions.first(in: tokens, close..<min(range.upperBound, close + 4), published: nil), time.tokens.lowerBound == close {
            next = time.tokens.upperBound
        } else if SpeakerShape.of([(tokens[close].key, tokens[close].text)]) == .adverbial {
            next = close + 1
        }
        guard next < range.upperBound else { return false }
        if Lexicon.isPreposition(tokens[next]), next + 1 < range.upperBound { next += 1 }
        return Lexicon.introducers.contains(tokens[next].key)
    }

    /// Whether the words from `j` reach إن/أن within eight words, with no comma (but one right before
    /// إن/أن), colon, quotation or reporting verb between: the speaker phrase goes on to them.
    func runsOnToThat(from j: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        for k in j..<min(range.upperBound, j + 8) {
            // (a comma may come right before أن: «… رضا بن محمد خليل، أن»)
            if Lexicon.introducers.contains(tokens[k].key) { return k > j }
            if k > j, gap(before: k, in: scalars).contains(where: { $0 == "،" || $0 == "," || $0 == ":" || isQuoteMark($0) }) { return false }
            if Lexicon.verbs[strip(tokens[k].key).bare] != nil || Lexicon.isPreposition(tokens[k]) { return false }
        }
        return false
    }

    /// The name right after a leading title that another title follows (الدكتور محمود صقر رئيس…):
    /// positions in `phrase`, nil when there is none.
    func titledName(_ phrase: [Int]) -> Range<Int>? {
        guard phrase.count > 2, SpeakerNames.isTitle(tokens[phrase[0]].key) else { return nil }
        var end = 1
        while end < phrase.count, SpeakerNames.isGivenName(tokens[phrase[end]].key) || (end > 1 && SpeakerNames.isFamilyName(tokens[phrase[end]].key)) {
            end += 1
        }
        guard end > 1, end < phrase.count, SpeakerNames.isTitle(tokens[phrase[end]].key) else { return nil }
        return 1..<end
    }

    /// The full name of an institution a definite mention refers back to (الوزارة → وزارة
    /// الخارجية الفلسطينية; الوكالة الرسمية → وكالة الأنباء الرسمية…): the nearest earlier
    /// «وزارة/وكالة…» phrase of the article that shares the mention's adjectives.
    /// Whether a word with لـ right after a verb is whom the words were said to, or a particle: an
    /// outlet (لوكالة، لرويترز، لبي بي سي), a pronoun (لها، لنا), a title, role or audience (لوزير، لنواب),
    /// someone or something the article names without the لـ (أعرب لميركل…، ميركل elsewhere), or a
    /// particle (لقد، لكن، لذلك). Else the لـ is the first letter of the speaker's name or noun.
    func opensAddressee(at j: Int) -> Bool {
        let key = tokens[j].key
        let rest = String(key.unicodeScalars.dropFirst())
        if Self.isNamingWord(rest, withProclitic: false) || Lexicon.outletNames.contains(rest) || SentenceSplitter.letterNames.contains(rest)
            || Lexicon.pronounsAfterLam.contains(rest) || Lexicon.particlesWithLam.contains(key) || SpeakerShape.classes[key] != nil
        {
            return true
        }
        // (a title, a role or an audience: قال لوزير الخارجية، قالت لنواب في البرلمان، لأنصاره)
        if SpeakerNames.isTitle(rest) || SpeakerNames.roleWords.contains(rest) || Lexicon.audiences.contains(where: { rest.hasBytePrefix($0) }) { return true }
        let definite = "ال" + rest
        return tokens.indices.contains { $0 != j && (tokens[$0].key == rest || tokens[$0].key == definite) }
    }

    /// Whether token `j` is part of the name of an outlet whose naming word is at `k` (صحيفة نيويورك
    /// تايمز، مجلة "جون أفريك"): up to two words, none a verb, preposition or إن/أن; a name
    /// that is definite (صحيفة القدس العربي) is taken by its definite words alone.
    func namesAnOutlet(after k: Int, at j: Int) -> Bool {
        guard Lexicon.outlets.contains(SpeakerNames.strippedProclitic(tokens[k].key) ?? tokens[k].key), j - k <= 2, tokens[j].kind == .arabic,
            !((k + 1)..<j).contains(where: { tokens[$0].key.hasBytePrefix("ال") })
        else { return false }
        let key = tokens[j].key
        return Lexicon.verbs[strip(key).bare] == nil && !Lexicon.isPreposition(tokens[j]) && !Lexicon.introducers.contains(key)
            && !Lexicon.phraseStops.contains(key)
    }

    func institution(named mention: Range<Int>) -> String? {
        let head = tokens[mention.lowerBound].key
        guard head.hasBytePrefix("ال"), Lexicon.institutions.contains(String(head.dropFirst(2))),
            mention.dropFirst().allSatisfy({ tokens[$0].key.hasBytePrefix("ال") })
        else { return nil }
        let indefinite = String(head.dropFirst(2))
        let adjectives = Set(mention.dropFirst().map { SpeakerNames.skeleton(SpeakerNames.words(tokens[$0].text).first ?? "") })
        var k = mention.lowerBound - 1
        while k >= 0 {
            let key = tokens[k].key
            if key == indefinite || SpeakerNames.strippedProclitic(key) == indefinite {
                var end = k + 1
                // (not a time after the name: «وزارة الخارجية الإسرائيلية الاثنين»)
                while end < tokens.count, end - k <= 4, tokens[end].key.hasBytePrefix("ال") || namesAnOutlet(after: k, at: end),
                    !Apposition.breaks(before: end, tokens, display, allowComma: false), !startsTime(at: end, range: end..<tokens.count)
                {
                    end += 1
                }
                let words = (k + 1..<end).map { SpeakerNames.skeleton(SpeakerNames.words(tokens[$0].text).first ?? "") }
                if end > k + 1, adjectives.isEmpty || !adjectives.isDisjoint(with: words) {
                    let start = tokens[k].range.lowerBound + (key == indefinite ? 0 : 1)
                    return String(scalars: display.scalars[start..<tokens[end - 1].range.upperBound])
                }
            }
            k -= 1
        }
        return nil
    }

    /// Whether a phrase after دعا، حث، طالب، ناشد is whom the call is addressed to (ودعا كل دول
    /// العالم إلى…), not who calls.
    func addresses(_ phrase: Range<Int>, lemma: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        // ودعا الله أن يحفظ…، وسأل المولى عز وجل أن…: a prayer's addressee.
        if Lexicon.calls.contains(lemma) || lemma == "سأل", Lexicon.god.contains(tokens[phrase.lowerBound].key) { return true }
        return Lexicon.calls.contains(lemma) && Lexicon.addresseeOpeners.contains(tokens[phrase.lowerBound].key)
    }

    /// The subject before a verb in the same clause (وكان أردوغان قال إن…), without the clause's
    /// openers; nil if there is none or it is long.
    func subjectBefore(_ i: Int, range: Range<Int>, scalars: Range<Int>) -> Range<Int>? {
        // إلى ذلك، قال…، بداية يرى…: words that name nobody are no subject; the speaker follows the verb.
        guard let subject = subjectCandidate(before: i, range: range, scalars: scalars) else { return nil }
        switch SpeakerShape.of(tokens[subject].map { ($0.key, $0.text) }) {
        case .nounPhrase(let words): return (subject.lowerBound + words.lowerBound)..<(subject.lowerBound + words.upperBound)
        case .pronoun: return subject
        case .adverbial, .notASpeaker: return nil
        }
    }

    /// The words before a verb that may be its subject (``subjectBefore(_:range:scalars:)``).
    func subjectCandidate(before i: Int, range: Range<Int>, scalars: Range<Int>) -> Range<Int>? {
        // … جون بولتون الذي تحدث عن…: the name the relative clause hangs on. (Not when the verb holds
        // an object pronoun: كريستينا موراشا التي أبلغها مركز الأمومة أن…, she was told; the
        // speaker follows the verb.)
        if i - 1 > range.lowerBound, Lexicon.relatives.contains(tokens[i - 1].key),
            Lexicon.verbWithObjectPronoun(strip(tokens[i].key).bare) == nil
        {
            var start = i - 1
            while start > max(range.lowerBound, i - 5), start == i - 1 || !Apposition.breaks(before: start, tokens, display, allowComma: false),
                !SpeakerNames.isRoleWord(tokens[start - 1].key), !Apposition.isClauseWord(tokens[start - 1].key)
            { start -= 1 }
            return start < i - 1 ? start..<(i - 1) : nil
        }
        // وكان وزير الخارجية الروسي، سيرغي لافروف، قال إن…: the whole subject, appositions included.
        if Lexicon.kana.contains(tokens[range.lowerBound].key),
            i - range.lowerBound > 1, i - range.lowerBound <= 10
        {
            var subject = (range.lowerBound + 1)..<i
            // وكانت قوات حفتر قد أعلنت…
            if tokens[subject.upperBound - 1].key == Lexicon.key("قد") { subject = subject.lowerBound..<(subject.upperBound - 1) }
            if !subject.contains(where: { Lexicon.verbs[strip(tokens[$0].key).bare] != nil }) { return subject }
        }
        var start = i
        while start > range.lowerBound, !gap(before: start, in: scalars).contains(where: { $0 != " " && $0 != "\u{00A0}" && !isQuoteMark($0) }),
            !Lexicon.introducers.contains(tokens[start - 1].key)
        {
            start -= 1
        }
        while start < i, Lexicon.clauseOpeners.contains(tokens[start].key) { start += 1 }
        guard start < i, i - start <= 6 else { return nil }
        for k in start..<i
        where Lexicon.verbs[strip(tokens[k].key).bare] != nil || Lexicon.phraseStops.contains(tokens[k].key)
            || (tokens[k].key.hasBytePrefix("و") && Lexicon.phraseStops.contains(String(tokens[k].key.dropFirst())))
        { return nil }
        if TimeExpressions.first(in: tokens, start..<i, published: nil) != nil { return nil }
        return start..<i
    }

    /// Whether only clause openers (و، كما، فيما، وكان…) stand between the clause start and token `i`.
    func followsOpener(_ i: Int, range: Range<Int>) -> Bool {
        guard i > range.lowerBound else { return false }
        return Lexicon.clauseOpeners.contains(tokens[i - 1].key)
    }

    /// A quotation that opens the sentence and closes before token `i`.
    func leadingQuote(before i: Int, range: Range<Int>, scalars: Range<Int>) -> Range<Int>? {
        let head = display.scalars[scalars.lowerBound..<tokens[range.lowerBound].range.lowerBound]
        guard let open = head.firstIndex(where: isQuoteMark) else { return nil }
        var k = range.lowerBound
        while k < i {
            let after = display.scalars[tokens[k].range.upperBound..<(k + 1 < tokens.count ? tokens[k + 1].range.lowerBound : tokens[k].range.upperBound)]
            if let close = after.firstIndex(where: isQuoteMark) { return (open + 1)..<close }
            k += 1
        }
        return nil
    }

    // MARK: - Output

    mutating func emit(
        sentence: Int, cue: Int, cueEnd: Int? = nil, entry: ReportingVerbs.Entry, mention: Range<Int>?, mentionSkipsLam: Bool = false,
        speaker given: (speaker: String, role: String?)?, content: Content, range: Range<Int>, scalars: Range<Int>
    ) -> Int {
        var (contentRange, kind) = trimmed(content.scalars)
        guard !contentRange.isEmpty else { return content.end }
        var (mention, given) = (mention, given)
        if let phrase = mention, !phrase.isEmpty {
            // (وفقا لما ورد: the mention's first word without its لـ.)
            var words = tokens[phrase].map { (key: $0.key, text: $0.text) }
            if mentionSkipsLam, words[0].key.hasBytePrefix("ل") { words[0] = (String(words[0].key.dropFirst()), String(words[0].text.dropFirst())) }
            switch SpeakerShape.of(words) {
            case .nounPhrase(let words): mention = (phrase.lowerBound + words.lowerBound)..<(phrase.lowerBound + words.upperBound)
            case .pronoun:
                (mention, given) = (
                    nil, entry.cueClass == .source || nested ? nil : given ?? person(in: range.lowerBound..<phrase.lowerBound, scalars: scalars) ?? lastSpeaker
                )
            case .adverbial: (mention, given) = (nil, entry.cueClass == .source || nested ? nil : given ?? lastSpeaker)
            case .notASpeaker: (mention, given) = (nil, nil)
            }
        }
        var mentionText = ""
        var mentionSpan: Range<Int>?
        var speaker = given?.speaker ?? ""
        var role = given?.role
        if let mention, !mention.isEmpty {
            var displayRange = tokens[mention.lowerBound].range.lowerBound..<tokens[mention.upperBound - 1].range.upperBound
            if mentionSkipsLam { displayRange = (displayRange.lowerBound + 1)..<displayRange.upperBound }
            // المنظمة "هيومن رايتس واتش": a quoted name keeps its closing mark.
            if display.scalars[displayRange].filter(isQuoteMark).count % 2 == 1 {
                displayRange = displayRange.lowerBound..<(displayRange.upperBound + closingMarks(after: mention.upperBound - 1, scalars: scalars))
            }
            // نيكول (35 عاما): an aside keeps its closing bracket.
            let brackets = display.scalars[displayRange]
            if brackets.filter({ $0 == "(" }).count > brackets.filter({ $0 == ")" }).count, displayRange.upperBound < scalars.upperBound,
                display.scalars[displayRange.upperBound] == ")"
            {
                displayRange = displayRange.lowerBound..<(displayRange.upperBound + 1)
            }
            mentionSpan = display.originalRange(of: displayRange)
            mentionText = String(scalars: original[mentionSpan!])
            (speaker, role) = canonical(mention, skipsLam: mentionSkipsLam, scalars: scalars)
            // الممثل اللبناني #باسم_مغنية: a hashtag names the speaker in words.
            speaker = hashtagsAsWords(speaker)
            // إن المحتجزين اعترفا، لكن الحوثيين رفضوا: after إن/أن/لكن a subject is written in the
            // accusative; the speaker is named in the nominative.
            if mention.upperBound == cue, mention.lowerBound > 0,
                Lexicon.introducers.contains(tokens[mention.lowerBound - 1].key) || Lexicon.contrasts.contains(tokens[mention.lowerBound - 1].key)
            {
                speaker = Self.nominative(speaker, verb: strip(tokens[cue].key).bare)
            }
            // (منظمة "المرصد السوري…": the name's quotation marks are not the speaker's.)
            if speaker.unicodeScalars.contains(where: isQuoteMark) {
                speaker = String(String.UnicodeScalarView(speaker.unicodeScalars.filter { !isQuoteMark($0) })).split(separator: " ").joined(separator: " ")
            }
            // (A verb other than a plain one of speaking reports inside a statement only with the
            // speaker right after it, as ``namesSpeakerRightAfter(_:range:)`` found, or right
            // before it, as ``namesSubjectAfterThat(_:range:scalars:)`` did.)
            if nested,
                speaker == lastSpeaker?.speaker || tokens[mention.lowerBound].kind == .number
                    || (!Lexicon.nestedSpeech.contains(entry.lemma) && mention.lowerBound != cue + 1 && mention.upperBound != cue)
            {
                return content.end
            }
            lastSpeaker = (speaker, role)
            remember((speaker, role))
        }
        guard !speaker.isEmpty else { return content.end }
        let cueRange = tokens[cue].range.lowerBound..<tokens[cueEnd ?? cue].range.upperBound
        let cueText = String(scalars: original[display.originalRange(of: cueRange)])
        // The time of the speech act: in the cue's clause, outside the content.
        // (A participle's own clause starts at the participle.)
        // (So does a verb joined by و after a comma: «ويرتقب أن يعقد الاجتماع يوم الاثنين، وقال بيان
        // مشترك إن…»: the Monday is the meeting's.)
        let joinedAfterComma =
            cue > range.lowerBound && strip(tokens[cue].key).hasProclitic && gap(before: cue, in: scalars).contains { $0 == "،" || $0 == "," }
        let clauseStart = entry.form == .participle || joinedAfterComma ? cue : range.lowerBound
        let clause = clauseStart..<max(clauseStart, tokenIndex(atOrAfter: contentRange.lowerBound, in: range))
        var timeExpression: String?
        var time: String?
        if let mention = TimeExpressions.first(in: tokens, clause, published: published, lateInUTC: lateInUTC) {
            let r = tokens[mention.tokens.lowerBound].range.lowerBound..<tokens[mention.tokens.upperBound - 1].range.upperBound
            timeExpression = String(scalars: original[display.originalRange(of: r)])
            time = mention.day?.description
        } else {
            // The same speech event: the speaker's earlier statement here, else the article's
            // last dated one, else its lead's day; the first of them that is plausibly recent.
            // (Each source is asked only when those before it give nothing.)
            func recent(_ day: String?) -> String? { day.flatMap { isPlausiblyRecent($0) ? $0 : nil } }
            time =
                recent(found.last { $0.speaker == speaker }?.time)
                ?? recent(
                    datedSentence(
                        naming: SpeakerNames.skeletons(speaker).union(
                            // (the mention's own name words too, بيونغ يانغ for كوريا الشمالية; not its
                            // definite role words, الخارجية الأمريكية)
                            mentionText.split(separator: " ").filter { !Lexicon.key(String($0)).hasBytePrefix("ال") }.map {
                                SpeakerNames.keySkeleton(Lexicon.key(String($0)))
                            })))
                ?? recent(found.last { $0.time != nil }?.time) ?? recent(leadDay)
        }
        if kind == .direct, contentRange.count < 2 { kind = .indirect }
        let span = display.originalRange(of: contentRange)
        lastEnd = content.end
        let contentTokens = range.lowerBound..<max(range.lowerBound, content.end)
        lastContent = tokenIndex(atOrAfter: contentRange.lowerBound, in: contentTokens)..<tokenIndex(atOrAfter: contentRange.upperBound, in: contentTokens)
        found.append(
            Statement(
                article: article.id, outlet: article.source, sentence: sentence, speakerMention: mentionText, speakerSpan: mentionSpan,
                speaker: speaker, role: role, cue: cueText, cueClass: entry.cueClass, content: String(scalars: original[span]), contentSpan: span,
                kind: kind, timeExpression: timeExpression, time: time))
        return content.end
    }

    /// Whether a day borrowed from elsewhere in the article can be the day of a statement that
    /// names none: not after the publication (or its newsroom's next day, ``lateInUTC``), and not
    /// more than 30 days before it (a passage of
    /// background, a list of past events, dates a statement that reacts to today's news).
    func isPlausiblyRecent(_ day: String) -> Bool {
        guard let published, let date = Published(parsing: day)?.calendarDay else { return true }
        let age = published.daysSinceEpoch - date.daysSinceEpoch
        return age >= (lateInUTC ? -1 : 0) && age <= 30
    }

    /// The day of the nearest earlier sentence that names the speaker and dates something
    /// («تناولت هيذر نويرت… الثلاثاء…», then «قالت نويرت: …»): the speech event the article
    /// dates elsewhere.
    mutating func datedSentence(naming names: Set<String>) -> String? {
        let names = names.subtracting(Self.genericNameWords)
        guard !names.isEmpty else { return nil }
        for k in datedSentences.indices.reversed() {
            let sentenceNames = datedSentences[k].names ?? nameSkeletons(datedSentences[k].tokens)
            datedSentences[k].names = sentenceNames
            if !sentenceNames.isDisjoint(with: names) { return datedSentences[k].day.description }
        }
        return nil
    }

    /// The skeletons of the words of `tokens`, with and without a one-letter proclitic (لبيونغ).
    func nameSkeletons(_ tokens: Range<Int>) -> Set<String> {
        var names: Set<String> = []
        for token in self.tokens[tokens] {
            names.insert(SpeakerNames.keySkeleton(token.key))
            if token.key.unicodeScalars.count > 3 { names.insert(SpeakerNames.keySkeleton(String(token.key.unicodeScalars.dropFirst()))) }
        }
        return names
    }

    /// Skeletons of title words, too common to identify a speaker.
    static let genericNameWords: Set<String> = Set(
        ["الرئيس", "وزير", "المتحدث", "رئيس", "الوزير", "باسم", "وزارة", "الخارجية", "نائب", "الأمين", "العام"]
            .flatMap { SpeakerNames.words($0) }.map(SpeakerNames.skeleton))

    /// The content without surrounding spaces and end punctuation; a content wholly inside one
    /// quotation is direct (marks dropped), one with quoted fragments of two or more words is mixed.
    func trimmed(_ range: Range<Int>) -> (Range<Int>, Statement.Kind) {
        var start = range.lowerBound, end = range.upperBound
        let s = display.scalars
        func isTrim(_ u: Unicode.Scalar) -> Bool { u == " " || u == "." || u == "،" || u == "," || u == ":" || u == "\n" || u == "؛" }
        while start < end, isTrim(s[start]) { start += 1 }
        while end > start, isTrim(s[end - 1]) { end -= 1 }
        guard start < end else { return (start..<start, .indirect) }
        let marks = (start..<end).filter { isQuoteMark(s[$0]) }
        if marks.first == start {
            // One quotation, with a quoted name inside it at most ("… مجموعة "الطيف"، …").
            let nested = marks.count >= 4 && s[marks[1]..<marks[2]].split(whereSeparator: { $0 == " " }).count <= 2
            if marks.count == 2 || nested, marks.last == end - 1 { return ((start + 1)..<(end - 1), .direct) }
            if marks.count == 1 { return ((start + 1)..<end, .direct) }
        }
        // (…ووفق الصحيفة "أرسلت تونس… المحاكم": a quotation opened right before the words and closed
        // at their end is direct; a lone mark at their end whose quotation opened earlier or never,
        // «…، مؤكدة التزامها… القطريين".», is no quotation of theirs.)
        if marks == [end - 1] {
            var p = start - 1
            while p >= 0, s[p] == " " { p -= 1 }
            return (start..<(end - 1), p >= 0 && isQuoteMark(s[p]) ? .direct : .indirect)
        }
        // في نفس السياق ان "…": a lead that ends with إن/أن before one quotation that ends the words.
        if marks.count == 2, marks[1] == end - 1, marks[0] > start,
            let lead = tokens.lastIndex(where: { $0.range.upperBound <= marks[0] && $0.range.lowerBound >= start }),
            Lexicon.introducers.contains(tokens[lead].key)
        {
            return ((marks[0] + 1)..<(end - 1), .direct)
        }
        // Quoted fragments make a paraphrase mixed, unless they are names (وكالة "يونهاب"،
        // المناورات الأمريكية الكورية "ماكس ثاندر"); an unclosed one is mixed.
        var mixed = marks.count % 2 == 1
        var k = 0
        while k + 1 < marks.count {
            if !namesSomething(before: marks[k], from: start) { mixed = true }
            k += 2
        }
        return (start..<end, mixed ? .mixed : .indirect)
    }

    /// Whether the word before display scalar `p` introduces a name (وكالة، حزب، مناورات…).
    /// (Within four words: المناورات العسكرية الأمريكية الكورية "ماكس ثاندر".)
    func namesSomething(before p: Int, from start: Int) -> Bool {
        guard var k = tokens.lastIndex(where: { $0.range.upperBound <= p }) else { return false }
        // (ما تسمى ب"الهيئة التسييرية"، المعروفة بـ"الأحباش": بـ written apart from the quotation
        // gives a name after a verb of naming; after another word it gives what the speaker called
        // something, «وصفها المتحدث بـ"الإنجاز الكبير"».)
        if k > 0, tokens[k].range.upperBound > start, tokens[k].key == Lexicon.ba {
            return tokens[k - 1].range.upperBound > start && Lexicon.namingVerbs.contains(tokens[k - 1].key)
        }
        let last = k
        let stop = max(0, k - 4)
        while k >= stop, tokens[k].range.upperBound > start {
            // (With a proclitic, only right before the quotation: لوكالة "وات"; not لحزب الله «…».)
            if Self.isNamingWord(tokens[k].key, withProclitic: k == last) { return true }
            // Only the naming word's adjectives come between (المناورات العسكرية الأمريكية "…"); not
            // a clause (السفينة كانت تنقل "…": the ship is no name for the quotation).
            if !tokens[k].key.hasBytePrefix("ال") { return false }
            if k > stop, display.scalars[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].contains(where: { $0 != " " }) { return false }
            k -= 1
        }
        return false
    }

    /// Whether a word, with its article or (when `withProclitic`) one proclitic (لوكالة، بعنوان،
    /// والصحيفة، للمجلة), is a word that introduces a quoted name.
    static func isNamingWord(_ key: String, withProclitic: Bool) -> Bool {
        var forms = [key]
        if key.hasBytePrefix("ال") { forms.append(String(key.dropFirst(2))) }
        if withProclitic {
            for prefix in ["وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك"] where key.hasBytePrefix(prefix) && key.count > prefix.count + 2 {
                forms.append(String(key.dropFirst(prefix.count)))
            }
        }
        return forms.contains { Lexicon.namingWords.contains($0) }
    }

    /// The canonical speaker of a mention and the role the text gives it:
    /// - a reference word alone (البيان، الوكالة) → the last speaker;
    /// - a capital (بيونغ يانغ، واشنطن) → its country;
    /// - the name of an apposition (وزير الدفاع، خلوصي أكار → خلوصي أكار; المتحدثة باسم الخارجية
    ///   الأمريكية هيذر ناورت → هيذر ناورت), made as full as the article makes it (ناورت → هيذر ناورت);
    /// - a role alone (نائب الوزير الكوري الشمالي) → the name the article ties to that role, the
    ///   nearest before, else after; else the role itself.
    func canonical(_ mention: Range<Int>, skipsLam: Bool, scalars: Range<Int>) -> (speaker: String, role: String?) {
        // أعلن بيان لوزارة الخزانة الأميركية: the statement's author.
        if mention.count > 1, Lexicon.statementNouns.contains(tokens[mention.lowerBound].key), tokens[mention.lowerBound + 1].key.hasBytePrefix("ل") {
            return canonical((mention.lowerBound + 1)..<mention.upperBound, skipsLam: true, scalars: scalars)
        }
        // بحسب توضيح المحامي غازي مرابط، تصريح الناطق…: the speech noun's speaker; هذا الخبير، أعلن ذلك
        // اللواء محمد عبدالسلام: the title after a demonstrative.
        let head = tokens[mention.lowerBound]
        if mention.count > 1, Lexicon.isSpeechNoun(head.key) || SpeakerShape.wordClass((head.key, head.text)) == "demonstrative",
            SpeakerNames.isTitle(tokens[mention.lowerBound + 1].key)
        {
            return canonical((mention.lowerBound + 1)..<mention.upperBound, skipsLam: false, scalars: scalars)
        }
        // نص البيان، نص الرسالة: the text of a statement speaks as the statement does.
        if mention.count > 1, head.key == Lexicon.key("نص") {
            return canonical((mention.lowerBound + 1)..<mention.upperBound, skipsLam: false, scalars: scalars)
        }
        // بيان صادر عن المقاومة الشعبية: the author after عن.
        if mention.count > 3, Lexicon.statementNouns.contains(tokens[mention.lowerBound].key), Lexicon.issued.contains(tokens[mention.lowerBound + 1].key),
            tokens[mention.lowerBound + 2].key == Lexicon.key("عن")
        {
            return canonical((mention.lowerBound + 3)..<mention.upperBound, skipsLam: false, scalars: scalars)
        }
        if let named = institution(named: mention) { return (named, nil) }
        if mention.count == 1, Lexicon.references.contains(tokens[mention.lowerBound].key), let last = lastSpeaker { return last }
        // ذات المسؤول، المصدر ذاته، نفس المصدر: the last speaker of that name (المصادر نفسها → مصادر
        // إيطالية رفيعة, not the outlet that quoted them), else the one who spoke last.
        if mention.count == 2, let last = lastSpeaker,
            Lexicon.sameWords.contains(tokens[mention.lowerBound].key) || Lexicon.sameWords.contains(tokens[mention.upperBound - 1].key)
        {
            let noun = Lexicon.sameWords.contains(tokens[mention.lowerBound].key) ? tokens[mention.upperBound - 1] : tokens[mention.lowerBound]
            let word = SpeakerNames.skeletons(noun.text)
            return speakers.last { word.isSubset(of: SpeakerNames.skeletons($0.speaker)) } ?? last
        }
        var segments: [[Int]] = [[]]
        // (…) is an aside, not the name: «نيكول (35 عاما)»، «الممثل القانوني للحركة (شق حافظ قايد السبسي)».
        var depth = 0
        for k in mention {
            let gap = gap(before: k, in: scalars)
            depth = max(0, depth + gap.filter { $0 == "(" }.count - gap.filter { $0 == ")" }.count)
            guard depth == 0 else { continue }
            if k > mention.lowerBound, gap.contains(where: { $0 == "،" || $0 == "," }) { segments.append([]) }
            segments[segments.count - 1].append(k)
        }
        segments = segments.filter { !$0.isEmpty }
        guard !segments.isEmpty else { return ("", nil) }
        if segments[0].count > 2, tokens[segments[0][0]].key == Lexicon.key("كل"), tokens[segments[0][1]].key == Lexicon.key("من") {
            segments[0].removeFirst(2)
        }
        func text(_ indices: ArraySlice<Int>) -> String {
            guard let first = indices.first, let last = indices.last else { return "" }
            let (start, end) = (tokens[first].range.lowerBound, tokens[last].range.upperBound)
            guard skipsLam, first == mention.lowerBound else { return String(scalars: display.scalars[start..<end]) }
            // (ل before the article is written لل: بيان للمتحدثة is a statement of المتحدثة, بلاغ
            // للشركة of الشركة, بلاغ للاتحاد الأوروبي of الاتحاد; a word that begins with ل keeps it,
            // للبنان → لبنان)
            let rest = String(scalars: display.scalars[(start + 1)..<end])
            let definite = "ا" + String(tokens[first].key.unicodeScalars.dropFirst())
            let isDefiniteNoun =
                SpeakerNames.isTitle(definite) || Lexicon.feminineSubjects.contains(definite)
                || Lexicon.institutions.contains(String(definite.unicodeScalars.dropFirst(2)))
            return tokens[first].key.hasBytePrefix("لل") && isDefiniteNoun ? "ا" + rest : rest
        }
        let whole = text(ArraySlice(segments.flatMap { $0 }))
        if let country = Places.countryOfCapital[Places.joinedKey(whole)] { return (country, nil) }
        // الرئيس الفرنسي إيمانويل ماكرون والمستشارة الألمانية أنجيلا ميركل: each party's name.
        let parties = segments[0].split(omittingEmptySubsequences: true) { k in
            k > segments[0][0] && tokens[k].key.hasBytePrefix("و") && SpeakerNames.isTitle(String(tokens[k].key.dropFirst()))
        }
        // Titles joined after a first title with no name are one person's roles (وكيل الصحة
        // ومستشار الإدارة الصحية الأسبق البروفيسور رضا خليل).
        if parties.count > 1, SpeakerNames.nameStart(parties[0].map { (tokens[$0].key, tokens[$0].text) }) != nil {
            let names = parties.map { party -> String in
                guard let start = SpeakerNames.nameStart(party.map { (tokens[$0].key, tokens[$0].text) }), start > 0 else { return text(party) }
                return text(party[(party.startIndex + start)...])
            }
            return (names.joined(separator: " و"), nil)
        }
        // The role and the name: a segment that does not open with a title is the name; else the
        // name words that end the first segment.
        var role: String?
        var name: String?
        if let named = segments.first(where: { !$0.isEmpty && !SpeakerNames.isTitle(tokens[$0[0]].key) }) {
            name = text(ArraySlice(named))
            if let titled = segments.first(where: { !$0.isEmpty && SpeakerNames.isTitle(tokens[$0[0]].key) }) { role = text(ArraySlice(titled)) }
            // كريستين لاجارد المديرة العامة لصندوق النقد: a name, then its title.
            if let p = named.firstIndex(where: { SpeakerNames.isTitle(tokens[$0].key) }), p > named.startIndex,
                named[..<p].allSatisfy({ SpeakerNames.isGivenName(tokens[$0].key) || SpeakerNames.isFamilyName(tokens[$0].key) })
            {
                name = text(named[..<p])
                role = role ?? text(named[p...])
            }
        } else {
            let first = segments[0]
            if let start = SpeakerNames.nameStart(first.map { (tokens[$0].key, tokens[$0].text) }), start > 0 {
                name = text(first[start...])
                role = text(first[..<start])
            } else if let run = titledName(first) {
                // الدكتور محمود صقر رئيس أكاديمية البحث العلمي: the name between two titles.
                name = text(first[run])
                role = text(first[run.upperBound...])
            } else {
                role = text(ArraySlice(first))
            }
        }
        // (A place speaks as itself: كوريا الشمالية is not «مسؤول كوري شمالي رفيع».)
        if let name, let head = name.split(separator: " ").first, !Places.words.contains(Lexicon.key(String(head))) {
            // The fullest name of the article that contains this one.
            // (A word of one or two letters has a skeleton of one: جي is not جيه جونسون; such a
            // name is compared by its words.)
            let short = SpeakerNames.words(name).contains { $0.unicodeScalars.count <= 2 }
            let words = short ? Set(SpeakerNames.words(name)) : SpeakerNames.skeletons(name)
            let fuller = knownNames.filter {
                $0.name == name
                    || (words.isSubset(of: short ? Set($0.words) : $0.skeletons) && $0.words.count > words.count && $0.isPersonName)
            }
            .max { $0.words.count < $1.words.count }
            // فقال الفرنسي المخضرم: the one the article named with that nationality, else its last
            // named speaker.
            if fuller == nil, segments.count == 1, isDescribedNationality(segments[0]) {
                if let named = person(ofNationality: segments[0][0]) { return (named, nil) }
                if let earlier = speakers.last(where: { StorySpeakers.isWholePersonalName($0.speaker) }) { return earlier }
            }
            return (fuller?.name ?? name, role ?? fuller?.role)
        }
        if let name { return (name, role) }
        let roleWords = SpeakerNames.skeletons(role!)
        let position = mention.lowerBound
        let tied = appositions.filter { roleWords.isSubset(of: $0.roleWords) }
        if let match = tied.last(where: { $0.position < position }) ?? tied.first {
            return (match.name, role)
        }
        if let earlier = speakers.last(where: { $0.role.map { roleWords.isSubset(of: SpeakerNames.skeletons($0)) } ?? false }) {
            return (earlier.speaker, role)
        }
        // وقال الزعيم المتقدم في السن…، وينوي الجنرال البالغ 61 عاما…: a definite title described,
        // not qualified by an office, place or people, is the speaker the article last gave it.
        if isDescribedTitle(segments[0]) {
            let head = SpeakerNames.skeletons(tokens[segments[0][0]].text)
            if let earlier = speakers.last(where: { $0.role.map { head.isSubset(of: SpeakerNames.skeletons($0)) } ?? false }),
                StorySpeakers.isPersonalName(earlier.speaker),
                !earlier.speaker.split(separator: " ").contains(where: { Self.isGentilic(Lexicon.key(String($0))) })
            {
                return (earlier.speaker, role)
            }
        }
        return (role!, role)
    }

    /// The first person of the article's known names (its speakers so far and the names its
    /// appositions give) written among `words`: whom a pronoun later in the sentence refers to
    /// («وقد أوقف الرئيس ترامب الآن فصل الأسر، لكنه يقول إنه…» → دونالد ترامب, not the last speaker).
    func person(in words: Range<Int>, scalars: Range<Int>) -> (speaker: String, role: String?)? {
        for k in words where tokens[k].kind == .arabic {
            // (a title with its preposition, بالرئيس، is an object's, not the subject's; a definite
            // title without a name is its holder: والتقى الوزير بالرئيس ترامب، لكنه قال… → الوزير)
            if Lexicon.titles.contains(tokens[k].key) {
                if let name = titledName(after: k, before: words.upperBound, scalars: scalars) {
                    return canonical(k..<name.upperBound, skipsLam: false, scalars: scalars)
                }
                if isWrittenDefinite(k) { return canonical(k..<(k + 1), skipsLam: false, scalars: scalars) }
            }
            let skeleton = SpeakerNames.keySkeleton(tokens[k].key)
            let named = knownNames.filter { $0.skeletons.contains(skeleton) && $0.isPersonName }
                .max { $0.words.count < $1.words.count }
            if let named { return (named.name, named.role) }
        }
        return nil
    }

    /// The name after the title at `k` (الرئيس الأمريكي دونالد ترامب → دونالد ترامب), before `end`:
    /// after the title's definite descriptions, up to three words that are not definite (a
    /// definite family name after a given name too), a time, a verb, a preposition, إن/أن, another
    /// title (بالرئيس) or after a comma; two words, or one that is a given or family name.
    func titledName(after k: Int, before end: Int, scalars: Range<Int>) -> Range<Int>? {
        var first = k + 1
        while first < end, isWrittenDefinite(first), Self.isGentilic(tokens[first].key) || SpeakerNames.isRoleWord(tokens[first].key) { first += 1 }
        var last = first
        while last < end, last - first < 3, tokens[last].kind == .arabic, !gap(before: last, in: scalars).contains(where: { $0 != " " }),
            !isWrittenDefinite(last) || (last > first && SpeakerNames.isGivenName(tokens[last - 1].key) && SpeakerNames.isFamilyName(tokens[last].key)),
            !startsTime(at: last, range: last..<end), !Lexicon.isPreposition(tokens[last]), Lexicon.verbs[strip(tokens[last].key).bare] == nil,
            !Lexicon.introducers.contains(tokens[last].key), !Lexicon.phraseStops.contains(tokens[last].key),
            !SpeakerNames.isTitle(tokens[last].key), !SpeakerNames.isRoleWord(tokens[last].key),
            !(SpeakerNames.strippedProclitic(tokens[last].key).map { SpeakerNames.isTitle($0) || SpeakerNames.isRoleWord($0) } ?? false)
        {
            last += 1
        }
        guard last - first >= 2 || (last - first == 1 && (SpeakerNames.isGivenName(tokens[first].key) || SpeakerNames.isFamilyName(tokens[first].key)))
        else { return nil }
        return first..<last
    }

    /// Whether a phrase is a definite title and words that describe its holder (الزعيم المتقدم في
    /// السن، الجنرال البالغ 61 عاما): definite singular adjectives that are no title, office,
    /// organisation, place or people (not الرئيس التنفيذي، الزعيم الكوري، المتحدث للصحافيين،
    /// المتحدث المعتقلين), an age, في.
    func isDescribedTitle(_ phrase: [Int]) -> Bool {
        guard phrase.count > 1, SpeakerNames.isTitle(tokens[phrase[0]].key), tokens[phrase[0]].key.hasBytePrefix("ال") else { return false }
        return phrase.dropFirst().allSatisfy(describesHolder)
    }

    /// Whether a phrase is a nationality and words that describe its holder (الإسباني الشاب،
    /// الفرنسي المخضرم): a person the article named, as a described title is. (A nationality alone
    /// is often a family name: السويدي، التركي.)
    func isDescribedNationality(_ phrase: [Int]) -> Bool {
        phrase.count > 1 && Lexicon.nationalities.contains(tokens[phrase[0]].key) && phrase.dropFirst().allSatisfy(describesHolder)
    }

    /// The person named with the nationality at token `k` before it, the nearest first: a kunya
    /// with it (أبو يحيى التونسي), or a name after it: a known person's (الفرنسي آرسين فينجر حقق →
    /// فينجر: the words after a nationality may run on into a verb), or two words (البرتغالي جوزفالدو
    /// فيريرا المدير الفني).
    func person(ofNationality k: Int) -> String? {
        let key = tokens[k].key
        for j in stride(from: k - 1, through: 0, by: -1) where tokens[j].key == key {
            if j >= 2, SpeakerNames.namePrefixes.contains(tokens[j - 2].key), tokens[j - 1].kind == .arabic {
                return String(scalars: display.scalars[tokens[j - 2].range.lowerBound..<tokens[j].range.upperBound])
            }
            if let name = titledName(after: j, before: min(j + 5, tokens.count), scalars: 0..<display.scalars.count) {
                let words = Set(name.map { SpeakerNames.keySkeleton(tokens[$0].key) })
                if let known = knownNames.filter({ $0.isPersonName && $0.skeletons.isSubset(of: words) }).max(by: { $0.words.count < $1.words.count }) {
                    return known.name
                }
                // (a given name and a family name, ended by a role or punctuation, is a whole name)
                if name.count == 2 {
                    return String(scalars: display.scalars[tokens[name.lowerBound].range.lowerBound..<tokens[name.upperBound - 1].range.upperBound])
                }
            }
        }
        return nil
    }

    /// Whether word `k` describes a title's holder: a definite singular adjective that is no title,
    /// office, organisation, place or people, an age, or في.
    func describesHolder(_ k: Int) -> Bool {
        let key = tokens[k].key
        if tokens[k].kind == .number || Lexicon.ageWords.contains(key) { return true }
        guard key.hasBytePrefix("ال"), !(key.unicodeScalars.count >= 6 && ["ين", "ون", "ات"].contains { key.hasByteSuffix($0) }) else { return false }
        let bare = String(key.dropFirst(2))
        return !SpeakerNames.isTitle(key) && !SpeakerNames.roleWords.contains(bare) && !Places.words.contains(key) && !Self.isGentilic(key)
            && !Lexicon.institutions.contains(bare) && !Lexicon.institutions.contains(key)
    }

    // MARK: - Text helpers

    /// The display scalars between token `k - 1` (or the sentence start) and token `k`.
    func gap(before k: Int, in sentence: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        let start = k > 0 ? max(tokens[k - 1].range.upperBound, sentence.lowerBound) : sentence.lowerBound
        return display.scalars[min(start, tokens[k].range.lowerBound)..<tokens[k].range.lowerBound]
    }

    /// How many closing quotation marks follow token `k` directly.
    /// (A space may come before the mark: «… على طول الخط ".»)
    func closingMarks(after k: Int, scalars: Range<Int>) -> Int {
        var p = tokens[k].range.upperBound
        while p < scalars.upperBound, display.scalars[p] == " " { p += 1 }
        guard p < scalars.upperBound, isQuoteMark(display.scalars[p]) else { return 0 }
        while p < scalars.upperBound, isQuoteMark(display.scalars[p]) { p += 1 }
        return p - tokens[k].range.upperBound
    }

    /// Whether a quotation opened before token `first` closes within `count` words: a quoted name
    /// (وكالة "وات"، صحيفة "دي فيلت") rather than quoted words.
    func quotationCloses(within count: Int, after first: Int, range: Range<Int>, scalars: Range<Int>) -> Bool {
        for k in (first + 1)...min(first + count, range.upperBound) {
            let gap = k < range.upperBound ? gap(before: k, in: scalars) : display.scalars[tokens[k - 1].range.upperBound..<scalars.upperBound]
            if gap.contains(where: isQuoteMark) { return true }
        }
        return false
    }

    /// The first token of `range` that starts at or after display scalar `p`.
    func tokenIndex(atOrAfter p: Int, in range: Range<Int>) -> Int {
        var k = range.lowerBound
        while k < range.upperBound, tokens[k].range.lowerBound < p { k += 1 }
        return k
    }

    /// The key without a leading و or ف, if what remains is a reporting verb or attribution word,
    /// without the lam of sequence before a present verb (ليضيف), and without a future سـ
    /// (``withoutFuture(_:)``).
    /// Whether the present verb at `i` is a speech act not (yet) made, governed by a particle of
    /// the subjunctive: «من المقرر أن يعلن الرئيس…»، «حتى يعلن المتمردون انسحابهم», but not «قبل أن
    /// يضيف أن…».
    func isUnmade(at i: Int, bare: String, lemma: String, range: Range<Int>) -> Bool {
        guard i > range.lowerBound, Lexicon.subjunctives.contains(tokens[i - 1].key), Lexicon.isPresent(bare, lemma: lemma) else { return false }
        return !(i - 2 >= range.lowerBound && Lexicon.madeBeforeThat.contains(tokens[i - 2].key))
    }

    /// Whether `lead` opens with و and a preposition (وعن، وفي، وحول) and holds no comma, relative
    /// or verb of its own: a topic put before the verb, not its subject.
    func isFrontedTopic(_ lead: Range<Int>, scalars: Range<Int>) -> Bool {
        let first = tokens[lead.lowerBound].key
        guard first.hasBytePrefix("و"), first.unicodeScalars.count > 2,
            SpeakerShape.wordClass((String(first.unicodeScalars.dropFirst()), String(tokens[lead.lowerBound].text.unicodeScalars.dropFirst())))
                == "preposition"
        else { return false }
        return lead.dropFirst().allSatisfy { k in
            !gap(before: k, in: scalars).contains(where: { $0 == "،" || $0 == "," }) && !Lexicon.relatives.contains(tokens[k].key)
                && Lexicon.verbs[strip(tokens[k].key).bare] == nil
        }
    }

    /// Whether token `k`, right after a verb, is a pronoun of the words (أفاد به) or of whom they
    /// were said to (قال لي، طلب منها), not the speaker. (لي before a name is the name: قال لي كه
    /// تشيانغ.)
    func isResumptiveOrAddressee(at k: Int, range: Range<Int>) -> Bool {
        let key = tokens[k].key
        if Lexicon.resumptives.contains(key) { return true }
        guard Lexicon.addresseePronouns.contains(key) else { return false }
        guard key == Lexicon.key("لي") else { return true }
        return k + 1 < range.upperBound && (isWrittenDefinite(k + 1) || SpeakerNames.isTitle(tokens[k + 1].key))
    }

    /// Whether a word with و follows token `i` within seven words, before any إن/أن or colon: the
    /// second of two parties (بين X وY).
    func joinsTwoParties(after i: Int, range: Range<Int>) -> Bool {
        for k in (i + 2)..<max(i + 2, min(range.upperBound, i + 8)) {
            if Lexicon.introducers.contains(tokens[k].key) || display.scalars[tokens[k - 1].range.upperBound..<tokens[k].range.lowerBound].contains(":") {
                return false
            }
            if tokens[k].key.hasBytePrefix("و"), tokens[k].key.unicodeScalars.count > 3 { return true }
        }
        return false
    }

    /// Whether token `k` is written with the article (الجفري; not إليزابيث, whose key also begins ال).
    func isWrittenDefinite(_ k: Int) -> Bool { tokens[k].text.unicodeScalars.starts(with: "ال".unicodeScalars) }

    /// Whether a word's ending lets it agree with a feminine noun (ـة، ـى، ـا، ـاء: العامة، العليا،
    /// الكبرى، الحمراء).
    func canBeFeminine(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return last == "ة" || last == "ى" || last == "ا" || last == "ء"
    }

    /// Whether token `k` opens «قبل أن» and a present reporting verb: a statement made after the
    /// one before (…، قبل أن يضيف أن…).
    func isMadeBeforeThat(at k: Int, range: Range<Int>) -> Bool {
        guard k + 2 < range.upperBound, Lexicon.madeBeforeThat.contains(tokens[k].key), Lexicon.subjunctives.contains(tokens[k + 1].key) else { return false }
        let bare = strip(tokens[k + 2].key).bare
        guard let entry = Lexicon.verbs[bare] else { return false }
        return entry.form == .finite && Lexicon.isPresent(bare, lemma: entry.lemma)
    }

    func strip(_ key: String) -> (bare: String, hasProclitic: Bool) {
        if let first = key.unicodeScalars.first, first == "و" || first == "ف", key.unicodeScalars.count > 2 {
            let rest = String(key.unicodeScalars.dropFirst())
            let present = withoutFuture(rest)
            if Lexicon.verbs[present] != nil || Lexicon.sources[rest] != nil || Lexicon.verbWithObjectPronoun(rest) != nil { return (present, true) }
        }
        // ، ليضيف أن…، ليؤكد: the present after the lam of sequence goes on like وأضاف.
        if key.unicodeScalars.first == "ل", key.unicodeScalars.count > 3, let next = key.unicodeScalars.dropFirst().first, next == "ي" || next == "ت" {
            let rest = String(key.unicodeScalars.dropFirst())
            if Lexicon.verbs[rest]?.form == .finite { return (rest, true) }
        }
        return (withoutFuture(key), false)
    }

    /// A present-tense reporting verb without its future prefix (سيقول، ستؤكد → يقول، تؤكد); not a
    /// verb of announcing, whose future is mostly passive («النتائج ستعلن خلال يومين»).
    func withoutFuture(_ key: String) -> String {
        let letters = key.unicodeScalars
        guard letters.count > 3, letters.first == "س", let next = letters.dropFirst().first, next == "ي" || next == "ت" else { return key }
        let present = String(letters.dropFirst())
        guard let entry = Lexicon.verbs[present], entry.form == .finite, entry.cueClass != .announce else { return key }
        return present
    }
}

/// Quotation marks of Arabic news: « » “ ” " ″ and the low and single forms.
func isQuoteMark(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x0022, 0x2033, 0x201F: true
    default: false
    }
}

/// A name with its words and their skeletons (``SpeakerNames/words(_:)``,
/// ``SpeakerNames/skeletons(_:)``), and the role given with it.
struct NameWords {
    /// The name.
    let name: String
    /// Its role, if any.
    let role: String?
    /// Its words.
    let words: [String]
    /// Their skeletons.
    let skeletons: Set<String>
    /// Whether it is a person's name (``StorySpeakers/isPersonalName(_:)``) and a noun phrase: a
    /// name run on into إن/أن (محمود عباس أن) is nobody's fuller name.
    let isPersonName: Bool

    /// The words of `name`.
    init(_ name: String, role: String?) {
        self.name = name
        self.role = role
        words = SpeakerNames.words(name)
        skeletons = Set(words.map(SpeakerNames.skeleton))
        isPersonName = StorySpeakers.isWholePersonalName(name)
    }
}
