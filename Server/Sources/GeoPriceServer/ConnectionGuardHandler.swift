import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request headers do not arrive in time: counted from the connection's opening, and
/// again from the end of each response (keep-alive). Hummingbird's idle timeout alone lets a client that trickles
/// one header byte at a time hold a connection for ever; this one does not.
///
/// Also closes a connection answered before its request's body has all arrived (a body over the limit, refused on
/// its `Content-Length`; a body that missed the deadline): the answer says `Connection: close`, and the rest of the
/// body is not read (Hummingbird would read it to the end to keep the connection).
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Whether a request's head has come and its end not yet.
    private var requestOpen = false
    /// Whether the response being written goes out before its request's end.
    private var answersEarly = false

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) { arm(context) }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            disarm()
            requestOpen = true
        case .body: break
        case .end: requestOpen = false
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where requestOpen:
            answersEarly = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where answersEarly:
            answersEarly = false
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let written = promise ?? context.eventLoop.makePromise()
            written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
            context.write(data, promise: written)
        case .end:
            arm(context)
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
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
