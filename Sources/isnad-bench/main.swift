// isnad-bench: measures Isnad's stages on real corpora (release build), side by side with the
// Python an analyst would otherwise run. Usage:
//   swift run -c release isnad-bench ingest [FILES...]   (default: the three corpora in ../shared/datasets)
//   swift run -c release isnad-bench text [FILES...]
//   swift run -c release isnad-bench report [FILES...]   (titles and summaries of every story)
//   swift run -c release isnad-bench stemming            (stemming variants on the gold-dev days)
//   swift run -c release isnad-bench pipeline [FILES...] (the whole isnad run, its 3× replay and the scikit-learn baseline; needs the isnad product built)
import Foundation
import Isnad

#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}

/// Runs a shell command, returns its standard output and wall time.
func shell(_ command: String) -> (output: String, seconds: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let pipe = Pipe()
    process.standardOutput = pipe
    var data = Data()
    let time = seconds {
        do { try process.run() } catch { return }
        data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }
    return (String(decoding: data, as: UTF8.self), time)
}

let sharedCorpora = ["ant-multisource.jsonl.gz", "saudinewsnet.jsonl.gz", "ant-jawharafm.jsonl.gz"]
    .map { "../shared/datasets/" + $0 }

/// `ingest`: articles/s, MB/s of decompressed JSONL, peak memory; then Python's gzip + json.loads
/// loop over the same files.
func benchIngest(_ files: [String], repetitions: Int) {
    print("== ingest: \(files.joined(separator: " "))")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage()), BLAS core \(BLAS.coreName)")
    let bytes = shell("zcat -f " + files.map { "'\($0)'" }.joined(separator: " ") + " | wc -c").output
    let megabytes = (Double(bytes.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) / 1e6
    var times: [Double] = []
    var result = Ingest.read([])
    for _ in 0..<repetitions {
        result = Ingest.read([])  // free the previous run's articles so peak memory is one run's
        times.append(seconds { result = Ingest.read(files) })
    }
    let best = times.min()!
    let median = times.sorted()[times.count / 2]
    let n = result.articles.count
    print(
        String(
            format: "isnad   : %d articles, %d rejects, best %.2f s, median %.2f s: %.0f articles/s, %.1f MB/s, peak memory %.0f MiB",
            n, result.rejects.count, best, median, Double(n) / best, megabytes / best, peakMemoryMiB()))
    let python = """
        python3 -c 'import gzip, json, sys, time, resource
        t = time.perf_counter(); n = 0
        for f in sys.argv[1:]:
            for line in gzip.open(f, "rb"):
                if line.strip():
                    json.loads(line); n += 1
        print(n, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)' \(files.map { "'\($0)'" }.joined(separator: " "))
        """
    var pythonTimes: [Double] = []
    var pythonLine = ""
    for _ in 0..<repetitions {
        let out = shell(python).output.split(separator: " ")
        guard out.count == 3, let t = Double(out[1]) else { print("python  : failed to run"); return }
        pythonTimes.append(t)
        pythonLine = String(
            format: "python  : %@ records, best %%.2f s: %%.0f records/s, %%.1f MB/s, peak memory %.0f MiB",
            String(out[0]), Double(out[2].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    }
    let pythonBest = pythonTimes.min()!
    print(String(format: pythonLine, pythonBest, Double(n) / pythonBest, megabytes / pythonBest))
    print(String(format: "speed-up: %.2fx (python best / isnad best)", pythonBest / best))
}

/// `text`: normalize + tokenize + stem (``Analyzer``) every article, single-threaded, in MB/s and
/// tokens/s; then the Python regex normalizer of the same rules (text_baseline.py) on the same files.
func benchText(_ files: [String], repetitions: Int) {
    print("== text: \(files.joined(separator: " "))")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage())")
    let texts = Ingest.read(files).articles.map { $0.title + "\n" + $0.text }
    let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
    let tokens = texts.reduce(0) { $0 + Tokenizer.tokens(in: $1).count }
    let analyzer = Analyzer()
    var terms = 0
    var times: [Double] = []
    for _ in 0..<repetitions {
        terms = 0
        times.append(
            seconds {
                for text in texts { analyzer.forEachTerm(in: text) { _, _ in terms += 1 } }
            })
    }
    let best = times.min()!
    print(
        String(
            format: "isnad   : %d articles, %.1f MB, %d tokens, %d terms, best %.2f s: %.1f MB/s, %.2f M tokens/s",
            texts.count, megabytes, tokens, terms, best, megabytes / best, Double(tokens) / best / 1e6))
    let stopFile = NSTemporaryDirectory() + "isnad-bench-stopwords.txt"
    try? Data(StopWords.clustering.words.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: stopFile))
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("text_baseline.py").path
    let out = shell("python3 '\(script)' '\(stopFile)' " + files.map { "'\($0)'" }.joined(separator: " ")).output
        .split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard out.count == 5 else { print("python  : failed to run"); return }
    print(
        String(
            format: "python  : %.0f articles, %.1f MB, %.0f tokens, %.0f terms, %.2f s: %.1f MB/s, %.2f M tokens/s",
            out[0], out[1], out[2], out[3], out[4], out[1] / out[4], out[2] / out[4] / 1e6))
    print(String(format: "speed-up: %.2fx (python / isnad, MB/s)", (megabytes / best) / (out[1] / out[4])))
}

ProcessMemory.returnLargeBlocksWhenFreed()
var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "ingest" : arguments.removeFirst()
switch command {
case "ingest":
    benchIngest(arguments.isEmpty ? sharedCorpora : arguments, repetitions: 3)
case "text":
    benchText(arguments.isEmpty ? sharedCorpora : arguments, repetitions: 3)
case "stories":
    try benchStories(arguments.isEmpty ? sharedCorpora : arguments)
case "statements":
    benchStatements(arguments.isEmpty ? sharedCorpora : arguments)
case "report":
    benchReport(arguments.isEmpty ? sharedCorpora : arguments)
case "extract":
    benchExtraction(arguments.isEmpty ? sharedCorpora : arguments)
case "similarity":
    benchSimilarity(arguments.isEmpty ? sharedCorpora : arguments)
case "usual-frequencies":
    try benchUsualFrequencies(arguments.first ?? "Sources/Stories/Frequencies/usual-document-frequencies.tsv")
case "tune":
    try benchTune(arguments)
case "replay":
    try benchReplay(arguments)
case "pipeline":
    try benchPipeline(arguments.isEmpty ? sharedCorpora : arguments)
case "stemming":
    try benchStemming(corpus: sharedCorpora[0], clusters: "../shared/datasets/gold-dev/clusters.jsonl")
default:
    FileHandle.standardError.write(
        Data(
            ("usage: isnad-bench ingest|text|stories|similarity|statements|extract|pipeline [FILES...] | stemming | tune [KEY=VALUES...]"
                + " | replay [from=DAY days=N] | usual-frequencies [OUT]\n").utf8))
    exit(64)
}
