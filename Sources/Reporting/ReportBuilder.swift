import ArabicText
import Foundation
import Ingest
import Statements
import Stories
import Support
import Timeline

/// Builds a ``Report``: pure functions of the input and the options.
struct ReportBuilder: Sendable {
    let input: Analysis
    let options: ReportOptions
    let from: CalendarDay
    let to: CalendarDay
    /// Whether each article was published in the period.
    let inPeriod: [Bool]
    let indexOfArticle: [String: Int]
    /// The timeline entries of each story, as indices of the input's timeline.
    let entriesOfStory: [String: [Int]]
    /// The statements of each article, as indices of the input's statements.
    let statementsOfArticle: [String: [Int]]
    /// The articles of the period by outlet, in input order.
    let periodArticlesOfOutlet: [String: [Int]]

    init(_ input: Analysis, options: ReportOptions) {
        self.input = input
        self.options = options
        let days = input.articles.compactMap { $0.published?.calendarDay }
        let first = options.from ?? days.min() ?? CalendarDay(daysSinceEpoch: 0)
        let last = options.to ?? days.max() ?? first
        (from, to) = (first, last)
        // An undated article belongs to a report of the whole input only.
        inPeriod = input.articles.map { article in
            guard let day = article.published?.calendarDay else { return options.from == nil && options.to == nil }
            return day >= first && day <= last
        }
        var index: [String: Int] = [:]
        for (i, article) in input.articles.enumerated() { index[article.id] = i }
        indexOfArticle = index
        entriesOfStory = Dictionary(grouping: input.timeline.indices, by: { input.timeline[$0].story })
        statementsOfArticle = Dictionary(grouping: input.statements.indices, by: { input.statements[$0].article })
        let inPeriod = inPeriod
        periodArticlesOfOutlet = Dictionary(grouping: input.articles.indices.filter { inPeriod[$0] }, by: { input.articles[$0].source })
    }

    /// The period's articles, outlets and stories, as the report counts them.
    struct Period {
        /// The articles published in the period, by index.
        let articles: [Int]
        /// Their outlets, in name order.
        let activeOutlets: [String]
        /// The stories with an article in the period, the most independent sources first.
        let stories: [Story]
        /// Those of more than one article.
        let shared: [Story]
        /// Those of one outlet, the largest first.
        let exclusives: [Story]
    }

    func period() -> Period {
        let periodArticles = input.articles.indices.filter { inPeriod[$0] }
        let storyIDs = Set(periodArticles.map { input.storyOfArticle[$0] })
        let stories = input.stories.filter { storyIDs.contains($0.story) }.sorted { a, b in
            (a.independentSources.count, a.articles.count, a.lastPublished ?? "", b.story) > (
                b.independentSources.count, b.articles.count, b.lastPublished ?? "", a.story
            )
        }
        return Period(
            articles: periodArticles, activeOutlets: Set(periodArticles.map { input.articles[$0].source }).sorted(), stories: stories,
            shared: stories.filter { $0.articles.count > 1 },
            exclusives: stories.filter { $0.outlets.count == 1 }.sorted { ($0.articles.count, $1.story) > ($1.articles.count, $0.story) })
    }

    /// Each active outlet's line.
    func outletLines(_ period: Period) -> [OutletLine] {
        period.activeOutlets.map { outletLine($0, periodArticles: period.articles, shared: period.shared, exclusives: period.exclusives) }
    }

