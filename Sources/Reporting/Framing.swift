import ArabicText
import Foundation

/// The words outlets choose for one referent (النظام السوري or الحكومة السورية, قتلى or شهداء):
/// the reviewed groups of the package's `Lexicons/framing.tsv`, counted in the key view with
/// proclitics set aside (للنظام السوري counts as النظام السوري), in one pass of the tokenizer
/// over each text and without building tokens.
enum Framing {
    /// A term of a group, by the hashes of its one or two words (``TermHash`` of the word's key
    /// without its proclitics).
    struct Term: Sendable {
        let group: Int
        let term: Int
        let words: [UInt64]
    }

    /// Where a term of a group was found in a text: the group, the term and its scalars.
    struct Match: Equatable {
        let group: Int
        let term: Int
        let scalars: Range<Int>
    }

    /// The tokenizer's key view, as the clustering has it.
    static let analyzer = Analyzer()

    /// Each group's terms as written, in the file's order.
    static let groups: [[String]] = {
        guard let url = Bundle.module.url(forResource: "framing", withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Lexicons/framing.tsv is missing from the package") }
        var groups: [Int: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let group = Int(fields[0]), Int(fields[2]) != nil, (1...2).contains(fields[1].split(separator: " ").count) else {
                preconditionFailure("Lexicons/framing.tsv: a line without group, term of one or two words, count and example: \(line)")
            }
            groups[group, default: []].append(String(fields[1]))
        }
        return groups.keys.sorted().map { groups[$0]! }
    }()

    /// Every term with its words' hashes.
    static let terms: [Term] = groups.indices.flatMap { g in
        groups[g].indices.map { t in
            var words: [UInt64] = []
            analyzer.forEachKey(in: groups[g][t][...]) { _, key, _ in words.append(bareHash(key)) }
            return Term(group: g, term: t, words: words)
        }
    }

    /// The one-word terms by their word's hash.
    static let oneWord = Dictionary(terms.filter { $0.words.count == 1 }.map { ($0.words[0], $0) }, uniquingKeysWith: { first, _ in first })

    /// The two-word terms by their first word's hash, then their second's.
    static let twoWords: [UInt64: [UInt64: Term]] = {
        var map: [UInt64: [UInt64: Term]] = [:]
        for term in terms where term.words.count == 2 { map[term.words[0], default: [:]][term.words[1]] = term }
        return map
    }()

    /// The ``TermHash`` of a key without its proclitics: وال، بال، فال، كال، لل، ال, or one و، ف،
    /// ب، ل before three more letters.
    static func bareHash(_ key: UnsafeBufferPointer<Unicode.Scalar>) -> UInt64 {
        TermHash.of(UnsafeBufferPointer(rebasing: key[procliticLength(key)...]))
    }

    /// How many scalars of `key` its proclitics take (see ``bareHash(_:)``).
    static func procliticLength(_ key: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        guard key.count >= 3 else { return 0 }
        let first = key[0]
        if key.count >= 5, first == "و" || first == "ب" || first == "ف" || first == "ك", key[1] == "ا", key[2] == "ل" { return 3 }
        if key.count >= 4, first == "ل" && key[1] == "ل" || first == "ا" && key[1] == "ل" { return 2 }
        if key.count >= 4, first == "و" || first == "ف" || first == "ب" || first == "ل" { return 1 }
        return 0
    }

    /// Calls `body` with every term of every group in `text`, in text order (a two-word term is
    /// not also counted as its first word), and `words` with the number of Arabic words.
    static func scan(_ text: String, words: inout Int, _ body: (Match) -> Void) {
        // The word before, not yet counted: its hash (nil when there is none) and scalars.
        var pendingHash: UInt64?
        var pendingScalars = 0..<0
        var count = 0
        analyzer.forEachKey(in: text[...]) { kind, key, range in
            if kind == .arabic { count += 1 }
            let hash = bareHash(key)
            if let previous = pendingHash {
                if let term = twoWords[previous]?[hash] {
                    body(Match(group: term.group, term: term.term, scalars: pendingScalars.lowerBound..<range.upperBound))
                    pendingHash = nil
                    return
                }
                if let term = oneWord[previous] { body(Match(group: term.group, term: term.term, scalars: pendingScalars)) }
            }
            (pendingHash, pendingScalars) = (hash, range)
        }
        if let previous = pendingHash, let term = oneWord[previous] { body(Match(group: term.group, term: term.term, scalars: pendingScalars)) }
        words += count
    }

    /// The words around `scalars` in `text`: about six words each side, cut at spaces.
    static func context(_ scalars: Range<Int>, in text: String) -> String {
        let view = text.unicodeScalars
        let start = view.index(view.startIndex, offsetBy: max(0, scalars.lowerBound - 40))
        let end = view.index(view.startIndex, offsetBy: scalars.upperBound + 40, limitedBy: view.endIndex) ?? view.endIndex
        var words = String(view[start..<end]).split(whereSeparator: \.isWhitespace)
        if scalars.lowerBound > 40, !words.isEmpty { words.removeFirst() }
        if end < view.endIndex, !words.isEmpty { words.removeLast() }
        return words.joined(separator: " ")
    }
}

/// How one outlet of the period words one referent: its terms per 1,000 of its words, and an
/// example of the term it uses most.
public struct FramingLine: Sendable {
    /// The group's terms, joined with « / ».
    public let terms: String
    /// The outlet.
    public let outlet: String
    /// Each term the outlet uses with its rate, most used first: «النظام السوري 1.40 · الحكومة السورية 0.20».
    public let rates: String
    /// The words around its first use of the term it uses most.
    public let example: String
}

extension Framing {
    /// Words an outlet must have written in the period for its rates to be shown.
    static let minimumWords = 2_000
    /// Uses of a group an outlet must have made for its rates to be shown.
    static let minimumUses = 3

