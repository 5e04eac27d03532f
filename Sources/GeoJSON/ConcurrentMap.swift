import Dispatch

/// Runs `count` jobs on all cores (`DispatchQueue.concurrentPerform`) and returns their results in input order.
package func concurrentMap<Value: Sendable>(count: Int, _ job: @Sendable (Int) -> Value) -> [Value] {
    let slots = ResultSlots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, job(index)) }
    return slots.values
}

/// Results written by concurrent workers into their own slots, read once all are done.
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    // Each index is written by exactly one worker, and read only after the workers have all returned.
    private var storage: [Value?]

    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: Value) { storage.withUnsafeMutableBufferPointer { $0[index] = value } }

    package var values: [Value] { storage.map { $0! } }
}
