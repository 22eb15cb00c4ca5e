import ArabicText
import Ingest

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
    var found: [Statement] = []
    /// The last explicit speaker: canonical name and mention.
    var lastSpeaker: String?

    init(_ article: Article) {
        self.article = article
        display = DisplayText(article.text)
        original = Array(article.text.unicodeScalars)
        tokens = Tokenizer.tokens(in: display)
        published = article.published?.calendarDay
    }

    mutating func extract() -> [Statement] {
        var next = 0
        for (index, sentence) in SentenceSplitter.sentences(of: display).enumerated() {
            while next < tokens.count, tokens[next].range.lowerBound < sentence.range.lowerBound { next += 1 }
            var end = next
            while end < tokens.count, tokens[end].range.lowerBound < sentence.range.upperBound { end += 1 }
            read(sentence: index, tokens: next..<end, scalars: sentence.range)
            next = end
        }
        return found
    }

    // MARK: - One sentence

    mutating func read(sentence: Int, tokens range: Range<Int>, scalars: Range<Int>) {
        guard !range.isEmpty else { return }
        var i = range.lowerBound
        while i < range.upperBound {
            if let consumed = cue(at: i, sentence: sentence, range: range, scalars: scalars) {
                i = max(i + 1, consumed)
            } else {
                i += 1
            }
        }
    }

    /// A statement whose cue is token `i`; returns the token after its content.
    mutating func cue(at i: Int, sentence: Int, range: Range<Int>, scalars: Range<Int>) -> Int? {
        let (bare, hasProclitic) = strip(tokens[i].key)
        if let source = Lexicon.sources[bare] {
            return attribution(at: i, link: source, sentence: sentence, range: range, scalars: scalars)
        }
        guard let entry = Lexicon.verbs[bare] else { return nil }
        let afterComma = i == range.lowerBound || gap(before: i, in: scalars).contains { $0 == "،" || $0 == "," }
        if entry.form == .participle {
            guard afterComma, let speaker = lastSpeaker, i + 1 < range.upperBound else { return nil }
            // The content follows the participle: مؤكدا أن…، مشيرا إلى أن…، داعيا المجتمع الدولي إلى…
            var first = i + 1
            if tokens[first].key == Lexicon.key("إلى"), first + 1 < range.upperBound { first += 1 }
            if Lexicon.introducers.contains(tokens[first].key) { first += 1 }
            guard first < range.upperBound else { return nil }
            let end = contentEnd(from: first, range: range, scalars: scalars)
            let content = Content(scalars: contentStart(first, scalars: scalars)..<end.scalar, end: end.token)
            return emit(sentence: sentence, cue: i, entry: entry, mention: nil, speaker: speaker, content: content, range: range, scalars: scalars)
        }
        if !hasProclitic, Lexicon.homographs.contains(bare), !afterComma, !followsOpener(i, range: range) { return nil }
        // VSO: the speaker phrase between the verb and the content.
        var phrase = speakerPhrase(from: i + 1, lemma: entry.lemma, range: range, scalars: scalars)
        // A conduit: ونقل التلفزيون عن X، وذكرت الوكالة نقلا عن X → the words are X's.
        var k = phrase.end
        if k < range.upperBound, tokens[k].key == Lexicon.key("نقلا") { k += 1 }
        if !phrase.tokens.isEmpty, k < range.upperBound, tokens[k].key == Lexicon.key("عن"), k > phrase.end || entry.lemma == "نقل" {
            let source = speakerPhrase(from: k + 1, lemma: entry.lemma, range: range, scalars: scalars)
            if !source.tokens.isEmpty { phrase = source }
        }
        if let content = content(from: phrase.end, lemma: entry.lemma, range: range, scalars: scalars) {
            if !phrase.tokens.isEmpty {
                return emit(sentence: sentence, cue: i, entry: entry, mention: phrase.tokens, speaker: nil, content: content, range: range, scalars: scalars)
            }
            if let before = subjectBefore(i, range: range, scalars: scalars) {
                return emit(sentence: sentence, cue: i, entry: entry, mention: before, speaker: nil, content: content, range: range, scalars: scalars)
            }
            guard let speaker = lastSpeaker, followsOpener(i, range: range) || i == range.lowerBound || hasProclitic else { return nil }
            return emit(sentence: sentence, cue: i, entry: entry, mention: nil, speaker: speaker, content: content, range: range, scalars: scalars)
        }
        // «…»، قال X: the quotation before the cue.
        if let quote = leadingQuote(before: i, range: range, scalars: scalars), !phrase.tokens.isEmpty {
            let content = Content(scalars: quote, end: phrase.end)
            return emit(sentence: sentence, cue: i, entry: entry, mention: phrase.tokens, speaker: nil, content: content, range: range, scalars: scalars)
        }
        return nil
    }

    /// بحسب X، … / …، بحسب X / وفقا لـX / نقلا عن X.
    mutating func attribution(at i: Int, link: String?, sentence: Int, range: Range<Int>, scalars: Range<Int>) -> Int? {
        var start = i + 1
        var skipLam = false
        if let link {
            guard start < range.upperBound else { return nil }
            if tokens[start].key == Lexicon.key(link) {
                start += 1
            } else if link == "ل", tokens[start].key.hasPrefix("ل") {
                skipLam = true
            } else {
                return nil
            }
        }
        var end = start
        while end < range.upperBound, end - start < 8 {
            if end > start, gap(before: end, in: scalars).contains(where: { $0 == "،" || $0 == "," || $0 == ":" }) { break }
            let key = tokens[end].key
            if Lexicon.introducers.contains(key) || key == Lexicon.key("فإن") || key == Lexicon.key("فقد") || (end > start && Lexicon.phraseStops.contains(key)) { break }
            end += 1
        }
        guard end > start else { return nil }
        let mention = start..<end
        let atClauseStart = i == range.lowerBound || followsOpener(i, range: range)
        let content: Content
        if atClauseStart {
            var first = end
            if first < range.upperBound, [Lexicon.key("فإن"), Lexicon.key("فقد")].contains(tokens[first].key) { first += 1 }
            guard first < range.upperBound else { return nil }
            content = Content(scalars: tokens[first].range.lowerBound..<contentEnd(from: first, range: range, scalars: scalars).scalar, end: range.upperBound)
        } else {
            guard i > range.lowerBound else { return nil }
            content = Content(scalars: tokens[range.lowerBound].range.lowerBound..<tokens[i - 1].range.upperBound, end: end)
        }
        let entry = ReportingVerbs.Entry(lemma: "بحسب", cueClass: .source, form: .finite)
        let cueTokens = i..<(link != nil && !skipLam ? start : i + 1)
        return emit(sentence: sentence, cue: cueTokens.lowerBound, cueEnd: cueTokens.upperBound - 1, entry: entry,
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
    /// quotation mark within a few tokens (channel and time phrases come between: في بيان، اليوم),
    /// or else after the verb's preposition (أعرب عن، دعا إلى، طالب بـ), or right at `j` for a verb
    /// whose object is the content (نفى، أدان).
    func content(from j: Int, lemma: String, range: Range<Int>, scalars: Range<Int>) -> Content? {
        guard j < range.upperBound else { return nil }
        var first: Int?
        var startScalar: Int?
        var k = j
        while k < min(range.upperBound, j + 9) {
            let opening = gap(before: k, in: scalars)
            if opening.contains(":") || opening.contains(where: isQuoteMark) {
                first = k
                if let mark = opening.lastIndex(where: isQuoteMark) { startScalar = mark }
                break
            }
            if Lexicon.introducers.contains(tokens[k].key) {
                first = k + 1
                break
            }
            if k > j, Lexicon.verbs[strip(tokens[k].key).bare] != nil { break }
            k += 1
        }
        if first == nil, let preposition = Lexicon.complements[lemma] {
            if preposition.isEmpty {
                first = j
            } else {
                var k = j
                while k < min(range.upperBound, j + 10), first == nil {
                    let key = tokens[k].key
                    if key == Lexicon.key(preposition) {
                        first = k + 1
                        if first! < range.upperBound, Lexicon.introducers.contains(tokens[first!].key) { first! += 1 }
                    } else if preposition == "ب", key.hasPrefix("ب"), key.count > 3 {
                        first = k
                        startScalar = tokens[k].range.lowerBound + 1
                    }
                    k += 1
                }
            }
        }
        guard let first, first < range.upperBound else { return nil }
        let end = contentEnd(from: first, range: range, scalars: scalars)
        let start = startScalar ?? contentStart(first, scalars: scalars)
        guard end.scalar > start else { return nil }
        return Content(scalars: start..<end.scalar, end: end.token)
    }

    /// Where content that starts with token `first` starts: at a quotation mark just before it.
    func contentStart(_ first: Int, scalars: Range<Int>) -> Int {
        gap(before: first, in: scalars).lastIndex(where: isQuoteMark) ?? tokens[first].range.lowerBound
    }

    /// Where a content that starts at token `first` ends: the sentence's end, or a comma before
    /// a participle or a new reporting verb (، مضيفا أن…).
    func contentEnd(from first: Int, range: Range<Int>, scalars: Range<Int>) -> (scalar: Int, token: Int) {
        var k = first + 1
        while k < range.upperBound {
            let comma = gap(before: k, in: scalars).contains { $0 == "،" || $0 == "," }
            if comma, let entry = Lexicon.verbs[strip(tokens[k].key).bare], entry.form == .participle || strip(tokens[k].key).hasProclitic {
                return (tokens[k - 1].range.upperBound + closingMarks(after: k - 1, scalars: scalars), k)
            }
            k += 1
        }
        let last = range.upperBound - 1
        return (tokens[last].range.upperBound + closingMarks(after: last, scalars: scalars), range.upperBound)
    }

    /// The speaker phrase after a verb: up to إن/أن, a colon or quotation, the second comma, or a
    /// channel, time or addressee word; at most 10 tokens, else none.
    func speakerPhrase(from start: Int, lemma: String, range: Range<Int>, scalars: Range<Int>) -> (tokens: Range<Int>, end: Int) {
        let takesBa = Lexicon.complements[lemma] == "ب"
        var j = start
        var commas = 0
        while j < range.upperBound {
            let before = gap(before: j, in: scalars)
            if before.contains(":") || before.contains(where: isQuoteMark) { break }
            if j > start, before.contains(where: { $0 == "،" || $0 == "," }) {
                commas += 1
                if commas == 2 { break }
            }
            let key = tokens[j].key
            // كل من X وY: both speak.
            let jointly = j == start + 1 && tokens[start].key == Lexicon.key("كل") && key == Lexicon.key("من")
            if !jointly, Lexicon.introducers.contains(key) || Lexicon.phraseStops.contains(key) || Lexicon.prepositions.contains(key) { break }
            // An addressee (أعرب لميركل عن…), unless the phrase ends right after it (وأضاف لافروف:).
            if j == start, key.hasPrefix("ل"), Lexicon.verbs[key] == nil, j + 1 < range.upperBound,
               !gap(before: j + 1, in: scalars).contains(where: { $0 == ":" || isQuoteMark($0) }),
               !Lexicon.introducers.contains(tokens[j + 1].key) { break }
            if TimeExpressions.first(in: tokens, j..<(j + 1), published: nil) != nil { break }
            if j > start, Lexicon.verbs[strip(tokens[j].key).bare] != nil { break }
            if j > start, takesBa, key.hasPrefix("ب"), key.unicodeScalars.count > 3 { break }
            j += 1
            if j - start > 10 { return (start..<start, start) }
        }
        return (start..<j, j)
    }

    /// The subject before a verb in the same clause (وكان أردوغان قال إن…), without the clause's
    /// openers; nil if there is none or it is long.
    func subjectBefore(_ i: Int, range: Range<Int>, scalars: Range<Int>) -> Range<Int>? {
        // وكان وزير الخارجية الروسي، سيرغي لافروف، قال إن…: the whole subject, appositions included.
        if [Lexicon.key("وكان"), Lexicon.key("كان"), Lexicon.key("وكانت"), Lexicon.key("كانت")].contains(tokens[range.lowerBound].key),
           i - range.lowerBound > 1, i - range.lowerBound <= 10 {
            let subject = (range.lowerBound + 1)..<i
            if !subject.contains(where: { Lexicon.verbs[strip(tokens[$0].key).bare] != nil }) { return subject }
        }
        var start = i
        while start > range.lowerBound, !gap(before: start, in: scalars).contains(where: { $0 == "،" || $0 == "," || $0 == ":" }) {
            start -= 1
        }
        while start < i, Lexicon.clauseOpeners.contains(tokens[start].key) { start += 1 }
        guard start < i, i - start <= 6 else { return nil }
        for k in start..<i where Lexicon.verbs[strip(tokens[k].key).bare] != nil || Lexicon.phraseStops.contains(tokens[k].key) { return nil }
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

    mutating func emit(sentence: Int, cue: Int, cueEnd: Int? = nil, entry: ReportingVerbs.Entry, mention: Range<Int>?, mentionSkipsLam: Bool = false,
                       speaker given: String?, content: Content, range: Range<Int>, scalars: Range<Int>) -> Int {
        var (contentRange, kind) = trimmed(content.scalars)
        guard !contentRange.isEmpty else { return content.end }
        var mentionText = ""
        var mentionSpan: Range<Int>?
        var speaker = given ?? ""
        if let mention, !mention.isEmpty {
            var displayRange = tokens[mention.lowerBound].range.lowerBound..<tokens[mention.upperBound - 1].range.upperBound
            if mentionSkipsLam { displayRange = (displayRange.lowerBound + 1)..<displayRange.upperBound }
            mentionSpan = display.originalRange(of: displayRange)
            mentionText = String(scalars: original[mentionSpan!])
            speaker = canonical(mention, skipsLam: mentionSkipsLam, scalars: scalars)
            lastSpeaker = speaker
        }
        guard !speaker.isEmpty else { return content.end }
        let cueRange = tokens[cue].range.lowerBound..<tokens[cueEnd ?? cue].range.upperBound
        let cueText = String(scalars: original[display.originalRange(of: cueRange)])
        // The time of the speech act: in the cue's clause, outside the content.
        // (A participle's own clause starts at the participle.)
        let clauseStart = entry.form == .participle ? cue : range.lowerBound
        let clause = clauseStart..<max(clauseStart, tokenIndex(atOrAfter: contentRange.lowerBound, in: range))
        var timeExpression: String?
        var time: String?
        if let mention = TimeExpressions.first(in: tokens, clause, published: published) {
            let r = tokens[mention.tokens.lowerBound].range.lowerBound..<tokens[mention.tokens.upperBound - 1].range.upperBound
            timeExpression = String(scalars: original[display.originalRange(of: r)])
            time = mention.day?.description
        } else {
            // The same speech event: the speaker's earlier statement here, else the article's
            // last dated one.
            time = (found.last { $0.speaker == speaker && $0.article == article.id } ?? found.last { $0.article == article.id && $0.time != nil })?.time
        }
        if kind == .direct, contentRange.count < 2 { kind = .indirect }
        let span = display.originalRange(of: contentRange)
        found.append(Statement(
            article: article.id, outlet: article.source, sentence: sentence, speakerMention: mentionText, speakerSpan: mentionSpan,
            speaker: speaker, cue: cueText, cueClass: entry.cueClass, content: String(scalars: original[span]), contentSpan: span,
            kind: kind, timeExpression: timeExpression, time: time))
        return content.end
    }

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
        if marks.count == 2, marks[0] == start, marks[1] == end - 1 { return ((start + 1)..<(end - 1), .direct) }
        if marks.count == 1, marks[0] == start { return ((start + 1)..<end, .direct) }
        // Quoted fragments make a paraphrase mixed, unless they are names (وكالة "يونهاب").
        var mixed = false
        var k = 0
        while k + 1 < marks.count {
            if !namesSomething(before: marks[k], from: start) { mixed = true }
            k += 2
        }
        return (start..<end, mixed ? .mixed : .indirect)
    }

    /// Whether the word before display scalar `p` introduces a name (وكالة، حزب، مناورات…).
    func namesSomething(before p: Int, from start: Int) -> Bool {
        guard let k = tokens.lastIndex(where: { $0.range.upperBound <= p }), tokens[k].range.upperBound > start else { return false }
        return Lexicon.namingWords.contains(tokens[k].key)
    }

    /// The canonical speaker of a mention: the name part of an apposition (وزير الدفاع، خلوصي أكار
    /// → خلوصي أكار), and an earlier, fuller speaker of the article that contains it (أكار).
    func canonical(_ mention: Range<Int>, skipsLam: Bool, scalars: Range<Int>) -> String {
        var segments: [[Int]] = [[]]
        for k in mention {
            if k > mention.lowerBound, gap(before: k, in: scalars).contains(where: { $0 == "،" || $0 == "," }) { segments.append([]) }
            segments[segments.count - 1].append(k)
        }
        if mention.count == 1, Lexicon.references.contains(tokens[mention.lowerBound].key), let last = lastSpeaker { return last }
        if segments[0].count > 2, tokens[segments[0][0]].key == Lexicon.key("كل"), tokens[segments[0][1]].key == Lexicon.key("من") {
            segments[0].removeFirst(2)
        }
        let named = segments.first { !$0.isEmpty && !Lexicon.titles.contains(tokens[$0[0]].key) } ?? segments[0]
        var written = named.map { tokens[$0].text }
        if skipsLam, named.first == mention.lowerBound, let first = written.first { written[0] = String(first.unicodeScalars.dropFirst()) }
        let name = written.joined(separator: " ")
        let words = Set(StatementScores.words(name))
        // A shorter mention of someone already named, or a role alone: the earlier speaker.
        for earlier in found.reversed() where earlier.article == article.id {
            if words.isSubset(of: Set(StatementScores.words(earlier.speaker))) { return earlier.speaker }
        }
        return name
    }

    // MARK: - Text helpers

    /// The display scalars between token `k - 1` (or the sentence start) and token `k`.
    func gap(before k: Int, in sentence: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        let start = k > 0 ? max(tokens[k - 1].range.upperBound, sentence.lowerBound) : sentence.lowerBound
        return display.scalars[min(start, tokens[k].range.lowerBound)..<tokens[k].range.lowerBound]
    }

    /// How many closing quotation marks follow token `k` directly.
    func closingMarks(after k: Int, scalars: Range<Int>) -> Int {
        var p = tokens[k].range.upperBound
        while p < scalars.upperBound, isQuoteMark(display.scalars[p]) { p += 1 }
        return p - tokens[k].range.upperBound
    }

    /// The first token of `range` that starts at or after display scalar `p`.
    func tokenIndex(atOrAfter p: Int, in range: Range<Int>) -> Int {
        var k = range.lowerBound
        while k < range.upperBound, tokens[k].range.lowerBound < p { k += 1 }
        return k
    }

    /// The key without a leading و or ف, if what remains is a reporting verb or attribution word.
    func strip(_ key: String) -> (bare: String, hasProclitic: Bool) {
        if let first = key.unicodeScalars.first, first == "و" || first == "ف", key.unicodeScalars.count > 2 {
            let rest = String(key.unicodeScalars.dropFirst())
            if Lexicon.verbs[rest] != nil || Lexicon.sources[rest] != nil { return (rest, true) }
        }
        return (key, false)
    }
}

/// Quotation marks of Arabic news: « » “ ” " ″ and the low and single forms.
func isQuoteMark(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x0022, 0x2033, 0x201F: true
    default: false
    }
}