    func report() -> Report {
        let period = period()
        let (periodArticles, activeOutlets, stories, shared) = (period.articles, period.activeOutlets, period.stories, period.shared)
        let ranked = shared.isEmpty ? stories : shared
        let inFull = Array(ranked.prefix(options.storiesInFull))
        // Each story's words per outlet (both cores, one story's outlet at a time: the largest
        // story alone would keep one core busy), then the prior: all of them together.
        let outletArticles = inFull.map { Dictionary(grouping: members(of: $0), by: { input.articles[$0].source }).sorted { $0.key < $1.key } }
        let pairs = outletArticles.indices.flatMap { k in outletArticles[k].map { (story: k, outlet: $0.key, articles: $0.value) } }
        let pairTerms = parallelMap(count: pairs.count) { termCounts(of: pairs[$0].articles) }
        var termsOfStory = Array(repeating: [String: TermCounts](), count: inFull.count)
        for (pair, terms) in zip(pairs, pairTerms) { termsOfStory[pair.story][pair.outlet] = terms }
        let outletTerms = termsOfStory
        var prior = TermCounts()
        for terms in pairTerms { prior.add(terms) }
        let background = prior
        let sections = parallelMap(count: inFull.count) { k in
            section(inFull[k], rank: k + 1, activeOutlets: activeOutlets, outletTerms: outletTerms[k], background: background)
        }
        let others = ranked.dropFirst(options.storiesInFull).prefix(100).map(line)
        let exclusives = period.exclusives
        let outletLines = outletLines(period)
        let framing = Framing.lines(framingUsage(periodArticles))
        let dated = input.articles.contains { $0.published != nil } || options.from != nil
        let periodText = !dated ? "—" : from == to ? from.description : "\(from) – \(to)"
        return Report(
            title: "تقرير الأخبار: \(periodText)", period: periodText, articleCount: periodArticles.count,
            overview: periodArticles.isEmpty
                ? "لا مقالات في هذه الفترة"
                : "\(counted(periodArticles.count, Nouns.article)) من \(counted(activeOutlets.count, Nouns.outlet))، \(counted(stories.count, Nouns.story)) منها \(shared.count) بأكثر من مقال",
            timeZoneNote: "الأوقات بتوقيت \(zoneName(options.timeZone))",
            stories: sections, others: others, outlets: outletLines,
            exclusives: exclusives.prefix(10).map(line), framing: framing,
            charts: Charts.all(volume: volume(periodArticles, outlets: activeOutlets), sections: sections, outlets: activeOutlets, lags: outletLines),
            hasOthers: !others.isEmpty, hasExclusives: !exclusives.isEmpty, hasFraming: !framing.isEmpty)
    }

    /// Each outlet's use of the framing terms over the period's articles (titles and texts),
    /// counted on every core, 256 articles at a time.
    func framingUsage(_ periodArticles: [Int]) -> [String: Framing.Usage] {
        let blockSize = 256
        let blocks = parallelMap(count: (periodArticles.count + blockSize - 1) / blockSize) { block in
            var usage: [String: Framing.Usage] = [:]
            for i in periodArticles[(block * blockSize)..<min(periodArticles.count, (block + 1) * blockSize)] {
                usage[input.articles[i].source, default: Framing.Usage()].add(input.articles[i].title + "\n" + input.articles[i].text)
            }
            return usage
        }
        var usage: [String: Framing.Usage] = [:]
        for block in blocks { for (outlet, part) in block { usage[outlet, default: Framing.Usage()].merge(part) } }
        return usage
    }

    // MARK: - One story

    func members(of story: Story) -> [Int] { story.articles.compactMap { indexOfArticle[$0] } }

    /// Keywords of a story an article of another story must hold in its headline and lead for its
    /// outlet not to be called silent on it.
    static let keywordsForSimilarity = 3

    /// Whether `outlet` published, within a day of the story's span, an article of another story
    /// whose headline and first 300 letters hold ``keywordsForSimilarity`` of the story's keywords:
    /// it covered the story in an article the clustering put elsewhere, so it is not silent.
    func hasSimilarArticle(_ outlet: String, to story: Story, members: [Int]) -> Bool {
        let days = members.compactMap { input.articles[$0].published?.calendarDay.daysSinceEpoch }
        guard let first = days.min(), let last = days.max() else { return false }
        let keywords = Set(story.keywords.map { KeyNormalizer().key($0) })
        guard keywords.count >= Self.keywordsForSimilarity else { return false }
        return (periodArticlesOfOutlet[outlet] ?? []).contains { i in
            let article = input.articles[i]
            guard let day = article.published?.calendarDay.daysSinceEpoch, day >= first - 1, day <= last + 1 else { return false }
            let words = Set(Tokenizer.tokens(in: article.title + "\n" + String(article.text.prefix(300))).map(\.key))
            return keywords.intersection(words).count >= Self.keywordsForSimilarity
        }
    }

