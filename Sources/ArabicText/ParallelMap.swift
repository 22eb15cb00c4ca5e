import Foundation

/// `body(0..<count)` run on all cores (`DispatchQueue.concurrentPerform`), results in index order.
/// Each iteration writes only its own slot.
public func parallelMap<T>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
    return slots.values()
}

/// One result slot per iteration of a parallel loop.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ i: Int, _ value: T) { buffer[i] = value }

    func values() -> [T] { buffer.map { $0! } }
}
