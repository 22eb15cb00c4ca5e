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
        try library.register(DefaultTemplates.markdown, named: Self.markdownTemplate)
        try library.register(DefaultTemplates.html, named: Self.htmlTemplate)
        if let directory {
            let files: [String]
            do { files = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                throw TemplateError(file: directory, message: "cannot list the folder: \(error.localizedDescription)")
            }
            for file in files.sorted() where file.hasSuffix(".mustache") {
                let path = directory + "/" + file
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw TemplateError(file: path, message: "not readable as UTF-8") }
                do { try library.register(text, named: String(file.dropLast(".mustache".count))) } catch {
                    throw TemplateError(file: path, message: "\(error)")
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
public struct TemplateError: Error, CustomStringConvertible {
    /// The template file.
    public let file: String
    /// What is wrong.
    public let message: String
    /// `file: message`.
    public var description: String { "\(file): \(message)" }
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
enum DefaultTemplates {
    static let markdown = """
        {{% CONTENT_TYPE: MARKDOWN }}
        # {{title}}

        {{overview}}.

        ## المحتويات

        {{#stories}}
        {{rank}}. [{{title}}](#{{anchor}}) — {{weight}}
        {{/stories}}
        - [المنافذ خلال الفترة](#outlets)

        {{#stories}}
        <a id="{{anchor}}"></a>

        ## {{rank}}. {{title}}

        **الوزن:** {{weight}} · **أول تقرير:** {{firstReport}} · **آخر تقرير:** {{lastReport}}

        **الكلمات المفتاحية:** {{keywords}}

        {{#summary}}
        > {{.}}
        >
        {{/summary}}

        **غطتها:** {{outlets}}{{#hasSilent}} · **لم تغطها:** {{silent}}{{/hasSilent}}

        {{#hasTimeline}}
        ### من قال ماذا ومتى

        | اليوم | المتحدث | الصيغة | القول | المنافذ |
        |---|---|---|---|---|
        {{#timeline}}
        | {{#dated}}{{time}}{{/dated}}{{^dated}}(نُشر {{time}}){{/dated}} | {{speaker}}{{#hasRole}} ({{role}}){{/hasRole}} | {{cue}} | {{#quoted}}«{{/quoted}}{{content}}{{#quoted}}»{{/quoted}} | {{outlets}}{{#drifts}} ⚠ صياغات مختلفة{{/drifts}} |
        {{/timeline}}
        {{#hasMoreEntries}}

        وفي `timeline.jsonl` غيرها: {{moreEntries}}.
        {{/hasMoreEntries}}
        {{#timeline}}
        {{#drifts}}

        **صياغات مختلفة لقول {{speaker}}:**

        | المنفذ | الصياغة |
        |---|---|
        {{#wordings}}
        | {{outlet}} | {{content}} |
        {{/wordings}}
        {{/drifts}}
        {{/timeline}}

        {{/hasTimeline}}
        ### مقارنة المنافذ

        | المنفذ | مقالات | أول تقرير | التأخر | نسخ وكالات | إنتاج خاص | المتحدثون | صياغة مميزة (z) |
        |---|---:|---|---|---:|---:|---|---|
        {{#comparison}}
        | {{outlet}} | {{articles}} | {{firstReport}} | {{lag}} | {{copies}} | {{own}} | {{speakers}} | {{distinctive}} |
        {{/comparison}}

        {{/stories}}
        {{#hasOthers}}
        ## قصص أخرى

        | القصة | مقالات | المنافذ |
        |---|---:|---|
        {{#others}}
        | {{title}} | {{articles}} | {{outlets}} |
        {{/others}}

        {{/hasOthers}}
        <a id="outlets"></a>

        ## المنافذ خلال الفترة

        | المنفذ | مقالات | قصص مشتركة غطاها | الحصة | قصص انفرد بها | التأخر الوسيط |
        |---|---:|---:|---:|---:|---|
        {{#outlets}}
        | {{outlet}} | {{articles}} | {{sharedStories}} | {{share}} | {{exclusives}} | {{medianLag}} |
        {{/outlets}}
        {{#hasExclusives}}

        ### قصص غطاها منفذ واحد

        | القصة | مقالات | المنفذ |
        |---|---:|---|
        {{#exclusives}}
        | {{title}} | {{articles}} | {{outlets}} |
        {{/exclusives}}
        {{/hasExclusives}}

        ---
        كتب هذا التقرير Isnad. الرسوم البيانية في نسخة HTML.

        """

    static let html = """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        :root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d9d9d9; --accent: #0072B2; --warn: #b35900; --paper: #fff; --soft: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.75; font-size: 17px;
          font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Segoe UI", "Tahoma", "Geeza Pro", "Arial", sans-serif; }
        header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 24px; border-bottom: 3px solid var(--accent); }
        h1 { font-size: 1.9em; margin: 0 0 8px; }
        h2 { font-size: 1.45em; margin: 0; display: inline; }
        h3 { font-size: 1.15em; margin: 20px 0 8px; color: var(--accent); }
        .lede { color: var(--muted); margin: 0 0 16px; }
        nav.toc { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 12px 20px; margin: 20px 0; }
        nav.toc ol { margin: 0; padding-inline-start: 24px; }
        nav.toc .weight { color: var(--muted); font-size: .9em; }
        section.story { margin: 22px 0; }
        details { border: 1px solid var(--line); border-radius: 6px; padding: 0 16px 12px; }
        details > summary { cursor: pointer; padding: 12px 0; list-style-position: inside; }
        .meta { color: var(--muted); font-size: .92em; }
        .meta span { white-space: nowrap; }
        blockquote.summary { margin: 12px 0; padding: 8px 16px; border-inline-start: 4px solid var(--accent); background: var(--soft); }
        blockquote.summary p { margin: 4px 0; }
        .silent { color: var(--warn); }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: .95em; }
        th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: start; }
        th { background: var(--soft); }
        td.num { text-align: end; font-variant-numeric: tabular-nums; }
        .role, .reported { color: var(--muted); font-size: .9em; }
        td.when, td.outlet, span.outlet, .meta span { white-space: nowrap; }
        td.outlets { min-width: 8em; }
        .quote::before { content: "«"; } .quote::after { content: "»"; }
        .drift { color: var(--warn); font-weight: bold; }
        .wordings { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 8px; margin: 4px 0 0; }
        .wordings div { border: 1px dashed var(--warn); border-radius: 4px; padding: 6px 8px; background: #fffaf3; }
        .wordings b { display: block; font-size: .85em; color: var(--muted); }
        figure { margin: 16px 0 28px; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; font-family: inherit; }
        figure svg .tick { font-size: 11px; fill: #444; }
        figure svg .label { font-size: 13px; fill: #222; }
        figure svg .axis { font-size: 12px; fill: #444; }
        figcaption { font-weight: bold; margin-bottom: 6px; }
        footer { color: var(--muted); font-size: .85em; border-top: 1px solid var(--line); margin-top: 32px; padding-top: 12px; padding-bottom: 24px; }
        @media print {
          body { font-size: 12pt; }
          nav.toc, footer { break-inside: avoid; }
          section.story { break-inside: avoid-page; }
          details > summary { list-style: none; }
          a { color: inherit; text-decoration: none; }
          figure { break-inside: avoid; }
        }
        </style>
        </head>
        <body>
        <header>
        <h1>تقرير الأخبار: <bdi dir="ltr">{{period}}</bdi></h1>
        <p class="lede">{{overview}}.</p>
        </header>
        <main>
        <nav class="toc" aria-label="المحتويات">
        <strong>المحتويات</strong>
        <ol>
        {{#stories}}
        <li><a href="#{{anchor}}">{{title}}</a> <span class="weight">— {{weight}}</span></li>
        {{/stories}}
        </ol>
        <p><a href="#outlets">المنافذ خلال الفترة</a> · <a href="#charts">الرسوم البيانية</a></p>
        </nav>
        {{#stories}}
        <section class="story" id="{{anchor}}" data-story="{{id}}">
        <details open>
        <summary><h2>{{rank}}. {{title}}</h2></summary>
        <p class="meta"><span>{{weight}}</span> · <span>أول تقرير: <bdi dir="ltr">{{firstReport}}</bdi></span> · <span>آخر تقرير: <bdi dir="ltr">{{lastReport}}</bdi></span></p>
        <p class="meta">الكلمات المفتاحية: {{keywords}}</p>
        <blockquote class="summary">
        {{#summary}}
        <p>{{.}}</p>
        {{/summary}}
        </blockquote>
        <p>غطتها: {{outlets}}{{#hasSilent}} · <span class="silent">لم تغطها: {{silent}}</span>{{/hasSilent}}</p>
        {{#hasTimeline}}
        <h3>من قال ماذا ومتى</h3>
        <table class="timeline">
        <thead><tr><th>اليوم</th><th>المتحدث</th><th>الصيغة</th><th>القول</th><th>المنافذ</th></tr></thead>
        <tbody>
        {{#timeline}}
        <tr><td class="when">{{#dated}}<bdi dir="ltr">{{time}}</bdi>{{/dated}}{{^dated}}<span class="reported">نُشر <bdi dir="ltr">{{time}}</bdi></span>{{/dated}}</td><td>{{speaker}}{{#hasRole}}<br><span class="role">{{role}}</span>{{/hasRole}}</td><td>{{cue}}</td>
        <td><span{{#quoted}} class="quote"{{/quoted}}>{{content}}</span>{{#drifts}}<div class="drift">صياغات مختلفة:</div><div class="wordings">{{#wordings}}<div><b>{{outlet}}</b>{{content}}</div>{{/wordings}}</div>{{/drifts}}</td>
        <td class="outlets">{{#outletList}}<span class="outlet">{{.}}</span> {{/outletList}}</td></tr>
        {{/timeline}}
        </tbody>
        </table>
        {{#hasMoreEntries}}<p class="meta">وفي timeline.jsonl غيرها: {{moreEntries}}.</p>{{/hasMoreEntries}}
        {{/hasTimeline}}
        <h3>مقارنة المنافذ</h3>
        <table class="comparison">
        <thead><tr><th>المنفذ</th><th>مقالات</th><th>أول تقرير</th><th>التأخر</th><th>نسخ وكالات</th><th>إنتاج خاص</th><th>المتحدثون</th><th>صياغة مميزة (z)</th></tr></thead>
        <tbody>
        {{#comparison}}
        <tr><td class="outlet">{{outlet}}</td><td class="num">{{articles}}</td><td class="when"><bdi dir="ltr">{{firstReport}}</bdi></td><td class="when">{{lag}}</td><td class="num">{{copies}}</td><td class="num">{{own}}</td><td>{{speakers}}</td><td>{{distinctive}}</td></tr>
        {{/comparison}}
        </tbody>
        </table>
        </details>
        </section>
        {{/stories}}
        {{#hasOthers}}
        <section id="others">
        <h2>قصص أخرى</h2>
        <table><thead><tr><th>القصة</th><th>مقالات</th><th>المنافذ</th></tr></thead><tbody>
        {{#others}}<tr><td>{{title}}</td><td class="num">{{articles}}</td><td>{{outlets}}</td></tr>
        {{/others}}
        </tbody></table>
        </section>
        {{/hasOthers}}
        <section id="outlets">
        <h2>المنافذ خلال الفترة</h2>
        <table><thead><tr><th>المنفذ</th><th>مقالات</th><th>قصص مشتركة غطاها</th><th>الحصة</th><th>قصص انفرد بها</th><th>التأخر الوسيط</th></tr></thead><tbody>
        {{#outlets}}<tr><td class="outlet">{{outlet}}</td><td class="num">{{articles}}</td><td class="num">{{sharedStories}}</td><td class="num">{{share}}</td><td class="num">{{exclusives}}</td><td class="when">{{medianLag}}</td></tr>
        {{/outlets}}
        </tbody></table>
        {{#hasExclusives}}
        <h3>قصص غطاها منفذ واحد</h3>
        <table><thead><tr><th>القصة</th><th>مقالات</th><th>المنفذ</th></tr></thead><tbody>
        {{#exclusives}}<tr><td>{{title}}</td><td class="num">{{articles}}</td><td>{{outlets}}</td></tr>
        {{/exclusives}}
        </tbody></table>
        {{/hasExclusives}}
        </section>
        <section id="charts">
        <h2>الرسوم البيانية</h2>
        {{#charts}}
        <figure><figcaption>{{title}}</figcaption>{{{svg}}}</figure>
        {{/charts}}
        </section>
        </main>
        <footer>كتب هذا التقرير Isnad من المقالات كما نشرتها المنافذ؛ الأوقات بتوقيت كل منفذ.</footer>
        </body>
        </html>

        """
}
