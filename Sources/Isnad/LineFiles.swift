import ArabicText
import Foundation

/// Writes `lines` to `path`, each ended by a newline, a megabyte at a time into a temporary file
/// that is renamed into place: no table is ever held whole in memory as one string, and a reader
/// never sees half a file.
public func writeLinesAtomically<Lines: Sequence<String>>(_ lines: Lines, header: String? = nil, to path: String) throws {
    try withAtomicFile(at: path) { write in
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        if let header { buffer.append(contentsOf: (header + "\n").utf8) }
        for line in lines {
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try write(buffer)
    }
}

/// Writes the line `line(row)` of each row (several lines when it holds line breaks; nothing when
/// it is empty), as ``writeLinesAtomically(_:header:to:)`` does. The lines are made on all cores,
/// a block of 1,024 rows per core at a time, and written in order: making them costs more than
/// writing them.
public func writeLinesAtomically<Row: Sendable>(_ rows: [Row], header: String? = nil, to path: String, line: @escaping @Sendable (Row) -> String) throws {
    let blockSize = 1024
    let batchSize = blockSize * ProcessInfo.processInfo.activeProcessorCount
    try withAtomicFile(at: path) { write in
        if let header { try write(Array((header + "\n").utf8)) }
        for batchStart in stride(from: 0, to: rows.count, by: batchSize) {
            let batch = rows[batchStart..<min(rows.count, batchStart + batchSize)]
            let blocks = parallelMap(count: (batch.count + blockSize - 1) / blockSize) { b -> [UInt8] in
                var bytes: [UInt8] = []
                for row in batch[(batch.startIndex + b * blockSize)..<min(batch.endIndex, batch.startIndex + (b + 1) * blockSize)] {
                    let text = line(row)
                    guard !text.isEmpty else { continue }
                    bytes.append(contentsOf: text.utf8)
                    bytes.append(0x0A)
                }
                return bytes
            }
            for block in blocks { try write(block) }
        }
    }
}

/// Calls `body` with a function that appends bytes to a temporary file beside `path`, then renames
/// the file into place.
private func withAtomicFile(at path: String, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    let handle = try FileHandle(forWritingTo: temporary)
    try body { try handle.write(contentsOf: $0) }
    try handle.close()
    guard rename(temporary.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
}
