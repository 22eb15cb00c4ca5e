import ArabicText
import Ingest
import Support

/// One reported speech act: who said what, with which words, and when.
public struct Statement: Sendable, Equatable {
    /// How the words are given.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The whole content is a quotation (the marks are not part of `content`).
        case direct
        /// A paraphrase (قال إن…، أعرب عن…).
        case indirect
        /// A paraphrase with quoted fragments (the marks are kept).
        case mixed
    }

    /// The article's id.
    public let article: String
    /// The article's outlet.
    public let outlet: String
    /// The sentence, counted from 0 in the article text.
    public let sentence: Int
    /// The speaker as written in the sentence, "" for an implicit subject (وأضاف، مؤكدا).
    public let speakerMention: String
    /// Where the mention is (Unicode scalar offsets in the article text), nil when implicit.
    public let speakerSpan: Range<Int>?
    /// The speaker, canonical within the article (the full name the article gives) and then
    /// within the story (see ``SpeakerCanonicalizer``).
    public var speaker: String
    /// The speaker's role as the text gives it (وزير الخارجية الروسي), if it does.
    public var role: String?
    /// The reporting verb or attribution phrase as written.
    public let cue: String
    /// What kind of speech act the cue names.
    public let cueClass: ReportingVerbs.CueClass
    /// The words reported, as written.
    public let content: String
    /// Where the content is (Unicode scalar offsets in the article text).
    public let contentSpan: Range<Int>
    /// Direct, indirect or mixed.
    public let kind: Kind
    /// The temporal expression of the speech act as written, if any.
    public let timeExpression: String?
    /// The day of the speech act (`YYYY-MM-DD`), if the text lets it be resolved.
    public var time: String?

    /// A statement with every field given (as the extractor or a store makes it).
    public init(
        article: String, outlet: String, sentence: Int, speakerMention: String, speakerSpan: Range<Int>?, speaker: String, role: String?,
        cue: String, cueClass: ReportingVerbs.CueClass, content: String, contentSpan: Range<Int>, kind: Kind, timeExpression: String?, time: String?
    ) {
        self.article = article
        self.outlet = outlet
        self.sentence = sentence
        self.speakerMention = speakerMention
        self.speakerSpan = speakerSpan
        self.speaker = speaker
        self.role = role
        self.cue = cue
        self.cueClass = cueClass
        self.content = content
        self.contentSpan = contentSpan
        self.kind = kind
        self.timeExpression = timeExpression
        self.time = time
    }
}
