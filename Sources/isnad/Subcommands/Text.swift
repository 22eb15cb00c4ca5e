import ArgumentParser
import Foundation
import Isnad

extension IsnadCommand {
    /// `isnad text`: show what the text stage does with a sentence or an article.
    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the display and key views, tokens, terms, sentences and boilerplate of Arabic text.",
            discussion: """
                Reads --text, or articles from files and folders (as `isnad ingest` does), or standard \
                input when neither is given. For articles the title and the text are read as one \
                document, title first. Views:
                  display      the display view (controls removed, spaces unified, NFC)
                  key          the key view used for matching and TF-IDF
                  tokens       each token: kind, text, key, light10 stem, whether it is a stop word
                  terms        what the vectors get: boilerplate out, stop words out, stems
                  sentences    paragraphs and sentences, with display offsets
                  boilerplate  the lines removed as boilerplate, and why
                  learned      the lines learned as each outlet's boilerplate (articles only)
                With --format json every document is one JSON line (offsets count Unicode scalars of \
                the display view); `learned` prints one JSON line per learned line.
                """
        )

        @Argument(help: "Article files or folders to read.")
        var paths: [String] = []

        @Option(help: "A text to analyze instead of files.")
        var text: String?

        @Option(name: .customLong("show"), parsing: .upToNextOption, help: "Views to show (default: display key terms sentences).")
        var views: [View] = [.display, .key, .terms, .sentences]

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Option(help: "Hamza on a waw or yeh seat (ؤ ئ) in the key view: fold (to ء) or keep.")
        var hamza: Hamza = .fold

        @Option(help: "Only the articles with these ids (repeatable).")
        var id: [String] = []

        @Option(help: "At most this many articles.")
        var limit: Int?

        enum View: String, ExpressibleByArgument, CaseIterable { case display, key, tokens, terms, sentences, boilerplate, learned }
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
        enum Hamza: String, ExpressibleByArgument, CaseIterable { case fold, keep }

        func validate() throws {
            if text != nil, !paths.isEmpty { throw ValidationError("give either --text or files, not both") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            if views.contains(.learned), paths.isEmpty {
                throw ValidationError("--show learned needs article files: boilerplate is learned per outlet from many articles")
            }
        }

        func run() throws {
            var documents: [Document] = []
            var rejected = false
            if let text {
                documents = [Document(id: "-", source: nil, day: nil, text: text)]
            } else if paths.isEmpty {
                let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                documents = [Document(id: "-", source: nil, day: nil, text: input)]
            } else {
                let result = Isnad.Ingest.read(paths)
                for reject in result.rejects { printError(reject.message) }
                rejected = !result.rejects.isEmpty
                documents = result.articles.map {
                    Document(
                        id: $0.id, source: $0.source, day: $0.published?.day,
                        text: [$0.title, $0.text].filter { !$0.isEmpty }.joined(separator: "\n"))
                }
            }
            let boilerplate =
                paths.isEmpty
                ? Boilerplate.fixedPatterns
                : Boilerplate.learn(from: documents.map { Boilerplate.Document(source: $0.source ?? "", day: $0.day, text: $0.text) })
            if views.contains(.learned) { try printLearned(boilerplate.learned) }
            let shown = documents.filter { id.isEmpty || id.contains($0.id) }.prefix(limit ?? Int.max)
            let analysis = TextAnalysis(hamza: hamza == .fold ? .fold : .keep, boilerplate: boilerplate)
            for document in shown where views.contains(where: { $0 != .learned }) {
                try show(analysis.analyze(document))
            }
            if rejected { throw ExitCode.rejectedRecords }
        }

        private func printLearned(_ lines: [LearnedLine]) throws {
            switch format {
            case .json:
                for line in lines { print(try jsonLine(line)) }
            case .text:
                print("# Learned boilerplate: \(lines.count) line(s)")
                for line in lines { print("\(line.source)\t\(line.articles) articles, \(line.days) days\t\(line.text)") }
            }
        }

        private func show(_ result: DocumentAnalysis) throws {
            switch format {
            case .json:
                print(try jsonLine(result.json(views: Set(views))))
            case .text:
                print("# \(result.id)")
                for view in views {
                    switch view {
                    case .display: print("display: \(result.display.text)")
                    case .key: print("key: \(result.key)")
                    case .tokens:
                        print("tokens:")
                        for token in result.tokens {
                            print("  \(token.kind.rawValue)\t\(token.text)\t\(token.key)\t\(token.stem)\(token.stop ? "\tstop" : "")")
                        }
                    case .terms: print("terms: \(result.terms.joined(separator: " "))")
                    case .sentences:
                        print("sentences:")
                        for sentence in result.sentences { print("  [\(sentence.paragraph)] \(sentence.text)") }
                    case .boilerplate:
                        print("boilerplate:")
                        for line in result.removed { print("  line \(line.line + 1) (\(line.reason.rawValue)): \(line.text)") }
                    case .learned: break
                    }
                }
            }
        }
    }
}

