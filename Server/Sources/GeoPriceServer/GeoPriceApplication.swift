import Foundation
import GeoPricing
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// What an NDJSON route streams: from the request and its body, the work that writes one line per AOI.
typealias LineProducer = @Sendable (Request, [UInt8]) throws(GeoPriceError) -> (@Sendable (@escaping @Sendable ([UInt8]) -> Void) throws(GeoPriceError) -> Void)

/// Builds the geoprice HTTP application: every route, the limits, the metrics and the error mapping.
public struct GeoPriceApplication: Sendable {
    /// The catalog priced with (reloaded on SIGHUP by the executable).
    public let catalogs: CatalogStore
    /// The limits.
    public let limits: ServerLimits
    /// The metrics served at `/metrics`.
    public let metrics: ServerMetrics
    let runner: WorkRunner

    /// An application over this catalog, with these limits.
    public init(catalogs: CatalogStore, limits: ServerLimits = ServerLimits()) {
        self.catalogs = catalogs
        self.limits = limits
        metrics = ServerMetrics()
        runner = WorkRunner(maxInWork: limits.maxInWork, maxQueued: limits.maxQueued)
        DeadlineWatch.start()
    }

    /// The router with every route of ``routes`` and the middleware that names each request, counts it and turns
    /// errors into the CLI's error object with their HTTP status.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ServiceMiddleware(metrics: metrics, routes: Self.routes))
        let runner = runner
        let limits = limits
        let catalogs = catalogs
        let metrics = metrics

        func post(_ path: RouterPath, ndjson: LineProducer? = nil, alwaysNDJSON: Bool = false,
                  _ answer: @escaping @Sendable (Request, [UInt8], CatalogStore.Loaded) throws(GeoPriceError) -> [UInt8]) {
            router.post(path) { request, context -> Response in
                let deadline = ContinuousClock.now.advanced(by: limits.deadline)
                var request = request
                let body = try await Self.collectBody(&request, limit: limits.maxBodyBytes, deadline: deadline)
                let loaded = catalogs.current
                if let ndjson, alwaysNDJSON || request.headers[.accept]?.contains("application/x-ndjson") == true {
                    let produce = try ndjson(request, body)
                    let lines = try await runner.stream(until: deadline, produce)
                    return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: ResponseBody(asyncSequence: lines))
                }
                let head = request
                let lane: WorkRunner.Lane = Self.mayRunLong(request, bodyBytes: body.count, limits: limits) ? .lowPriority : .regular
                let bytes = try await runner.run(until: deadline, lane: lane) { () throws(GeoPriceError) in try answer(head, body, loaded) }
                return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }

