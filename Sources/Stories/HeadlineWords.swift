import ArabicText
import Ingest
import Support
import Vectors

/// The words of every article's headline whose terms are in a vocabulary: each word's column and
/// where it is written. A story's keywords are chosen among its headlines' words; found once per
/// article, beside the clustering passes, they keep the tokenizer out of the story records.
struct HeadlineWords: Sendable {
    /// A word: its vocabulary column, and its UTF-8 offsets in its headline.
    private struct Word {
        let column: Int32
        let start: UInt16
        let end: UInt16
    }

    /// Article `i`'s words are `words[starts[i]..<starts[i + 1]]`, in headline order.
    private let starts: [Int]
    private let words: [Word]

    /// The words of the headlines of `articles`, found over blocks of articles on all cores but one
    /// (story detection finds them beside the clustering passes). Words that end past the first
    /// 64 KiB of a headline are left out (no headline is that long).
    init(_ articles: [Article], vocabulary: Vocabulary) {
        let blockSize = 2048
        var blocks = parallelMapLeavingOneCore(count: (articles.count + blockSize - 1) / blockSize) { block -> (counts: [Int], words: [Word]) in
            var counts: [Int] = [], words: [Word] = []
            var offsets: [Int] = []
            for article in articles[(block * blockSize)..<min(articles.count, (block + 1) * blockSize)] {
                let scalars = Array(article.title.unicodeScalars)
                // The UTF-8 offset of each scalar, and of the end.
                offsets.removeAll(keepingCapacity: true)
                var offset = 0
                for scalar in scalars {
                    offsets.append(offset)
                    offset += UTF8.width(scalar)
                }
                offsets.append(offset)
                let before = words.count
                Story.keywordAnalyzer.forEachTermHash(in: scalars) { term, token in
                    guard let column = vocabulary.column(ofTermHash: term), let end = UInt16(exactly: offsets[token.upperBound]) else { return }
                    words.append(Word(column: column, start: UInt16(offsets[token.lowerBound]), end: end))
                }
                counts.append(words.count - before)
            }
            return (counts, words)
        }
        var starts = [0]
        starts.reserveCapacity(articles.count + 1)
        for block in blocks {
            for count in block.counts { starts.append(starts[starts.count - 1] + count) }
        }
        self.starts = starts
        // Each block's words are released as they are copied, never all held twice.
        var words: [Word] = []
        words.reserveCapacity(starts[starts.count - 1])
        for b in blocks.indices {
            words += blocks[b].words
            blocks[b].words = []
        }
        self.words = words
    }

    /// The words of article `article`'s headline, as indices for ``column(of:)`` and ``written(_:in:)``.
    func words(of article: Int) -> Range<Int> { starts[article]..<starts[article + 1] }

    /// The vocabulary column of a word.
    func column(of word: Int) -> Int32 { words[word].column }

    /// A word as its headline `title` writes it.
    func written(_ word: Int, in title: String) -> String {
        let utf8 = title.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(words[word].start))
        let to = utf8.index(from, offsetBy: Int(words[word].end - words[word].start))
        return String(decoding: utf8[from..<to], as: UTF8.self)
    }
}
