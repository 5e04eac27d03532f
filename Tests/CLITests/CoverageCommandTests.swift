import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("geoprice coverage")
struct CoverageCommandTests {
    @Test("--json gives the order with its group, exact against the geodesic reference")
    func json() throws {
        let file = Fixtures.path("cases/germany_25km2.json")
        let result = try CLIRunner.run(["coverage", "--json", "--aoi", file, "--captures", file])
        #expect(result.status == 0)
        let order = try #require(try result.json().objectValue)
        let groupValues = order["groups"]?.arrayValue?.compactMap(\.objectValue)
        let groups = try #require(groupValues)
        #expect(groups.count == 1)
        let expected = Fixtures.reference("germany_25km2")["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
        #expect(relativeDifference(groups[0].number("coveredKm2"), expected.number("covered_km2")) < 1e-5)
        #expect(groups[0].number("coveredPercent") + groups[0].number("remainderPercent") == 100)
        #expect(groups[0]["fulfilled"] == true)
        #expect(groups[0]["covered"]?.objectValue?["type"] == "MultiPolygon")
        #expect(groups[0]["captures"]?.arrayValue?.count == 3)
        #expect(order["fulfilled"] == true)
    }

    @Test("the AOI from standard input: the same geodesic reference")
    func standardInput() throws {
        let file = Fixtures.path("cases/germany_25km2.json")
        let text = String(decoding: Fixtures.bytes("cases/germany_25km2.json"), as: UTF8.self)
        let result = try CLIRunner.run(["coverage", "--json", "--aoi", "-", "--captures", file], stdin: text)
        #expect(result.status == 0)
        let group = try #require(try result.json().objectValue?["groups"]?.arrayValue?.first?.objectValue)
        let expected = Fixtures.reference("germany_25km2")["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
        #expect(relativeDifference(group.number("coveredKm2"), expected.number("covered_km2")) < 1e-5)
    }

    @Test("captures are listed without areas by default; --gains adds overlaps and gains that add up to the covered area")
    func gains() throws {
        let file = Fixtures.path("cases/germany_25km2.json")
        let plain = try #require(try CLIRunner.run(["coverage", "--json", "--aoi", file, "--captures", file]).json().objectValue)
        let plainValues = plain["groups"]?.arrayValue?.first?.objectValue?["captures"]?.arrayValue?.compactMap(\.objectValue)
        let plainCaptures = try #require(plainValues)
        #expect(plainCaptures.count == 3)
        #expect(plainCaptures.allSatisfy { $0["overlapKm2"] == nil && $0["gainKm2"] == nil && $0["id"] != nil })
        let withGains = try #require(try CLIRunner.run(["coverage", "--json", "--gains", "--aoi", file, "--captures", file]).json().objectValue)
        let group = try #require(withGains["groups"]?.arrayValue?.first?.objectValue)
        let shareValues = group["captures"]?.arrayValue?.compactMap(\.objectValue)
        let shares = try #require(shareValues)
        #expect(shares.map { $0["id"] } == plainCaptures.map { $0["id"] })
        let expected = Fixtures.reference("germany_25km2")["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
        #expect(relativeDifference(shares.reduce(0) { $0 + $1.number("gainKm2") }, expected.number("covered_km2")) < 1e-5)
        #expect(shares.allSatisfy { $0.number("overlapKm2") >= $0.number("gainKm2") })
    }

    @Test("--threshold decides fulfilment")
    func threshold() throws {
        let file = Fixtures.path("cases/germany_25km2.json")
        let result = try CLIRunner.run(["coverage", "--json", "--threshold", "90", "--aoi", file, "--captures", file])
        #expect(try result.json().objectValue?["fulfilled"] == false)
    }

    @Test("--ndjson answers one line per AOI")
    func ndjson() throws {
        let captures = Fixtures.path("cases/multipolygon_two_zones.json")
        let aois = #"""
            {"type":"Polygon","coordinates":[[[2.0,43.4],[2.1,43.4],[2.1,43.5],[2.0,43.4]]]}
            {"type":"Polygon","coordinates":[[[2.0,43.4],[2.1,43.4]]]}
            """#
        let aoiFile = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-aois-\(UUID().uuidString).ndjson").path
        try aois.write(toFile: aoiFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: aoiFile) }
        let result = try CLIRunner.run(["coverage", "--ndjson", "--aoi", aoiFile, "--captures", captures])
        let lines = try result.lines().map { try #require($0.objectValue) }
        #expect(lines.count == 2)
        #expect(lines[0]["requestedKm2"] != nil)
        #expect(lines[1]["error"]?.objectValue?["code"] == "invalid_geojson")
        #expect(result.status == 2)
    }

    @Test("--svg draws the AOI, captures, covered and remainder with a legend and a scale bar")
    func svg() throws {
        let file = Fixtures.path("cases/beauce_polygon_with_hole.json")
        let svgPath = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-\(UUID().uuidString).svg").path
        defer { try? FileManager.default.removeItem(atPath: svgPath) }
        let result = try CLIRunner.run(["coverage", "--aoi", file, "--captures", file, "--svg", svgPath])
        #expect(result.status == 0)
        #expect(result.stdout.contains("89.51 % covered"))
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("covered 89.51 %"))
        #expect(svg.contains("remainder 10.49 %"))
        #expect(svg.contains("km (UTM 31N)"))
        #expect(svg.components(separatedBy: "<path").count - 1 == 4 + 3)
    }
}
