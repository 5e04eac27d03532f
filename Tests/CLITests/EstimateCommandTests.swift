import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("geoprice estimate, catalog and cancel-quote")
struct EstimateCommandTests {
    let beauce = Fixtures.path("cases/beauce_polygon_with_hole.json")

    @Test("the README's preview: PNEO on the Beauce AOI, oneday, NGO contract")
    func preview() throws {
        let result = try CLIRunner.run([
            "estimate", "--aoi", beauce, "--product", "PNEO-TASKING-30CM", "--priority", "oneday", "--contract", "NGO-2026",
            "--as-of", "2026-06-01", "--json",
        ])
        #expect(result.status == 0)
        let answer = try #require(try result.json().objectValue)
        let line = try #require(answer["lines"]?.arrayValue?.first?.objectValue)
        // 166.548018 km² → 166.55 × 25 × 1.5 = 6245.625 → 6245.62 (half-even); 15 % = 936.84; total 5308.78.
        #expect(line["measuredKm2"] == "166.548018")
        #expect(line["billableKm2"] == "166.55")
        #expect(line["amount"] == "6245.62")
        #expect(answer["subtotal"] == "6245.62")
        #expect(answer["discountValue"] == "936.84")
        #expect(answer["total"] == "5308.78")
        #expect(answer["currency"] == "EUR")
        // The README's command, with the date pinned: the text form of the same estimate.
        let text = try CLIRunner.run([
            "estimate", "--aoi", beauce, "--product", "PNEO-TASKING-30CM", "--priority", "oneday", "--contract", "NGO-2026", "--as-of", "2026-06-01",
        ])
        #expect(text.stdout.contains("total 5308.78 EUR"))
    }

    @Test("archive with captures in the Airbus shape")
    func airbusFormat() throws {
        let result = try CLIRunner.run([
            "estimate", "--aoi", beauce, "--captures", beauce, "--product", "SPOTArchive10Color", "--option", "licence=eula_6_10",
            "--format", "airbus",
        ])
        #expect(result.status == 0)
        let answer = try #require(try result.json().objectValue)
        let entry = try #require(answer["productTypes"]?.arrayValue?.first?.objectValue)
        // Covered 149.075359 km² → 149.08 × 10 × 1.25 = 1863.50.
        #expect(entry["areaKm2"] == 149.08)
        #expect(entry["price"] == 1863.5)
        #expect(answer["totalAmount"] == 1863.5)
        #expect(entry["items"]?.arrayValue?.first?.objectValue?["dataStripIds"] == ["cap-01", "cap-02", "cap-03", "cap-04"])
    }

    @Test("rejections exit 2 with the JSON error", arguments: [
        (["--product", "NOPE"], "unknown_product"), (["--product", "PNEO-TASKING-30CM", "--as-of", "2026-13-01"], "invalid_date"),
        (["--product", "PNEO-TASKING-30CM", "--voucher", "SPRING10", "--as-of", "2026-06-01"], "voucher_expired"),
        (["--product", "PNEO-TASKING-30CM", "--option", "priority=soon"], "unknown_option"),
        (["--product", "PNEO-TASKING-30CM", "--option", "priority"], "unknown_option"),
        (["--product", "SPOTArchive10Color"], "no_coverage"),
    ])
    func rejected(arguments: [String], code: String) throws {
        let result = try CLIRunner.run(["estimate", "--aoi", beauce, "--json"] + arguments)
        #expect(result.status == 2)
        #expect(try result.json().objectValue?["error"]?.objectValue?["code"] == .string(code))
    }

    @Test("--ndjson prices each AOI on its own line, a bad one in place")
    func ndjson() throws {
        let lines = [
            #"{"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]}}"#,
            #"{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1]]]}"#,
            #"{"type":"Feature","id":"c","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2,45],[2.0001,45],[2.0001,45.0001],[2,45]]]}}"#,
        ].joined(separator: "\n")
        let result = try CLIRunner.run(["estimate", "--ndjson", "--aoi", "-", "--product", "PNEO-TASKING-30CM"], stdin: lines)
        let answers = try result.lines().map { try #require($0.objectValue) }
        #expect(answers.count == 3)
        #expect(answers[0]["id"] == "a")
        #expect(answers[0]["total"] == "2500.00")
        #expect(answers[1]["error"]?.objectValue?["code"] == "invalid_geojson")
        #expect(answers[2]["error"]?.objectValue?["code"] == "below_minimum_area")
        #expect(result.status == 2)
    }

    @Test("catalog lists products and rules; cancel-quote answers the refund")
    func catalogAndCancel() throws {
        let catalog = try CLIRunner.run(["catalog"])
        #expect(catalog.status == 0)
        for id in ["SPOTArchive10Color", "PHR-ARCHIVE-50CM", "WV-ARCHIVE-30CM", "PNEO-TASKING-30CM", "SKYSAT-TASKING", "SAR-SPOT-TASKING"] {
            #expect(catalog.stdout.contains(id))
        }
        let quote = try CLIRunner.run(["cancel-quote", "--product", "PNEO-TASKING-30CM", "--status", "scheduled", "--paid", "4750.00", "--json"])
        #expect(try quote.json().objectValue?["refund"] == "2375.00")
        // From a STAT status response: its most recent status (tasked) refunds 0 %.
        let history = Fixtures.path("status/tasked.json")
        let fromHistory = try CLIRunner.run(["cancel-quote", "--product", "PNEO-TASKING-30CM", "--status-response", history, "--paid", "4750.00", "--json"])
        #expect(try fromHistory.json().objectValue?["status"] == "tasked" && fromHistory.json().objectValue?["refund"] == "0.00")
        let both = try CLIRunner.run(["cancel-quote", "--product", "PNEO-TASKING-30CM", "--status", "held", "--status-response", history, "--paid", "1", "--json"])
        #expect(try both.json().objectValue?["error"]?.objectValue?["code"] == "conflicting_options")
        let refused = try CLIRunner.run(["cancel-quote", "--product", "PNEO-TASKING-30CM", "--status", "completed", "--paid", "10", "--json"])
        #expect(refused.status == 2)
        #expect(try refused.json().objectValue?["error"]?.objectValue?["code"] == "not_cancellable")
    }

    @Test("a catalog file replaces the default; a bad one is invalid_catalog")
    func catalogFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-catalog-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"version":"t","products":[{"id":"FLAT","mode":"tasking","currency":"EUR","rate":"1.00"}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let priced = try CLIRunner.run(["estimate", "--aoi", beauce, "--product", "FLAT", "--catalog", path, "--json"])
        #expect(try priced.json().objectValue?["total"] == "166.55")
        try #"{"version":"t","products":[{"id":"FLAT","mode":"tasking","currency":"EUR","rate":"one"}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run(["estimate", "--aoi", beauce, "--product", "FLAT", "--catalog", path, "--json"])
        #expect(bad.status == 2)
        #expect(try bad.json().objectValue?["error"]?.objectValue?["path"] == "$.products[0].rate")
    }
}
