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
