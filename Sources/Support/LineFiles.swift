import Foundation

/// Writes `text` to `path` atomically (a temporary file renamed into place), creating folders.
package func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
}

/// Writes the line `line(row)` of each row to `path` (several lines when it holds line breaks;
/// nothing when it is empty), each ended by a newline, after `header` if given. The lines are made
/// on all cores, a block of 1,024 rows per core at a time, and appended in order to a temporary
/// file that is renamed into place: making them costs more than writing them, no table is ever
/// held whole in memory as one string, and a reader never sees half a file.
package func writeLinesAtomically<Row: Sendable>(_ rows: [Row], header: String? = nil, to path: String, line: @Sendable (Row) -> String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    let handle = try FileHandle(forWritingTo: temporary)
    // On any failure the temporary file goes, and whatever was at `path` stays as it was.
    do {
        if let header { try handle.write(contentsOf: Array((header + "\n").utf8)) }
        let blockSize = 1024
        let batchSize = blockSize * ProcessInfo.processInfo.activeProcessorCount
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
            for block in blocks { try handle.write(contentsOf: block) }
        }
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    } catch {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
        throw error
    }
}
