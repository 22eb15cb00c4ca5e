import Foundation
import Isnad

/// `tune [corpus=dev|all|saudi] [sizes] [out=PATH] [KEY=V1,V2...]`: story detection with the given
/// parameters (every combination of the listed values): the loop behind the documented defaults.
/// `corpus=dev` (default) scores each combination twice, as the defaults are tuned: the three
/// gold-dev days clustered alone (BCubed, pairwise), and one run over every ant-multisource article
/// of 2018-04-24..2018-07-07 scored on `gold-dev-2/story-pairs.jsonl` (P, R, F1, recall by day
/// gap). `all` clusters the whole ANT multi-source corpus (scored on the dev days), `saudi`
/// SaudiNewsNet, a path that corpus file (no gold: only sizes and times). `sizes` prints the
/// largest stories and, for each gold story of 8 articles or more, the predicted stories it is
/// split into and what joined its largest part; `out` writes the dev-day prediction (and the
/// story-pair run's as `PATH.pairs`).
func benchTune(_ settings: [String]) throws {
    var corpus = "dev", showSizes = false, out: String?
    var grid: [[(String, String)]] = [[]]
    for setting in settings {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("sizes", 1): showSizes = true
        case ("corpus", 2): corpus = parts[1]
        case ("out", 2): out = parts[1]
        case (let key, 2): grid = grid.flatMap { prefix in parts[1].split(separator: ",").map { prefix + [(key, String($0))] } }
        default: print("ignored: \(setting)")
        }
    }
    var gold: [String: String] = [:]
    for line in try String(contentsOfFile: "../shared/datasets/gold-dev/clusters.jsonl", encoding: .utf8).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if let id = object?["id"] as? String, let story = object?["story"] as? String { gold[id] = story }
    }
    let corpusFile = corpus == "saudi" ? sharedCorpora[1] : corpus.hasSuffix(".jsonl") || corpus.hasSuffix(".gz") ? corpus : sharedCorpora[0]
    let corpusArticles = Ingest.read([corpusFile]).articles
    let articles = corpusArticles.filter { corpus != "dev" || gold[$0.id] != nil }
    let pairGold = corpus == "dev" ? try storyPairs() : []
    let pairArticles = corpusArticles.filter { article in article.published.map { ("2018-04-24"..."2018-07-07").contains($0.day) } ?? false }
    for combination in grid {
        var options = StoryOptions()
        for (key, value) in combination {
            let number = Double(value) ?? 0
            switch key {
            case "title": options.vectors.titleWeight = Float(number)
            case "lead": options.vectors.leadWeight = Float(number)
            case "leadParagraphs": options.vectors.leadParagraphs = Int(number)
            case "maxdf": options.vectors.maximumDocumentShare = number
            case "mindf": options.vectors.minimumDocumentFrequency = Int(number)
            case "min": options.neighbors.minimumSimilarity = Float(number)
            case "k": options.neighbors.neighbors = Int(number)
            case "terms": options.neighbors.candidateTerms = Int(number)
            case "rescored": options.neighbors.rescoredFactor = Int(number)
            case "window": options.neighbors.window = number * 86_400
            case "halflife": options.clustering.halfLifeDays = number
            case "threshold": options.clustering.mergeThreshold = Float(number)
            case "centroid": options.clustering.centroidThreshold = Float(number)
            case "mean": options.clustering.minimumMeanSimilarity = Float(number)
            case "large": options.clustering.largeStory = Int(number)
            case "quantile": options.clustering.attachQuantile = number
            case "floor": options.clustering.attachFloor = Float(number)
            case "route": options.route = SimilarityRoute(rawValue: value) ?? .sparse
            case "thread": options.threads.threshold = Float(number)
            case "perday": options.threads.thresholdPerDay = Float(number)
            case "radius": options.threads.burstRadiusDays = Int(number)
            case "burst": options.threads.fullWeightBurstLog2 = Float(number)
            case "threadwindow": options.threads.windowDays = number
            case "shared": options.threads.minimumSharedTerms = Int(number)
            default: print("unknown parameter \(key)")
            }
        }
        let result = StoryDetection.run(articles, options: options)
        let label = combination.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
        if showSizes {
            print("largest stories: " + result.stories.map(\.articles.count).sorted(by: >).prefix(12).map(String.init).joined(separator: " "))
        }
        var predicted: [String: String] = [:]
        for (i, article) in articles.enumerated() where gold[article.id] != nil { predicted[article.id] = result.storyIDOfArticle[i] }
        if let out {
            let lines = articles.filter { gold[$0.id] != nil }.map { "{\"id\":\"\($0.id)\",\"story\":\"\(predicted[$0.id]!)\"}" }
            try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        if predicted.isEmpty {
            print("\(label)  (no gold articles in corpus=\(corpus))")
        } else {
            let s = Evaluation.clusters(predicted: predicted, gold: gold)
            print(
                String(
                    format: "%@  BCubed P %.3f R %.3f F1 %.4f | pairwise P %.3f R %.3f F1 %.4f | ARI %.3f NMI %.3f | stories %d/%d",
                    label as NSString, s.bcubed.precision, s.bcubed.recall, s.bcubed.f1, s.pairwise.precision, s.pairwise.recall,
                    s.pairwise.f1, s.ari, s.nmi, s.predictedStories, s.goldStories))
            if showSizes { printLargeGoldStories(predicted: predicted, gold: gold) }
        }
        if !pairGold.isEmpty {
            let pairResult = StoryDetection.run(pairArticles, options: options)
            printPairScores(pairResult, articles: pairArticles, gold: pairGold)
            if let out {
                let lines = pairArticles.indices.map { "{\"id\":\"\(pairArticles[$0].id)\",\"story\":\"\(pairResult.storyIDOfArticle[$0])\"}" }
                try lines.joined(separator: "\n").write(toFile: out + ".pairs", atomically: true, encoding: .utf8)
            }
        }
        print(
            String(
                format: "   times: boilerplate %.2f s, vectors %.2f s, similarity %.2f s (%d pairs), clustering %.2f s (stories across days %.2f s)",
                result.times.boilerplate, result.times.vectors, result.times.similarity, result.pairs.count, result.times.clustering,
                result.times.threads))
    }
}

