import Foundation
import TestSupport
import Testing

@testable import Ingest

/// A small deterministic generator (SplitMix64), so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Pieces that make the parsers take their rarer paths: JSON syntax, escapes, CSV quotes, tags,
/// entities, Arabic and combining marks, invalid UTF-8.
private let pieces: [[UInt8]] =
    [
        "{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud83d", "\"title\"", "\"text\"", "\"id\"", "null", "1e",
        "\n", "\r\n", "\"\"", "<p>", "</p>", "<script>", "<!--", "-->", "<a href='x'>", "&amp;", "&#x", "<meta property=\"og:title\" content=\"",
        "قال", "«", "»", "\u{0651}", "\u{0640}", "\u{200C}", " ",
    ].map { Array($0.utf8) } + [[0xFF], [0xD8], [0xE2, 0x80], [0xC0, 0x80], [0x00]]

@Test(arguments: ["jsonl", "json", "csv", "txt", "html"])
func randomInputNeverCrashesAndEveryRecordIsAccountedFor(_ ext: String) {
    var rng = SplitMix64(state: 20_200_220)
    let folder = makeTemporaryFolder()
    for k in 0..<60 {
        var bytes: [UInt8] = ext == "csv" ? Array("id,title,text\n".utf8) : []
        for _ in 0..<Int.random(in: 0...400, using: &rng) {
            if Bool.random(using: &rng) {
                bytes += pieces.randomElement(using: &rng)!
            } else {
                bytes.append(UInt8.random(in: 0...255, using: &rng))
            }
        }
        writeFile(folder, "f\(k).\(ext)", bytes)
    }
    let result = Ingest.read([folder])
    #expect(result.files.count == 60)
    #expect(result.files.map(\.accepted).reduce(0, +) == result.articles.count)
    for reject in result.rejects {
        let lines = ((try? Data(contentsOf: URL(fileURLWithPath: reject.file)))?.count { $0 == 0x0A } ?? 0) + 1
        #expect(reject.line >= 0 && reject.line <= lines, "\(reject.message)")
    }
}

@Test func oneMegabyteLineOfArabicIsReadWhole() {
    let folder = makeTemporaryFolder()
    let text = String(repeating: "قال الكرملين إن ", count: 40_000)
    let path = writeFile(folder, "long.jsonl", #"{"id": "long", "title": "طويل", "text": "\#(text)"}"# + "\n")
    let result = Ingest.read([path])
    #expect(result.articles.first?.text == text)
}

@Suite("Record size limit")
struct RecordLimitTests {
    /// Three JSONL records, the middle one of `size` bytes of text.
    static func threeRecords(middle size: Int) -> String {
        [
            #"{"id": "a1", "title": "خبر أول", "text": "قال الكرملين إن الاتصال جرى"}"#,
            #"{"id": "big", "title": "صفحة", "text": ""# + String(repeating: "ن", count: size / 2) + #""}"#,
            #"{"id": "a2", "title": "خبر ثان", "text": "قالت الوزارة إن الطريق مفتوح"}"#,
        ].joined(separator: "\n") + "\n"
    }

    @Test func aJSONLineOverTheLimitIsRejectedWithItsLineAndTheRestIsRead() {
        let path = writeFile(makeTemporaryFolder(), "a.jsonl", RecordLimitTests.threeRecords(middle: 4_000))
        let result = Ingest.read([path], defaults: RecordDefaults(maxRecordBytes: 1_000))
        #expect(result.articles.map(\.id) == ["a1", "a2"])
        #expect(result.rejects.map(\.line) == [2])
        #expect(result.rejects.first?.reason.hasSuffix("over the limit of 1000 (--max-record-bytes); not read") == true)
        #expect(result.files.first?.records == 3)
    }

    @Test func aLineLongerThanTheReadBufferIsRejectedWhole() {
        // 3 MB of text: several of the reader's 1 MiB reads, counted as one line of 3 MB.
        let path = writeFile(makeTemporaryFolder(), "a.jsonl", RecordLimitTests.threeRecords(middle: 3_000_000))
        let result = Ingest.read([path], defaults: RecordDefaults(maxRecordBytes: 100_000))
        #expect(result.articles.map(\.id) == ["a1", "a2"])
        #expect(result.rejects.first?.reason.hasPrefix("record of 3000") == true)
    }

    @Test func aGzippedLineIsMeasuredAfterInflating() throws {
        let folder = makeTemporaryFolder()
        let plain = writeFile(folder, "a.jsonl", RecordLimitTests.threeRecords(middle: 200_000))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-f", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let result = Ingest.read([plain + ".gz"], defaults: RecordDefaults(maxRecordBytes: 50_000))
        #expect(result.articles.map(\.id) == ["a1", "a2"])
        #expect(result.rejects.map(\.line) == [2])
    }

    @Test func aPageOverTheLimitIsRejectedUnread() {
        let folder = makeTemporaryFolder()
        let path = writeFile(folder, "page.txt", "عنوان\n\n" + String(repeating: "قال المتحدث إن الوضع هادئ\n", count: 2_000))
        let result = Ingest.read([path], defaults: RecordDefaults(maxRecordBytes: 10_000))
        #expect(result.articles.isEmpty)
        #expect(result.rejects.first?.reason == "record larger than the limit of 10000 bytes (--max-record-bytes); not read")
        #expect(Ingest.read([path]).articles.count == 1)
    }
}