    func section(_ story: Story, rank: Int, activeOutlets: [String], outletTerms: [String: TermCounts], background: TermCounts) -> StorySection {
        let members = members(of: story)
        let entries = timeline(of: story)
        let covered = Set(story.outlets)
        let absent = activeOutlets.filter { !covered.contains($0) }
        let nearbyOutlets = Set(absent.filter { hasSimilarArticle($0, to: story, members: members) })
        let silent = absent.filter { !nearbyOutlets.contains($0) }.joined(separator: "، ")
        let nearby = absent.filter { nearbyOutlets.contains($0) }.joined(separator: "، ")
        let chosen = options.timelinePage.map { Array($0.clamped(to: entries.indices)) } ?? Self.rowsThatMatter(entries, limit: options.entriesPerStory)
        let shown = chosen.map { entryLine(entries[$0]) }
        let days = members.compactMap { input.articles[$0].published?.calendarDay.daysSinceEpoch }
        return StorySection(
            rank: rank, anchor: "story-\(rank)", id: story.story, title: Headline.shown(story.title), link: link(story), hasLink: !link(story).isEmpty,
            summary: summary(story, members: members),
            keywords: story.keywords.joined(separator: "، "),
            firstReport: display(members.compactMap { input.articles[$0].published }.min(), in: options.timeZone),
            lastReport: display(members.compactMap { input.articles[$0].published }.max(), in: options.timeZone),
            span: days.isEmpty ? "—" : counted(days.max()! - days.min()! + 1, Nouns.day),
            possiblyOlder: members.compactMap { input.articles[$0].published?.calendarDay }.min() == from,
            weight: counted(story.independentSources.count, Nouns.source) + "، " + counted(story.articles.count, Nouns.article),
            outlets: story.outlets.joined(separator: "، "), silent: silent, hasSilent: !silent.isEmpty, nearby: nearby, hasNearby: !nearby.isEmpty,
            timeline: shown, days: groupedByDay(shown), hasTimeline: !shown.isEmpty, moreEntries: counted(max(0, entries.count - shown.count), Nouns.statement),
            hasMoreEntries: entries.count > shown.count, comparison: comparison(story, members: members, counts: outletTerms, background: background),
            sources: members.filter { inPeriod[$0] }.sorted {
                (input.articles[$0].published?.epochSeconds ?? .max, $0) < (input.articles[$1].published?.epochSeconds ?? .max, $1)
            }
            .map { SourceLink(input.articles[$0], in: options.timeZone) })
    }

    /// Consecutive entries of one day together, in order.
    func groupedByDay(_ entries: [EntryLine]) -> [TimelineDay] {
        var days: [TimelineDay] = []
        for entry in entries {
            if let last = days.last, last.day == entry.time {
                days[days.count - 1] = TimelineDay(day: last.day, entries: last.entries + [entry])
            } else {
                days.append(TimelineDay(day: entry.time, entries: [entry]))
            }
        }
        return days
    }

    /// The entries a story shows, at most `limit`, by index in timeline order: the most important
    /// first, where an entry carried by more outlets matters more, then one of the story's principal
    /// speakers (the three with most entries), then one made when it was reported (not recalled
    /// from more than 30 days before), then one whose outlets agree on its words (a
    /// flagged drift is as often two statements joined), then one with more reports; each day the
    /// story was reported first gets its most important entry, so a story followed for weeks shows
    /// its weeks (a statement of 2013 an article recalls claims no day of its own).
    static func rowsThatMatter(_ entries: [TimelineEntry], limit: Int) -> [Int] {
        var entriesOfSpeaker: [String: Int] = [:]
        for entry in entries { entriesOfSpeaker[entry.speaker, default: 0] += 1 }
        let principal = Set(entriesOfSpeaker.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map(\.key))
        // (a statement made more than 30 days before it was reported, which an article recalls,
        // matters less than the story's own)
        let current = entries.map { entry -> Int in
            guard let time = entry.time, let day = entry.first.published?.calendarDay else { return 1 }
            return time < day.adding(days: -30).description ? 0 : 1
        }
        let ranked = entries.indices.sorted { a, b in
            let (x, y) = (entries[a], entries[b])
            return (x.outlets.count, principal.contains(x.speaker) ? 1 : 0, current[a], x.drifts ? 0 : 1, x.reports.count, -a)
                > (y.outlets.count, principal.contains(y.speaker) ? 1 : 0, current[b], y.drifts ? 0 : 1, y.reports.count, -b)
        }
        var chosen: [Int] = []
        var days: Set<String> = []
        for k in ranked where chosen.count < limit {
            if days.insert(entries[k].first.published?.day ?? entries[k].time ?? "").inserted { chosen.append(k) }
        }
        let first = Set(chosen)
        for k in ranked where chosen.count < limit && !first.contains(k) { chosen.append(k) }
        return chosen.sorted()
    }

