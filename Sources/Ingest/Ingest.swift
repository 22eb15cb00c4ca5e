import Foundation
import Support
import Synchronization

/// Everything one ingest produced: the articles in input order, the rejects, and what was read.
public struct IngestResult: Sendable {
    /// Accepted articles, in the order of the inputs (files in the order given, folders sorted).
    public var articles: [Article] = []
    /// Records and files that could not be read, in the order met.
    public var rejects: [Reject] = []
    /// One entry per input file read.
    public var files: [FileReport] = []
    /// Files found under a folder whose type Isnad does not read (they are listed, not rejected).
    public var skippedFiles: [String] = []
    /// Trailing page-chrome lines ("مقالات ذات صلة", "زر الذهاب إلى الأعلى", …) removed from texts.
    public var chromeLinesRemoved = 0
}

/// What was read from one file.
public struct FileReport: Sendable, Hashable, Codable {
    /// The file path.
    public var path: String
    /// The format it was read as: `jsonl`, `json`, `csv`, `tsv`, `txt` or `html`.
    public var format: String
    /// Records found (non-blank lines, CSV rows after the header, array elements, pages).
    public var records: Int
    /// Records accepted as articles (`records` minus this file's rejects).
    public var accepted: Int
}

/// The ingest stage: files in, validated articles and rejects out.
public enum Ingest {
    /// Reads every path (files, or folders read recursively) and returns the articles and rejects.
    ///
    /// Never throws: an unreadable file, a malformed record, a duplicate id or an unparseable date
    /// becomes a ``Reject`` naming the file and line, and the rest is read. A later record whose id
    /// was already read is the duplicate.
    /// - Parameter defaults: source and publication time for records that give none.
    public static func read(_ paths: [String], defaults: RecordDefaults = RecordDefaults()) -> IngestResult {
        var result = IngestResult()
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                result.rejects.append(Reject(at: SourceLocation(file: path, line: 0), reason: "no such file or folder", raw: ""))
            } else if isDirectory.boolValue {
                let (inFolder, skipped) = filesUnder(path)
                found += inFolder
                result.skippedFiles += skipped
            } else {
                found.append(path)
            }
        }
        let files = found
        // Files are parsed in parallel; ids are checked for duplicates afterwards, in input order.
        let batches = Mutex([Int: Sink]())
        DispatchQueue.concurrentPerform(iterations: files.count) { k in
            var sink = Sink()
            readFile(files[k], defaults: defaults, into: &sink)
            batches.withLock { $0[k] = sink }
        }
        var firstSeen: [String: SourceLocation] = [:]
        // Duplicates, by file: their rejects' indices and records, which are read again.
        var duplicates: [String: [(reject: Int, record: RecordKey)]] = [:]
        batches.withLock { batches in
            let itemCount = batches.values.reduce(0) { $0 + $1.items.count }
            firstSeen.reserveCapacity(itemCount)
            result.articles.reserveCapacity(itemCount)
            for k in files.indices {
                guard var batch = batches.removeValue(forKey: k) else { continue }
                // Each item is moved out of the batch: copied, an article's strings were retained
                // here and released with the batch, a tenth of a second on one core.
                for position in batch.items.indices {
                    switch batch.items[position].take()! {
                    case .reject(let reject):
                        result.rejects.append(reject)
                    case .article(let article):
                        if let first = firstSeen[article.id] {
                            duplicates[article.origin.file, default: []].append((result.rejects.count, RecordKey(line: article.origin.line, id: article.id)))
                            result.rejects.append(Reject(at: article.origin, reason: "duplicate id '\(article.id)' (first read at \(first))", raw: ""))
                            batch.report?.accepted -= 1
                        } else {
                            firstSeen[article.id] = article.origin
                            result.articles.append(article)
                        }
                    }
                }
                if let report = batch.report { result.files.append(report) }
                result.chromeLinesRemoved += batch.chromeLinesRemoved
            }
        }
        for (file, rejects) in duplicates {
            let raw = rawRecords(file, lines: Set(rejects.map(\.record.line)), defaults: defaults)
            for (index, record) in rejects { result.rejects[index].raw = raw[record] ?? "" }
        }
        return result
    }

    /// The articles of `file` that start on `lines`, as read: a duplicate's record is read again
    /// once it is known to be one, so that no record is held in memory for the rare duplicate.
    private static func rawRecords(_ file: String, lines: Set<Int>, defaults: RecordDefaults) -> [RecordKey: String] {
        var sink = Sink()
        sink.keepsRawRecords = lines
        readFile(file, defaults: defaults, into: &sink)
        return sink.rawRecords
    }

    /// The format of a file from its name (`a.jsonl.gz` → `jsonl`), or nil if Isnad does not read it.
    static func format(of path: String) -> String? {
        var name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        let ext = (name as NSString).pathExtension
        switch ext {
        case "jsonl", "ndjson": return "jsonl"
        case "htm", "html": return "html"
        case "json", "csv", "tsv", "txt": return ext
        default: return nil
        }
    }

    /// Files of known types under `folder`, sorted, without hidden files and without the `NAME.json`
    /// sidecars of `NAME.txt`/`NAME.html` pages; and the files skipped for their type.
    static func filesUnder(_ folder: String) -> (files: [String], skipped: [String]) {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return ([], []) }
        var all: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let full = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                all.append(full)
            }
        }
        all.sort()
        let present = Set(all)
        var files: [String] = [], skipped: [String] = []
        for file in all {
            guard let format = format(of: file) else {
                skipped.append(file)
                continue
            }
            if format == "json" && !file.hasSuffix(".gz") {
                let stem = (file as NSString).deletingPathExtension
                if ["txt", "html", "htm"].contains(where: { present.contains(stem + "." + $0) }) { continue }
            }
            files.append(file)
        }
        return (files, skipped)
    }

    private static func readFile(_ path: String, defaults: RecordDefaults, into sink: inout Sink) {
        guard let format = format(of: path) else {
            let ext = (path as NSString).pathExtension
            sink.reject(
                SourceLocation(file: path, line: 0),
                "unsupported file type '.\(ext)' (Isnad reads .jsonl, .json, .csv, .tsv, .txt and .html, each also gzipped)",
                raw: "")
            return
        }
        sink.beginFile(path, format: format)
        do {
            switch format {
            case "jsonl": try readJSONLines(path, defaults: defaults, into: &sink)
            case "json": try readJSONDocument(path, defaults: defaults, into: &sink)
            case "csv", "tsv": try readDelimited(path, delimiter: format == "csv" ? 0x2C : 0x09, defaults: defaults, into: &sink)
            default: try readPage(path, format: format, defaults: defaults, into: &sink)
            }
        } catch {
            sink.reject(SourceLocation(file: path, line: 0), error.reason, raw: "", isRecord: false)
        }
    }

    // MARK: - JSON

    private static func readJSONLines(_ path: String, defaults: RecordDefaults, into sink: inout Sink) throws(IngestFileError) {
        var reader = try LineReader(path: path, maxLineBytes: defaults.maxRecordBytes)
        try reader.forEachLine(
            { line, number in
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                let origin = SourceLocation(file: path, line: number)
                sink.countRecord()
                do throws(JSONSyntaxError) {
                    let value = try JSONParser.parse(line)
                    sink.add(value, origin: origin, defaults: defaults, raw: { escapedText(line) })
                } catch {
                    let column = line.prefix(error.offset).count { $0 & 0xC0 != 0x80 } + 1
                    sink.reject(origin, "malformed JSON at column \(column): \(error.message)", raw: escapedText(line))
                }
            },
            tooLong: { number, bytes in
                sink.countRecord()
                sink.reject(
                    SourceLocation(file: path, line: number),
                    "record of \(bytes) bytes, over the limit of \(defaults.maxRecordBytes) (--max-record-bytes); not read", raw: "")
            })
    }

    private static func readJSONDocument(_ path: String, defaults: RecordDefaults, into sink: inout Sink) throws(IngestFileError) {
        let bytes = try readWholeFile(path)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        func line(at offset: Int) -> Int {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo + 1
        }
        let parsed = bytes.withUnsafeBufferPointer { b in Result { () throws(JSONSyntaxError) in try JSONParser.parseDocument(b) } }
        switch parsed {
        case .failure(let error):
            let l = line(at: error.offset)
            sink.countRecord()
            sink.reject(
                SourceLocation(file: path, line: l),
                "malformed JSON at column \(bytes[lineStarts[l - 1]..<error.offset].count { $0 & 0xC0 != 0x80 } + 1): \(error.message)",
                raw: escapedText(bytes))
        case .success((.array(let items), let offsets)):
            for (item, offset) in zip(items, offsets) {
                sink.countRecord()
                sink.add(
                    item, origin: SourceLocation(file: path, line: line(at: offset)), defaults: defaults,
                    raw: { jsonText(item) })
            }
        case .success((let value, _)):
            sink.countRecord()
            sink.add(
                value, origin: SourceLocation(file: path, line: 1), defaults: defaults,
                raw: { escapedText(bytes) })
        }
    }

    // MARK: - CSV

    private static func readDelimited(_ path: String, delimiter: UInt8, defaults: RecordDefaults, into sink: inout Sink) throws(IngestFileError) {
        let bytes = try readWholeFile(path)
        var rows = parseCSV(bytes, delimiter: delimiter)[...]
        guard let first = rows.popFirst() else { return }
        let header: [String]
        switch first {
        case .success(let record): header = record.fields.map { $0.trimmed.lowercased() }
        case .failure(let problem):
            sink.reject(
                SourceLocation(file: path, line: problem.line), "unreadable header row: \(problem.reason)",
                raw: problem.raw, isRecord: false)
            return
        }
        let known = header.filter { ArticleField.byName[$0].map { $0.field == .title || $0.field == .text } ?? false }
        guard !known.isEmpty else {
            sink.reject(
                SourceLocation(file: path, line: 1),
                "the header row names no title or text column (columns: \(header.joined(separator: ", ")))",
                raw: header.joined(separator: delimiter == 0x09 ? "\t" : ","), isRecord: false)
            return
        }
        for row in rows {
            sink.countRecord()
            switch row {
            case .failure(let problem):
                sink.reject(SourceLocation(file: path, line: problem.line), problem.reason, raw: problem.raw)
            case .success(let record):
                let origin = SourceLocation(file: path, line: record.line)
                guard record.fields.count == header.count else {
                    sink.reject(origin, "row has \(record.fields.count) fields, the header has \(header.count)", raw: record.raw)
                    continue
                }
                let members = zip(header, record.fields).map { (key: $0, value: $1.isEmpty ? JSONValue.null : .string($1)) }
                sink.add(.object(members), origin: origin, defaults: defaults, raw: { record.raw })
            }
        }
    }

    // MARK: - Pages (.txt and .html)

    private static func readPage(_ path: String, format: String, defaults: RecordDefaults, into sink: inout Sink) throws(IngestFileError) {
        let bytes = try readWholeFile(path, limit: defaults.maxRecordBytes)
        let origin = SourceLocation(file: path, line: 1)
        sink.countRecord()
        guard let text = bytes.withUnsafeBufferPointer(validatedString) else {
            let offset = firstInvalidUTF8(bytes) ?? 0
            let line = bytes[..<offset].count(where: { $0 == 0x0A }) + 1
            sink.reject(SourceLocation(file: path, line: line), "invalid UTF-8 (byte \(offset + 1) of the file)", raw: escapedText(bytes))
            return
        }
        var members: [(key: String, value: JSONValue)] = []
        if format == "txt" {
            let page = PlainTextPage(text: text)
            members = [("title", .string(page.title)), ("text", .string(page.paragraphs.joined(separator: "\n")))]
        } else {
            let page = HTMLPage(html: text)
            members = [
                ("title", page.title.map(JSONValue.string) ?? .null),
                ("text", .string(page.paragraphs.joined(separator: "\n"))),
            ]
            for (key, value) in [("published", page.published), ("source", page.source), ("url", page.url)] {
                if let value { members.append((key, .string(value))) }
            }
        }
        // A sidecar NAME.json gives metadata; it wins over what the page says.
        let sidecar = (path as NSString).deletingPathExtension + ".json"
        if FileManager.default.fileExists(atPath: sidecar) {
            let sideBytes = try readWholeFile(sidecar, limit: defaults.maxRecordBytes)
            let parsed = sideBytes.withUnsafeBufferPointer { b in Result { () throws(JSONSyntaxError) in try JSONParser.parse(b) } }
            guard case .success(.object(let meta)) = parsed else {
                let why = if case .failure(let e) = parsed { "malformed JSON at byte \(e.offset + 1): \(e.message)" } else { "not a JSON object" }
                sink.reject(origin, "sidecar \(sidecar): \(why)", raw: escapedText(sideBytes))
                return
            }
            let overridden = Set(meta.compactMap { ArticleField.byName[$0.key.lowercased()]?.field })
                .subtracting([.title, .text])
            members.removeAll { ArticleField.byName[$0.key].map { overridden.contains($0.field) } ?? false }
            members += meta.filter { ArticleField.byName[$0.key.lowercased()].map { overridden.contains($0.field) } ?? false }
        }
        sink.add(.object(members), origin: origin, defaults: defaults, raw: { text })
    }
}

