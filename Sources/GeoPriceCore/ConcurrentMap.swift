import Dispatch

/// Runs `count` jobs on as many threads as the current ``Parallelism`` grants (all cores unless a caller granted
/// fewer) and returns their results in input order. Each worker takes the next job as it finishes one, and runs its
/// jobs with one thread granted, so that parallel steps nested inside a job stay on that job's thread. With one job
/// or one thread, everything runs on the calling thread under the caller's grant. Workers keep the caller's
/// ``WorkDeadline``.
package func concurrentMap<Value: Sendable>(count: Int, _ job: @Sendable (Int) -> Value) -> [Value] {
    let workers = min(count, Parallelism.current.maxThreads)
    if workers <= 1 { return (0..<count).map(job) }
    let slots = ResultSlots<Value>(count: count)
    let next = JobCounter()
    let deadline = WorkDeadline.current
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        Parallelism.$granted.withValue(.callingThread) {
            WorkDeadline.$current.withValue(deadline) {
                while let index = next.take(below: count) { slots.set(index, job(index)) }
            }
        }
    }
    return slots.values
}

/// Runs `job` over `0..<count` in consecutive ranges of at most `chunkSize` items, as ``concurrentMap(count:_:)``
/// does; the results in order.
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

/// The next job index for workers that share a list of jobs.
private final class JobCounter: @unchecked Sendable {
    // `next` is only read and written under `lock`.
    private let lock = DispatchSemaphore(value: 1)
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
