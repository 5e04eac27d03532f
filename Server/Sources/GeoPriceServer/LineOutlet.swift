import Dispatch
import GeoPricing
import NIOCore
import Synchronization

/// An NDJSON answer on its way to the client: the lines the work writes, handed to the response body as it asks.
///
/// At most `maxBuffered` bytes wait for the client (a batch larger than that waits alone); beyond that the writer
/// waits until the client has taken some, or the deadline passes, or the client has gone. Once the client has gone
/// (the response stream was cancelled), lines are dropped at once and ``isAbandoned`` tells the work to stop at its
/// next step boundary.
final class LineOutlet: Sendable {
    private struct State {
        var buffered = 0
        var writerWaits = false
        var ended = false
        var clientGone = false
    }

    private let state = Mutex(State())
    private let room = DispatchSemaphore(value: 0)
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let maxBuffered: Int
    private let deliver: @Sendable (@escaping @Sendable () -> Void) -> Void

    /// The body that reads the lines, and the outlet that writes them. The outlet does not keep the body, so the
    /// stream ends (cancelled) once the response stops reading it: the client has gone.
    /// - Parameter deliver: runs, in order, the hand-over of each line to the body (which wakes the task reading it;
    ///   ``LowPriorityThreads/handBack(_:)`` for a writer on a low-priority thread).
    static func opened(
        maxBuffered: Int = 4 << 20, deliver: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void
    ) -> (outlet: LineOutlet, body: AsyncMapSequence<AsyncStream<ByteBuffer>, ByteBuffer>) {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        let outlet = LineOutlet(continuation: continuation, maxBuffered: maxBuffered, deliver: deliver)
        let body = stream.map { buffer in
            outlet.update { $0.buffered -= buffer.readableBytes }
            return buffer
        }
        return (outlet, body)
    }

    private init(
        continuation: AsyncStream<ByteBuffer>.Continuation, maxBuffered: Int, deliver: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void
    ) {
        self.continuation = continuation
        self.maxBuffered = maxBuffered
        self.deliver = deliver
        continuation.onTermination = { [weak self] termination in
            guard case .cancelled = termination else { return }
            self?.update { $0.clientGone = true }
        }
    }

    /// Changes the state, then wakes a waiting writer to look at it again.
    private func update(_ change: (inout State) -> Void) {
        let wake = state.withLock { state in
            change(&state)
            defer { state.writerWaits = false }
            return state.writerWaits
        }
        if wake { room.signal() }
    }

    /// Whether the client has gone away.
    var isAbandoned: Bool { state.withLock { $0.clientGone } }

    /// Hands bytes to the client, waiting while too many wait for it, until `deadline`; `last` ends the answer.
    /// Returns false once the answer has ended, the client has gone, or the deadline has passed while waiting (the
    /// bytes are dropped).
    @discardableResult
    func write(_ bytes: [UInt8], last: Bool = false, until deadline: ContinuousClock.Instant? = nil) -> Bool {
        while true {
            let admitted: Bool? = state.withLock { state in
                if state.ended || state.clientGone { return false }
                if last || state.buffered == 0 || state.buffered + bytes.count <= maxBuffered {
                    state.buffered += bytes.count
                    if last { state.ended = true }
                    return true
                }
                state.writerWaits = true
                return nil
            }
            switch admitted {
            case true?:
                deliver { [continuation] in
                    if !bytes.isEmpty { continuation.yield(ByteBuffer(bytes: bytes)) }
                    if last { continuation.finish() }
                }
                return true
            case false?:
                return false
            case nil:
                let timeout = deadline?.dispatchTime ?? .distantFuture
                if room.wait(timeout: timeout) == .timedOut {
                    // Past the deadline: the caller ends the answer with its error line.
                    state.withLock { $0.writerWaits = false }
                    return false
                }
            }
        }
    }
}
