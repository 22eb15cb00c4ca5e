/// Page chrome that scrapers leave at the end of an article: "related articles", "back to top",
/// share and print buttons. Ingest removes such lines from the end of every text, so that the
/// article text holds the article and nothing after it.
///
/// Only trailing lines are removed, and only when the whole line is one of the known labels
/// (after folding diacritics, tatweel, hamza-carrying alefs and punctuation). Boilerplate inside
/// the body and lines learned per outlet belong to the text stage.
enum PageChrome {
    /// The labels, in the folded form that ``fold(_:)`` produces.
    static let labels: Set<String> = Set([
        "مقالات ذات صلة", "اخبار ذات صلة", "مواضيع ذات صلة", "مقالات مشابهة", "اخبار متعلقة", "اقرا ايضا",
        "اقرا المزيد", "زر الذهاب الى الاعلى", "العودة الى الاعلى", "الى الاعلى", "شارك", "شارك المقال",
        "شارك الخبر", "مشاركة", "شارك على فيسبوك", "شارك على تويتر", "طباعة", "ارسل لصديق", "تابعونا",
        "تابعونا على", "التعليقات", "اضف تعليق", "related articles", "read more", "share", "back to top", "print",
    ].map(fold))

    /// Removes known chrome lines from the end of `text`; returns the text and how many lines went.
    static func stripTrailing(_ text: String) -> (text: String, removed: Int) {
        let bytes = text.utf8
        var end = bytes.endIndex
        var removed = 0
        // Walk back line by line over the bytes; only the last few lines are ever looked at.
        while end > bytes.startIndex {
            let lineStart = bytes[..<end].lastIndex(of: 0x0A).map(bytes.index(after:)) ?? bytes.startIndex
            let line = text[lineStart..<end]
            guard line.utf8.count <= 80 else { break }
            let folded = fold(line)
            if !folded.isEmpty {
                guard labels.contains(folded) else { break }
                removed += 1
            }
            end = lineStart == bytes.startIndex ? lineStart : bytes.index(before: lineStart)
        }
        guard removed > 0 else { return (text, 0) }
        return (String(text[..<end]), removed)
    }

    /// Lower-cases Latin, drops Arabic diacritics, tatweel and punctuation, folds آ أ إ to ا and ى to ي,
    /// and collapses spaces: enough to recognize a short label however a site spells it.
    static func fold<S: StringProtocol>(_ line: S) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in line.unicodeScalars {
            let folded: Unicode.Scalar
            switch u.value {
            case 0x064B...0x065F, 0x0670, 0x0640, 0x200B...0x200F: continue
            case 0x0622, 0x0623, 0x0625: folded = "ا"
            case 0x0649: folded = "ي"
            default:
                if u.properties.isWhitespace || u.properties.generalCategory.isPunctuation {
                    space = !out.isEmpty
                    continue
                }
                folded = u
            }
            if space { out.append(" ") }
            space = false
            out.append(contentsOf: String(folded).lowercased().unicodeScalars)
        }
        return String(out)
    }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
