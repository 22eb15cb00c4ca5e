import Support

/// Speakers made one across the articles of a story: «بوتين» in one outlet and «فلاديمير بوتين»
/// in another, «ترامب» and «ترمب», or a role alone («الرئيس الروسي») that another article of the
/// story ties to a name.
public enum StorySpeakers {
    /// `statements` with each speaker replaced by its story's canonical form; `storyOf` gives an
    /// article's story (articles without one keep their speakers).
    public static func canonicalize(_ statements: [Statement], storyOf: (String) -> String?) -> [Statement] {
        var byStory: [String: [Int]] = [:]
        for (i, s) in statements.enumerated() {
            if let story = storyOf(s.article) { byStory[story, default: []].append(i) }
        }
        // Stories are independent: their names are made canonical on every core.
        let stories = Array(byStory.values)
        let mappings = parallelMap(count: stories.count) { k in canonicalNames(stories[k].map { (statements[$0].speaker, statements[$0].role) }) }
        var out = statements
        for (indices, mapping) in zip(stories, mappings) {
            for i in indices {
                guard let target = mapping[out[i].speaker] else { continue }
                out[i].speaker = target.speaker
                if out[i].role == nil { out[i].role = target.role }
            }
        }
        return out
    }

    /// Names of people made one across stories: names spelled differently with the same words
    /// (ترمب and ترامب, بوتن and بوتين, as within a story, by their skeletons), each with the
    /// commonest of them. A part of a fuller name is not (within a story, «ترامب» is the fuller
    /// name's; across a store, a word can be anyone's). `speakers` are canonical speakers with how
    /// many statements each has.
    public static func sameNames(_ speakers: [(speaker: String, statements: Int)]) -> [String: String] {
        var spellings: [String: [(speaker: String, statements: Int)]] = [:]
        for speaker in speakers {
            if let spelling = spelling(of: speaker.speaker) { spellings[spelling, default: []].append(speaker) }
        }
        var same: [String: String] = [:]
        for names in spellings.values where names.count > 1 {
            let commonest = names.max { ($0.statements, $1.speaker) < ($1.statements, $0.speaker) }!.speaker
            for name in names where name.speaker != commonest { same[name.speaker] = commonest }
        }
        return same
    }

    /// What the spellings of one person's name share (the skeletons of its words, in order, joined
    /// by a space: «دونالد ترامب» and «دونالد ترمب» give the same); nil for a speaker that is not
    /// a person's whole name, which is one with no other across stories.
    public static func spelling(of speaker: String) -> String? {
        isWholePersonalName(speaker) ? SpeakerNames.skeletons(speaker).sorted().joined(separator: " ") : nil
    }

    /// Whether a speaker is a person's name alone and a noun phrase: a name run on into a particle
    /// (محمود عباس أن) is nobody's fuller name.
    /// (Nor is a name run on into a noun with its possessive, «هورست زيهوفر استقالته»; two words
    /// may be a name, «عبدالله فلاته».)
    static func isWholePersonalName(_ speaker: String) -> Bool {
        let words = speaker.split(separator: " ")
        if words.count >= 3, let last = words.last, SpeakerNames.hasPossessiveAfterTaMarbuta(String(last)) { return false }
        return isPersonalName(speaker) && !SpeakerShape.isMalformed(speaker)
    }

    /// Whether a speaker is a person's name alone: no title, organisation, place or definite word
    /// (ترامب، دونالد ترامب; not إدارة ترامب or الخارجية الروسية).
    static func isPersonalName(_ speaker: String) -> Bool {
        SpeakerNames.nameStart(speaker.split(separator: " ").map { (Lexicon.key(String($0)), String($0)) }) == 0
    }

    /// Speaker → its canonical form and role within one story's statements (their speakers and roles).
    static func canonicalNames(_ statements: [(speaker: String, role: String?)]) -> [String: (speaker: String, role: String?)] {
        // Each distinct speaker: how often it speaks, its commonest role, its word skeletons.
        var counts: [String: Int] = [:]
        var roleCounts: [String: [String: Int]] = [:]
        for s in statements {
            counts[s.speaker, default: 0] += 1
            if let role = s.role { roleCounts[s.speaker, default: [:]][role, default: 0] += 1 }
        }
        let speakers = counts.keys.sorted()
        let role = Dictionary(
            uniqueKeysWithValues: speakers.map { speaker in
                (speaker, roleCounts[speaker]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key)
            })
        let words = Dictionary(uniqueKeysWithValues: speakers.map { ($0, SpeakerNames.skeletons($0)) })
        let roleWords = role.compactMapValues { $0.map(SpeakerNames.skeletons) }
        // A joint speaker (ماكرون وميركل) is nobody's fuller name.
        let joint = Set(speakers.filter { $0.contains(" و") })
        // (A name run on into a particle, «محمود عباس أن», is nobody's fuller name either.)
        let personal = Set(speakers.filter { !joint.contains($0) && isWholePersonalName($0) })
        let named = speakers.filter { !joint.contains($0) && role[$0] != $0 }
        // Who holds each word, in names and in roles: candidates share every word.
        var nameHolders: [String: [String]] = [:], roleHolders: [String: [String]] = [:]
        for speaker in personal { for w in words[speaker]! { nameHolders[w, default: []].append(speaker) } }
        for speaker in named { for w in roleWords[speaker] ?? [] { roleHolders[w, default: []].append(speaker) } }
        func holders(of words: Set<String>, in index: [String: [String]]) -> [String] {
            words.map { index[$0] ?? [] }.min { $0.count < $1.count } ?? []
        }
        var mapping: [String: (speaker: String, role: String?)] = [:]
        for speaker in speakers where !joint.contains(speaker) {
            let own = words[speaker]!
            let candidates: [String]
            if role[speaker] == speaker {
                // A role alone: a named speaker whose role holds it.
                candidates = holders(of: own, in: roleHolders).filter { $0 != speaker && own.isSubset(of: roleWords[$0]!) }
            } else if personal.contains(speaker) {
                // A fuller or differently spelled name containing this one.
                candidates = holders(of: own, in: nameHolders).filter { other in
                    guard other != speaker, own.isSubset(of: words[other]!) else { return false }
                    return words[other]!.count > own.count || counts[other]! > counts[speaker]! || (counts[other]! == counts[speaker]! && other < speaker)
                }
            } else {
                continue
            }
            // One word alone is a family name first (منصور → رياض منصور, not منصور عياد العتيبي), and a
            // word two people share still (two names, neither holding the other) names neither.
            var pool = candidates
            if own.count == 1 {
                let asFamilyName = pool.filter { SpeakerNames.words($0).last.map(SpeakerNames.skeleton) == own.first }
                if !asFamilyName.isEmpty { pool = asFamilyName }
            }
            guard let best = pool.max(by: { (words[$0]!.count, counts[$0]!, $1) < (words[$1]!.count, counts[$1]!, $0) }),
                pool.allSatisfy({ words[$0]!.isSubset(of: words[best]!) })
            else { continue }
            mapping[speaker] = (best, role[best] ?? role[speaker] ?? nil)
        }
        // Follow chains (ترمب → ترامب → دونالد ترامب) to their end.
        for speaker in mapping.keys {
            var target = mapping[speaker]!
            var seen: Set<String> = [speaker]
            while let next = mapping[target.speaker], seen.insert(target.speaker).inserted { target = (next.speaker, target.role ?? next.role) }
            mapping[speaker] = target
        }
        return mapping
    }
}
