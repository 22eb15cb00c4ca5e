import Foundation
import Isnad

/// `statements [FILES...]`: the statement quality on each development set, then over FILES (the
/// shared corpora) the speed of extraction, the share of speakers that are no noun phrase and the
/// share of statements dated far before their article without a time expression of their own.
func benchStatements(_ files: [String]) {
    benchStatementQuality()
    print("== statements: \(files.joined(separator: " "))")
    let articles = Ingest.read(files).articles
    var found: [Statement] = []
    let time = seconds { found = Pipeline.statements(in: articles) }
    print(
        String(
            format: "isnad   : %d articles → %d statements in %.2f s = %.0f articles/s (2 cores); peak memory %.0f MiB",
            articles.count, found.count, time, Double(articles.count) / time, peakMemoryMiB()))
    // Speakers as written and canonical across their stories; continuations (no mention) excluded.
    let mentions = found.map(\.speakerMention).filter { !$0.isEmpty }
    let canonical = Pipeline.analyze(articles).statements.filter { !$0.speakerMention.isEmpty }.map(\.speaker)
    for (name, speakers) in [("speaker_mention", mentions), ("speaker", canonical)] {
        let malformed = speakers.filter(SpeakerShape.isMalformed)
        print(
            String(
                format: "shape   : %@ %d of %d malformed (%.2f %%)", name, malformed.count, speakers.count,
                100 * Double(malformed.count) / Double(max(1, speakers.count))))
        let examples = Dictionary(grouping: malformed, by: { $0 }).mapValues(\.count).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8)
        print("          most frequent: " + examples.map { "\($0.key) (\($0.value))" }.joined(separator: "، "))
    }
    // Dates a statement did not earn: more than 30 days before its article with no time
    // expression of its own.
    let published = Dictionary(articles.map { ($0.id, $0.published?.calendarDay) }, uniquingKeysWith: { first, _ in first })
    let farPast = found.filter { statement in
        guard statement.timeExpression == nil, let time = statement.time.flatMap(Published.init(parsing:))?.calendarDay,
            let day = published[statement.article] ?? nil
        else { return false }
        return day.daysSinceEpoch - time.daysSinceEpoch > 30
    }
    print(
        String(
            format: "dates   : %d of %d statements dated more than 30 days before their article without a time expression of their own (%.2f %%)",
            farPast.count, found.count, 100 * Double(farPast.count) / Double(max(1, found.count))))
}

/// `extract [FILES...]`: the speed of statement extraction alone over FILES (the shared corpora),
/// the best of three runs, for measuring an optimization before and after.
func benchExtraction(_ files: [String]) {
    let articles = Ingest.read(files).articles
    var count = 0
    let times = (0..<3).map { _ in seconds { count = Pipeline.statements(in: articles).count } }
    let best = times.min()!
    print(
        String(
            format: "extract : %d articles → %d statements, best of 3 %.2f s = %.0f articles/s (2 cores); runs %@", articles.count, count, best,
            Double(articles.count) / best, times.map { String(format: "%.2f", $0) }.joined(separator: " ")))
}

/// One statement gold set: its corpus, the annotated articles and the gold statements.
struct StatementGoldSet {
    let name: String
    let corpus: String
    let articles: String
    let gold: String

    /// The four development sets in `../shared/datasets`.
    static let development = [
        StatementGoldSet(name: "gold-dev", corpus: "ant-multisource.jsonl.gz", articles: "gold-dev/statement-articles.txt", gold: "gold-dev/statements.jsonl"),
        StatementGoldSet(
            name: "saudinewsnet", corpus: "saudinewsnet.jsonl.gz", articles: "gold-dev-2/statements-saudinewsnet.articles.txt",
            gold: "gold-dev-2/statements-saudinewsnet.jsonl"),
        StatementGoldSet(
            name: "jawharafm", corpus: "ant-jawharafm.jsonl.gz", articles: "gold-dev-2/statements-jawharafm.articles.txt",
            gold: "gold-dev-2/statements-jawharafm.jsonl"),
        StatementGoldSet(
            name: "ant-2018-06", corpus: "ant-multisource.jsonl.gz", articles: "gold-dev-2/statements-ant-2018-06.articles.txt",
            gold: "gold-dev-2/statements-ant-2018-06.jsonl"),
    ]
}

/// Each development set as `isnad run` over exactly its annotated articles gives it, scored with
/// the rule of `../shared/bench/score_statements.py`.
func benchStatementQuality() {
    let folder = "../shared/datasets/"
    print("== statement quality (isnad run over each set's annotated articles; score_statements.py's rule)")
    print("| set | articles | gold | P | R | F1 | speaker | kind | time (gold times) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for set in StatementGoldSet.development {
        guard let ids = try? String(contentsOfFile: folder + set.articles, encoding: .utf8),
            let goldText = try? String(contentsOfFile: folder + set.gold, encoding: .utf8)
        else {
            print("| \(set.name) | missing: \(folder + set.articles) or \(folder + set.gold) |")
            continue
        }
        let annotated = Set(ids.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        let articles = Ingest.read([folder + set.corpus]).articles.filter { annotated.contains($0.id) }
        let predicted = Pipeline.analyze(articles).statements.map {
            StatementScores.Row(article: $0.article, content: $0.content, speaker: $0.speaker, kind: $0.kind.rawValue, time: $0.time)
        }
        let gold = goldText.split(separator: "\n").compactMap { line -> StatementScores.Row? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let article = o["article"] as? String,
                let content = o["content"] as? String, let speaker = o["speaker"] as? String, let kind = o["kind"] as? String
            else { return nil }
            return StatementScores.Row(article: article, content: content, speaker: speaker, kind: kind, time: o["time"] as? String)
        }
        let s = StatementScores(predicted: predicted, gold: gold, alsoScored: annotated)
        let time = s.timeAccuracy.map { String(format: "%.3f", $0) } ?? "–"
        print(
            String(
                format: "| %@ | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %@ (%d) |", set.name, s.articles, s.gold, s.precision, s.recall, s.f1,
                s.speakerAccuracy, s.kindAccuracy, time, s.timedMatches))
    }
}
