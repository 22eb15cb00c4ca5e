import ArabicText
import Ingest
import Statements
import Support

/// One report of a statement: which article carried it, when, and in what words.
public struct Report: Sendable, Equatable {
    /// The article's id.
    public let article: String
    /// The article's outlet.
    public let outlet: String
    /// When the article was published, if known.
    public let published: Published?
    /// The cue as this article wrote it.
    public let cue: String
    /// The words as this article gave them.
    public let content: String
    /// Direct, indirect or mixed, in this article.
    public let kind: Statement.Kind
}

/// One entry of a story's timeline: a speaker's statement, however many outlets reported it.
public struct TimelineEntry: Sendable, Equatable {
    /// The entry's id: the story's id and the entry's place in its timeline (`s-…/3`).
    public var id: String
    /// The story's id.
    public let story: String
    /// The speaker, canonical across the story.
    public let speaker: String
    /// The speaker's role, if an article gives it.
    public let role: String?
    /// The kind of speech act of the first report's cue.
    public let cueClass: ReportingVerbs.CueClass
    /// The day the statement was made (`YYYY-MM-DD`), when a report resolves it.
    public let time: String?
    /// Every report, earliest first.
    public let reports: [Report]
    /// How far the outlets' wordings are apart: 1 minus the smallest word overlap (Jaccard) of two
    /// outlets' first reports; 0 with one outlet.
    public let drift: Double

    /// The first report.
    public var first: Report { reports[0] }
    /// The outlets that carried it, in the order they did.
    public var outlets: [String] {
        var seen: Set<String> = []
        return reports.map(\.outlet).filter { seen.insert($0).inserted }
    }
    /// Whether outlets' wordings differ materially: less than 60 % of their words in common.
    public var drifts: Bool { drift > Timeline.driftThreshold }
}

/// Timelines of who said what and when, per story: the statements of a story's articles, the
/// same speaker's same statement reported by several outlets gathered into one entry.
public enum Timeline {
    /// Above this drift, outlets' wordings of one statement differ materially.
    public static let driftThreshold = 0.4
    /// How long after its first report a statement may be reported again, in seconds (3 days).
    static let reportingWindow: Int64 = 3 * 86_400
    /// Two reports of one speaker are the same statement when their words overlap by at least this
    /// share of the shorter one: outlets paraphrase, and a third of the words in common is the same
    /// speech act (on `gold-dev-2/statement-pairs.jsonl`, 0.5 → 0.35 raised recall 0.64 → 0.70 and
    /// kept precision at 0.92; 0.25 gave the same).
    public static let sameStatement = 0.35
    /// Two reports whose speakers differ are still one statement when their words overlap by at
    /// least this share of the longer one, with at least `sameWordsShared` words in common: one
    /// outlet names the deputy minister, another his office; one writes the speaker's words with a
    /// garbled speaker. The words, reproduced, tell the statement (a short mention of someone's
    /// phrase inside another's long quotation does not).
    public static let sameWords = 0.6
    /// ... and this many words in common.
    public static let sameWordsShared = 6

    /// The entries of every story, ordered by story, then by the day the statement was made (the
    /// first report's day when unresolved), then by first report.
    /// - Parameters:
    ///   - statements: statements with story-canonical speakers.
    ///   - article: the story and publication time of an article id; statements of articles
    ///     without a story are left out.
    public static func build(_ statements: [Statement], article: (String) -> (story: String, published: Published?)?) -> [TimelineEntry] {
        var published: [Published?] = Array(repeating: nil, count: statements.count)
        var byStory: [String: [Int]] = [:]
        for (i, s) in statements.enumerated() {
            guard let info = article(s.article) else { continue }
            published[i] = info.published
            byStory[info.story, default: []].append(i)
        }
        // Stories are independent: both cores, in story order.
        let groups = byStory.sorted { $0.key < $1.key }
        let publishedOf = published
        return parallelMap(count: groups.count) { k in
            storyEntries(groups[k].key, groups[k].value.map { (statements[$0], publishedOf[$0]) })
        }.flatMap { $0 }
    }

