import Foundation
import Support
import Testing

@Suite("White space")
struct WhiteSpaceTests {
    @Test func whiteSpaceIsUnicodesWhiteSpaceWithoutTheLookup() {
        // Every scalar up to U+3100 (ASCII, Arabic, the spaces of U+2000–200A, U+3000) and beyond.
        for value in Array(0...0x3100) + [0xFEFF, 0xFFFD, 0x1F600] {
            guard let u = Unicode.Scalar(value) else { continue }
            #expect(isWhiteSpace(u) == u.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmingTakesTabsAndNoBreakSpacesFromBothEnds() {
        #expect("\t\u{00A0}الرياض \u{2003}".trimmed == "الرياض")
        #expect(" \u{3000} ".trimmed == "")
        #expect("سبق".trimmed == "سبق")
        #expect(" قال الوزير \n"[...].trimmed == "قال الوزير")
    }
}

@Suite("Parallel work")
struct ParallelWorkTests {
    @Test func concurrentlyReturnsBothResultsEvenFromInsideParallelLoops() {
        // Eight calls at once from a parallel loop, each side running a parallel loop of its own:
        // every side gets a thread, so none waits for another to finish.
        let results = parallelMap(count: 8) { k in
            concurrently({ (0..<1000).reduce(k, +) }, beside: { parallelMap(count: 4) { $0 * k }.reduce(0, +) })
        }
        #expect(results.map(\.0) == (0..<8).map { 499_500 + $0 })
        #expect(results.map(\.1) == (0..<8).map { 6 * $0 })
    }

    @Test func scratchIsMadeOncePerWorkerAndSeesItsIterationsInOrder() {
        // Each iteration returns the scratch's history so far: which iterations the same worker
        // ran before it. A scratch made per iteration would return [i]; one shared between workers
        // out of order would see a later iteration before an earlier one.
        let histories = parallelMap(count: 200, scratch: { [Int]() }) { seen, i -> [Int] in
            seen.append(i)
            return seen
        }
        #expect(histories.map { $0.last } == (0..<200).map { $0 })
        #expect(histories.allSatisfy { $0 == $0.sorted() })
        let workers = Set(histories.map { $0.first! })
        #expect(workers.count <= ProcessInfo.processInfo.activeProcessorCount)
        #expect(histories.map(\.count).reduce(0, +) > 200)
    }

    @Test func eachWorkersStateHoldsExactlyTheIterationsItRan() {
        // Each iteration names the worker that ran it, and the worker's state lists its
        // iterations: the states come back by worker, and together hold every iteration once.
        let (ranBy, states) = parallelMap(count: 300, workers: { worker in (worker: worker, ran: [Int]()) }) { state, i -> Int in
            state.ran.append(i)
            return state.worker
        }
        #expect(states.map(\.worker) == Array(states.indices))
        for state in states { #expect(state.ran == (0..<300).filter { ranBy[$0] == state.worker }) }
        #expect(states.flatMap(\.ran).sorted() == Array(0..<300))
    }

    @Test func workBesideAnotherThreadLeavesItOneCore() {
        // Results in order, from at most all cores but one; with two cores, all on the calling
        // thread (the thread that runs the clustering passes keeps the other core).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let caller = pthread_self()
        let results = parallelMapLeavingOneCore(count: 500) { i in (square: i * i, thread: pthread_self()) }
        #expect(results.map(\.square) == (0..<500).map { $0 * $0 })
        let threads = Set(results.map(\.thread))
        #expect(threads.count <= max(1, cores - 1))
        if cores <= 2 { #expect(threads == [caller]) }
    }
}
