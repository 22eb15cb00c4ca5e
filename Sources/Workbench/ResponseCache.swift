import Synchronization

/// The answers already given for the store's present state, so that a page or a story asked
/// again (a notebook polling, an analyst going back) is not built again. Every answer is a pure
/// function of the request and the store's state, so an answer is kept until the state changes
/// (every update of the store raises it), and at most ``budget`` bytes of answers are kept, the
/// oldest dropped first.
final class ResponseCache: Sendable {
    /// The bytes of answer bodies kept at most.
    let budget: Int
    private let kept = Mutex(Kept())

    private struct Kept {
        var state: Int?
        var answers: [String: WorkbenchResponse] = [:]
        var order: [String] = []
        var bytes = 0
    }

    init(budget: Int = 256 << 20) { self.budget = budget }

    /// The answer kept for `request` at `state`, if one is.
    func answer(to request: WorkbenchRequest, at state: Int) -> WorkbenchResponse? {
        kept.withLock { $0.state == state ? $0.answers[Self.key(request)] : nil }
    }

    /// Keeps `answer` to `request` at `state`: the answers of another state go; an answer
    /// larger than the budget is not kept.
    func keep(_ answer: WorkbenchResponse, to request: WorkbenchRequest, at state: Int) {
        let size = answer.body.utf8.count
        guard size <= budget else { return }
        let key = Self.key(request)
        kept.withLock { kept in
            if kept.state != state { kept = Kept(state: state) }
            guard kept.answers[key] == nil else { return }
            while kept.bytes + size > budget, !kept.order.isEmpty {
                let oldest = kept.order.removeFirst()
                kept.bytes -= kept.answers.removeValue(forKey: oldest)?.body.utf8.count ?? 0
            }
            kept.answers[key] = answer
            kept.order.append(key)
            kept.bytes += size
        }
    }

    /// A request as one string: its path and its parameters in name order.
    static func key(_ request: WorkbenchRequest) -> String {
        request.query.sorted { $0.key < $1.key }.reduce(request.path) { $0 + "\u{0}" + $1.key + "\u{1}" + $1.value }
    }
}
