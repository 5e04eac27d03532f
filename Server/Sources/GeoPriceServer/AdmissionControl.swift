import GeoPricing
import Synchronization

/// Bounds the requests in work: up to `maxInWork` at once; beyond that up to `maxQueued` wait, in arrival order,
/// until a slot frees or their deadline passes; beyond that a request is refused at once (`overloaded`).
public final class AdmissionControl: Sendable {
    private struct State {
        var inWork = 0
        var waiting: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
        /// Places in the queue taken by requests about to wait, so that the queue never holds more than `maxQueued`.
        var joining = 0
        var nextID = 0
    }

    private let maxInWork: Int
    private let maxQueued: Int
    private let what: String
    private let state = Mutex(State())

    /// Control for these limits; `what` names the requests counted, in the `overloaded` message.
    public init(maxInWork: Int, maxQueued: Int, what: String = "requests") {
        self.maxInWork = maxInWork
        self.maxQueued = maxQueued
        self.what = what
    }

    /// Requests in work now.
    public var inWork: Int { state.withLock { $0.inWork } }

    /// Requests waiting now (those about to wait included).
    public var queued: Int { state.withLock { $0.waiting.count + $0.joining } }

    private enum Entry { case admitted, refused, queued(Int) }

    /// Waits for a slot; the caller gives it back with ``release()`` once the work is done (not when the reply is:
    /// work abandoned by its deadline keeps its slot until it stops).
    /// - Throws: ``GeoPriceError`` `overloaded` when the queue is full, `deadline_exceeded` when the deadline passes
    ///   while waiting.
    public func acquire(until deadline: ContinuousClock.Instant) async throws(GeoPriceError) {
        let entry: Entry = state.withLock { state in
            if state.inWork < maxInWork {
                state.inWork += 1
                return .admitted
            }
            guard state.waiting.count + state.joining < maxQueued else { return .refused }
            state.joining += 1
            state.nextID += 1
            return .queued(state.nextID)
        }
        switch entry {
        case .admitted: return
        case .refused:
            throw GeoPriceError(
                .overloaded, "the server has \(maxInWork) \(what) in work and \(maxQueued) waiting; retry later",
                details: ["inWork": .number(Double(maxInWork)), "queued": .number(Double(maxQueued))])
        case .queued(let id):
            let timer = DeadlineTimer(at: deadline) { self.leave(id) }
            defer { timer.cancel() }
            let admitted = await withCheckedContinuation { continuation in
                let outcome = state.withLock { state -> Bool? in
                    state.joining -= 1
                    // A slot freed between the check above and now: take it; a deadline already past: give up.
                    if state.inWork < maxInWork {
                        state.inWork += 1
                        return true
                    }
                    if ContinuousClock.now >= deadline { return false }
                    state.waiting.append((id, continuation))
                    return nil
                }
                if let outcome { continuation.resume(returning: outcome) }
            }
            guard admitted else {
                throw GeoPriceError(.deadlineExceeded, "the request's deadline passed while it waited for work")
            }
        }
    }

    /// A waiter whose deadline passed leaves the queue (refused), if it is still there.
    private func leave(_ id: Int) {
        let continuation = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let index = state.waiting.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiting.remove(at: index).continuation
        }
        continuation?.resume(returning: false)
    }

    /// A request's work is done: its slot goes to the first waiter, or is freed.
    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiting.isEmpty {
                state.inWork -= 1
                return nil
            }
            return state.waiting.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}