        let areaLines: LineProducer = { request, body throws(GeoPriceError) in
            let query = request.uri.queryParameters
            let line = Answers.areaLine(crs: query["crs"].map(String.init), feature: query["feature"].map(String.init), repair: query["repair"] == "true")
            return { write throws(GeoPriceError) in try NDJSONBody.answer(body, with: line, write: write) }
        }
        post("/v1/area", ndjson: areaLines) { request, body, _ throws(GeoPriceError) in
            let query = request.uri.queryParameters
            return try Answers.area(body, crs: query["crs"].map(String.init), feature: query["feature"].map(String.init), repair: query["repair"] == "true")
        }
        let coverageLines: LineProducer = { _, body throws(GeoPriceError) in
            // The captures are read and indexed inside the admitted work, not before it.
            return { write throws(GeoPriceError) in
                let request = try Answers.CoverageBody(body)
                let calculator = request.calculator
                try NDJSONBody.answer(
                    JSONWriter().bytes(request.aois.jsonValue), with: { aoi throws(GeoPriceError) in JSONWriter().bytes(.object(try calculator.cover(aoi).jsonObject)) },
                    write: write)
            }
        }
        for path in ["/v1/coverage", "/v1/orders/coverage/get", "/v1/op/orders.coverage.get"] {
            post(RouterPath(path), ndjson: coverageLines) { _, body, _ throws(GeoPriceError) in try Answers.coverage(body) }
        }
        for path in ["/v1/orders/coverage/groups/list", "/v1/op/orders.coverage.groups.list"] {
            post(RouterPath(path), ndjson: coverageLines, alwaysNDJSON: true) { _, body, _ throws(GeoPriceError) in try Answers.coverage(body) }
        }
        let estimateLines: LineProducer = { request, body throws(GeoPriceError) in
            let query = request.uri.queryParameters
            let products = query.getAll("product").map { String($0) }
            guard !products.isEmpty else {
                throw GeoPriceError(.invalidRequest, "an NDJSON estimate names its products: ?product=ID (repeatable)", path: "product")
            }
            let estimator = catalogs.current.estimator
            for id in products where estimator.catalog.product(id) == nil {
                throw GeoPriceError(.unknownProduct, "no product '\(id)' in the catalog", path: "product", details: ["product": .string(id)])
            }
            var options: [(key: String, value: String)] = []
            for pair in query.getAll("option") {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                    throw GeoPriceError(.unknownOption, "option takes key=value, found '\(pair)'", path: "option")
                }
                options.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            }
            let asOf = try Self.asOf(request)
            let template = EstimateRequest(
                aois: [], items: products.map { EstimateRequest.Item(product: $0, options: options) }, priority: query["priority"].map(String.init),
                contract: query["contract"].map(String.init), vouchers: query.getAll("voucher").map { String($0) }, asOf: CalendarDate(utc: asOf))
            let stream = EstimateStream(estimator: estimator, template: template)
            return { write throws(GeoPriceError) in try NDJSONBody.answer(body, with: { aoi throws(GeoPriceError) in try stream.answer(aoi) }, write: write) }
        }
        for path in ["/v1/estimate", "/v1/orders/estimate", "/v1/orders/archive/estimate", "/v1/orders/tasking/estimate",
                     "/v1/op/orders.estimate", "/v1/op/orders.archive.estimate", "/v1/op/orders.tasking.estimate"] {
            post(RouterPath(path), ndjson: estimateLines) { request, body, loaded throws(GeoPriceError) in
                try Answers.estimate(body, estimator: loaded.estimator, asOf: Self.asOf(request))
            }
        }
        post("/prices") { request, body, loaded throws(GeoPriceError) in try Answers.prices(body, estimator: loaded.estimator, asOf: Self.asOf(request)) }
        for path in ["/v1/orders/tasking/feasibility_check", "/v1/op/orders.tasking.feasibility_check"] {
            post(RouterPath(path)) { request, body, loaded throws(GeoPriceError) in
                try Answers.feasibility(body, estimator: loaded.estimator, asOf: Self.asOf(request))
            }
        }
        post("/v1/cancel-quote") { _, body, loaded throws(GeoPriceError) in try Answers.cancelQuote(body, catalog: loaded.estimator.catalog) }
        post("/v1/reproject") { request, body, _ throws(GeoPriceError) in
            let query = request.uri.queryParameters
            guard let to = query["to"].map(String.init) else { throw GeoPriceError(.invalidRequest, "give the target CRS: ?to=EPSG:n", path: "to") }
            let densify = try query["densifyM"].map { text throws(GeoPriceError) -> Double in
                guard let value = Double(String(text)) else { throw GeoPriceError(.invalidValue, "densifyM is a number of metres", path: "densifyM") }
                return value
            }
            return try Answers.reproject(body, to: to, from: query["from"].map(String.init), densifyMetres: densify)
        }

        router.get("/v1/catalog") { _, _ -> Response in Self.json(.object(catalogs.current.document)) }
        router.get("/v1/catalog/products/{id}") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard let product = catalogs.current.document["products"]?.arrayValue?.first(where: { $0.objectValue?["id"]?.stringValue == id }) else {
                throw GeoPriceError(.notFound, "no product '\(id)' in the catalog", details: ["product": .string(id)])
            }
            return Self.json(product)
        }
        router.get("/v1/catalog/products/{id}/schema") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard let product = catalogs.current.estimator.catalog.product(id) else {
                throw GeoPriceError(.notFound, "no product '\(id)' in the catalog", details: ["product": .string(id)])
            }
            return Self.json(.object(product.orderSchema))
        }
        router.get("/healthz") { _, _ -> Response in Self.json(["status": "ok"]) }
        router.get("/readyz") { _, _ -> Response in Self.json(["status": "ready", "catalogVersion": .string(catalogs.current.estimator.catalog.version)]) }
        router.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.text())))
        }
        router.get("/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: try OpenAPIDocument.bytes())))
        }
        return router
    }

    /// Every route, method and path as the router matches it (`{id}` a parameter): what `/openapi.json` describes.
    public static let routes: [(method: String, path: String)] = {
        var routes: [(String, String)] = []
        for path in ["/v1/area", "/v1/coverage", "/v1/orders/coverage/get", "/v1/op/orders.coverage.get", "/v1/orders/coverage/groups/list",
                     "/v1/op/orders.coverage.groups.list", "/v1/estimate", "/v1/orders/estimate", "/v1/orders/archive/estimate",
                     "/v1/orders/tasking/estimate", "/v1/op/orders.estimate", "/v1/op/orders.archive.estimate", "/v1/op/orders.tasking.estimate",
                     "/prices", "/v1/orders/tasking/feasibility_check", "/v1/op/orders.tasking.feasibility_check", "/v1/cancel-quote", "/v1/reproject"] {
            routes.append(("POST", path))
        }
        for path in ["/v1/catalog", "/v1/catalog/products/{id}", "/v1/catalog/products/{id}/schema", "/healthz", "/readyz", "/metrics", "/openapi.json"] {
            routes.append(("GET", path))
        }
        return routes
    }()

    /// The HTTP application on `host:port` (port 0: any free port), HTTP/1.1 with the idle timeout.
    public func application(host: String, port: Int, logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ConnectionGuardHandler(timeout: Self.timeAmount(limits.headerTimeout))],
                idleTimeout: Self.timeAmount(limits.idleTimeout))),
            configuration: .init(address: .hostname(host, port: port), serverName: "geoprice-server"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// The whole body, refused beyond `limit` bytes (413: at once when its `Content-Length` says so), when it has not
    /// arrived by the deadline (a client trickling its body cannot hold a worker), or when it cannot be read
    /// (`unreadable_input`, 422).
    static func collectBody(_ request: inout Request, limit: Int, deadline: ContinuousClock.Instant) async throws(GeoPriceError) -> [UInt8] {
        let tooLarge = GeoPriceError(
            .limitExceeded, "the request body is larger than \(limit) bytes", details: ["limit": "maxBodyBytes", "maximum": .number(Double(limit))])
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw tooLarge }
        let body = request.body
        // The first of the body and the deadline answers; a body still trickling is left to its connection's timeouts
        // (a task group would wait for it, and reading a request body does not always end on cancellation).
        let reader = Mutex<Task<Void, Never>?>(nil)
        let outcome = await firstOf(
            answerOrDeadline: deadline, expired: Result<ByteBuffer, GeoPriceError>.failure(GeoPriceError(.deadlineExceeded, "the request body did not arrive in time"))
        ) { answer in
            reader.withLock { reader in
                reader = Task {
                    do {
                        answer(.success(try await body.collect(upTo: limit)))
                    } catch is NIOTooManyBytesError {
                        answer(.failure(tooLarge))
                    } catch {
                        answer(.failure(GeoPriceError(.unreadableInput, "the request body could not be read: \(error)")))
                    }
                }
            }
        }
        reader.withLock { $0?.cancel() }
        return Array(buffer: try outcome.get())
    }

    /// Whether a request's work may be long, and so runs at low priority: a body over
    /// ``ServerLimits/lowPriorityBodyBytes``, or a CRS to set up (`crs`, `to`). NDJSON streams always do.
    static func mayRunLong(_ request: Request, bodyBytes: Int, limits: ServerLimits) -> Bool {
        let query = request.uri.queryParameters
        return bodyBytes > limits.lowPriorityBodyBytes || query["crs"] != nil || query["to"] != nil
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount { .nanoseconds(duration.wholeNanoseconds) }

    /// `?asOf=`: an RFC 3339 instant, or `YYYY-MM-DD` for its first instant; else now.
    static func asOf(_ request: Request) throws(GeoPriceError) -> Date {
        guard let text = request.uri.queryParameters["asOf"] else { return Date() }
        return try CalendarDate.instant(parsing: String(text), path: "asOf")
    }

    static func json(_ value: JSONValue) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONWriter().bytes(value) + [10])))
    }
}
