import Foundation
import Isnad

/// Writes `text` to `path` atomically (a temporary file renamed into place), creating folders.
func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}

/// Writes `lines` to `path`, each ended by a newline, a megabyte at a time into a temporary file
/// that is renamed into place: no table is ever held whole in memory as one string, and a reader
/// never sees half a file.
func writeLinesAtomically<Lines: Sequence<String>>(_ lines: Lines, header: String? = nil, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    let handle = try FileHandle(forWritingTo: temporary)
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    if let header { buffer.append(contentsOf: (header + "\n").utf8) }
    for line in lines {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
    try handle.write(contentsOf: buffer)
    try handle.close()
    guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
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
