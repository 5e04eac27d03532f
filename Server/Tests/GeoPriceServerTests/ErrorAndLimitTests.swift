import Foundation
import GeoPriceServer
import GeoPricing
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Error statuses, the CLI's error object as the body, request ids, metrics and the limits.
@Suite("geoprice-server errors and limits")
struct ErrorAndLimitTests {
    typealias H = ServerHarness

    @Test("400 invalid_json, 422 input codes, 404 not_found, 405 method_not_allowed, 413 a body over the limit")
    func statuses() async throws {
        try await H.withServer(limits: ServerLimits(maxBodyBytes: 4_096)) { client, _ in
            let broken = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(string: #"{"type": "Polygon", "coordinates": [[[0, 0]"#))
            #expect(broken.status == .badRequest && broken.errorCode == "invalid_json")
            let bowtie = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(bytes: H.bytes("cases/invalid_bowtie.json")))
            #expect(bowtie.status == .unprocessableContent && bowtie.errorCode == "invalid_geometry")
            #expect(bowtie.json?.objectValue?["error"]?.objectValue?["path"] == "$.features[0].geometry")
            let product = try await client.execute(
                uri: "/v1/estimate", method: .post,
                body: ByteBuffer(string: #"{"aois": {"type": "Polygon", "coordinates": [[[2, 45], [2.1, 45], [2.1, 45.1], [2, 45]]]}, "items": [{"product": "NOPE"}]}"#))
            #expect(product.status == .unprocessableContent && product.errorCode == "unknown_product")
            let missing = try await client.execute(uri: "/v1/nothing", method: .get)
            #expect(missing.status == .notFound && missing.errorCode == "not_found")
            let method = try await client.execute(uri: "/v1/area", method: .get)
            #expect(method.status == .methodNotAllowed && method.errorCode == "method_not_allowed")
            #expect(method.headers[.allow] == "POST")
            let large = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(repeating: UInt8(ascii: " "), count: 5_000))
            #expect(large.status == .contentTooLarge && large.errorCode == "limit_exceeded")
            let unknownProduct = try await client.execute(uri: "/v1/catalog/products/NOPE", method: .get)
            #expect(unknownProduct.status == .notFound && unknownProduct.errorCode == "not_found")
        }
    }

    @Test("a 1,000-deep body is limit_exceeded (413), and the server answers the next request")
    func deepJSON() async throws {
        try await H.withServer { client, _ in
            let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
            let response = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(string: deep))
            #expect(response.status == .contentTooLarge && response.errorCode == "limit_exceeded")
            let next = try await client.execute(uri: "/healthz", method: .get)
            #expect(next.status == .ok)
        }
    }

    @Test("every answer carries X-Request-Id: the client's, or a new one")
    func requestIDs() async throws {
        try await H.withServer { client, _ in
            let given = try await client.execute(uri: "/healthz", method: .get, headers: [HTTPField.Name("X-Request-Id")!: "abc-123"])
            #expect(given.headers[HTTPField.Name("X-Request-Id")!] == "abc-123")
            let made = try await client.execute(uri: "/v1/nothing", method: .get)
            let again = try await client.execute(uri: "/v1/nothing", method: .get)
            for id in [made, again].map({ $0.headers[HTTPField.Name("X-Request-Id")!] ?? "" }) {
                // A version 4 UUID: xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx, lower case.
                let characters = Array(id)
                #expect(characters.count == 36 && characters[14] == "4" && "89ab".contains(characters[19]), "\(id)")
                #expect(UUID(uuidString: id) != nil && id == id.lowercased())
            }
            #expect(made.headers[HTTPField.Name("X-Request-Id")!] != again.headers[HTTPField.Name("X-Request-Id")!])
        }
    }

    @Test("a deadline already over: 503 deadline_exceeded; an NDJSON stream past it ends with that error line")
    func deadline() async throws {
        try await H.withServer(limits: ServerLimits(deadline: .zero)) { client, _ in
            let response = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(bytes: H.bytes("cases/beauce_polygon_with_hole.json")))
            #expect(response.status == .serviceUnavailable && response.errorCode == "deadline_exceeded")
        }
    }

    @Test("/metrics counts requests by route and status; /readyz names the catalog version")
    func metrics() async throws {
        try await H.withServer { client, _ in
            _ = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(bytes: H.bytes("cases/beauce_polygon_with_hole.json")))
            _ = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(string: "{"))
            let text = String(decoding: try await client.execute(uri: "/metrics", method: .get).bytes, as: UTF8.self)
            #expect(text.contains(#"geoprice_requests_total{route="/v1/area",status="200"} 1"#), "\(text)")
            #expect(text.contains(#"geoprice_requests_total{route="/v1/area",status="400"} 1"#))
            #expect(text.contains("geoprice_request_duration_seconds_bucket"))
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.json?.objectValue?["catalogVersion"] == "2026-11-30")
        }
    }

    @Test("SIGHUP's reload: a changed catalog file is priced from the next request on; a broken one leaves the current")
    func reload() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID()).json")
        let original = String(decoding: H.bytes("../Sources/Pricing/Resources/default-catalog.json"), as: UTF8.self)
        try Data(original.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        try await H.withServer(catalog: file.path) { client, service in
            #expect(try await client.execute(uri: "/readyz", method: .get).json?.objectValue?["catalogVersion"] == "2026-11-30")
            try Data(original.replacingOccurrences(of: #""version": "2026-11-30""#, with: #""version": "reloaded""#).utf8).write(to: file)
            try service.catalogs.reload()
            #expect(try await client.execute(uri: "/readyz", method: .get).json?.objectValue?["catalogVersion"] == "reloaded")
            try Data("{".utf8).write(to: file)
            #expect(throws: GeoPriceError.self) { try service.catalogs.reload() }
            #expect(try await client.execute(uri: "/readyz", method: .get).json?.objectValue?["catalogVersion"] == "reloaded")
        }
    }
}

/// The admission control alone: slots, the bounded queue, deadlines while waiting.
@Suite("admission control")
struct AdmissionControlTests {
    @Test("one slot: a second request waits and gets the slot when the first releases it; a full queue is overloaded")
    func slots() async throws {
        let control = AdmissionControl(maxInWork: 1, maxQueued: 1)
        let later = ContinuousClock.now.advanced(by: .seconds(30))
        try await control.acquire(until: later)
        let waiter = Task { try await control.acquire(until: later) }
        while control.queued == 0 { await Task.yield() }
        do {
            try await control.acquire(until: later)
            Issue.record("a third request was admitted")
        } catch {
            #expect(error.code == .overloaded)
        }
        control.release()
        try await waiter.value
        #expect(control.inWork == 1)
        control.release()
        #expect(control.inWork == 0)
    }

    @Test("a waiter whose deadline passes leaves with deadline_exceeded")
    func waitingDeadline() async throws {
        let control = AdmissionControl(maxInWork: 1, maxQueued: 4)
        try await control.acquire(until: ContinuousClock.now.advanced(by: .seconds(30)))
        do {
            try await control.acquire(until: ContinuousClock.now.advanced(by: .milliseconds(50)))
            Issue.record("admitted while the slot was taken")
        } catch {
            #expect(error.code == .deadlineExceeded)
        }
        #expect(control.queued == 0)
        control.release()
        #expect(control.inWork == 0)
    }
}
