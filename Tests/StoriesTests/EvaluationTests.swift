import Testing

@testable import Stories

/// Metrics on a case computed by hand: gold {a b c} {d} {e}, prediction {a b} {c d} {e}.
@Suite("Evaluation")
struct EvaluationTests {
    let gold = ["a": "1", "b": "1", "c": "1", "d": "2", "e": "3"]
    let predicted = ["a": "x", "b": "x", "c": "y", "d": "y", "e": "z"]

    @Test func bcubedAveragesOverArticles() {
        // Precision: a 1, b 1, c 1/2, d 1/2, e 1 → 0.8. Recall: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15.
        let scores = Evaluation.clusters(predicted: predicted, gold: gold)
        #expect(abs(scores.bcubed.precision - 0.8) < 1e-9)
        #expect(abs(scores.bcubed.recall - 11.0 / 15) < 1e-9)
        #expect(abs(scores.bcubed.f1 - 2 * 0.8 * (11.0 / 15) / (0.8 + 11.0 / 15)) < 1e-9)
    }

    @Test func pairwiseCountsSameStoryPairs() {
        // Gold pairs ab ac bc, predicted pairs ab cd: one in common.
        let scores = Evaluation.clusters(predicted: predicted, gold: gold)
        #expect(scores.pairwise.precision == 0.5)
        #expect(abs(scores.pairwise.recall - 1.0 / 3) < 1e-9)
        #expect(abs(scores.pairwise.f1 - 0.4) < 1e-9)
    }

    @Test func ariAndNMI() {
        // ARI: expected index 2·3/10 = 0.6, maximum (2+3)/2 = 2.5 → (1 − 0.6)/(2.5 − 0.6).
        let scores = Evaluation.clusters(predicted: predicted, gold: gold)
        #expect(abs(scores.ari - 0.4 / 1.9) < 1e-9)
        #expect(abs(scores.nmi - 0.671269485327) < 1e-9)
        #expect(scores.predictedStories == 3 && scores.goldStories == 3)
    }

    @Test func aMissingArticleIsASingleton() {
        var partial = predicted
        partial["c"] = nil
        let scores = Evaluation.clusters(predicted: partial, gold: gold)
        #expect(scores.missing == 1)
        #expect(scores.predictedStories == 4)
    }

    @Test func perfectPredictionScoresOne() {
        let scores = Evaluation.clusters(predicted: gold, gold: gold)
        #expect(scores.bcubed.f1 == 1 && scores.pairwise.f1 == 1 && scores.ari == 1 && abs(scores.nmi - 1) < 1e-12)
    }

    @Test func pairGold() {
        let pairs: [(first: String, second: String, same: Bool)] = [("a", "b", true), ("a", "c", true), ("c", "d", false), ("d", "e", false), ("a", "q", true)]
        let scores = Evaluation.pairs(predicted: predicted, gold: pairs)
        // ab together and same: TP; ac apart and same: FN; cd together, not same: FP; de apart: TN; aq missing: FN.
        #expect(scores.scores.precision == 0.5)
        #expect(abs(scores.scores.recall - 1.0 / 3) < 1e-9)
        #expect(scores.missing == 1)
    }
}
