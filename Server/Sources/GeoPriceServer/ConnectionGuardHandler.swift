import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request headers do not arrive in time: counted from the connection's opening, and
/// again from the end of each response (keep-alive). Hummingbird's idle timeout alone lets a client that trickles
/// one header byte at a time hold a connection for ever; this one does not.
///
/// Also closes a connection answered before its request's body has all arrived (a body over the limit, refused on
/// its `Content-Length`; a body that missed the deadline): the answer says `Connection: close`, the output is shut,
/// and what the client still sends is dropped unparsed for a short while before the close (Hummingbird would read
/// the whole body to keep the connection). Pipelined requests are counted, so that only the one request in work
/// is ever answered early, and the header timer starts again only once every request read has its answer.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Requests whose head has come and whose answer has not ended (pipelined requests are read ahead).
    private var unanswered = 0
    /// Whether the last request's head has come and its end not yet.
    private var bodyArriving = false
    /// Whether the response being written goes out before its request's end.
    private var answersEarly = false
    /// Whether the connection is closing after an early answer: what the client still sends is read and dropped.
    private var lingering = false

    /// How long an early-answered connection keeps reading (and dropping) what its client still sends before it
    /// closes: closing with unread bytes sends a reset, and many clients then report the reset, not the answer.
    static let lingerTime = TimeAmount.seconds(2)

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) { arm(context) }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !lingering else { return }
        switch unwrapInboundIn(data) {
        case .head:
            disarm()
            unanswered += 1
            bodyArriving = true
        case .body: break
        case .end: bodyArriving = false
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where bodyArriving && unanswered == 1:
            // The one request in work is answered before its body has all come.
            answersEarly = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where answersEarly:
            answersEarly = false
            unanswered = max(0, unanswered - 1)
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            let written = promise ?? context.eventLoop.makePromise()
            written.futureResult.whenComplete { _ in bound.value.linger(boundContext.value) }
            context.write(data, promise: written)
        case .end:
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 { arm(context) }
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }

    /// Ends the output, drops what still comes in, and closes after ``lingerTime``.
    private func linger(_ context: ChannelHandlerContext) {
        lingering = true
        disarm()
        context.close(mode: .output, promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: Self.lingerTime) { bound.value.close(promise: nil) }
    }

    private func arm(_ context: ChannelHandlerContext) {
        disarm()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) { bound.value.close(promise: nil) }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
