import Foundation
import GeoPriceServer
import GeoPricing
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Every answering route, byte for byte against the `geoprice` CLI with `--json` on the same input.
@Suite("geoprice-server routes = the CLI")
struct RouteTests {
    typealias H = ServerHarness
    static let beauce = "cases/beauce_polygon_with_hole.json"

    @Test("POST /v1/area, with and without crs = geoprice area --json")
    func area() async throws {
        let cliPlain = try await H.cliOutput(["area", "--json", H.fixture(Self.beauce)])
        let cliCRS = try await H.cliOutput(["area", "--json", "--crs", "EPSG:2154", H.fixture(Self.beauce)])
        #expect(cliPlain.count > 100)
        try await H.withServer { client, _ in
            let plain = try await client.execute(uri: "/v1/area", method: .post, body: ByteBuffer(bytes: H.bytes(Self.beauce)))
            #expect(plain.status == .ok)
            #expect(plain.bytes == cliPlain)
            #expect(plain.headers[.contentType] == "application/json")
            let crs = try await client.execute(uri: "/v1/area?crs=EPSG:2154", method: .post, body: ByteBuffer(bytes: H.bytes(Self.beauce)))
            #expect(crs.bytes == cliCRS)
        }
    }

    @Test("POST /v1/area with Accept: application/x-ndjson = geoprice area --ndjson, line for line, error lines included")
    func areaNDJSON() async throws {
        let square = #"{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45.1],[2,45]]]}"#
        let body = Array((square + "\n" + #"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"# + "\n" + square + "\n").utf8)
        let cli = try await H.cliOutput(["area", "--ndjson", "-"], stdin: body)
        #expect(cli.split(separator: 10).count == 3)
        try await H.withServer { client, _ in
            let response = try await client.execute(
                uri: "/v1/area", method: .post, headers: [.accept: "application/x-ndjson"], body: ByteBuffer(bytes: body))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.bytes == cli)
        }
    }

    /// The Airbus guide's request is refused as the guide prints it (its polygon lacks a level of nesting): the error
    /// object is the CLI's too, with 400.
    @Test("POST /v1/estimate (ours, STAT) and /prices (Airbus) = geoprice estimate --request --json / --format airbus")
    func estimates() async throws {
        let ours = try await H.cliOutput(["estimate", "--request", H.fixture("pricing/request-ours.json"), "--as-of", "2026-06-01", "--json"])
        let stat = try await H.cliOutput(["estimate", "--request", H.fixture("stat/cloud-and-priority.json"), "--as-of", "2026-06-01", "--json"])
        let airbus = try await H.cliOutput(["estimate", "--request", H.fixture("pricing/airbus-guide-request.json"), "--as-of", "2026-06-01", "--format", "airbus"])
        #expect(String(decoding: stat, as: UTF8.self).contains(#""total":"4250.00""#))
        try await H.withServer { client, _ in
            for (uri, file, want) in [
                ("/v1/estimate?asOf=2026-06-01", "pricing/request-ours.json", ours), ("/v1/orders/estimate?asOf=2026-06-01", "pricing/request-ours.json", ours),
                ("/v1/op/orders.tasking.estimate?asOf=2026-06-01", "stat/cloud-and-priority.json", stat),
                ("/v1/estimate?asOf=2026-06-01", "stat/cloud-and-priority.json", stat), ("/prices?asOf=2026-06-01", "pricing/airbus-guide-request.json", airbus),
            ] {
                let response = try await client.execute(uri: uri, method: .post, body: ByteBuffer(bytes: H.bytes(file)))
                let refused = file.hasPrefix("pricing/airbus")
                #expect(response.status == (refused ? .badRequest : .ok), "\(uri) \(file): \(String(decoding: response.bytes, as: UTF8.self))")
                #expect(response.bytes == want, "\(uri) \(file)")
            }
        }
    }

    @Test("POST /v1/estimate NDJSON = geoprice estimate --ndjson --aoi - --product P --priority oneday")
    func estimateNDJSON() async throws {
        let body = H.bytes(Self.beauce)
        let cli = try await H.cliOutput(["estimate", "--ndjson", "--aoi", "-", "--product", "PNEO-TASKING-30CM", "--priority", "oneday", "--as-of", "2026-11-30"], stdin: body)
        #expect(String(decoding: cli, as: UTF8.self).contains(#""total":"6245.62""#))
        try await H.withServer { client, _ in
            let response = try await client.execute(
                uri: "/v1/estimate?product=PNEO-TASKING-30CM&priority=oneday&asOf=2026-11-30", method: .post, headers: [.accept: "application/x-ndjson"],
                body: ByteBuffer(bytes: body))
            #expect(response.bytes == cli)
        }
    }

    @Test("POST /v1/coverage = geoprice coverage --json; groups/list = coverage --ndjson")
    func coverage() async throws {
        let file = H.fixture("cases/coverage_full.json")
        let cli = try await H.cliOutput(["coverage", "--json", "--aoi", file, "--captures", file])
        let lines = try await H.cliOutput(["coverage", "--ndjson", "--aoi", file, "--captures", file])
        let document = String(decoding: H.bytes("cases/coverage_full.json"), as: UTF8.self)
        let body = ByteBuffer(string: #"{"aois": "# + document + #", "captures": "# + document + "}")
        try await H.withServer { client, _ in
            let response = try await client.execute(uri: "/v1/coverage", method: .post, body: body)
            #expect(response.status == .ok)
            #expect(response.bytes == cli)
            let list = try await client.execute(uri: "/v1/orders/coverage/groups/list", method: .post, body: body)
            #expect(list.bytes == lines)
            #expect(list.headers[.contentType] == "application/x-ndjson")
        }
    }

    @Test("feasibility, cancel-quote, reproject and the product schema = their CLI commands")
    func others() async throws {
        let boxes = H.fixture("feasibility/oneday-boxes.json")
        let feasibility = try await H.cliOutput([
            "feasibility", "--aoi", boxes, "--product", "PNEO-TASKING-30CM", "--priority", "oneday", "--datetime", "2026-12-01T00:00:00Z/P2D",
            "--as-of", "2026-11-30", "--json",
        ])
        let refund = try await H.cliOutput(["cancel-quote", "--product", "PNEO-TASKING-30CM", "--status", "scheduled", "--paid", "4750.00", "--json"])
        let reprojected = try await H.cliOutput(["reproject", "--to", "EPSG:32631", "--json", H.fixture(Self.beauce)])
        let schema = try await H.cliOutput(["catalog", "--schema", "PNEO-TASKING-30CM"])
        let boxesJSON = String(decoding: H.bytes("feasibility/oneday-boxes.json"), as: UTF8.self)
        try await H.withServer { client, _ in
            let checked = try await client.execute(
                uri: "/v1/orders/tasking/feasibility_check?asOf=2026-11-30", method: .post,
                body: ByteBuffer(string: #"{"product": "PNEO-TASKING-30CM", "priority": "oneday", "datetime": "2026-12-01T00:00:00Z/P2D", "aois": "# + boxesJSON + "}"))
            #expect(checked.bytes == feasibility)
            let quote = try await client.execute(
                uri: "/v1/cancel-quote", method: .post, body: ByteBuffer(string: #"{"product": "PNEO-TASKING-30CM", "status": "scheduled", "paid": "4750.00"}"#))
            #expect(quote.bytes == refund)
            let moved = try await client.execute(uri: "/v1/reproject?to=EPSG:32631", method: .post, body: ByteBuffer(bytes: H.bytes(Self.beauce)))
            #expect(moved.bytes == reprojected)
            let form = try await client.execute(uri: "/v1/catalog/products/PNEO-TASKING-30CM/schema", method: .get)
            #expect(form.json == (try JSONReader().read(schema)))
            let product = try await client.execute(uri: "/v1/catalog/products/SKYSAT-TASKING", method: .get)
            #expect(product.json?.objectValue?["quoteValidDays"] == 3)
        }
    }
}