    /// A story's timeline entries first reported in the period, in timeline order.
    func timeline(of story: Story) -> [TimelineEntry] {
        (entriesOfStory[story.story] ?? []).map { input.timeline[$0] }.filter { entry in
            entry.reports.contains { report in indexOfArticle[report.article].map { inPeriod[$0] } ?? false }
        }
    }

    /// Lead sentences of the most central articles: those whose headline and lead hold most of
    /// the story's key terms; a sentence that repeats one already taken is skipped.
    func summary(_ story: Story, members: [Int]) -> [String] {
        let keywords = Set(story.keywords.map { KeyNormalizer().key($0) })
        let candidates = members.filter { input.duplicateOf[$0] == nil }.map { i -> (index: Int, lead: String, score: Int) in
            let lead = leadSentence(input.articles[i].text)
            let words = Set(Tokenizer.tokens(in: input.articles[i].title + " " + lead).map(\.key))
            return (i, lead, keywords.intersection(words).count)
        }
        var taken: [(text: String, words: Set<String>)] = []
        for candidate in candidates.sorted(by: { ($0.score, $1.index) > ($1.score, $0.index) }) {
            let words = Set(StatementScores.words(candidate.lead))
            // (a sentence inside a longer one repeats it too: 80 % of its words there)
            guard words.count >= 5, !taken.contains(where: { jaccard($0.words, words) > 0.4 || containment($0.words, words) >= 0.8 }) else { continue }
            taken.append((candidate.lead, words))
            if taken.count == 3 { break }
        }
        return taken.map { hashtagsAsWords($0.text) }
    }

    /// The first sentence of a text, at most 60 words, without its dateline («دبي، الإمارات
    /// العربية المتحدة (CNN) — »).
    func leadSentence(_ text: String) -> String {
        let display = DisplayText(text)
        // (a sentence that is a dateline alone, «دبي، الإمارات العربية المتحدة (CNN)-- "نتيجة مؤسفة"..», is skipped)
        let sentences = SentenceSplitter.sentences(of: display).lazy.filter { $0.range.count > 20 }
            .map { withoutDateline(oneLine(String(String.UnicodeScalarView(display.scalars[$0.range])))) }
        guard let sentence = sentences.first(where: { $0.split(separator: " ").count >= 4 }) else { return oneLine(text) }
        let words = sentence.split(separator: " ")
        return words.count > 60 ? words.prefix(60).joined(separator: " ") + " …" : sentence
    }

    func entryLine(_ entry: TimelineEntry) -> EntryLine {
        var seen: Set<String> = []
        let wordings = entry.reports.filter { seen.insert($0.outlet).inserted }.map { Wording(outlet: $0.outlet, content: oneLine($0.content)) }
        let sentence = sourceSentence(article: entry.first.article, content: entry.first.content)
        return EntryLine(
            time: entry.time ?? entry.first.published?.day ?? "—", dated: entry.time != nil, speaker: entry.speaker, role: entry.role.map(oneLine) ?? "",
            hasRole: entry.role != nil && entry.role != entry.speaker, cue: entry.first.cue,
            content: clipped(oneLine(entry.first.content), to: 400), quoted: entry.first.kind == .direct, outlets: entry.outlets.joined(separator: "، "),
            sources: sources(of: entry),
            drifts: entry.drifts, wordings: entry.drifts ? wordings.map { Wording(outlet: $0.outlet, content: clipped($0.content, to: 300)) } : [],
            sentence: sentence, hasSentence: !sentence.isEmpty)
    }

    /// The sentence of `article` that holds `content`: from the end of the sentence before (. ؟ !
    /// or a line break) to the end of its own, at most 600 letters; "" when the words are not in
    /// the article as written.
    func sourceSentence(article: String, content: String) -> String {
        guard let i = indexOfArticle[article], !content.isEmpty else { return "" }
        let text = input.articles[i].text
        // (Byte for byte: the content is the article's words as written.)
        guard let words = text.utf8.firstRange(of: content.utf8) else { return "" }
        let ends: Set<Character> = [".", "؟", "!", "?", "\n"]
        let start = text[..<words.lowerBound].lastIndex(where: ends.contains).map { text.index(after: $0) } ?? text.startIndex
        let end = text[words.upperBound...].firstIndex(where: ends.contains).map { text.index(after: $0) } ?? text.endIndex
        return clipped(oneLine(String(text[start..<end])).trimmingCharacters(in: .whitespaces), to: 600)
    }

