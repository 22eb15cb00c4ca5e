import Foundation

/// `body(0..<count)` run on all cores (`DispatchQueue.concurrentPerform`), results in index order.
/// Each iteration writes only its own slot.
package func parallelMap<T>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
    return slots.values()
}

/// As ``parallelMap(count:_:)``, on all cores but one: for work that runs beside another thread's
/// (wire copies beside the clustering passes), which would otherwise take that thread's core
/// from it. With two cores the iterations run in order on the calling thread.
package func parallelMapLeavingOneCore<T>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let workers = ProcessInfo.processInfo.activeProcessorCount - 1
    guard workers > 1 else { return (0..<count).map(body) }
    return runWorkers(count: count, workerCount: workers, workers: { _ in () }) { _, i in body(i) }.results
}

/// As ``parallelMap(count:_:)``, for iterations that need large scratch buffers: each core's
/// worker makes `scratch` once and passes it to the iterations it runs, which it takes in
/// increasing order. Buffers made per iteration were fresh pages every time, faulted in and
/// zeroed by the kernel.
package func parallelMap<S, T>(count: Int, scratch: @Sendable () -> S, _ body: @Sendable (inout S, Int) -> T) -> [T] {
    parallelMap(count: count, workers: { _ in scratch() }, body).results
}

/// As ``parallelMap(count:scratch:_:)``, for workers whose state outlives the loop: worker `w`
/// starts from `workers(w)`, and each worker's final state is returned by worker, beside the
/// results. Which iterations a worker runs depends on timing; only their results' order is fixed.
package func parallelMap<S, T>(count: Int, workers: @Sendable (_ worker: Int) -> S, _ body: @Sendable (inout S, Int) -> T) -> (results: [T], workers: [S]) {
    runWorkers(count: count, workerCount: ProcessInfo.processInfo.activeProcessorCount, workers: workers, body)
}

/// `body(0..<count)` on at most `workerCount` workers that take the iterations in increasing
/// order from one counter, each with its own state; results in index order, states by worker.
private func runWorkers<S, T>(
    count: Int, workerCount: Int, workers: @Sendable (_ worker: Int) -> S,
    _ body: @Sendable (inout S, Int) -> T
) -> (results: [T], workers: [S]) {
    let slots = Slots<T>(count)
    let next = Counter()
    let workerCount = max(1, min(count, workerCount))
    let states = Slots<S>(workerCount)
    DispatchQueue.concurrentPerform(iterations: workerCount) { w in
        var state = workers(w)
        while case let i = next.take(), i < count { slots.set(i, body(&state, i)) }
        states.set(w, state)
    }
    return (slots.values(), states.values())
}

/// The next iteration of a parallel loop, for the worker that asks.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}

/// Runs `side` on a thread of its own while `main` runs on the calling thread, and returns both
/// results. Unlike the two iterations of a `parallelMap(count: 2)`, `main`'s own parallel loops
/// still spread over every core (a loop nested in a parallel loop runs on one), so whichever of
/// the two finishes first leaves its core to the other. The thread is a new one, not one of the
/// dispatch pool's: waiting for it never depends on a pool thread coming free.
package func concurrently<A, B>(_ main: () -> A, beside side: @escaping @Sendable () -> B) -> (A, B) {
    let slot = Slots<B>(1)
    let done = DispatchSemaphore(value: 0)
    Thread {
        slot.set(0, side())
        done.signal()
    }.start()
    let a = main()
    done.wait()
    return (a, slot.values()[0])
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
