import Foundation
import Isnad

/// `tune [KEY=VALUE...]`: story detection on the gold-dev days with the given parameters (each
/// list of values is a grid), scored against the gold: the loop behind the documented defaults.
func benchTune(_ settings: [String]) throws {
    let goldPath = "../shared/datasets/gold-dev/clusters.jsonl"
    var gold: [String: String] = [:]
    for line in try String(contentsOfFile: goldPath, encoding: .utf8).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if let id = object?["id"] as? String, let story = object?["story"] as? String { gold[id] = story }
    }
    let whole = settings.contains("corpus=all")
    let saudi = settings.contains("corpus=saudi")
    let articles = Ingest.read([saudi ? sharedCorpora[1] : sharedCorpora[0]]).articles.filter { whole || saudi || gold[$0.id] != nil }
    var grid: [[(String, String)]] = [[]]
    for setting in settings {
        let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 || setting == "sizes" else { continue }
        if setting == "sizes" { continue }
        grid = grid.flatMap { prefix in parts[1].split(separator: ",").map { prefix + [(parts[0], String($0))] } }
    }
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
            case "large": options.clustering.largeStory = Int(number)
            case "quantile": options.clustering.attachQuantile = number
            case "route": options.route = SimilarityRoute(rawValue: value) ?? .sparse
            case "mean": options.clustering.minimumMeanSimilarity = Float(number)
            case "floor": options.clustering.attachFloor = Float(number)
            case "out", "corpus", "sizes": break
            default: print("unknown parameter \(key)")
            }
        }
        let result = StoryDetection.run(articles, options: options)
        if settings.contains("sizes") {
            let sizes = result.stories.map(\.articles.count).sorted(by: >)
            print("largest stories: \(sizes.prefix(12).map(String.init).joined(separator: " "))")
        }
        var predicted: [String: String] = [:]
        for (i, article) in articles.enumerated() where gold[article.id] != nil { predicted[article.id] = String(result.storyOfArticle[i]) }
        let s = Evaluation.clusters(predicted: predicted, gold: gold)
        if let out = combination.first(where: { $0.0 == "out" })?.1 {
            let lines = articles.filter { gold[$0.id] != nil }.map { "{\"id\":\"\($0.id)\",\"story\":\"\(predicted[$0.id]!)\"}" }
            try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        print(String(format: "%@  BCubed P %.3f R %.3f F1 %.4f | pairwise P %.3f R %.3f F1 %.4f | ARI %.3f NMI %.3f | stories %d/%d",
                     combination.map { "\($0.0)=\($0.1)" }.joined(separator: " ") as NSString,
                     s.bcubed.precision, s.bcubed.recall, s.bcubed.f1, s.pairwise.precision, s.pairwise.recall, s.pairwise.f1,
                     s.ari, s.nmi, s.predictedStories, s.goldStories))
        print(String(format: "   times: boilerplate %.2f s, vectors %.2f s, similarity %.2f s (%d pairs), clustering %.2f s",
                     result.times.boilerplate, result.times.vectors, result.times.similarity, result.pairs.count, result.times.clustering))
    }
}