    /// Each outlet that carried an entry, linked to its first report's article.
    func sources(of entry: TimelineEntry) -> [SourceLink] {
        var seen: Set<String> = []
        return entry.reports.filter { seen.insert($0.outlet).inserted }.map { report in
            indexOfArticle[report.article].map { SourceLink(input.articles[$0], in: options.timeZone) }
                ?? SourceLink(
                    Article(
                        id: report.article, source: report.outlet, url: nil, title: "", published: report.published, text: "",
                        origin: SourceLocation(file: "", line: 0)), in: options.timeZone)
        }
    }

    /// One outlet's part in a story: its articles, first report, delay behind the story's first
    /// report, and wire copies of another outlet's articles.
    struct OutletPart {
        let outlet: String
        let articles: [Int]
        let firstReport: Published?
        let lagMinutes: Int?
        let copies: Int
    }

    /// Each outlet's part in a story, in the story's outlet order.
    func parts(of story: Story, members: [Int]) -> [OutletPart] {
        let byOutlet = Dictionary(grouping: members, by: { input.articles[$0].source })
        let first = members.compactMap { input.articles[$0].published?.epochSeconds }.min()
        return story.outlets.map { outlet in
            let articles = byOutlet[outlet] ?? []
            let firstReport = articles.compactMap { input.articles[$0].published }.min()
            return OutletPart(
                outlet: outlet, articles: articles, firstReport: firstReport,
                lagMinutes: firstReport.flatMap { own in first.map { Int((own.epochSeconds - $0) / 60) } },
                copies: articles.filter { i in input.duplicateOf[i].map { input.articles[$0].source != outlet } ?? false }.count)
        }
    }

