import Foundation
import TestSupport

/// Writes `bytes` to `name` inside `folder` and returns the file's path.
@discardableResult
func writeFile(_ folder: String, _ name: String, _ bytes: [UInt8]) -> String {
    let path = folder + "/" + name
    try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    return path
}

/// Writes `text` as UTF-8 to `name` inside `folder` and returns the file's path.
@discardableResult
func writeFile(_ folder: String, _ name: String, _ text: String) -> String {
    writeFile(folder, name, Array(text.utf8))
}

/// Gzips a file with the system's gzip (as a user would have produced it); returns the new path.
func gzip(_ path: String) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-kf", path]
    try! process.run()
    process.waitUntilExit()
    return path + ".gz"
}

/// A gzipped JSONL file of 3,000 records cut off in the middle of its compressed stream.
func truncatedGzipFile() throws -> String {
    let folder = makeTemporaryFolder()
    let line = #"{"id": "ID", "title": "عنوان طويل بما يكفي لملء الملف المضغوط", "text": "نص"}"#
    let text = (1...3000).map { line.replacingOccurrences(of: "ID", with: "t\($0)") }.joined(separator: "\n")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: gzip(writeFile(folder, "big.jsonl", text))))
    return writeFile(folder, "cut.jsonl.gz", Array(bytes.prefix(bytes.count / 2)))
}
