import Foundation
import Isnad
import Support

/// `pipeline [FILES...]`: the whole `isnad run` (the release binary beside this one, as a user
/// starts it) on the shared corpora, with its stage lines, wall time and peak memory; the same
/// corpora replayed three times (ids suffixed, dates moved by 3,652 and 7,305 days so that no
/// story spans two copies); and the scikit-learn pipeline of `../shared/bench/baseline.py` on
/// the corpora, in the same run, so that only same-run ratios are compared.
func benchPipeline(_ files: [String]) throws {
    print("== pipeline: \(files.joined(separator: " "))")
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage()), BLAS core \(BLAS.coreName)")
    let isnad = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("isnad").path
    guard FileManager.default.isExecutableFile(atPath: isnad) else {
        print("\(isnad) is missing: swift build -c release --product isnad")
        return
    }
    let folder = NSTemporaryDirectory() + "isnad-bench-pipeline-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

    let once = measured([isnad, "run"] + files + ["--out", folder + "/once"])
    print(String(format: "isnad run, %d files: wall %.1f s, peak memory %.0f MiB", files.count, once.seconds, once.peakMiB))
    for line in once.stageLines { print("  " + line) }

    let replay = folder + "/replay3.jsonl"
    let lines = try writeReplay(files, copies: 3, to: replay)
    let thrice = measured([isnad, "run", replay, "--out", folder + "/thrice"])
    print(String(format: "isnad run, 3× replay (%d articles): wall %.1f s, peak memory %.0f MiB", lines, thrice.seconds, thrice.peakMiB))
    for line in thrice.stageLines { print("  " + line) }
    print(String(format: "  3× replay / once: time %.2f×, peak memory %.2f×", thrice.seconds / once.seconds, thrice.peakMiB / once.peakMiB))

    let python = FileManager.default.isExecutableFile(atPath: ".venv/bin/python") ? ".venv/bin/python" : "python3"
    let baseline = measured(
        [python, "../shared/bench/baseline.py"] + files + ["-o", folder + "/baseline.jsonl", "--method", "cc", "--threshold", "0.25", "--window-days", "7"])
    guard baseline.status == 0 else {
        print("python  : baseline did not run (\(python); set up .venv as the README says)")
        return
    }
    print(
        String(
            format: "python  : scikit-learn baseline (cc, threshold 0.25, 7-day window): wall %.1f s, peak memory %.0f MiB", baseline.seconds, baseline.peakMiB)
    )
    print(
        String(
            format: "isnad run against the baseline, same run: %.2f× faster, %.2f× its peak memory (targets: ≥ 4×, ≤ 0.55×)",
            baseline.seconds / once.seconds, once.peakMiB / baseline.peakMiB))
}

/// A command's wall time, peak resident memory (its own, measured by a Python parent that runs
/// nothing else), exit status and the stage lines it printed on standard error.
func measured(_ command: [String]) -> (seconds: Double, peakMiB: Double, status: Int32, stageLines: [String]) {
    let wrapper = """
        import resource, subprocess, sys, time
        t = time.perf_counter()
        p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sys.stdout.write("%f %d %d\\n" % (time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode))
        sys.stdout.write(p.stderr.decode("utf-8", "replace"))
        """
    let output = shell("python3 -c '\(wrapper)' " + command.map { "'\($0)'" }.joined(separator: " ")).output
    let lines = output.split(separator: "\n").map(String.init)
    let fields = (lines.first ?? "").split(separator: " ").compactMap { Double($0) }
    guard fields.count == 3 else { return (0, 0, -1, lines) }
    return (fields[0], fields[1] / 1024, Int32(fields[2]), lines.dropFirst().filter { $0.hasPrefix("[") })
}

/// Writes the articles of `files` `copies` times into one JSONL file in the input contract:
/// copy `k` has ids suffixed `-rK` and its publication times moved by `k` × 3,652.5 days (about
/// `k` decades, whole days). Returns the number of lines.
func writeReplay(_ files: [String], copies: Int, to path: String) throws -> Int {
    let articles = Ingest.read(files).articles
    let copied = (0..<copies).flatMap { k in
        articles.map { article in
            var copy = article
            if k > 0 {
                copy.id += "-r\(k)"
                copy.published = article.published.map {
                    Published(localSeconds: $0.localSeconds + Int64(k * 3_6525 / 10) * 86_400, offsetSeconds: $0.offsetSeconds, hasTime: $0.hasTime)
                }
            }
            return copy
        }
    }
    try writeLinesAtomically(copied, to: path, appendLine: Tables.ingested.appendJSONLine)
    return copied.count
}