    func comparison(_ story: Story, members: [Int], counts: [String: TermCounts], background: TermCounts) -> [OutletCoverage] {
        var total = TermCounts()
        for outletCounts in counts.values { total.add(outletCounts) }
        let totalCount = total.counts.reduce(0, +), backgroundTotal = background.counts.reduce(0, +)
        let parts = parts(of: story, members: members)
        let shared = SharedParagraphs.counts(
            Dictionary(uniqueKeysWithValues: parts.map { part in (part.outlet, part.articles.map { input.articles[$0].text }) }))
        return parts.map { part in
            let outlet = part.outlet
            var speakers: [String: Int] = [:]
            for i in part.articles { for k in statementsOfArticle[input.articles[i].id] ?? [] { speakers[input.statements[k].speaker, default: 0] += 1 } }
            let quoted = speakers.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) (\($0.value))" }
            let group = counts[outlet] ?? TermCounts()
            let groupTotal = group.counts.reduce(0, +)
            // (Only with enough text: two articles of the outlet and three uses of a word.)
            let distinctive =
                counts.count < 2 || part.articles.count < Self.minimumArticlesForWording
                ? []
                : LogOdds.distinctive(
                    group.counts.indices.map { k in
                        let (inTotal, inBackground) = group.terms.withBytes(of: k) { (total.count(of: $0), background.count(of: $0)) }
                        return (group.counts[k], inTotal - group.counts[k], inBackground)
                    }, named: group.terms.word, groupTotal: groupTotal, restTotal: totalCount - groupTotal,
                    backgroundTotal: backgroundTotal, limit: 20
                )
                .filter { $0.count >= Self.minimumUsesForWording }.prefix(3)
            let spelled = distinctive.isEmpty ? [:] : spellings(of: distinctive.map(\.term), in: part.articles)
            return OutletCoverage(
                outlet: outlet, articles: part.articles.count, firstReport: display(part.firstReport, in: options.timeZone),
                lag: part.lagMinutes.map { $0 <= 0 ? "الأول" : "+" + duration(minutes: $0) } ?? "—", lagMinutes: part.lagMinutes,
                copies: part.copies, own: part.articles.count - part.copies,
                sharedParagraphs: (shared[part.outlet] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value))" }
                    .joined(separator: "، "),
                speakers: quoted.joined(separator: "، "),
                distinctive: distinctive.map { "«\(spelled[$0.term] ?? $0.term)» (\(String(format: "%.1f", $0.z)))" }.joined(separator: "، "))
        }
    }

    // MARK: - The period

    func line(_ story: Story) -> StoryLine {
        StoryLine(
            id: story.story, title: Headline.shown(story.title), link: link(story), hasLink: !link(story).isEmpty, articles: story.articles.count,
            outlets: story.outlets.joined(separator: "، "))
    }

    /// Where a story's headline links to, "" without ``ReportOptions/storyLinkPrefix``.
    func link(_ story: Story) -> String {
        options.storyLinkPrefix.map { $0 + (story.story.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? story.story) } ?? ""
    }

    func outletLine(_ outlet: String, periodArticles: [Int], shared: [Story], exclusives: [Story]) -> OutletLine {
        let covered = shared.filter { $0.outlets.contains(outlet) }
        var lags: [Int] = []
        for story in covered where story.outlets.count > 1 {
            let members = members(of: story)
            guard let first = members.compactMap({ input.articles[$0].published?.epochSeconds }).min(),
                let own = members.filter({ input.articles[$0].source == outlet }).compactMap({ input.articles[$0].published?.epochSeconds }).min(),
                own > first
            else { continue }
            lags.append(Int((own - first) / 60))
        }
        lags.sort()
        let share = shared.isEmpty ? 0 : 100 * Double(covered.count) / Double(shared.count)
        return OutletLine(
            outlet: outlet, articles: periodArticles.filter { input.articles[$0].source == outlet }.count, sharedStories: covered.count,
            share: String(format: "%.0f%%", share), exclusives: exclusives.filter { $0.outlets == [outlet] }.count,
            medianLag: lags.isEmpty ? "—" : duration(minutes: lags[lags.count / 2]), medianLagMinutes: lags.isEmpty ? nil : lags[lags.count / 2])
    }

    /// Articles per outlet in each bucket of the period: days, or six hours for three days or less.
    func volume(_ periodArticles: [Int], outlets: [String]) -> Charts.Volume {
        let times = periodArticles.compactMap { input.articles[$0].published?.epochSeconds }
        guard let start = times.min(), let end = times.max() else { return Charts.Volume(labels: [], series: []) }
        let days = to.daysSinceEpoch - from.daysSinceEpoch + 1
        let bucket: Int64 = days <= 3 ? 6 * 3_600 : 86_400
        let origin = start - ((start % bucket) + bucket) % bucket
        let count = Int((end - origin) / bucket) + 1
        var series = Dictionary(uniqueKeysWithValues: outlets.map { ($0, [Int](repeating: 0, count: count)) })
        for i in periodArticles {
            guard let t = input.articles[i].published?.epochSeconds else { continue }
            series[input.articles[i].source]?[Int((t - origin) / bucket)] += 1
        }
        let labels = (0..<count).map { k -> String in
            let day = CalendarDay(daysSinceEpoch: Int((origin + Int64(k) * bucket) / 86_400))
            let hour = (origin + Int64(k) * bucket) % 86_400 / 3_600
            return bucket == 86_400 ? day.description : "\(day.description.suffix(5)) \(hour < 10 ? "0" : "")\(hour):00"
        }
        return Charts.Volume(labels: labels, series: outlets.map { ($0, series[$0]!) })
    }

    // MARK: - Words

    /// Key-view words (stop words out) and two-word phrases of articles' headlines and texts.
    /// Articles an outlet must have in a story for its distinctive wording to be shown.
    static let minimumArticlesForWording = 2
    /// Uses a word must have in the outlet's articles to be shown as its distinctive wording.
    static let minimumUsesForWording = 3

    /// Reporting verbs by key, bare or with و/ف (وقالت، وأضاف): the words of attribution every
    /// outlet writes, no outlet's wording.
    static let reportingVerbs: Set<String> = Set(ReportingVerbs.entries.flatMap { [$0.form, "و" + $0.form, "ف" + $0.form] }.map { KeyNormalizer().key($0) })

    /// How often each term (a word, or two consecutive words, by key) occurs in the articles.
    func termCounts(of articles: [Int]) -> TermCounts {
        var counts = TermCounts()
        forEachTerm(of: articles) { key, _ in counts.add(key, count: 1) }
        return counts
    }

    /// The commonest spelling of each of `terms` in the articles (the first in string order
    /// among equally common ones). Asked only for the few terms a report shows: keeping every
    /// term's spellings while counting took a fifth of the run's memory.
    func spellings(of terms: [String], in articles: [Int]) -> [String: String] {
        let wanted = ByteTable(terms)
        var seen = Array(repeating: [String: Int](), count: wanted.count)
        forEachTerm(of: articles) { key, written in
            if let k = wanted.index(of: key) { seen[k][written(), default: 0] += 1 }
        }
        var spelled: [String: String] = [:]
        for k in seen.indices where !seen[k].isEmpty { spelled[wanted.word(k)] = seen[k].max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
        return spelled
    }

    /// Calls `body` with each term of the articles' titles and texts, by the UTF-8 bytes of its key
    /// (valid during the call) and with a function that gives it as written: each Arabic word of
    /// two letters or more that is neither a stop word nor a reporting verb, and each two such
    /// words in a row (their keys joined by a space).
    func forEachTerm(of articles: [Int], _ body: (_ key: UnsafeRawBufferPointer, _ written: () -> String) -> Void) {
        var pair: [UInt8] = []
        for i in articles {
            let tokens = Tokenizer.tokens(in: input.articles[i].title + "\n" + input.articles[i].text)
            var previous: Token?
            for token in tokens {
                guard token.kind == .arabic, token.key.unicodeScalars.count > 1, !StopWords.news.contains(token),
                    !Self.reportingVerbs.contains(token.key)
                else {
                    previous = nil
                    continue
                }
                var key = token.key
                key.withUTF8 { body(UnsafeRawBufferPointer($0)) { token.text } }
                if let previous {
                    pair.removeAll(keepingCapacity: true)
                    pair += previous.key.utf8
                    pair.append(0x20)
                    pair += token.key.utf8
                    pair.withUnsafeBytes { body($0) { previous.text + " " + token.text } }
                }
                previous = token
            }
        }
    }
}