/// One text to analyze.
struct Document {
    let id: String
    let source: String?
    let day: String?
    let text: String
}

/// Every view of one document, as `isnad text` shows them.
struct DocumentAnalysis {
    struct ShownToken: Encodable {
        let kind: TokenKind
        let text: String
        let key: String
        let stem: String
        let stop: Bool
        let start: Int
        let end: Int
    }
    struct ShownSentence: Encodable {
        let paragraph: Int
        let start: Int
        let end: Int
        let text: String
    }
    struct JSON: Encodable {
        let id: String
        var display: String?
        var key: String?
        var tokens: [ShownToken]?
        var terms: [String]?
        var sentences: [ShownSentence]?
        var boilerplate: [RemovedLine]?
    }

    let id: String
    let display: DisplayText
    let key: String
    let tokens: [ShownToken]
    let terms: [String]
    let sentences: [ShownSentence]
    let removed: [RemovedLine]

    func json(views: Set<IsnadCommand.Text.View>) -> JSON {
        JSON(
            id: id,
            display: views.contains(.display) ? display.text : nil,
            key: views.contains(.key) ? key : nil,
            tokens: views.contains(.tokens) ? tokens : nil,
            terms: views.contains(.terms) ? terms : nil,
            sentences: views.contains(.sentences) ? sentences : nil,
            boilerplate: views.contains(.boilerplate) ? removed : nil)
    }
}

/// Runs the text stage on documents.
struct TextAnalysis {
    let hamza: HamzaCarriers
    let boilerplate: Boilerplate

    func analyze(_ document: Document) -> DocumentAnalysis {
        let display = DisplayText(document.text)
        let stopWords = StopWords.clustering
        let tokens = Tokenizer.tokens(in: display, hamzaCarriers: hamza).map {
            DocumentAnalysis.ShownToken(
                kind: $0.kind, text: $0.text, key: $0.key,
                stem: $0.kind == .arabic ? Light10.stem($0.key) : $0.key,
                stop: stopWords.contains($0), start: $0.range.lowerBound, end: $0.range.upperBound)
        }
        let sentences = SentenceSplitter.sentences(of: display).map {
            DocumentAnalysis.ShownSentence(paragraph: $0.paragraph, start: $0.range.lowerBound, end: $0.range.upperBound, text: display[$0.range])
        }
        let cleaned = boilerplate.clean(document.text, source: document.source)
        let terms = Analyzer(stopWords: stopWords, hamzaCarriers: hamza).terms(of: cleaned.text)
        return DocumentAnalysis(
            id: document.id, display: display, key: KeyNormalizer(hamzaCarriers: hamza).key(document.text),
            tokens: tokens, terms: terms, sentences: sentences, removed: cleaned.removed)
    }
}