    /// One story's entries.
    static func storyEntries(_ story: String, _ items: [(statement: Statement, published: Published?)]) -> [TimelineEntry] {
        let ordered = items.sorted { a, b in
            (a.published.map { $0.epochSeconds } ?? .max, a.statement.article, a.statement.sentence)
                < (b.published.map { $0.epochSeconds } ?? .max, b.statement.article, b.statement.sentence)
        }
        // Words and speakers are numbered within the story; a statement's words are the sorted
        // numbers of its distinct words.
        var words = ByteTable()
        let itemWords = ordered.map { item in
            var numbers: [Int32] = []
            StatementScores.forEachWord(in: item.statement.content) { numbers.append(Int32(words.insert($0))) }
            return Array(Set(numbers)).sorted()
        }
        // Speakers as keys: «الاتحاد الإيطالي» and «الاتحاد الايطالي» are one.
        let normalizer = KeyNormalizer()
        var speakers = ByteTable()
        let speakerKeys = ordered.map { speakers.insert(normalizer.key($0.statement.speaker)) }
        // Greedy, in publication order: a report joins the entry holding the report it overlaps
        // most, of the same speaker or, with the same words, of another; else it opens one.
        var groups: [(speaker: String, members: [Int])] = []
        var groupOf: [Int] = []  // each report's entry
        var groupsOfSpeaker = Array(repeating: [Int](), count: speakers.count)
        var reportsOfWord = Array(repeating: [Int](), count: words.count)
        var shared = Array(repeating: Int32(0), count: ordered.count)  // words in common with each report in `touched`
        var touched: [Int] = []
        for (i, item) in ordered.enumerated() {
            let words = itemWords[i]
            var best: (index: Int, overlap: Double)?
            // Groups open in publication order: only those opened in the last few days are the
            // same statement reported again.
            let now = item.published?.epochSeconds
            func isRecent(_ g: Int) -> Bool {
                guard let now, let opened = ordered[groups[g].members[0]].published?.epochSeconds else { return true }
                return now - opened <= Self.reportingWindow
            }
            func consider(_ g: Int, _ overlap: Double) {
                if overlap > (best?.overlap ?? 0) || (overlap == best?.overlap && g > best!.index) { best = (g, overlap) }
            }
            var sameSpeakers: [Int] = []  // the speaker's entries this report overlaps enough
            for g in groupsOfSpeaker[speakerKeys[i]].reversed() where !groups[g].members.isEmpty {
                guard isRecent(g) else { break }
                let overlap = Self.overlap(words, itemWords[groups[g].members[0]])
                if overlap >= sameStatement {
                    consider(g, overlap)
                    sameSpeakers.append(g)
                }
            }
            // Another speaker's report, when the words are the same. (Resolved days are not asked
            // to agree: on the statement pairs that cost three true pairs of seven found this way.)
            // The reports sharing words are found through the index of their words, recent first.
            if words.count >= sameWordsShared {
                for word in words {
                    for j in reportsOfWord[Int(word)].reversed() {
                        // (reports in publication order: one older than the window is in an entry
                        // opened before it, and so is every report before it)
                        if let now, let then = ordered[j].published?.epochSeconds, now - then > Self.reportingWindow { break }
                        guard isRecent(groupOf[j]) else { continue }
                        if shared[j] == 0 { touched.append(j) }
                        shared[j] += 1
                    }
                }
                for j in touched {
                    let count = Int(shared[j])
                    shared[j] = 0
                    guard count >= sameWordsShared, Double(count) / Double(max(words.count, itemWords[j].count)) >= sameWords else { continue }
                    consider(groupOf[j], Double(count) / Double(min(words.count, itemWords[j].count)))
                }
                touched.removeAll(keepingCapacity: true)
            }
            let g = best?.index ?? groups.count
            if let best {
                groups[best.index].members.append(i)
                // One outlet's statement cut in two (قال… وتابع…) that another outlet gives whole:
                // the two entries are one.
                for other in sameSpeakers where other != g && continues(groups[other].members[0], groups[g].members[0], in: ordered) {
                    for m in groups[other].members { groupOf[m] = g }
                    groups[g].members = (groups[g].members + groups[other].members).sorted()
                    groups[other].members = []  // (left out of every speaker's entries)
                }
            } else {
                groups.append((item.statement.speaker, [i]))
            }
            groupOf.append(g)
            // (each speaker's entries in the order they opened, so that the oldest come last)
            let k = groupsOfSpeaker[speakerKeys[i]].lastIndex { $0 <= g }
            if k.map({ groupsOfSpeaker[speakerKeys[i]][$0] != g }) ?? true { groupsOfSpeaker[speakerKeys[i]].insert(g, at: k.map { $0 + 1 } ?? 0) }
            for word in words { reportsOfWord[Int(word)].append(i) }
        }
        let entries = groups.filter { !$0.members.isEmpty }.map { group -> TimelineEntry in
            let members = group.members.map { ordered[$0] }
            let reports = members.map { m in
                Report(
                    article: m.statement.article, outlet: m.statement.outlet, published: m.published, cue: m.statement.cue,
                    content: m.statement.content, kind: m.statement.kind)
            }
            // (the role of the entry's speaker, not of another speaker whose words it holds)
            let role = members.lazy.filter { $0.statement.speaker == group.speaker }.compactMap(\.statement.role).first
            return TimelineEntry(
                id: "", story: story, speaker: group.speaker, role: role,
                cueClass: members[0].statement.cueClass, time: members.lazy.compactMap(\.statement.time).min(),
                reports: reports, drift: drift(reports, words: group.members.map { itemWords[$0] }))
        }
        var sorted = entries.sorted { a, b in
            let dayA = a.time ?? a.first.published?.day ?? "9999", dayB = b.time ?? b.first.published?.day ?? "9999"
            return (dayA, a.first.published?.epochSeconds ?? .max, a.speaker) < (dayB, b.first.published?.epochSeconds ?? .max, b.speaker)
        }
        for k in sorted.indices { sorted[k].id = "\(story)/\(k + 1)" }
        return sorted
    }

    /// Whether reports `a` and `b` (of one speaker) are one article's statement and its
    /// continuation in the next sentence (وتابع البيان، وأضاف).
    static func continues(_ a: Int, _ b: Int, in ordered: [(statement: Statement, published: Published?)]) -> Bool {
        let (x, y) = (ordered[a].statement, ordered[b].statement)
        return x.article == y.article && abs(x.sentence - y.sentence) == 1
    }

    /// Words in common over the shorter side (sorted distinct word numbers).
    static func overlap(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(commonCount(a, b)) / Double(min(a.count, b.count))
    }

    /// How many numbers two sorted lists of distinct numbers have in common.
    static func commonCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var (i, j, common) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                common += 1
                i += 1
                j += 1
            }
        }
        return common
    }

    /// 1 minus the smallest Jaccard overlap of two outlets' wordings, each outlet's first report
    /// standing for it.
    static func drift(_ reports: [Report], words: [[Int32]]) -> Double {
        var seen: Set<String> = []
        let firsts = reports.indices.filter { seen.insert(reports[$0].outlet).inserted }
        var smallest = 1.0
        for i in firsts {
            for j in firsts where j > i {
                let common = commonCount(words[i], words[j])
                let union = words[i].count + words[j].count - common
                if union > 0 { smallest = min(smallest, Double(common) / Double(union)) }
            }
        }
        return 1 - smallest
    }
}
