import Foundation
import Isnad

/// `report [FILES...]`: what the report shows of every story over FILES (the shared corpora), each
/// story given in full: headlines that open with a web label (in `stories.jsonl` and in the report),
/// summary sentences that keep a dateline or a hashtag, and summaries that repeat a sentence (80 %
/// of the shorter one's words in another). The checks are written apart from the code they check:
/// a dateline is a short head before a dash or colon that holds a parenthesis or a news agency.
func benchReport(_ files: [String]) {
    print("== report: \(files.joined(separator: " "))")
    let articles = Ingest.read(files).articles
    let analysis = Pipeline.analyze(articles)
    var options = ReportOptions()
    options.storiesInFull = analysis.stories.count
    options.entriesPerStory = 1
    var report: Reporting.Report!
    let time = seconds { report = Reporting.Report.build(analysis, options: options) }
    print(String(format: "built   : %d stories in full in %.1f s", report.stories.count, time))
    let labels = Headline.labels
    func opensWithLabel(_ title: String) -> Bool {
        let text = title.trimmingCharacters(in: .whitespaces)
        return labels.contains { label in
            guard text.hasPrefix(label) else { return false }
            let rest = text.dropFirst(label.count).drop { $0 == " " }
            return Headline.separators.contains { rest.hasPrefix($0) }
        }
    }
    let labelled = analysis.stories.map(\.title).filter(opensWithLabel) + report.stories.map(\.title).filter(opensWithLabel)
    show("titles  : %d of %d story titles (stories.jsonl and report) open with a web label", labelled, analysis.stories.count * 2)
    let sentences = report.stories.flatMap(\.summary)
    show("summary : %d of %d summary sentences keep a dateline", sentences.filter(hasDateline), sentences.count)
    show("summary : %d of %d summary sentences hold a hashtag", sentences.filter { $0.contains("#") }, sentences.count)
    let repeating = report.stories.filter { story in
        let words = story.summary.map { Set(StatementScores.words($0)) }
        return words.indices.contains { i in
            words.indices.contains { j in
                j > i && !words[i].isEmpty && !words[j].isEmpty
                    && Double(words[i].intersection(words[j]).count) / Double(min(words[i].count, words[j].count)) >= 0.8
            }
        }
    }.map { $0.summary.joined(separator: " ‖ ") }
    show("summary : %d of %d summaries repeat a sentence", repeating, report.stories.count)

    func show(_ format: String, _ found: [String], _ total: Int) {
        print(String(format: format, found.count, total))
        for example in found.prefix(5) { print("          " + String(example.prefix(160))) }
    }
}

/// News agencies and channels as datelines write them.
let datelineSources = [
    "CNN", "AFP", "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس", "د ب أ", "د.ب.أ", "واس", "يو بي آي", "الأناضول", "كونا", "وام", "قنا", "بنا", "سبأ", "سانا",
    "سي إن إن",
]

/// Whether a sentence opens with a dateline: at most eight words before a dash or a colon that
/// hold a parenthesis or a news agency («القاهرة (رويترز) -»، «الرياض - واس:»، «أتلانتا (CNN)--»).
func hasDateline(_ sentence: String) -> Bool {
    guard let mark = sentence.firstIndex(where: { "-–—:".contains($0) }) else { return false }
    let head = sentence[..<mark]
    let insideParentheses = head.filter { $0 == "(" }.count > head.filter { $0 == ")" }.count
    return head.split(separator: " ").count <= 8 && !insideParentheses && (head.contains("(") || datelineSources.contains { head.contains($0) })
        || sentence.contains("(CNN)")
}