/// A `.txt` page as scrapers save it: the first non-empty line is the headline, the rest are
/// paragraphs. Paragraphs are separated by blank lines when the file has any (lines inside one
/// paragraph are then joined with a space); otherwise every line is a paragraph.
struct PlainTextPage {
    var title: String
    var paragraphs: [String]

    init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(\.trimmed)[...]
        while lines.first?.isEmpty == true { lines.removeFirst() }
        title = lines.popFirst() ?? ""
        while lines.first?.isEmpty == true { lines.removeFirst() }
        let hasBlankSeparators = lines.contains("")
        if hasBlankSeparators {
            paragraphs = lines.split(separator: "").map { $0.joined(separator: " ") }
        } else {
            paragraphs = Array(lines)
        }
    }
}

/// A record by the line it starts on and the id of its article.
private struct RecordKey: Hashable, Sendable {
    let line: Int
    let id: String
}

/// What one file gave, in order: articles and rejects, plus the file's counts; when a file is read
/// again for its duplicates, the raw records of those lines.
private struct Sink: Sendable {
    enum Item: Sendable {
        case article(Article)
        case reject(Reject)
    }

    /// The file's records in order (nil once the merge has taken them).
    var items: [Item?] = []
    /// The lines whose articles are kept as read (in `rawRecords`), when duplicates are read again.
    var keepsRawRecords: Set<Int> = []
    /// The articles kept as read, by line and id (the last read, if one line holds two).
    var rawRecords: [RecordKey: String] = [:]
    /// The file's counts; `accepted` is settled when duplicates are known.
    var report: FileReport?
    var chromeLinesRemoved = 0