    /// One outlet's words and uses of each term, with the words around each term's first use.
    struct Usage {
        var words = 0
        var uses: [[Int]] = Framing.groups.map { [Int](repeating: 0, count: $0.count) }
        var examples: [[String?]] = Framing.groups.map { [String?](repeating: nil, count: $0.count) }

        /// Adds one article's text.
        mutating func add(_ text: String) {
            var found: [Match] = []
            Framing.scan(text, words: &words) { found.append($0) }
            for match in found {
                uses[match.group][match.term] += 1
                if examples[match.group][match.term] == nil { examples[match.group][match.term] = Framing.context(match.scalars, in: text) }
            }
        }

        /// Both outlets' counts.
        mutating func merge(_ other: Usage) {
            words += other.words
            for g in uses.indices {
                for t in uses[g].indices {
                    uses[g][t] += other.uses[g][t]
                    examples[g][t] = examples[g][t] ?? other.examples[g][t]
                }
            }
        }
    }

    /// The lines of the period's framing table: for each group, each outlet with at least
    /// ``minimumWords`` words and ``minimumUses`` uses of the group, when two outlets or more have.
    static func lines(_ usage: [String: Usage]) -> [FramingLine] {
        groups.indices.flatMap { g -> [FramingLine] in
            let outlets = usage.keys.sorted().filter { usage[$0]!.words >= minimumWords && usage[$0]!.uses[g].reduce(0, +) >= minimumUses }
            guard outlets.count >= 2 else { return [] }
            return outlets.map { outlet in
                let u = usage[outlet]!
                let order = u.uses[g].indices.filter { u.uses[g][$0] > 0 }.sorted { (u.uses[g][$0], $1) > (u.uses[g][$1], $0) }
                let rates = order.map { "\(groups[g][$0]) \(String(format: "%.2f", 1_000 * Double(u.uses[g][$0]) / Double(u.words)))" }
                return FramingLine(
                    terms: groups[g].joined(separator: " / "), outlet: outlet, rates: rates.joined(separator: " · "),
                    example: order.first.flatMap { u.examples[g][$0] }.map { "«…\($0)…»" } ?? "")
            }
        }
    }
}
