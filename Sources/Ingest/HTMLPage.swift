/// What Isnad takes from a news web page: headline, metadata from the usual meta tags, and the
/// body paragraphs. Scripts, styles, navigation, headers, footers, asides and forms are dropped.
package struct HTMLPage: Equatable {
    /// `og:title`, else the first `<h1>` outside the page chrome, else `<title>`.
    var title: String?
    /// `article:published_time` and its kin, else the first `<time datetime>` in the article.
    var published: String?
    /// `og:site_name` or `application-name`.
    var source: String?
    /// `<link rel="canonical">` or `og:url`.
    var url: String?
    /// `<p>` texts of the `<article>` element when it has any, else of the whole body; each with
    /// white space collapsed. Falls back to block texts when the page has no `<p>` at all.
    var paragraphs: [String]

    /// Extracts the page from HTML text. Never fails: a page with nothing usable gives empty fields.
    package init(html: String) {
        var scan = HTMLScanner(Array(html.utf8))
        scan.run()
        let meta = scan.meta
        func firstMeta(_ keys: [String]) -> String? {
            keys.lazy.compactMap { meta[$0] }.first { !$0.isEmpty }
        }
        title = firstMeta(["og:title", "twitter:title"]) ?? scan.h1 ?? scan.titleText
        published =
            firstMeta([
                "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                "publish-date", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date",
            ]) ?? scan.timeInArticle ?? scan.firstTime
        source = firstMeta(["og:site_name", "application-name", "publisher"])
        url = scan.canonical ?? firstMeta(["og:url"])
        if !scan.articleParagraphs.isEmpty {
            paragraphs = scan.articleParagraphs
        } else if !scan.paragraphs.isEmpty {
            paragraphs = scan.paragraphs
        } else {
            paragraphs = scan.blocks
        }
    }
}

private let chromeElements: Set<String> = ["nav", "header", "footer", "aside", "form", "button", "select", "menu", "dialog"]
private let rawTextElements: Set<String> = ["script", "style", "noscript", "template", "textarea", "svg", "iframe"]
private let blockElements: Set<String> = [
    "p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "body", "dd", "dt", "pre",
]

private struct HTMLScanner {
    let b: [UInt8]
    var i = 0
    var meta: [String: String] = [:]
    var canonical: String?
    var titleText: String?
    var h1: String?
    var timeInArticle: String?
    var firstTime: String?
    var paragraphs: [String] = []
    var articleParagraphs: [String] = []
    var blocks: [String] = []

