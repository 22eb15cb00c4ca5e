import ArabicText
import Foundation
import Support

/// A speaker is a noun phrase: what a speaker mention may open with, and where it ends.
///
/// - «لكنه أكد أن…», «كذلك أشارت إلى أن…», «إلى ذلك، قال…»: the mention opens with a pronoun, a
///   discourse adverb or an adverbial phrase; no speaker is named, and the last one goes on.
/// - «بحسب ما ظهر», «عندما قال…», «هذا ما قاله»: a particle, a relative or a bare demonstrative
///   names nobody; there is no statement.
/// - «ترامب وأنا نعتقد», «ترامب خلال اجتماع», «النقابة … وقد تعرضوا»: a pronoun, adverbial or
///   particle inside the mention ends it.
///
/// The words are the package's `Lexicons/not-speaker-words.tsv`, each with its count in the shared
/// corpora.
package enum SpeakerShape: Equatable {
    /// A noun phrase: these words of the mention (after a leading adverbial: أعلنت كذلك دولة الإمارات).
    case nounPhrase(Range<Int>)
    /// A pronoun subject: the speaker is the one who spoke last.
    case pronoun
    /// An adverbial, no subject: the speaker is named after the verb, or is the one who spoke last.
    case adverbial
    /// Not a speaker: no statement.
    case notASpeaker

    /// A word of a mention: its key view, and its text as written.
    typealias Word = (key: String, text: String)

    /// The shape of a mention made of `words`, in order.
    static func of(_ words: [Word]) -> SpeakerShape {
        let keys = words.map(\.key)
        guard let first = keys.first else { return .notASpeaker }
        // حسبما أفاد مراسل، أعلن يورغن كلوب: a finite reporting verb before the noun phrase.
        let bare = first.hasBytePrefix("و") || first.hasBytePrefix("ف") ? String(first.dropFirst()) : first
        if Lexicon.verbs[first]?.form == .finite || Lexicon.verbs[bare]?.form == .finite {
            guard case .nounPhrase(let phrase) = of(Array(words.dropFirst())) else { return .notASpeaker }
            return .nounPhrase((phrase.lowerBound + 1)..<(phrase.upperBound + 1))
        }
        // بالنموذج الليبي، للصحفيين: a preposition on a definite noun opens no subject.
        if first.hasBytePrefix("بال") || first.hasBytePrefix("لل") { return .adverbial }
        switch wordClass(words[0]) {
        case "pronoun":
            // وهو ما يشير…: "which is what", narration.
            return keys.count > 1 && keys[1] == Lexicon.key("ما") ? .notASpeaker : .pronoun
        case "adverbial":
            // كذلك دولة الإمارات: the noun phrase after the adverb, if one follows.
            if case .nounPhrase(let phrase) = of(Array(words.dropFirst())) { return .nounPhrase((phrase.lowerBound + 1)..<(phrase.upperBound + 1)) }
            return .adverbial
        case "preposition": return .adverbial
        case "stop", "document": return .notASpeaker
        case "demonstrative" where keys.count < 2 || !keys[1].hasBytePrefix("ال"): return .notASpeaker
        default:
            // The noun phrase ends before a pronoun, adverbial or particle (a demonstrative or a
            // preposition may stand inside one: هذه الدراسة، مصدر مقرب من دوستم).
            return .nounPhrase(0..<(keys.indices.dropFirst().first { endsNounPhrase(keys[$0]) } ?? keys.count))
        }
    }

    /// Whether a word ends the noun phrase before it: a pronoun, an adverbial or a particle.
    static func endsNounPhrase(_ key: String) -> Bool {
        switch classes[key]?.wordClass {
        case "pronoun", "adverbial", "stop": true
        default: false
        }
    }

    /// Whether a word is a subject pronoun or a particle carrying one (لكنه، وهو).
    static func isPronoun(_ key: String) -> Bool { classes[key]?.wordClass == "pronoun" }

    /// The class of a word: by its key, unless the listed word is written with ى and this one is
    /// not (the preposition «على» and the name «علي» share a key).
    static func wordClass(_ word: Word) -> String? {
        guard let entry = classes[word.key] else { return nil }
        return entry.withAlefMaqsura && !word.text.unicodeScalars.contains("ى") ? nil : entry.wordClass
    }

    /// Each listed word's class, and whether it is written with ى, by key.
    static let classes: [String: (wordClass: String, withAlefMaqsura: Bool)] = {
        guard let url = Bundle.module.url(forResource: "not-speaker-words", withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Lexicons/not-speaker-words.tsv is missing from the package") }
        var classes: [String: (wordClass: String, withAlefMaqsura: Bool)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 5 else { preconditionFailure("Lexicons/not-speaker-words.tsv: a line without five fields: \(line)") }
            classes[Lexicon.key(String(fields[0]))] = (String(fields[1]), fields[0].unicodeScalars.contains("ى"))
        }
        return classes
    }()
}

extension SpeakerShape {
    /// Whether a speaker as written is not a noun phrase: it opens with a pronoun, particle,
    /// preposition, adverbial or reporting verb, or holds one of them, a finite reporting verb, إن/أن
    /// or a time word. (A word after a name particle is a name: جديع بن نهار، موفق أبو طالب.) The check
    /// `isnad-bench statements` runs over every extracted speaker.
    package static func isMalformed(_ speaker: String) -> Bool {
        let words = Tokenizer.tokens(in: speaker).map { (key: $0.key, text: $0.text) }
        let keys = words.map(\.key)
        guard case .nounPhrase(let phrase) = of(words), phrase == keys.indices else { return true }
        // (إن/أن as a word of its own, «محمود عباس أن»; not inside one, «مون جيه-إن»، «إن.بي.سي»)
        if speaker.split(separator: " ").contains(where: { Lexicon.introducers.contains(Lexicon.key(String($0))) }) { return true }
        return keys.indices.contains { k in
            let key = keys[k]
            if k > 0, SpeakerNames.namePrefixes.contains(keys[k - 1]) { return false }
            let bare = key.hasBytePrefix("و") || key.hasBytePrefix("ف") ? String(key.dropFirst()) : key
            return Lexicon.verbs[key]?.form == .finite || Lexicon.verbs[bare]?.form == .finite || TimeWords.relativeDays[key] != nil
                || TimeWords.weekdays[key] != nil || TimeWords.partsOfDay.contains(key)
        }
    }
}
