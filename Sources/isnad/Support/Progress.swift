import Foundation
import Isnad

/// Progress of long work on standard error, never on standard output: on a terminal one line
/// redrawn in place (stage, count, rate, time), otherwise one plain line per finished stage;
/// nothing at all when quiet.
final class Progress: PipelineProgress, @unchecked Sendable {
    private let quiet: Bool
    private let terminal: Bool
    private let start = Date()
    private let lock = NSLock()
    private var stage = ""
    private var stageStart = Date()
    private var count = 0
    private var total: Int?
    private var lastDraw = Date.distantPast

    /// A reporter; `quiet` silences it.
    init(quiet: Bool) {
        self.quiet = quiet
        terminal = isatty(STDERR_FILENO) != 0
    }

    /// A stage begins, with the number of items it will go through when known.
    func begin(_ name: String, total: Int? = nil) {
        lock.withLock {
            (stage, stageStart, count, self.total) = (name, Date(), 0, total)
            draw(force: true)
        }
    }

    /// `n` more items of the current stage are done (safe from several threads).
    func advance(by n: Int) {
        lock.withLock {
            count += n
            draw(force: false)
        }
    }

    /// The current stage is done with `count` items of `unit`; `detail` follows on the line.
    func end(_ count: Int, _ unit: String, detail: String = "") {
        lock.withLock {
            self.count = count
            guard !quiet else { return }
            let seconds = Date().timeIntervalSince(stageStart)
            let rate = seconds > 0 ? String(format: ", %.0f/s", Double(count) / seconds) : ""
            let line =
                String(format: "[%6.1fs] %@: %d %@ in %.2f s%@", Date().timeIntervalSince(start), stage, count, unit, seconds, rate)
                + (detail.isEmpty ? "" : "; " + detail)
            write((terminal ? "\r\u{1B}[K" : "") + line + "\n")
        }
    }

    /// A line of its own (the run's summary), unless quiet.
    func say(_ text: String) {
        guard !quiet else { return }
        lock.withLock { write(text.hasSuffix("\n") ? text : text + "\n") }
    }

    private func draw(force: Bool) {
        guard !quiet, terminal, force || Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        let seconds = Date().timeIntervalSince(stageStart)
        let rate = seconds > 0.5 ? String(format: " %.0f/s", Double(count) / seconds) : ""
        let of = total.map { "/\($0)" } ?? ""
        write(String(format: "\r\u{1B}[K[%6.1fs] %@ %d%@%@", Date().timeIntervalSince(start), stage, count, of, rate))
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
