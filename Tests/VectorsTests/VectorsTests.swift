import ArabicText
import Foundation
import TestSupport
import Testing

@testable import Vectors

@Suite("Vectors")
struct VectorsTests {
    static let documents = [
        Document(title: "بوتين يبحث مع ماكرون التصعيد في إدلب", text: "بحث الرئيس الروسي التصعيد في إدلب.\nوقال الكرملين إن الاتصال بناء.", source: "a"),
        Document(title: "اتصال بين بوتين وماكرون حول إدلب", text: "أجرى بوتين اتصالا بماكرون حول إدلب.", source: "b"),
        Document(title: "الذهب يرتفع إلى أعلى مستوى", text: "ارتفع سعر الذهب مع مخاوف المستثمرين.", source: "c"),
        Document(title: "أسعار الذهب تتراجع", text: "تراجع الذهب بعد صعود الدولار.", source: "c"),
    ]

    @Test func rowsAreUnitLengthAndRareTermsDropped() {
        var options = VectorOptions()
        options.maximumDocumentShare = 1
        let (vocabulary, matrix) = TFIDF.fit(VectorsTests.documents, boilerplate: .fixedPatterns, options: options)
        #expect(matrix.rowCount == 4)
        for i in 0..<4 { #expect(abs(matrix.dot(i, i) - 1) < 1e-5) }
        // Only terms in two or more documents are kept: بوت, ماكر, ادلب, ذهب, اتصال…
        #expect(vocabulary.documentFrequencies.allSatisfy { $0 >= 2 })
        #expect(vocabulary.column(of: "بوت") != nil && vocabulary.column(of: "ذهب") != nil)
        #expect(vocabulary.column(of: "دولار") == nil)
        // Smoothed idf: ln((1 + 4) / (1 + 2)) + 1 for a term in two documents.
        let column = vocabulary.column(of: "بوت")!
        #expect(abs(vocabulary.idf[column] - (log(5.0 / 3.0) + 1)) < 1e-6)
        #expect(matrix.dot(0, 1) > 0.5)
        #expect(matrix.dot(0, 2) == 0)
    }

    @Test func vocabularySavesAndLoads() throws {
        let (vocabulary, _) = TFIDF.fit(VectorsTests.documents, boilerplate: .fixedPatterns)
        let path = makeTemporaryFolder("vocabulary") + "/vocabulary.tsv"
        try vocabulary.save(to: path)
        #expect(try Vocabulary(contentsOf: path) == vocabulary)
        try Data("# isnad vocabulary\t4\nبوت\tx\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: VocabularyError.badLine(path: path, line: 2)) { try Vocabulary(contentsOf: path) }
        #expect(throws: VocabularyError.unreadable(path: path + ".missing")) { try Vocabulary(contentsOf: path + ".missing") }
    }

    /// A deterministic random sparse matrix, 300 rows over 80 columns, times over 20 days (every
    /// 50th undated).
    func randomMatrix() -> (SparseMatrix, [Double?]) {
        var state: UInt64 = 42
        func next() -> Int { state = state &* 6_364_136_223_846_793_005 &+ 1; return Int(state >> 33) }
        var rowStarts = [0], columns: [Int32] = [], values: [Float] = []
        for _ in 0..<300 {
            let chosen = Set((0..<8).map { _ in Int32(next() % 80) }).sorted()
            let raw = chosen.map { _ in Float(next() % 100 + 1) }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            columns += chosen
            values += raw.map { $0 / norm }
            rowStarts.append(columns.count)
        }
        let matrix = SparseMatrix(columnCount: 80, rowStarts: rowStarts, columns: columns, values: values)
        let times: [Double?] = (0..<300).map { $0 % 50 == 7 ? nil : Double(next() % (20 * 86_400)) }
        return (matrix, times)
    }

    @Test func sparseNeighborsEqualBruteForceWithinTheWindow() {
        let (matrix, times) = randomMatrix()
        var options = NeighborOptions()
        options.neighbors = 1_000
        options.minimumSimilarity = 0.3
        let found = Set(SparseSimilarity.neighbors(matrix, times: times, options: options).pairs.map { [$0.first, $0.second] })
        let expected = bruteForce(matrix, times: times, options: options)
        #expect(found == expected)
    }

    @Test func aPairListedFromBothEndsIsRescoredOnceWithTheSameCosine() {
        // Three rows: 0 and 1 list each other, 1 also lists 2, and 2 lists 0, which does not list
        // it. Four entries, three distinct pairs: three cosines, each the rows' dot product.
        let rows: [[(Int32, Float)]] = [[(0, 0.6), (1, 0.8)], [(0, 0.8), (2, 0.6)], [(1, 0.8), (2, 0.6)]]
        let matrix = SparseMatrix(
            columnCount: 3, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
            columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        var lists = CandidateLists.Block()
        lists.append([(1, 0.5)])
        lists.append([(0, 0.5), (2, 0.1)])
        lists.append([(0, 0.4)])
        var options = NeighborOptions()
        options.minimumSimilarity = 0.01
        let (pairs, computed) = SparseSimilarity.rescored(matrix, order: [0, 1, 2], candidates: CandidateLists([lists]), options: options)
        #expect(computed == 3)
        #expect(pairs.map { [$0.first, $0.second] } == [[0, 1], [0, 2], [1, 2]])
        #expect(pairs.map(\.similarity) == [matrix.dot(0, 1), matrix.dot(0, 2), matrix.dot(1, 2)])
        #expect(zip(pairs.map(\.similarity), [0.48, 0.64, 0.36]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func denseRouteFindsTruePairsWithExactCosines() {
        let (matrix, times) = randomMatrix()
        var options = NeighborOptions()
        options.neighbors = 1_000
        options.minimumSimilarity = 0.3
        let dense = DenseSimilarity.neighbors(matrix, times: times, options: options, rank: 60)
        let expected = bruteForce(matrix, times: times, options: options)
        let found = Set(dense.pairs.map { [$0.first, $0.second] })
        #expect(found.isSubset(of: expected))
        #expect(Double(found.count) >= 0.9 * Double(expected.count))
        for pair in dense.pairs { #expect(abs(pair.similarity - matrix.dot(Int(pair.first), Int(pair.second))) < 1e-5) }
        #expect(dense.report.flops > 0 && dense.report.projectionFlops > 0)
    }

    func bruteForce(_ matrix: SparseMatrix, times: [Double?], options: NeighborOptions) -> Set<[Int32]> {
        var expected: Set<[Int32]> = []
        for i in 0..<matrix.rowCount {
            for j in (i + 1)..<matrix.rowCount where matrix.dot(i, j) >= options.minimumSimilarity {
                if let a = times[i], let b = times[j], abs(a - b) > options.window { continue }
                expected.insert([Int32(i), Int32(j)])
            }
        }
        return expected
    }
}

@Suite("Selection")
struct SelectionTests {
    @Test func keepBestKeepsTheHighestScoresWithTiesToTheLowerIndex() {
        var entries: [(Int32, Float)] = [(0, 0.1), (1, 0.9), (2, 0.5), (3, 0.9), (4, 0.3), (5, 0.5), (6, 0.7)]
        SparseSimilarity.keepBest(&entries, 4)
        #expect(Set(entries.map(\.0)) == [1, 3, 6, 2])
        var few: [(Int32, Float)] = [(0, 0.2)]
        SparseSimilarity.keepBest(&few, 3)
        #expect(few.count == 1)
    }

    @Test func rowEntriesSortAsTheStandardLibrarySortsThem() {
        // Lengths around the insertion-sort cutoff and well past it; few distinct values in some
        // rounds (many equal to the pivot), sorted and reversed input in others.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<200 {
            let length = round % 50 == 0 ? 0 : Int.random(in: 1...300, using: &generator)
            let range: UInt64 = round % 4 == 0 ? 3 : 1 << 49
            var values = (0..<length).map { _ in UInt64.random(in: 0..<range, using: &generator) }
            if round % 7 == 1 { values.sort() }
            if round % 7 == 2 { values.sort(by: >) }
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { TermCounts.sortAscending($0) }
            #expect(sorted == values.sorted())
        }
    }

    @Test func takingTheBestFromTheScoresKeepsWhatKeepBestKeeps() {
        // Seven touched positions of ten, the best four taken; the scores of the touched
        // positions are reset to 0, the others left alone.
        var scores: [Float] = [0.1, 0.9, 0.5, 0.9, 0.3, 0.5, 0.7, 0.25, 0.6, 0.8]
        let touched: [Int32] = [6, 5, 4, 3, 2, 1, 0]
        var histogram = [Int32](repeating: 0, count: SparseSimilarity.histogramSize)
        var gathered = [Float](repeating: 0, count: 300)
        var best: [(Int32, Float)] = [], boundary: [(Int32, Float)] = []
        touched.withUnsafeBufferPointer { touched in
            scores.withUnsafeMutableBufferPointer { scores in
                histogram.withUnsafeMutableBufferPointer { histogram in
                    gathered.withUnsafeMutableBufferPointer { gathered in
                        SparseSimilarity.takeBest(touched, scores: scores, count: 4, into: &best, histogram: histogram, gathered: gathered, boundary: &boundary)
                    }
                }
            }
        }
        #expect(Set(best.map(\.0)) == [1, 3, 6, 2])
        #expect(best.first { $0.0 == 6 }?.1 == 0.7)
        #expect(scores == [0, 0, 0, 0, 0, 0, 0, 0.25, 0.6, 0.8])
        #expect(histogram.allSatisfy { $0 == 0 })
        // Scores over many octaves, with many ties inside a bucket and between buckets, in every
        // order, and fewer touched positions than wanted: the same entries as the quickselect.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<60 {
            let count = round % 3 == 0 ? 300 : 200
            let entries = (0..<count).map {
                (Int32($0), Float(Int.random(in: 0..<24, using: &generator) + 1) / 24 * Float(1 << Int.random(in: 0..<4, using: &generator)) / 8)
            }
            .shuffled(using: &generator)
            let wanted = round % 5 == 0 ? 400 : 60
            var scores = [Float](repeating: 0, count: count)
            for (position, score) in entries { scores[Int(position)] = score }
            let touched = entries.map(\.0)
            touched.withUnsafeBufferPointer { touched in
                scores.withUnsafeMutableBufferPointer { scores in
                    histogram.withUnsafeMutableBufferPointer { histogram in
                        gathered.withUnsafeMutableBufferPointer { gathered in
                            SparseSimilarity.takeBest(
                                touched, scores: scores, count: wanted, into: &best, histogram: histogram, gathered: gathered, boundary: &boundary)
                        }
                    }
                }
            }
            var selected = entries
            SparseSimilarity.keepBest(&selected, wanted)
            #expect(best.count == min(wanted, count))
            #expect(Set(best.map(\.0)) == Set(selected.map(\.0)))
            #expect(scores.allSatisfy { $0 == 0 })
            #expect(histogram.allSatisfy { $0 == 0 })
        }
    }

    @Test func columnsListEveryEntryByPositionInTheOrder() {
        // 6 rows over 5 columns; the columns are filled in two ranges on two cores.
        let rows: [[(Int32, Float)]] = [[(0, 1), (3, 2)], [(1, 3), (4, 4)], [(0, 5), (1, 6), (2, 7)], [(3, 8)], [(2, 9), (4, 10)], [(0, 11), (4, 12)]]
        let matrix = SparseMatrix(
            columnCount: 5, rowStarts: rows.reduce(into: [0]) { $0.append($0.last! + $1.count) },
            columns: rows.flatMap { $0.map(\.0) }, values: rows.flatMap { $0.map(\.1) })
        let order = [5, 2, 0, 4, 1, 3]
        let (starts, positions, values) = matrix.columns(inRowOrder: order)
        #expect(starts == [0, 3, 5, 7, 9, 12])
        #expect(positions == [0, 1, 2, 1, 4, 1, 3, 2, 5, 0, 3, 4])
        #expect(values == [11, 5, 1, 6, 3, 7, 9, 2, 8, 12, 10, 4])
    }

    @Test func theVocabularyIsInByteOrderWhenTermsShareTheirFirstEightBytes() {
        // «استراتيج» is 16 bytes: the terms below tie on their first eight bytes but one.
        let terms = ["استراتيجيه", "استراتيج", "استر", "است", "ب", "Zoo", "abc", "استراتيجي"]
        let vocabulary = TFIDF.vocabulary(terms.map { (term: $0, df: 5) }, documentCount: 100)
        #expect(vocabulary.terms == terms.sorted { precedesByBytes($0, $1) })
        #expect(vocabulary.terms == ["Zoo", "abc", "است", "استر", "استراتيج", "استراتيجي", "استراتيجيه", "ب"])
    }

    @Test func theUnionSortsPairsAndKeepsThePairFoundFirst() {
        // (1, 4) is found from both ends, in two blocks, with slightly different sums; the first
        // found stays. Rows 0-1 and 2-4 are sorted by different cores.
        let found = [
            [SimilarPair(4, 1, similarity: 0.51), SimilarPair(0, 3, similarity: 0.2), SimilarPair(1, 2, similarity: 0.9)],
            [
                SimilarPair(1, 4, similarity: 0.5), SimilarPair(0, 1, similarity: 0.3), SimilarPair(2, 1, similarity: 0.9),
                SimilarPair(4, 2, similarity: 0.4), SimilarPair(3, 2, similarity: 0.6),
            ],
        ]
        let union = SparseSimilarity.union(found, rowCount: 5)
        #expect(union.map { [$0.first, $0.second] } == [[0, 1], [0, 3], [1, 2], [1, 4], [2, 3], [2, 4]])
        #expect(union.map(\.similarity) == [0.3, 0.2, 0.9, 0.51, 0.6, 0.4])
        #expect(SparseSimilarity.union([], rowCount: 3).isEmpty)
        #expect(SparseSimilarity.union([[]], rowCount: 1).isEmpty)
    }

    @Test func rowsAreTheSameInWhicheverBlockTheyAreCounted() {
        // 2,800 documents are counted in three blocks of 1,024 and built into the matrix in parallel.
        let repeated = Array(repeatElement(VectorsTests.documents, count: 700).joined())
        let (_, matrix) = TFIDF.fit(repeated, boilerplate: .fixedPatterns)
        #expect(matrix.rowCount == 2_800)
        for i in [0, 1, 1_023, 1_024, 1_025, 2_047, 2_048, 2_799] {
            let same = i % 4
            #expect(matrix.columns[matrix.row(i)] == matrix.columns[matrix.row(same)])
            #expect(matrix.values[matrix.row(i)] == matrix.values[matrix.row(same)])
        }
    }

    @Test func wordsMetLastAndOnlyInBoilerplateAppearInNoDocument() {
        // The copyright line's words are the last new words of the block, and the line is left
        // out: they are in no document's counts, and listing frequencies must not trap on them.
        let document = Document(title: "اجتماع وزراء الخارجية", text: "اجتمع وزراء الخارجية في الرياض.\n© جميع الحقوق محفوظة لوكالة سبأ", source: "saba")
        let frequencies = TFIDF.documentFrequencies([document], boilerplate: .fixedPatterns)
        #expect(frequencies.map(\.term) == ["اجتماع", "اجتمع", "خارج", "رياض", "زراء"])
        #expect(frequencies.map(\.df) == [1, 1, 1, 1, 1])
    }

    @Test func frequenciesAddUpOverChunksCountedOnDifferentCores() {
        // 1,300 documents are three chunks, counted by whichever core is free: each term is
        // listed once, with the documents of every chunk added up, in the vocabulary's order.
        let documents = (0..<1300).map { i in
            Document(title: i % 2 == 0 ? "ارتفاع أسعار النفط" : "انخفاض أسعار الذهب", text: i % 5 == 0 ? "قال الوزير إن الأسواق مستقرة" : "", source: "saba")
        }
        let frequencies = TFIDF.documentFrequencies(documents, boilerplate: .fixedPatterns)
        #expect(frequencies.map(\.term) == ["ارتفاع", "اسعار", "اسواق", "انخفاض", "ذهب", "مستقر", "نفط", "وزير"])
        #expect(frequencies.map(\.df) == [650, 1300, 260, 650, 650, 260, 650, 260])
    }

    @Test func givenLineFingerprintsLeaveOutTheSameLearnedLines() {
        // An outlet's sign-off repeats over three days and is learned; the vectors leave it out
        // whether its lines' fingerprints are given or computed as they are judged.
        let texts = (0..<12).map { i in "خبر رقم \(["أول", "ثان", "ثالث", "رابع"][i % 4]) عن \(["الذهب", "النفط", "القمح"][i % 3])\nنبأ برس – الرياض" }
        let learned = Boilerplate.learn(from: texts.indices.map { Boilerplate.Document(source: "nabaa", day: "2018-05-1\($0 % 3)", text: texts[$0]) })
        #expect(learned.learned.map(\.text) == ["نبأ برس – الرياض"])
        let fingerprints = Boilerplate.lineFingerprints(of: texts)
        var options = VectorOptions()
        options.maximumDocumentShare = 1
        let (vocabulary, computed) = TFIDF.fit(texts.map { Document(title: "", text: $0, source: "nabaa") }, boilerplate: learned, options: options)
        let (_, given) = TFIDF.fit(
            texts.indices.map { Document(title: "", text: texts[$0], source: "nabaa", lineFingerprints: fingerprints[$0]) },
            boilerplate: learned, options: options)
        #expect(vocabulary.column(of: "برس") == nil)
        #expect(given.columns == computed.columns)
        #expect(given.values == computed.values)
    }

    @Test func aRowDotsWithADenseVectorAsWithTheSparseRow() {
        var options = VectorOptions()
        options.maximumDocumentShare = 1
        let (_, matrix) = TFIDF.fit(VectorsTests.documents, boilerplate: .fixedPatterns, options: options)
        var dense = [Float](repeating: 0, count: matrix.columnCount)
        for k in matrix.row(1) { dense[Int(matrix.columns[k])] = matrix.values[k] }
        for i in 0..<4 { #expect(abs(matrix.dot(row: i, dense: dense) - matrix.dot(i, 1)) < 1e-6) }
    }

    @Test func aTermIsFoundByItsHash() {
        let (vocabulary, _) = TFIDF.fit(VectorsTests.documents, boilerplate: .fixedPatterns)
        for (column, term) in vocabulary.terms.enumerated() {
            #expect(vocabulary.column(ofTermHash: TermHash.of(term.unicodeScalars)) == Int32(column))
        }
        #expect(vocabulary.column(ofTermHash: TermHash.of("دولار".unicodeScalars)) == nil)
    }
}
