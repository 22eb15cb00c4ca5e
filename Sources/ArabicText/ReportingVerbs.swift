/// Reporting verbs of Arabic news (قال، أكد، أعلن، نفى…), each with the forms news uses: past
/// 3ms 3fs 3mp 3du, present 3ms 3fs 3mp, and the masculine and feminine participles that chain a
/// second statement (", مؤكدا أن"), and the class of speech act. Written for this project (CC0).
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

        /// An entry.
        public init(lemma: String, cueClass: CueClass, form: Form) {
            self.lemma = lemma
            self.cueClass = cueClass
            self.form = form
        }
    }

    /// One line per verb: the nine forms, `-` where a form is not used as a reporting cue
    /// (a participle that is mostly a noun, such as مدينة or متحدث), then the class.
    static let table = """
        قال قالت قالوا قالا يقول تقول يقولون قائلا قائلة say
        أضاف أضافت أضافوا أضافا يضيف تضيف يضيفون مضيفا مضيفة say
        ذكر ذكرت ذكروا ذكرا يذكر تذكر يذكرون ذاكرا - say
        أفاد أفادت أفادوا أفادا يفيد تفيد يفيدون - - say
        أوضح أوضحت أوضحوا أوضحا يوضح توضح يوضحون موضحا موضحة say
        أشار أشارت أشاروا أشارا يشير تشير يشيرون مشيرا مشيرة say
        لفت لفتت لفتوا لفتا يلفت تلفت يلفتون لافتا - say
        صرح صرحت صرحوا صرحا يصرح تصرح يصرحون مصرحا مصرحة say
        أعلن أعلنت أعلنوا أعلنا يعلن تعلن يعلنون معلنا معلنة announce
        أورد أوردت أوردوا أوردا يورد تورد يوردون - - say
        نقل نقلت نقلوا نقلا ينقل تنقل ينقلون ناقلا - say
        روى روت رووا رويا يروي تروي يروون راويا - say
        كتب كتبت كتبوا كتبا يكتب تكتب يكتبون - - say
        غرد غردت غردوا غردا يغرد تغرد يغردون مغردا مغردة say
        تابع تابعت تابعوا تابعا يتابع تتابع يتابعون متابعا - say
        أردف أردفت أردفوا أردفا يردف تردف يردفون مردفا مردفة say
        علق علقت علقوا علقا يعلق تعلق يعلقون معلقا - say
        أجاب أجابت أجابوا أجابا يجيب تجيب يجيبون مجيبا - say
        تحدث تحدثت تحدثوا تحدثا يتحدث تتحدث يتحدثون - - say
        بين بينت بينوا بينا يبين تبين يبينون مبينا مبينة say
        أبلغ أبلغت أبلغوا أبلغا - - - - - say
        أخبر أخبرت أخبروا أخبرا يخبر تخبر يخبرون - - say
        أكد أكدت أكدوا أكدا يؤكد تؤكد يؤكدون مؤكدا مؤكدة assert
        شدد شددت شددوا شددا يشدد تشدد يشددون مشددا مشددة assert
        اعتبر اعتبرت اعتبروا اعتبرا - - - معتبرا معتبرة assert
        توعد توعدت توعدوا توعدا يتوعد تتوعد يتوعدون متوعدا متوعدة warn
        رأى رأت رأوا رأيا يرى ترى يرون - - assert
        وصف وصفت وصفوا وصفا يصف تصف يصفون واصفا واصفة assert
        اعترف اعترفت اعترفوا اعترفا يعترف تعترف يعترفون معترفا معترفة assert
        أصر أصرت أصروا أصرا يصر تصر يصرون مصرا مصرة assert
        زعم زعمت زعموا زعما يزعم تزعم يزعمون زاعما زاعمة assert
        توقع توقعت توقعوا توقعا يتوقع تتوقع يتوقعون متوقعا متوقعة assert
        رجح رجحت رجحوا رجحا يرجح ترجح يرجحون مرجحا مرجحة assert
        نفى نفت نفوا نفيا ينفي تنفي ينفون نافيا نافية deny
        أنكر أنكرت أنكروا أنكرا ينكر تنكر ينكرون - - deny
        رفض رفضت رفضوا رفضا يرفض ترفض يرفضون رافضا رافضة deny
        كشف كشفت كشفوا كشفا يكشف تكشف يكشفون كاشفا كاشفة announce
        أعرب أعربت أعربوا أعربا يعرب تعرب يعربون معربا معربة express
        أبدى أبدت أبدوا أبديا يبدي تبدي يبدون مبديا مبدية express
        أشاد أشادت أشادوا أشادا يشيد تشيد يشيدون مشيدا مشيدة express
        انتقد انتقدت انتقدوا انتقدا ينتقد تنتقد ينتقدون منتقدا منتقدة express
        ندد نددت نددوا نددا يندد تندد ينددون منددا منددة express
        استنكر استنكرت استنكروا استنكرا يستنكر تستنكر يستنكرون مستنكرا مستنكرة express
        طالب طالبت طالبوا طالبا يطالب تطالب يطالبون مطالبا - call
        دعا دعت دعوا دعوا يدعو تدعو يدعون داعيا - call
        حث حثت حثوا حثا يحث تحث يحثون - - call
        ناشد ناشدت ناشدوا ناشدا يناشد تناشد يناشدون مناشدا مناشدة call
        حذر حذرت حذروا حذرا يحذر تحذر يحذرون محذرا محذرة warn
        هدد هددت هددوا هددا يهدد تهدد يهددون مهددا مهددة warn
        تعهد تعهدت تعهدوا تعهدا يتعهد تتعهد يتعهدون متعهدا متعهدة announce
        نبه نبهت نبهوا نبها ينبه تنبه ينبهون منبها منبهة warn
        تساءل تساءلت تساءلوا تساءلا يتساءل تتساءل يتساءلون متسائلا متسائلة ask
        سأل سألت سألوا سألا يسأل تسأل يسألون - - ask
        أدان أدانت أدانوا أدانا يدين تدين يدينون - - express
        اتهم اتهمت اتهموا اتهما يتهم تتهم يتهمون - - assert
        عبر عبرت عبروا عبرا يعبر تعبر يعبرون معبرا معبرة express
        أقر أقرت أقروا أقرا يقر تقر يقرون - - assert
        استبعد استبعدت استبعدوا استبعدا يستبعد تستبعد يستبعدون مستبعدا مستبعدة deny
        دافع دافعت دافعوا دافعا يدافع تدافع يدافعون مدافعا مدافعة assert
        رحب رحبت رحبوا رحبا يرحب ترحب يرحبون - مرحبة express
        """

    /// Every form in ``table``.
    static let allForms: [String] = entries.map(\.form)

    /// Every form in ``table`` with what it is.
    public static let entries: [(form: String, entry: Entry)] = table.split(separator: "\n").flatMap { line -> [(form: String, entry: Entry)] in
        let fields = line.split(separator: " ").map(String.init)
        let cueClass = CueClass(rawValue: fields[9])!
        return fields[0..<9].enumerated().filter { $0.element != "-" }.map { index, form in
            (form, Entry(lemma: fields[0], cueClass: cueClass, form: index >= 7 ? .participle : .finite))
        }
    }
}