    mutating func beginFile(_ path: String, format: String) {
        report = FileReport(path: path, format: format, records: 0, accepted: 0)
    }

    /// Counts one record found in the file; it stays accepted unless rejected.
    mutating func countRecord() {
        report?.records += 1
        report?.accepted += 1
    }

    /// Keeps a reject. `isRecord` is false for a problem with the file as a whole (it cannot be
    /// opened, its gzip stream breaks off, its CSV header is unusable), which is not a record.
    mutating func reject(_ origin: SourceLocation, _ reason: String, raw: String, isRecord: Bool = true) {
        items.append(.reject(Reject(at: origin, reason: reason, raw: raw)))
        if isRecord { report?.accepted -= 1 }
    }

    /// Adds a record. `raw` gives the record as read, for a reject, or when its line is one of
    /// `keepsRawRecords`.
    mutating func add(_ value: JSONValue, origin: SourceLocation, defaults: RecordDefaults, raw: () -> String) {
        guard case .object(let members) = value else {
            reject(origin, "expected a JSON object, found a JSON \(value.typeName)", raw: raw())
            return
        }
        switch makeArticle(members: members, origin: origin, defaults: defaults) {
        case .failure(let problem):
            reject(origin, problem.reason, raw: raw())
        case .success(let (article, chrome)):
            chromeLinesRemoved += chrome
            items.append(.article(article))
            if keepsRawRecords.contains(origin.line) { rawRecords[RecordKey(line: origin.line, id: article.id)] = raw() }
        }
    }
}

/// Compact JSON text of a value, for the `raw` field of a reject from a JSON array.
func jsonText(_ value: JSONValue) -> String {
    switch value {
    case .string(let s): return quoteJSON(s)
    case .number(let n): return n
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let items): return "[" + items.map(jsonText).joined(separator: ",") + "]"
    case .object(let members): return "{" + members.map { quoteJSON($0.key) + ":" + jsonText($0.value) }.joined(separator: ",") + "}"
    }
}
