import Foundation

/// Reporting verbs of Arabic news (قال، أكد، أعلن، نفى…), each with the forms news uses: past
/// 3ms 3fs 3mp 3du, present 3ms 3fs 3mp, and the masculine and feminine participles that chain a
/// second statement (", مؤكدا أن"), and the class of speech act. The list is the package's
/// `Lexicons/reporting-verbs.tsv`, with each lemma's count in the shared corpora and an example,
/// for a linguist to read and extend. Written for this project (CC0).
/// Forms carry no clitics; the conjunctions و and ف are handled by whoever looks them up.
public enum ReportingVerbs {
    /// What a reporting verb says about the speech act.
    public enum CueClass: String, Sendable, Codable, CaseIterable {
        case say, assert, deny, announce, express, call, warn, ask
        /// An attribution phrase (بحسب، نقلا عن، وفقا لـ): the words are someone's, the act unnamed.
        case source
    }

    /// How a form of a reporting verb is used.
    public enum Form: Sendable, Equatable {
        /// A finite verb, past or present: the clause around it holds the speaker.
        case finite
        /// A participle after a comma (مؤكدا، مضيفة): the previous speaker goes on.
        case participle
    }

    /// A form of a reporting verb: its lemma (the past 3ms) and class.
    public struct Entry: Sendable, Equatable {
        /// The past 3ms form, as written in the table.
        public let lemma: String
        /// The speech act.
        public let cueClass: CueClass
        /// Finite verb or participle.
        public let form: Form
        /// A plural or dual form (قالوا، قالا، يقولون): the verb carries its subject, because a verb
        /// before its subject is singular; the words after it are not the speaker.
        public let carriesSubject: Bool
        /// A past form (قال، قالت، قالوا، قالا): the act is told, not described as it goes on.
        public let isPast: Bool

        /// An entry.
        public init(lemma: String, cueClass: CueClass, form: Form, carriesSubject: Bool = false, isPast: Bool = false) {
            self.lemma = lemma
            self.cueClass = cueClass
            self.form = form
            self.carriesSubject = carriesSubject
            self.isPast = isPast
        }
    }

    /// One line per verb: the nine forms, `-` where a form is not used as a reporting cue
    /// (a participle that is mostly a noun, such as مدينة or متحدث), then the class.
    /// The rows of `Lexicons/reporting-verbs.tsv`: nine forms (or "-"), the class, the corpus count
    /// and an example, tab-separated.
    static let table: [[String]] = {
        guard let url = Bundle.module.url(forResource: "reporting-verbs", withExtension: "tsv", subdirectory: "Lexicons"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the resource Lexicons/reporting-verbs.tsv is missing from the package") }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 12, CueClass(rawValue: fields[9]) != nil else {
                preconditionFailure("Lexicons/reporting-verbs.tsv: a line without nine forms, a class, a count and an example: \(line)")
            }
            return fields
        }
    }()

    /// Every form in ``table``.
    static let allForms: [String] = entries.map(\.form)

    /// Every form in ``table`` with what it is.
    public static let entries: [(form: String, entry: Entry)] = table.flatMap { fields -> [(form: String, entry: Entry)] in
        let cueClass = CueClass(rawValue: fields[9])!
        return fields[0..<9].enumerated().filter { $0.element != "-" }.map { index, form in
            (
                form,
                Entry(
                    lemma: fields[0], cueClass: cueClass, form: index >= 7 ? .participle : .finite, carriesSubject: [2, 3, 6].contains(index),
                    isPast: index < 4)
            )
        }
    }
}
