import Foundation

/// Headlines and lead sentences as a report shows them: on one line, without a site's web label
/// («شاهد.. »، «بالفيديو: »، «مباشر: ») and with hashtags written as words (``hashtagsAsWords(_:)``) («#الرسوم_الجمركية» →
/// «الرسوم الجمركية»). The labels are the package's `Lexicons/web-labels.tsv`, each with its count
/// in the shared corpora.
package enum Headline {
    /// `title` on one line, without a leading web label, hashtags in words.
    package static func shown(_ title: String) -> String {
        var text = hashtagsAsWords(oneLine(title))
        for label in labels where text.hasPrefix(label) {
            let rest = text.dropFirst(label.count).drop(while: { $0 == " " })
            guard let separator = separators.first(where: { rest.hasPrefix($0) }) else { continue }
            let headline = rest.dropFirst(separator.count).drop(while: { $0 == " " || $0 == "." })
            if !headline.isEmpty { text = String(headline) }
            break
        }
        return text
    }

    /// What follows a label: a colon, two or more dots, an ellipsis, a bar or a dash.
    package static let separators = [":", "..", "…", "|", "-", "–", "—"]

    /// The labels, longest first (so «بالفيديو» is tried before «فيديو»).
    package static let labels: [String] = {
        guard let url = Bundle.module.url(forResource: "web-labels", withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Lexicons/web-labels.tsv is missing from the package") }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t")[0]) }.sorted { $0.count > $1.count }
    }()
}

/// Text on one line: runs of whitespace, newlines included, become one space.
package func oneLine(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
