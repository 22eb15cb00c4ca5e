import ArgumentParser
import Foundation
import Isnad

extension IsnadCommand {
    /// `isnad eval`: score a run against gold: clusters (the default) or statements.
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a run against gold.",
            subcommands: [Clusters.self, Statements.self],
            defaultSubcommand: Clusters.self
        )
    }
}

extension IsnadCommand.Eval {
    /// `isnad eval [clusters] PREDICTION GOLD`.
    struct Clusters: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a story clustering against gold clusters or gold pairs.",
            discussion: """
                PREDICTION is JSONL with "id" and "story" on every line (articles.jsonl of `isnad run`). \
                GOLD is either clusters, {"id","story"} per line: BCubed, pairwise, ARI, NMI and story \
                counts over the gold articles (an article the prediction lacks is a singleton); or \
                pairs, {"id1","id2","same_event"} per line, or with a numeric "score" and --cut: pair \
                precision, recall and F1 of "in one story" against "same event". A malformed line is \
                reported as FILE:LINE: REASON and left out; the exit status is then 3.
                """
        )

        @Argument(help: "The predicted clustering (JSONL with id and story).")
        var prediction: String

        @Argument(help: "The gold (JSONL clusters or pairs).")
        var gold: String

        @Option(help: "For pair gold with a numeric score: pairs scoring at least this are the same event.")
        var cut: Double?

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        func run() throws {
            var problems = 0
            let predicted = clusters(try readJSONLines(prediction, problems: &problems), path: prediction, problems: &problems)
            let goldRows = try readJSONLines(gold, problems: &problems)
            if goldRows.first.map({ $0.1["id1"] != nil }) ?? false {
                var pairs: [(first: String, second: String, same: Bool)] = []
                for (line, row) in goldRows {
                    guard let a = string(row["id1"]), let b = string(row["id2"]), let same = sameEvent(row) else {
                        printError("\(gold):\(line): expected \"id1\", \"id2\" and \"same_event\" (or a numeric \"score\" with --cut)")
                        problems += 1
                        continue
                    }
                    pairs.append((a, b, same))
                }
                try show(Evaluation.pairs(predicted: predicted, gold: pairs))
            } else {
                try show(Evaluation.clusters(predicted: predicted, gold: clusters(goldRows, path: gold, problems: &problems)))
            }
            if problems > 0 { throw ExitCode.rejectedRecords }
        }

        /// `{"id","story"}` rows as article → story; a row without them is reported and counted.
        private func clusters(_ rows: [(Int, [String: Any])], path: String, problems: inout Int) -> [String: String] {
            var clusters: [String: String] = [:]
            for (line, row) in rows {
                guard let id = string(row["id"]), let story = string(row["story"]) else {
                    printError("\(path):\(line): expected string fields \"id\" and \"story\"")
                    problems += 1
                    continue
                }
                clusters[id] = story
            }
            return clusters
        }

        private func sameEvent(_ row: [String: Any]) -> Bool? {
            if let same = row["same_event"] as? Bool { return same }
            if let cut, let score = (row["score"] as? NSNumber)?.doubleValue { return score >= cut }
            return nil
        }

        private func show(_ scores: ClusterScores) throws {
            switch format {
            case .json: print(try jsonLine(scores))
            case .text:
                print(
                    """
                    articles \(scores.articles) (missing from the prediction: \(scores.missing)); stories predicted \(scores.predictedStories), gold \(scores.goldStories)
                    BCubed    P \(f(scores.bcubed.precision))  R \(f(scores.bcubed.recall))  F1 \(f(scores.bcubed.f1))
                    pairwise  P \(f(scores.pairwise.precision))  R \(f(scores.pairwise.recall))  F1 \(f(scores.pairwise.f1))
                    ARI \(f(scores.ari))  NMI \(f(scores.nmi))
                    """)
            }
        }

        private func show(_ scores: PairScores) throws {
            switch format {
            case .json: print(try jsonLine(scores))
            case .text:
                print(
                    """
                    pairs \(scores.pairs) (with an article missing from the prediction: \(scores.missing))
                    pairs     P \(f(scores.scores.precision))  R \(f(scores.scores.recall))  F1 \(f(scores.scores.f1))
                    """)
            }
        }

    }

    /// `isnad eval statements PREDICTION GOLD`.
    struct Statements: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score extracted statements against gold statements.",
            discussion: """
                PREDICTION is statements.jsonl of `isnad run` (article, content, speaker, kind, time per \
                line); GOLD has the same fields (gold-dev/statements.jsonl). A predicted and a gold \
                statement of one article match when their content words overlap by half the shorter \
                one; speaker, kind and time are compared on the matches. --articles lists annotated \
                articles that have no gold statement (predictions there are false positives).
                """
        )

        @Argument(help: "The predicted statements (JSONL).")
        var prediction: String

        @Argument(help: "The gold statements (JSONL).")
        var gold: String

        @Option(help: "A file of annotated article ids, one per line.")
        var articles: String?

        @Option(help: "Output format: text or json.")
        var format: Clusters.Format = .text

        func run() throws {
            var problems = 0
            let predicted = rows(try readJSONLines(prediction, problems: &problems), path: prediction, problems: &problems)
            let goldRows = rows(try readJSONLines(gold, problems: &problems), path: gold, problems: &problems)
            var annotated: Set<String> = []
            if let articles {
                guard let text = try? String(contentsOfFile: articles, encoding: .utf8) else {
                    printError("\(articles): cannot read")
                    throw ExitCode.failure
                }
                annotated = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }
            let scores = StatementScores(predicted: predicted, gold: goldRows, alsoScored: annotated)
            switch format {
            case .json: print(try jsonLine(scores))
            case .text:
                print(
                    """
                    articles \(scores.articles); statements gold \(scores.gold), predicted \(scores.predicted), matched \(scores.matched)
                    statements  P \(f(scores.precision))  R \(f(scores.recall))  F1 \(f(scores.f1))
                    speaker \(f(scores.speakerAccuracy))  kind \(f(scores.kindAccuracy))  time \(scores.timeAccuracy.map(f) ?? "-") (of \(scores.timedMatches) matched with a gold time)
                    """)
            }
            if problems > 0 { throw ExitCode.rejectedRecords }
        }

        private func rows(_ objects: [(Int, [String: Any])], path: String, problems: inout Int) -> [StatementScores.Row] {
            objects.compactMap { line, row in
                guard let article = string(row["article"]), let content = row["content"] as? String else {
                    printError("\(path):\(line): expected \"article\" and \"content\"")
                    problems += 1
                    return nil
                }
                return StatementScores.Row(
                    article: article, content: content, speaker: row["speaker"] as? String ?? "",
                    kind: row["kind"] as? String ?? "", time: row["time"] as? String)
            }
        }

    }
}

/// A score with four decimals, as the scorers of `../shared/bench` print them.
private func f(_ x: Double) -> String { String(format: "%.4f", x) }

/// A string field (numbers are accepted as ids too).
private func string(_ value: Any?) -> String? {
    if let s = value as? String { return s }
    if let n = value as? NSNumber { return n.stringValue }
    return nil
}

/// The JSON objects of a JSONL file with their line numbers; malformed lines are reported and counted.
func readJSONLines(_ path: String, problems: inout Int) throws -> [(Int, [String: Any])] {
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
        printError("\(path): cannot read: \(error.localizedDescription)")
        throw ExitCode.failure
    }
    var rows: [(Int, [String: Any])] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.allSatisfy({ $0 == " " || $0 == "\r" || $0 == "\t" }) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            printError("\(path):\(index + 1): not a JSON object")
            problems += 1
            continue
        }
        rows.append((index + 1, object))
    }
    return rows
}
