import Foundation
import Mustache

/// Renders a ``Report`` as Markdown and HTML through Mustache templates: the built-in ones, or a
/// folder's `report.md.mustache` and `report.html.mustache` (and any partials beside them).
public struct ReportRenderer: Sendable {
    let library: MustacheLibrary

    /// The names of the two templates.
    public static let markdownTemplate = "report.md", htmlTemplate = "report.html"

    /// A renderer with the built-in templates, those of `directory` replacing them by name.
    /// - Throws: ``TemplateError`` naming the file and what is wrong.
    public init(templates directory: String? = nil) throws {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        var library = MustacheLibrary()
        try library.register(DefaultTemplates.text(Self.markdownTemplate), named: Self.markdownTemplate)
        try library.register(DefaultTemplates.text(Self.htmlTemplate), named: Self.htmlTemplate)
        if let directory {
            let files: [String]
            do { files = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                throw TemplateError.unreadable(file: directory)
            }
            for file in files.sorted() where file.hasSuffix(".mustache") {
                let path = directory + "/" + file
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw TemplateError.unreadable(file: path) }
                do { try library.register(text, named: String(file.dropLast(".mustache".count))) } catch {
                    throw TemplateError.invalid(file: path, reason: "\(error)")
                }
            }
        }
        self.library = library
    }

    /// The report as GitHub-flavoured Markdown.
    public func markdown(_ report: Report) -> String { library.render(report, withTemplate: Self.markdownTemplate) ?? "" }

    /// The report as one self-contained HTML page.
    public func html(_ report: Report) -> String { library.render(report, withTemplate: Self.htmlTemplate) ?? "" }
}

/// A template that cannot be used.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    /// The file or folder cannot be read (missing, not a folder, not UTF-8).
    case unreadable(file: String)
    /// The template does not parse; `reason` is the parser's.
    case invalid(file: String, reason: String)

    /// `file: what is wrong`.
    public var description: String {
        switch self {
        case .unreadable(let file): "\(file): cannot be read as a UTF-8 template or folder of templates"
        case .invalid(let file, let reason): "\(file): \(reason)"
        }
    }
}

/// Markdown text: the characters that would make markup are escaped with a backslash.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            switch u {
            case "\\", "*", "_", "`", "#", "|", "[", "]", "<", ">", "~": out += "\\" + String(u)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// The built-in templates (Mustache; `{{x}}` escapes, `{{{x}}}` is the charts' SVG).
/// The built-in templates, the package's `Templates/*.mustache` resources.
enum DefaultTemplates {
    /// The text of the resource `Templates/NAME.mustache`.
    static func text(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw TemplateError.unreadable(file: "Templates/\(name).mustache (built in)")
        }
        return text
    }
}
