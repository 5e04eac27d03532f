import Dispatch

/// Runs `count` jobs on all cores (`DispatchQueue.concurrentPerform`) and returns their results in input order; a
/// single job runs on the calling thread.
package func concurrentMap<Value: Sendable>(count: Int, _ job: @Sendable (Int) -> Value) -> [Value] {
    if count == 1 { return [job(0)] }
    let slots = ResultSlots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, job(index)) }
    return slots.values
}

/// Runs `job` over `0..<count` in consecutive ranges of at most `chunkSize` items on all cores; the results in order.
package func concurrentMap<Value: Sendable>(count: Int, chunkSize: Int, _ job: @Sendable (Range<Int>) -> Value) -> [Value] {
    let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
    if chunks.isEmpty { return [job(0..<0)] }
    return concurrentMap(count: chunks.count) { job(chunks[$0]) }
}

/// Results written by concurrent workers into their own slots, read once all are done.
///
/// The slots are one fixed allocation written through its pointer: workers never touch an `Array` value together
/// (a mutating call on a shared array is a data race even when the elements differ).
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    // Each index is written by exactly one worker, and read only after the workers have all returned.
    private let storage: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    package func set(_ index: Int, _ value: Value) { storage[index] = value }

    package var values: [Value] { storage.map { $0! } }
}
