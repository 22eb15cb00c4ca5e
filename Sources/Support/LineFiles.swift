import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An output that could not be written, in the user's terms: the path and the reason.
package struct OutputError: Error, CustomStringConvertible, Equatable {
    /// The file or folder.
    package let path: String
    /// Why, as the system says it (No space left on device, Permission denied…).
    package let reason: String

    package var description: String { "cannot write \(path): \(reason)" }

    /// The error of a failed file operation on `path`, its system reason taken out of Foundation's wrapping.
    package init(path: String, failure: Error) {
        self.path = path
        let error = failure as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if error.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(error.code)))
        } else if error.domain == NSCocoaErrorDomain, let known = Self.cocoaReasons[error.code] {
            reason = known
        } else {
            reason = error.localizedDescription
        }
    }

    /// Foundation's file error codes that come without a system error, in the system's words.
    static let cocoaReasons: [Int: String] = [
        CocoaError.fileWriteNoPermission.rawValue: "Permission denied", CocoaError.fileWriteOutOfSpace.rawValue: "No space left on device",
        CocoaError.fileWriteVolumeReadOnly.rawValue: "Read-only file system", CocoaError.fileWriteFileExists.rawValue: "File exists",
        CocoaError.fileNoSuchFile.rawValue: "No such file or directory",
    ]

    /// An error with its reason given.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Makes sure the folder `path` exists, creating it and its parents; says why when it cannot.
package func makeFolder(_ path: String) throws(OutputError) {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
        guard isFolder.boolValue else { throw OutputError(path: path, reason: "it is a file, not a folder") }
        return
    }
    // A file where a folder on the way should be (--out notes.txt/run): name it.
    var ancestor = URL(fileURLWithPath: path).deletingLastPathComponent()
    while ancestor.path != "/", !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
        ancestor.deleteLastPathComponent()
    }
    if ancestor.path != "/", !isFolder.boolValue { throw OutputError(path: ancestor.path, reason: "it is a file, not a folder") }
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw OutputError(path: path, failure: error)
    }
}

/// Writes `text` to `path` atomically (a temporary file renamed into place), creating folders.
package func writeAtomically(_ text: String, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    try makeFolder(url.deletingLastPathComponent().path)
    do {
        try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
        throw OutputError(path: path, failure: error)
    }
}

/// Writes the line that `appendLine(row, &bytes)` appends for each row to `path` (several lines
/// when it holds line breaks; nothing when it appends nothing), each ended by a newline, after
/// `header` if given. The lines are made
/// on all cores, a block of 1,024 rows per core at a time, and appended in order to a temporary
/// file that is renamed into place: making them costs more than writing them, no table is ever
/// held whole in memory as one string, and a reader never sees half a file.
package func writeLinesAtomically<Row: Sendable>(
    _ rows: [Row], header: String? = nil, to path: String, appendLine: @Sendable (Row, inout [UInt8]) -> Void
) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    try makeFolder(url.deletingLastPathComponent().path)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw OutputError(path: path, reason: "it is a folder, not a file")
    }
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw OutputError(path: path, reason: "cannot create a file in its folder (\(String(cString: strerror(errno))))")
    }
    let handle: FileHandle
    do {
        handle = try FileHandle(forWritingTo: temporary)
    } catch {
        try? FileManager.default.removeItem(at: temporary)
        throw OutputError(path: path, failure: error)
    }
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
                    let start = bytes.count
                    appendLine(row, &bytes)
                    if bytes.count > start { bytes.append(0x0A) }
                }
                return bytes
            }
            for block in blocks { try handle.write(contentsOf: block) }
        }
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    } catch {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
        throw error as? OutputError ?? OutputError(path: path, failure: error)
    }
}
