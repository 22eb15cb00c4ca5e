import Foundation
import Isnad

/// Writes `text` to `path` atomically (a temporary file renamed into place), creating folders.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}

/// Prints a line to standard error (diagnostics never go to standard output).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A day written `YYYY-MM-DD`, or nil.
func parseDay(_ text: String) -> CalendarDay? {
    guard text.count == 10 else { return nil }
    return Published(parsing: text)?.calendarDay
}
