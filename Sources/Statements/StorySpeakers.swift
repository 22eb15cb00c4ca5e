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
        var out = statements
        for indices in byStory.values {
            let mapping = canonicalNames(indices.map { statements[$0] })
            for i in indices {
                guard let target = mapping[out[i].speaker] else { continue }
                out[i].speaker = target.speaker
                if out[i].role == nil { out[i].role = target.role }
            }
        }
        return out
    }

    /// Whether a speaker is a person's name alone: no title, organisation, place or definite word
    /// (ترامب، دونالد ترامب; not إدارة ترامب or الخارجية الروسية).
    static func isPersonalName(_ speaker: String) -> Bool {
        SpeakerNames.nameStart(speaker.split(separator: " ").map { Lexicon.key(String($0)) }) == 0
    }

    /// Speaker → its canonical form and role within one story's statements.
    static func canonicalNames(_ statements: [Statement]) -> [String: (speaker: String, role: String?)] {
        // Each distinct speaker: how often it speaks, its commonest role, its word skeletons.
        var counts: [String: Int] = [:]
        var roles: [String: [String: Int]] = [:]
        for s in statements {
            counts[s.speaker, default: 0] += 1
            if let role = s.role { roles[s.speaker, default: [:]][role, default: 0] += 1 }
        }
        let speakers = counts.keys.sorted()
        let skeletons = Dictionary(uniqueKeysWithValues: speakers.map { ($0, SpeakerNames.skeletons($0)) })
        func role(of speaker: String) -> String? {
            roles[speaker]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        // A joint speaker (ماكرون وميركل) is nobody's fuller name.
        let joint = Set(speakers.filter { $0.contains(" و") })
        var mapping: [String: (speaker: String, role: String?)] = [:]
        for speaker in speakers where !joint.contains(speaker) {
            let words = skeletons[speaker]!
            let isRole = speaker == role(of: speaker)
            // A fuller or differently spelled name containing this one, or a name whose role
            // holds this role.
            let candidates = speakers.filter { other in
                guard other != speaker, !joint.contains(other), let otherWords = skeletons[other] else { return false }
                if isRole { return other != role(of: other) && (role(of: other).map { words.isSubset(of: SpeakerNames.skeletons($0)) } ?? false) }
                return isPersonalName(speaker) && isPersonalName(other) && words.isSubset(of: otherWords) && (otherWords.count > words.count || counts[other]! > counts[speaker]!
                    || (counts[other]! == counts[speaker]! && other < speaker && otherWords == words))
            }
            guard let best = candidates.max(by: { (skeletons[$0]!.count, counts[$0]!, $1) < (skeletons[$1]!.count, counts[$1]!, $0) }) else { continue }
            mapping[speaker] = (best, role(of: best) ?? role(of: speaker))
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
