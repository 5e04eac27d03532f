import Dispatch
import GeoPricing
import NIOCore
import Synchronization

/// Runs a request's CPU work on a thread of its own (never on Swift concurrency's cooperative pool): a Dispatch
/// thread, or a low-priority one for work that may be long (``Lane``), holding an admission slot until the work
/// stops; the reply waits for the work or for the deadline, whichever comes first, and the work itself stops at its
/// next step boundary past the deadline (``WorkDeadline``).
struct WorkRunner: Sendable {
    /// Slots for all work.
    let admission: AdmissionControl
    /// Slots for low-priority work, taken before one of ``admission``'s: at most half of those in work, so that
    /// long work waiting for the CPU never holds every slot while short requests keep the cores busy.
    let lowPriorityAdmission: AdmissionControl
    let lowPriority: LowPriorityThreads

    /// Limits `maxInWork` requests in work, `maxQueued` waiting.
    init(maxInWork: Int, maxQueued: Int) {
        admission = AdmissionControl(maxInWork: maxInWork, maxQueued: maxQueued)
        lowPriorityAdmission = AdmissionControl(
            maxInWork: max(1, maxInWork / 2), maxQueued: maxQueued, what: "long requests (a large body, a CRS to set up, an NDJSON stream)")
        lowPriority = LowPriorityThreads(maxThreads: max(1, maxInWork / 2))
    }

    /// Where a request's work runs: Dispatch's threads, or ``LowPriorityThreads`` for work that may be long.
    enum Lane: Sendable {
        case regular
        case lowPriority
    }

    private func acquire(_ lane: Lane, until deadline: ContinuousClock.Instant) async throws(GeoPriceError) {
        if case .lowPriority = lane { try await lowPriorityAdmission.acquire(until: deadline) }
        do {
            try await admission.acquire(until: deadline)
        } catch {
            if case .lowPriority = lane { lowPriorityAdmission.release() }
            throw error
        }
        guard ContinuousClock.now < deadline else {
            release(lane)
            throw Self.deadlineExceeded
        }
    }

    private func release(_ lane: Lane) {
        admission.release()
        if case .lowPriority = lane { lowPriorityAdmission.release() }
    }

    private func start(_ lane: Lane, _ work: @escaping @Sendable () -> Void) {
        switch lane {
        case .regular: DispatchQueue.global().async(execute: work)
        case .lowPriority: lowPriority.run(work)
        }
    }

    /// Runs what may wake a task from the lane's thread: at once, or handed back from a low-priority thread.
    private func finish(_ lane: Lane, _ action: @escaping @Sendable () -> Void) {
        switch lane {
        case .regular: action()
        case .lowPriority: lowPriority.handBack(action)
        }
    }

    /// The work's bytes, or `deadline_exceeded` when the deadline comes first (the work then stops at its next step
    /// boundary, still holding its slot until it does, so that the limit on work in progress stays true).
    func run(
        until deadline: ContinuousClock.Instant, lane: Lane = .regular, _ work: @escaping @Sendable () throws(GeoPriceError) -> [UInt8]
    ) async throws(GeoPriceError) -> [UInt8] {
        try await acquire(lane, until: deadline)
        let result = await firstOf(answerOrDeadline: deadline, expired: Result<[UInt8], GeoPriceError>.failure(Self.deadlineExceeded)) { answer in
            start(lane) {
                let result = Parallelism.callingThread.granting {
                    WorkDeadline.within(deadline) { Result { () throws(GeoPriceError) in try work() } }
                }
                finish(lane) {
                    release(lane)
                    answer(result)
                }
            }
        }
        return try result.get()
    }

    static let deadlineExceeded = GeoPriceError(.deadlineExceeded, "the request ran out of its time; its answer was abandoned")

    /// Streams one line per AOI: `produce` writes its lines through the writer it is given, on a low-priority thread,
    /// through a ``LineOutlet`` (bounded: the writer waits for a slow client, within the deadline). Once the deadline
    /// passes, the stream ends with a `deadline_exceeded` error line and later lines are dropped; an error thrown by
    /// `produce` ends it with that error's line; a client that goes away stops the work at its next step boundary.
    func stream(
        until deadline: ContinuousClock.Instant,
        _ produce: @escaping @Sendable (_ write: @escaping @Sendable ([UInt8]) -> Void) throws(GeoPriceError) -> Void
    ) async throws(GeoPriceError) -> AsyncMapSequence<AsyncStream<ByteBuffer>, ByteBuffer> {
        try await acquire(.lowPriority, until: deadline)
        let (outlet, body) = LineOutlet.opened(deliver: lowPriority.handBack)
        start(.lowPriority) {
            let result = Parallelism.callingThread.granting {
                WorkDeadline.within(deadline, abandonedWhen: { outlet.isAbandoned }) {
                    Result { () throws(GeoPriceError) in
                        try produce { bytes in
                            if ContinuousClock.now >= deadline || !outlet.write(bytes, until: deadline) {
                                outlet.write(Self.deadlineLine, last: true)
                            }
                        }
                    }
                }
            }
            switch result {
            case .success: outlet.write([], last: true)
            case .failure(let error): outlet.write(JSONWriter().bytes(error.jsonValue) + [10], last: true)
            }
            finish(.lowPriority) { release(.lowPriority) }
        }
        return body
    }

    static let deadlineLine = JSONWriter().bytes(GeoPriceError(.deadlineExceeded, "the request ran out of its time; the stream ends here").jsonValue) + [10]
}
