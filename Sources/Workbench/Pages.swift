import Foundation
import Mustache
import Reporting

/// The workbench's own templates (`Templates/`), rendered with Mustache, which escapes every
/// value: article text stays text.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static let names = ["head", "nav", "speaker", "outlet", "search", "problem"]

    init() throws {
        var library = MustacheLibrary()
        for name in Self.names {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { throw TemplateError.unreadable(file: "Templates/\(name).mustache") }
            try library.register(text, named: name)
        }
        self.library = library
    }

    /// `view` rendered with the template `name`.
    func render(_ view: some Any, _ name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// A report page (a whole HTML document) with the workbench's navigation bar at the top of
    /// its body.
    func withNavigation(_ html: String, _ navigation: Navigation) -> String {
        guard let body = html.range(of: "<body>\n") else { return html }
        return html.replacingCharacters(in: body, with: "<body>\n" + render(navigation, "nav"))
    }
}

/// The navigation bar: home, the previous and next days with articles, stories merged into
/// the one shown, the pages of a long story's timeline, and the search form.
struct Navigation {
    let previous: String
    let hasPrevious: Bool
    let next: String
    let hasNext: Bool
    let merged: Merged?
    /// The addresses of a long story's timeline pages before and after the one shown.
    let earlier: String
    let hasEarlier: Bool
    let later: String
    let hasLater: Bool
    let query: String

    struct Merged {
        let ids: [String]
    }

    init(previous: String? = nil, next: String? = nil, merged: [String] = [], earlier: String? = nil, later: String? = nil, query: String = "") {
        (self.previous, self.hasPrevious, self.next, self.hasNext, self.query) = (previous ?? "", previous != nil, next ?? "", next != nil, query)
        (self.earlier, self.hasEarlier, self.later, self.hasLater) = (earlier ?? "", earlier != nil, later ?? "", later != nil)
        self.merged = merged.isEmpty ? nil : Merged(ids: merged)
    }
}

/// `/speaker/{name}`.
struct SpeakerPage {
    let title: String
    let name: String
    let summary: String
    let others: String
    let hasOthers: Bool
    let entries: [Entry]
    let more: String
    let hasMore: Bool
    let navigation: Navigation

    struct Entry {
        let time: String
        let story: String
        let storyTitle: String
        let cue: String
        let role: String
        let hasRole: Bool
        let wordings: [Wording]
    }

    struct Wording {
        let outlet: String
        let published: String
        let content: String
    }
}

/// `/outlet/{name}`.
struct OutletPage {
    let title: String
    let name: String
    let period: String
    let articles: Int
    let stories: Int
    let exclusives: Int
    let medianLag: String
    let covered: [Row]
    let silences: [Silence]
    let framing: [FramingLine]
    let hasFraming: Bool
    let navigation: Navigation

    struct Row {
        let story: String
        let title: String
        let articles: Int
        let firstPublished: String
        let lag: String
        let wireCopies: Int
        let statements: Int
    }

    struct Silence {
        let story: String
        let title: String
        let outlets: String
    }
}

/// `/search`.
struct SearchPage {
    let title: String
    let query: String
    let summary: String
    let stories: [Story]
    let speakers: [Speaker]
    let statements: [Statement]
    let navigation: Navigation

    struct Story {
        let story: String
        let title: String
        let lastPublished: String
    }

    struct Speaker {
        let name: String
        let path: String
        let statements: Int
    }

    struct Statement {
        let speaker: String
        let path: String
        let content: String
        let outlet: String
        let published: String
        let story: String
    }
}

/// A 400, 404 or 500 page.
struct ProblemPage {
    let title: String
    let message: String
    let navigation: Navigation
}
