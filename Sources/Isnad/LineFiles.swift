import Foundation

/// Writes `lines` to `path`, each ended by a newline, a megabyte at a time into a temporary file
/// that is renamed into place: no table is ever held whole in memory as one string, and a reader
/// never sees half a file.
public func writeLinesAtomically<Lines: Sequence<String>>(_ lines: Lines, header: String? = nil, to path: String) throws {
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
