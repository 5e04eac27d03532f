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