/// A pair of `gold-dev-2/story-pairs.jsonl`: two articles, days apart, one story or not.
struct StoryPair {
    let first: String
    let second: String
    let gapDays: Int
    let same: Bool
}

/// The story pairs of `gold-dev-2`.
func storyPairs() throws -> [StoryPair] {
    try String(contentsOfFile: "../shared/datasets/gold-dev-2/story-pairs.jsonl", encoding: .utf8).split(separator: "\n").compactMap { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let first = object["id1"] as? String,
            let second = object["id2"] as? String, let gap = object["gap_days"] as? Int, let same = object["same_story"] as? Bool
        else { return nil }
        return StoryPair(first: first, second: second, gapDays: gap, same: same)
    }
}

/// Prints the pair scores of a run, as `../shared/bench/score_pairs.py` computes them, with the
/// recall of each day-gap bin and of the pairs more than 7 days apart.
func printPairScores(_ result: StoryResult, articles: [Article], gold: [StoryPair]) {
    var predicted: [String: String] = [:]
    for (i, article) in articles.enumerated() { predicted[article.id] = result.storyIDOfArticle[i] }
    let scores = Evaluation.pairs(predicted: predicted, gold: gold.map { ($0.first, $0.second, $0.same) }).scores
    func recall(_ gaps: ClosedRange<Int>) -> String {
        let same = gold.filter { $0.same && gaps.contains($0.gapDays) }
        let found = same.filter { predicted[$0.first] != nil && predicted[$0.first] == predicted[$0.second] }
        return String(format: "%.2f (%d/%d)", Double(found.count) / Double(max(1, same.count)), found.count, same.count)
    }
    let total = String(format: "   pairs (%d articles): P %.3f R %.3f F1 %.4f", articles.count, scores.precision, scores.recall, scores.f1)
    let byGap = "recall by gap 0-2 \(recall(0...2)), 3-7 \(recall(3...7)), 8-14 \(recall(8...14)), 15-30 \(recall(15...30)), >7 \(recall(8...30))"
    let largest = result.stories.map(\.articles.count).sorted(by: >).prefix(5).map(String.init).joined(separator: " ")
    print("\(total) | \(byGap) | largest \(largest)")
}

/// For each gold story of at least 8 articles, largest first: the sizes of the predicted stories
/// its articles fall in, and the gold stories (with how many articles) that joined the largest.
func printLargeGoldStories(predicted: [String: String], gold: [String: String]) {
    var members: [String: [String]] = [:]
    for (id, story) in gold { members[story, default: []].append(id) }
    var predictedMembers: [String: [String]] = [:]
    for (id, story) in predicted { predictedMembers[story, default: []].append(id) }
    for (story, ids) in members.filter({ $0.value.count >= 8 }).sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
        var parts: [String: Int] = [:]
        for id in ids { parts[predicted[id] ?? "missing:" + id, default: 0] += 1 }
        let ranked = parts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var joined: [String: Int] = [:]
        for id in predictedMembers[ranked[0].key] ?? [] where gold[id] != story { joined[gold[id]!, default: 0] += 1 }
        let others = joined.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
        print(
            "   gold \(story) (\(ids.count)): split " + ranked.map { String($0.value) }.joined(separator: "+")
                + "; joined its largest part: " + (others.isEmpty ? "nothing" : others.joined(separator: ", ")))
    }
}

/// `usual-frequencies [OUT]`: the document frequencies of the three shared corpora's terms (in 3 or
/// more articles), as the package ships them in `Sources/Stories/Frequencies` (the default OUT).
func benchUsualFrequencies(_ out: String) throws {
    let articles = Ingest.read(sharedCorpora).articles
    let boilerplate = StoryDetection.learnBoilerplate(articles)
    let counted = TFIDF.documentFrequencies(articles.map { Document(title: $0.title, text: $0.text, source: $0.source) }, boilerplate: boilerplate)
    let usual = UsualFrequencies(
        documentFrequencies: Dictionary(counted.map { ($0.term, $0.df) }, uniquingKeysWith: max), documents: articles.count)
    let header = [
        "Usual document frequencies of news terms (light10 stems and keys, as Isnad's vocabulary writes them):",
        "how many of the \(articles.count) articles of the shared corpora hold each term, for terms in 3 or more.",
        "Corpora: ANT Corpus multi-source and Jawhara FM (Chouigui, Ben Khiroun, Elayeb, AJSE 2021), SaudiNewsNet (CC BY-NC-SA 4.0).",
        "Counts only, no text. Made by `isnad-bench usual-frequencies`.",
    ]
    try usual.file(header: header).write(toFile: out, atomically: true, encoding: .utf8)
    print("\(usual.documentFrequencies.filter { $0.value >= 3 }.count) terms of \(articles.count) articles written to \(out)")
}
