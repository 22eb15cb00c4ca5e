import Foundation
import Isnad
import Support

/// `stories [FILES...]`: load to `stories.jsonl` on the shared corpora with stage timings, peak
/// memory and the similarity kernel's rate; then the scikit-learn pipeline of `../shared/bench`
/// on the same files in the same run (`.venv/bin/python` with scikit-learn, see the README).
func benchStories(_ files: [String]) throws {
    print("== stories: \(files.joined(separator: " "))")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage()), BLAS core \(BLAS.coreName)")
    let out = NSTemporaryDirectory() + "isnad-bench-stories"
    var articles: [Article] = []
    let load = seconds { articles = Ingest.read(files).articles }
    let afterLoad = peakMemoryMiB()
    var result: StoryResult!
    let detect = seconds { result = StoryDetection.run(articles) }
    let write = try seconds { try writeLinesAtomically(result.stories, to: out + "/stories.jsonl", appendLine: Tables.stories.appendJSONLine) }
    let t = result.times
    let total = load + detect + write
    print(
        String(
            format: "isnad   : %d articles → %d stories (%d with 2+ articles), %d wire copies",
            articles.count, result.stories.count, result.stories.filter { $0.articles.count > 1 }.count, result.duplicateOf.compactMap { $0 }.count))
    print(
        String(
            format: "  load %.2f s | boilerplate %.2f s | vectors %.2f s (%d terms, %d non-zeros) | similarity %.2f s | clustering %.2f s | write %.2f s",
            load, t.boilerplate, t.vectors, result.vocabulary.terms.count, result.matrix.nonZeroCount, t.similarity, t.clustering, write))
    print(
        String(
            format:
                "  clustering: average-link %.2f s, centroid merge %.2f s, attachment %.2f s, stories across days %.2f s, records %.2f s; beside them: wire copies %.2f s, headline words %.2f s",
            t.averageLink, t.centroidMerge, t.attachment, t.threads, t.records, t.wireCopies, t.headlineWords))
    print(
        String(
            format: "  similarity kernel: %d article pairs computed in %.2f s = %.1f M pairs/s (sparse, exact cosine, 7-day window), %d candidate pairs kept",
            result.kernel.pairsComputed, result.kernel.seconds, Double(result.kernel.pairsComputed) / result.kernel.seconds / 1e6, result.pairs.count))
    print(String(format: "  total %.2f s, peak memory %.0f MiB (%.0f MiB after loading the articles)", total, peakMemoryMiB(), afterLoad))
    let python = FileManager.default.isExecutableFile(atPath: ".venv/bin/python") ? ".venv/bin/python" : "python3"
    let command =
        "\(python) ../shared/bench/baseline.py " + files.map { "'\($0)'" }.joined(separator: " ")
        + " -o \(out)/baseline.jsonl --method cc --threshold 0.25 --window-days 7 2>&1"
    let run = shell(command)
    guard run.output.contains("total") || run.output.contains("cluster") else {
        print("python  : baseline did not run (\(python); set up .venv as the README says)\n" + run.output.suffix(400))
        return
    }
    let lines = run.output.split(separator: "\n").filter {
        $0.contains("s")
            && ($0.contains("peak") || $0.contains("total") || $0.contains("load") || $0.contains("tfidf") || $0.contains("similarity")
                || $0.contains("cluster"))
    }
    print("python  : scikit-learn baseline (cc, threshold 0.25, 7-day window), wall \(String(format: "%.1f", run.seconds)) s")
    for line in lines.suffix(8) { print("  " + line) }
    print(String(format: "speed-up: %.1fx (baseline wall / isnad total)", run.seconds / total))
}
