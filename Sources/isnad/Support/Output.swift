import ArgumentParser
import Foundation
import Isnad
import Support

/// Prints a line to standard error (diagnostics never go to standard output).
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A day written `YYYY-MM-DD`, or nil.
func parseDay(_ text: String) -> CalendarDay? {
    guard text.count == 10 else { return nil }
    return Published(parsing: text)?.calendarDay
}

/// A command's result as one JSON line on standard output (`--format json`): sorted keys,
/// snake_case, slashes unescaped. Tables are written by their `Tables` description instead.
func jsonLine<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The limit on one input record, shared by the commands that read articles.
struct RecordLimit: ParsableArguments {
    @Option(
        help: """
            A record (a JSONL line, a .txt or .html page) longer than this many bytes, after \
            inflating, is rejected unread and the rest of the file is read.
            """)
    var maxRecordBytes: Int = RecordDefaults.defaultMaxRecordBytes

    func validate() throws {
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be positive") }
    }
}
