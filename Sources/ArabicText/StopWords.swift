/// Stop words for Arabic news, looked up on the key view. Entries are written in standard
/// spelling and normalized with the same ``KeyNormalizer`` at load time, so every hamza, alef,
/// yeh and teh-marbuta spelling of an entry matches. A word is tried as it is and, if it starts
/// with the conjunction و or ف, once more without it (وفي, فقد, ولكن).
///
/// على written علي has the key of the name علي (Ali): that one key counts as a stop word only when
/// the token was written with ى (see ``Token/endsWithAlefMaksura``).
public struct StopWords: Sendable {
    /// The entries as written.
    public let words: [String]
    /// Hashes (``TermHash``) of the entries' keys.
    private let keys: Set<UInt64>
    /// Keys longer than this (in scalars) are never stop words and skip the lookup.
    let longestKey: Int

    /// A list of the given words, normalized with `normalizer`.
    public init<S: Sequence<String>>(_ words: S, normalizer: KeyNormalizer = KeyNormalizer()) {
        self.words = Array(words)
        let entries = self.words.map { Array(normalizer.key($0).unicodeScalars) }.filter { !$0.isEmpty }
        keys = Set(entries.map { TermHash.of($0) })
        longestKey = entries.map(\.count).max() ?? 0
    }

    /// Function words of news prose: prepositions and their pronoun compounds, conjunctions,
    /// particles, pronouns, demonstratives, relatives, kana and its sisters, quantifiers, and
    /// the adverbs and fillers every article uses. For extraction as well as clustering.
    public static let news = StopWords(StopWordLists.functionWords + StopWordLists.newsFillers)

    /// ``news`` plus every form of the reporting verbs (قال، أكد، أضاف، مؤكدا…): they say that
    /// someone spoke, not what the story is, so clustering drops them.
    public static let clustering = StopWords(StopWordLists.functionWords + StopWordLists.newsFillers + ReportingVerbs.allForms)

    /// The number of distinct keys in the list.
    public var count: Int { keys.count }

    /// Whether a token with this key is a stop word.
    public func contains(key: String, endsWithAlefMaksura: Bool) -> Bool {
        Array(key.unicodeScalars).withUnsafeBufferPointer { contains($0, endsWithAlefMaksura: endsWithAlefMaksura) }
    }

    /// Whether a token whose key has these scalars is a stop word.
    @inline(__always)
    func contains(_ key: UnsafeBufferPointer<Unicode.Scalar>, endsWithAlefMaksura: Bool) -> Bool {
        guard key.count <= longestKey + 1 else { return false }
        if key.count <= longestKey, matches(key, endsWithAlefMaksura) { return true }
        guard let first = key.first, first == "و" || first == "ف", key.count >= 3 else { return false }
        return matches(UnsafeBufferPointer(rebasing: key.dropFirst()), endsWithAlefMaksura)
    }

    /// Whether `token` is a stop word.
    public func contains(_ token: Token) -> Bool {
        contains(key: token.key, endsWithAlefMaksura: token.endsWithAlefMaksura)
    }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<Unicode.Scalar>, _ endsWithAlefMaksura: Bool) -> Bool {
        let hash = TermHash.of(key)
        return keys.contains(hash) && (hash != StopWords.nameCollision || endsWithAlefMaksura)
    }

    /// The key shared by على (on) and the name علي (Ali).
    static let nameCollision = TermHash.of(KeyNormalizer().key("على").unicodeScalars)
}

/// The word lists behind ``StopWords``, written for this project (CC0), one class per line.
enum StopWordLists {
    static let functionWords = words(
        """
        من في فى على إلى الى عن مع حتى منذ مذ عند لدى لدي بين نحو حول دون ضد عبر خلال قبل بعد فوق تحت أمام وراء خلف إزاء تجاه جراء بسبب رغم برغم بالرغم سوى غير عدا خلا لدن وسط ضمن بشأن حيال لصالح لدى بلا كي لكي
        و ف ب ل ك ثم أو أم بل لكن ولكن إذ إذا إذن إن أن كأن ليت لعل لأن حيث حين حينما عندما بينما فيما كلما لما لو لولا إلا ألا أما إما كما مثل مثلما أي أية أيضا كذلك ذلك لذلك بذلك هكذا قد لقد سوف لا لم لن ما ليس ليست ليسوا هل يا أيها أيتها نعم بلى كلا إنما إنه إنها أنه أنها بأن بأنه بأنها وإن فإن لئن كيلا
        أنا نحن أنت أنتم أنتن هو هي هما هم هن إياه إياها إياهم إياي
        هذا هذه هذان هاتان هذين هاتين هؤلاء تلك أولئك ذاك هنا هناك هنالك ثمة
        الذي التي اللذان اللتان اللذين اللتين الذين اللاتي اللواتي اللائي
        له لها لهم لهما لهن لنا لي لك به بها بهم بهما بنا فيه فيها فيهم فيهما منه منها منهم منهما عنه عنها عنهم عليه عليها عليهم إليه إليها إليهم معه معها معهم معنا لديه لديها لديهم لدينا بينه بينها بينهم بيننا عنده عندها عندهم
        كان كانت كانوا كانا يكون تكون يكونون أصبح أصبحت صار صارت ظل ظلت بات باتت مازال مازالت زال يزال تزال لايزال أمسى عاد عادت ليسا
        كل جميع بعض كافة عدة أكثر أقل أحد إحدى نفس ذات جدا فقط أيضا معا حاليا لاحقا سابقا مؤخرا الآن آنذاك حينذاك كيف متى أين لماذا ماذا كم
        """)

    /// Words so common in news that they say nothing about the story: time deixis, attribution
    /// frames, narrator notes. They matter to statement extraction, which uses its own lists.
    static let newsFillers = words(
        """
        اليوم أمس غدا يوم عام العام وفق وفقا بحسب حسب حسبما نقلا إطار خصوص صعيد صدد شأن يذكر يشار تجدر الإشارة إضافة بالإضافة فضلا علاوة كذا وذلك حوالي نحو قرابة
        """)

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}
