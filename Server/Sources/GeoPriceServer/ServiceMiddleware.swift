import Foundation
import GeoPricing
import HTTPTypes
import Hummingbird
import Logging

/// Around every request: its `X-Request-Id` (the client's, or a new one) on the answer and in the log line, the
/// metrics, and every error turned into the CLI's error object with its HTTP status; never a stack trace, never a
/// 500 for bad input.
struct ServiceMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let routes: [(method: String, path: String)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestID = request.headers[.requestID].map { String($0.prefix(128)) } ?? Self.newRequestID()
        let start = ContinuousClock.now
        metrics.started()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = errorResponse(error, request: request)
        }
        response.headers[.requestID] = requestID
        let route = context.endpointPath ?? "unmatched"
        metrics.finished(route: route, status: response.status.code, duration: ContinuousClock.now - start)
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: ["request_id": .string(requestID), "route": .string(route)])
        return response
    }

    /// A random (version 4) UUID in lower case, from the system's generator: Foundation's `UUID()` opens, reads and
    /// closes /dev/urandom on Linux for each one.
    static func newRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() & ~0xF000 | 0x4000  // version 4
        let low = generator.next() & ~(0xC << 60) | (0x8 << 60)  // variant 10
        let bytes = withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { Array($0) }
        let uuid = UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }

    private func errorResponse(_ error: any Error, request: Request) -> Response {
        let failure: GeoPriceError
        switch error {
        case let error as GeoPriceError:
            failure = error
        case let error as any HTTPResponseError where error.status == .notFound:
            failure = routes.contains(where: { matches($0.path, request.uri.path) })
                ? GeoPriceError(.methodNotAllowed, "\(request.method) is not served at \(request.uri.path)", details: ["allowed": .array(allowed(request.uri.path))])
                : GeoPriceError(.notFound, "no route \(request.uri.path)")
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            failure = GeoPriceError(.limitExceeded, "the request body is too large", details: ["limit": "maxBodyBytes"])
        case let error as any HTTPResponseError where error.status.code < 500:
            failure = GeoPriceError(.invalidRequest, "the request is not one this server reads (HTTP \(error.status.code))")
        default:
            // Not an input error: a failure of the server itself, said without its details.
            let body = #"{"error":{"code":"internal","message":"the server failed on this request"}}"# + "\n"
            return Response(status: .internalServerError, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        switch failure.code {
        case .limitExceeded, .overloaded, .deadlineExceeded: metrics.refused(limit: failure.code.rawValue)
        default: break
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        if failure.code == .overloaded { headers[.retryAfter] = "1" }
        if failure.code == .methodNotAllowed { headers[.allow] = allowed(request.uri.path).compactMap(\.stringValue).joined(separator: ", ") }
        return Response(
            status: failure.code.httpStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONWriter().bytes(failure.jsonValue) + [10])))
    }

    private func allowed(_ path: String) -> [JSONValue] {
        routes.filter { matches($0.path, path) }.map { .string($0.method) }
    }

    /// Whether a route's path (`{id}` matching one segment) matches a request path.
    private func matches(_ route: String, _ path: String) -> Bool {
        let want = route.split(separator: "/")
        let have = path.split(separator: "/")
        guard want.count == have.count else { return false }
        return zip(want, have).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