    var chromeDepth = 0
    var articleDepth = 0
    var paragraphDepth = 0
    var inTitle = false
    var inH1 = false
    var current = ""  // text of the paragraph being read
    var block = ""  // text of the block being read (fallback)
    var titleBuffer = ""
    var h1Buffer = ""

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func run() {
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                if starts(with: "<!--") {
                    skip(past: "-->")
                } else if i + 1 < b.count && (b[i + 1] == UInt8(ascii: "!") || b[i + 1] == UInt8(ascii: "?")) {
                    skip(past: ">")
                } else if i + 1 < b.count && b[i + 1] == UInt8(ascii: "/") {
                    endTag()
                } else if i + 1 < b.count && isASCIILetter(b[i + 1]) {
                    startTag()
                } else {
                    text(upTo: i + 1)
                }
            } else {
                var j = i
                while j < b.count && b[j] != UInt8(ascii: "<") { j += 1 }
                text(upTo: j)
            }
        }
        flushParagraph()
        flushBlock()
        if titleText == nil, !titleBuffer.isEmpty { titleText = collapse(titleBuffer) }
    }

    mutating func text(upTo j: Int) {
        let raw = decodeEntities(String(decoding: b[i..<j], as: UTF8.self))
        i = j
        if inTitle { titleBuffer += raw }
        guard chromeDepth == 0 else { return }
        // The headline is the title, not the first line of the body.
        if inH1 { h1Buffer += raw } else if paragraphDepth > 0 { current += raw } else { block += raw }
    }

    mutating func startTag() {
        i += 1
        let name = readName()
        let attributes = readAttributes()
        let selfClosing = i >= 2 && b[i - 2] == UInt8(ascii: "/")
        if rawTextElements.contains(name) {
            if !selfClosing { skipRawText(name) }
            return
        }
        switch name {
        case "meta":
            let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
            if !key.isEmpty, let content = attributes["content"], meta[key] == nil { meta[key] = collapse(content) }
        case "link":
            if attributes["rel"]?.lowercased().split(separator: " ").contains("canonical") == true, canonical == nil {
                canonical = attributes["href"].map(collapse)
            }
        case "time":
            if let dt = attributes["datetime"] {
                if articleDepth > 0 && timeInArticle == nil { timeInArticle = collapse(dt) }
                if firstTime == nil { firstTime = collapse(dt) }
            }
            if attributes["itemprop"]?.lowercased() == "datepublished", let dt = attributes["datetime"] {
                meta["datepublished"] = meta["datepublished"] ?? collapse(dt)
            }
        case "title": inTitle = true
        default: break
        }
        if blockElements.contains(name) {
            if paragraphDepth > 0 && (name == "br" || name == "p") { flushParagraph() }
            flushBlock()
        }
        if selfClosing || name == "br" || name == "hr" || name == "img" || name == "input" { return }
        if chromeElements.contains(name) { chromeDepth += 1 }
        if name == "article" || name == "main" { articleDepth += 1 }
        if name == "p" { paragraphDepth = 1 }
        if name == "h1" && chromeDepth == 0 && h1 == nil { inH1 = true; h1Buffer = "" }
    }

    mutating func endTag() {
        i += 2
        let name = readName()
        skip(past: ">")
        switch name {
        case "title":
            inTitle = false
            if titleText == nil { titleText = collapse(titleBuffer) }
        case "h1":
            if inH1 {
                inH1 = false
                let t = collapse(h1Buffer)
                if !t.isEmpty { h1 = t }
            }
        default: break
        }
        if name == "p" || (blockElements.contains(name) && paragraphDepth > 0 && name != "br") {
            flushParagraph()
            paragraphDepth = 0
        }
        if blockElements.contains(name) { flushBlock() }
        if chromeElements.contains(name) && chromeDepth > 0 { chromeDepth -= 1 }
        if (name == "article" || name == "main") && articleDepth > 0 { articleDepth -= 1 }
    }

    mutating func flushParagraph() {
        let t = collapse(current)
        current = ""
        guard !t.isEmpty else { return }
        paragraphs.append(t)
        if articleDepth > 0 { articleParagraphs.append(t) }
    }

    mutating func flushBlock() {
        let t = collapse(block)
        block = ""
        if !t.isEmpty && chromeDepth == 0 { blocks.append(t) }
    }

    // MARK: lexing

    func starts(with s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != s.utf8Start[k] { return false }
        return true
    }

    mutating func skip(past s: StaticString) {
        while i < b.count && !starts(with: s) { i += 1 }
        i = min(b.count, i + s.utf8CodeUnitCount)
    }

    mutating func skipRawText(_ name: String) {
        let close = Array(("</" + name).utf8)
        while i < b.count {
            if b[i] == UInt8(ascii: "<") && i + close.count <= b.count
                && zip(b[i..<i + close.count], close).allSatisfy({ lower($0) == $1 })
            {
                i += close.count
                skip(past: ">")
                return
            }
            i += 1
        }
    }

    mutating func readName() -> String {
        let start = i
        while i < b.count && (isASCIILetter(b[i]) || (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ":")) {
            i += 1
        }
        return String(decoding: b[start..<i].map(lower), as: UTF8.self)
    }

    mutating func readAttributes() -> [String: String] {
        var attributes: [String: String] = [:]
        while i < b.count {
            while i < b.count && isSpace(b[i]) { i += 1 }
            guard i < b.count else { break }
            if b[i] == UInt8(ascii: ">") { i += 1; break }
            if b[i] == UInt8(ascii: "/") { i += 1; continue }
            let start = i
            while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: ">") && b[i] != UInt8(ascii: "/") {
                i += 1
            }
            let name = String(decoding: b[start..<i].map(lower), as: UTF8.self)
            while i < b.count && isSpace(b[i]) { i += 1 }
            var value = ""
            if i < b.count && b[i] == UInt8(ascii: "=") {
                i += 1
                while i < b.count && isSpace(b[i]) { i += 1 }
                if i < b.count && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'")) {
                    let q = b[i]
                    i += 1
                    let vs = i
                    while i < b.count && b[i] != q { i += 1 }
                    value = String(decoding: b[vs..<i], as: UTF8.self)
                    i = min(b.count, i + 1)
                } else {
                    let vs = i
                    while i < b.count && !isSpace(b[i]) && b[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: b[vs..<i], as: UTF8.self)
                }
            }
            if name.isEmpty { i += 1; continue }
            if attributes[name] == nil { attributes[name] = decodeEntities(value) }
        }
        return attributes
    }
}

@inline(__always) private func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
@inline(__always) private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
@inline(__always) private func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

/// Collapses every run of white space (including no-break space) to one space and trims the ends.
func collapse(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for u in s.unicodeScalars {
        if u.properties.isWhitespace {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(u)
        }
    }
    return String(out)
}

private let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
    "hellip": "…", "ndash": "–", "mdash": "—", "zwnj": "\u{200C}", "zwj": "\u{200D}",
    "rlm": "\u{200F}", "lrm": "\u{200E}", "copy": "©", "reg": "®", "middot": "·", "bull": "•",
]

/// Replaces character references (`&amp;`, `&#1575;`, `&#x627;` and the named ones news pages use).
/// An unknown or malformed reference is left as written.
func decodeEntities(_ s: String) -> String {
    guard s.contains("&") else { return s }
    var out = ""
    var rest = Substring(s)
    while let amp = rest.firstIndex(of: "&") {
        out += rest[..<amp]
        let after = rest[rest.index(after: amp)...]
        guard let semi = after.prefix(12).firstIndex(of: ";") else {
            out += "&"
            rest = after
            continue
        }
        let name = after[..<semi]
        var replacement: String?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if name.hasPrefix("#") {
            replacement = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
        } else {
            replacement = namedEntities[String(name)]
        }
        if let r = replacement {
            out += r
            rest = after[after.index(after: semi)...]
        } else {
            out += "&"
            rest = after
        }
    }
    out += rest
    return out
}