/// The forms of an Arabic noun after a number: one, two, three to ten, eleven and more.
struct Noun {
    let one: String, two: String, few: String, many: String
}

/// The nouns the report counts.
enum Nouns {
    static let article = Noun(one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالًا")
    static let source = Noun(one: "مصدر مستقل واحد", two: "مصدران مستقلان", few: "مصادر مستقلة", many: "مصدرًا مستقلًا")
    static let outlet = Noun(one: "منفذ واحد", two: "منفذان", few: "منافذ", many: "منفذًا")
    static let story = Noun(one: "قصة واحدة", two: "قصتان", few: "قصص", many: "قصة")
    static let statement = Noun(one: "تصريح واحد", two: "تصريحان", few: "تصريحات", many: "تصريحًا")
    static let day = Noun(one: "يوم واحد", two: "يومان", few: "أيام", many: "يومًا")
}

/// A count with its noun in agreement: «لا مقالات»، «مقال واحد»، «مقالان»، «3 مقالات»، «11 مقالًا»، «100 مقال».
func counted(_ n: Int, _ noun: Noun) -> String {
    switch n {
    case 0: return "لا \(noun.few)"
    case 1: return noun.one
    case 2: return noun.two
    case 3...10: return "\(n) \(noun.few)"
    default:
        // Hundreds and thousands take the singular (100 مقال); 11–99 and the rest the accusative.
        let lastTwo = n % 100
        if lastTwo == 0 { return "\(n) \(noun.one.split(separator: " ").first!)" }
        if lastTwo >= 3 && lastTwo <= 10 { return "\(n) \(noun.few)" }
        if lastTwo == 1 || lastTwo == 2 { return "\(n) \(noun.one.split(separator: " ").first!)" }
        return "\(n) \(noun.many)"
    }
}

/// At most `limit` characters, an ellipsis marking the cut.
func clipped(_ text: String, to limit: Int) -> String {
    text.count > limit ? String(text.prefix(limit)) + " …" : text
}

/// A sentence without the dateline or byline it opens with: a head of at most six words ended by
/// a dash («لندن - »، «عبدالله البرقاوي – »، «(CNN)-- ») or by a colon when the head holds a
/// parenthesis, a comma or a news agency («الرياض (رويترز):»، «د ب أ - الرياض:»، «واس – جدة:»: the
/// place after a dash too); up to three in a row («أحمد علي- سبق- القاهرة:»).
func withoutDateline(_ sentence: String) -> String {
    var rest = Substring(sentence)
    var strippedDash = false
    // (a hyphen or a colon between two letters or digits joins them: جونغ-أون، 10:30)
    func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    for _ in 0..<3 {
        guard
            let mark = rest.indices.first(where: { k in
                let next = rest.index(after: k)
                return datelineMarks.contains(rest[k])
                    && !(k > rest.startIndex && isWord(rest[rest.index(before: k)]) && next < rest.endIndex && isWord(rest[next]))
            })
        else { break }
        let head = rest[..<mark]
        let words = head.split(separator: " ").count
        let isDash = rest[mark] != ":"
        let qualified =
            isDash
            ? words <= 6
            : words <= 6 && (head.contains("(") || head.contains("،") || newsAgencies.contains { head.contains($0) } || (strippedDash && words <= 3))
        // (a dash inside parentheses, «(اف - 16)»، «(رجالا - نساء)», ends no dateline)
        let opened = head.filter { $0 == "(" }.count > head.filter { $0 == ")" }.count
        guard words > 0, qualified, !opened else { break }
        rest = rest[mark...].drop { datelineMarks.contains($0) || $0 == " " }
        strippedDash = isDash
    }
    return String(rest)
}

/// What ends a dateline: a dash of any length, or a colon.
let datelineMarks: Set<Character> = ["-", "–", "—", ":"]

/// News agencies and channels as datelines name them.
let newsAgencies = [
    "CNN", "AFP", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "د ب أ", "د.ب.أ", "واس", "يو بي آي", "الأناضول", "كونا", "وام", "قنا", "بنا", "سبأ", "سانا",
    "أ ش أ",
]

/// Shared words over the smaller set's words.
func containment(_ a: Set<String>, _ b: Set<String>) -> Double {
    let smaller = min(a.count, b.count)
    return smaller == 0 ? 0 : Double(a.intersection(b).count) / Double(smaller)
}

/// Shared words over all words.
func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
}

