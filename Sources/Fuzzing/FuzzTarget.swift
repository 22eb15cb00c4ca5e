import ArabicText
import Foundation
import Ingest
import Statements

/// The parsers and text views that libFuzzer feeds, one per `ISNAD_FUZZ_TARGET`: `make fuzz`
/// builds this module with `-sanitize=fuzzer,address`, links it with libFuzzer and runs each
/// target for a set time (docs/FUZZING.md).
enum FuzzTarget: String, CaseIterable {
    /// One JSONL record: the JSON reader.
    case json
    /// A CSV file: the CSV reader.
    case csv
    /// An HTML page: the page reader (title, date, body).
    case html
    /// A publication date as written.
    case date
    /// The text views: key, display, tokens, sentences and paragraphs.
    case text
    /// The statement extractor over one article's text.
    case statements
    /// A whole file ingested as `.jsonl`, `.csv` or `.html` (its first byte chooses).
    case ingest

    /// The target named by `ISNAD_FUZZ_TARGET`.
    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["ISNAD_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("ISNAD_FUZZ_TARGET must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(64)
        }
        return target
    }()

    /// Feeds one input to the target. Any crash, failed precondition or leak is a finding.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .json: _ = try? JSONParser.parse(bytes)
        case .csv: _ = parseCSV(Array(bytes), delimiter: UInt8(ascii: ","))
        case .html: _ = HTMLPage(html: text)
        case .date: _ = Published(parsing: text)
        case .text:
            _ = KeyNormalizer().key(text)
            let display = DisplayText(text)
            _ = Tokenizer.tokens(in: display)
            _ = SentenceSplitter.sentences(of: display)
            _ = SentenceSplitter.paragraphs(of: display)
        case .statements:
            let article = Article(
                id: "fuzz", source: "fuzz", url: nil, title: "", published: Published(parsing: "2018-05-16"), text: text,
                origin: SourceLocation(file: "fuzz", line: 1))
            _ = StatementExtractor.statements(in: article)
        case .ingest: ingestFile(bytes)
        }
    }

    /// Writes the input to a file of the extension its first byte chooses and ingests it.
    private func ingestFile(_ bytes: UnsafeBufferPointer<UInt8>) {
        let extensions = ["jsonl", "csv", "html"]
        let ext = extensions[Int(bytes.first ?? 0) % extensions.count]
        let path = NSTemporaryDirectory() + "isnad-fuzz-\(getpid()).\(ext)"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst())) else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = Ingest.read([path])
    }
}

/// libFuzzer's entry point: one input to the target `ISNAD_FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.current.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