/// A publication time as the report writes it: `2020-02-20 14:10 (+03:00)`, «—» when unknown.
func display(_ published: Published?, in zone: TimeZone) -> String {
    guard let published else { return "—" }
    // A day without a time is shown as written: it names no instant to convert.
    guard published.hasTime else { return String(published.description.prefix(10)) }
    let instant = published.epochSeconds
    let local = instant + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    let (days, seconds) = (local >= 0 ? local / 86_400 : (local - 86_399) / 86_400, ((local % 86_400) + 86_400) % 86_400)
    let minutes = Int(seconds / 60)
    return "\(CalendarDay(daysSinceEpoch: Int(days))) \(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))"
}

/// Minutes as «2 س 15 د», «3 ي 4 س» beyond a day.
func duration(minutes: Int) -> String {
    if minutes >= 1_440 { return "\(minutes / 1_440) ي" + (minutes % 1_440 / 60 > 0 ? " \(minutes % 1_440 / 60) س" : "") }
    if minutes >= 60 { return "\(minutes / 60) س" + (minutes % 60 > 0 ? " \(minutes % 60) د" : "") }
    return "\(minutes) د"
}

/// A zone as the report's header names it: UTC, an identifier (Asia/Riyadh), or an offset (UTC+03:00).
func zoneName(_ zone: TimeZone) -> String {
    if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
    if zone.identifier.contains("/") { return zone.identifier }
    let offset = zone.secondsFromGMT() / 60
    return "UTC" + (offset < 0 ? "-" : "+") + twoDigits(abs(offset) / 60) + ":" + twoDigits(abs(offset) % 60)
}

/// `n` (0–99) with two digits.
func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// How often each term of some articles occurs: the terms (key view, a word or two) numbered in a
/// byte table, their counts by number. Far smaller than a dictionary of strings: the report
/// counts every term of its largest stories, and those dictionaries were its peak memory.
struct TermCounts: Sendable {
    /// The terms.
    var terms = ByteTable()
    /// The count of each term, by its number in ``terms``.
    var counts: [Int] = []

    /// Counts `count` more uses of the term whose key has the bytes `key`.
    mutating func add(_ key: UnsafeRawBufferPointer, count: Int) {
        let k = terms.insert(key)
        if k == counts.count { counts.append(count) } else { counts[k] += count }
    }

    /// Adds every count of `other`.
    mutating func add(_ other: TermCounts) {
        for k in other.counts.indices { other.terms.withBytes(of: k) { add($0, count: other.counts[k]) } }
    }

    /// The count of the term whose key has the bytes `key` (0 when it is not counted).
    func count(of key: UnsafeRawBufferPointer) -> Int { terms.index(of: key).map { counts[$0] } ?? 0 }
}
