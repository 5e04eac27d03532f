import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("geoprice reproject")
struct ReprojectCommandTests {
    func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("geoprice-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// EPSG:3035's tolerance is PROJ's LAEA round trip (see ReprojectionTests.roundTrips).
    @Test("output read back by area --crs of the same CRS gives the same planar area", arguments: [
        ("EPSG:32632", 1e-12), ("EPSG:2154", 1e-12), ("EPSG:3035", 1e-9),
    ])
    func readBack(crs: String, tolerance: Double) throws {
        let source = Fixtures.path("cases/corsica_rectangle.json")
        let reprojected = try CLIRunner.run(["reproject", source, "--to", crs, "--json"])
        #expect(reprojected.status == 0)
        let document = try #require(try reprojected.json().objectValue)
        #expect(document["crs"] == .string(crs))
        #expect(document["features"]?.arrayValue?.first?.objectValue?["id"] == "aoi")
        let file = try temporaryFile(reprojected.stdout)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let direct = try #require(try CLIRunner.run(["area", "--json", "--crs", crs, source]).json().objectValue)
        let readBack = try #require(try CLIRunner.run(["area", "--json", "--crs", crs, "--feature", "aoi", file]).json().objectValue)
        #expect(relativeDifference(readBack.number("crsAreaKm2"), direct.number("crsAreaKm2")) < tolerance)
        #expect(relativeDifference(readBack.number("areaKm2"), direct.number("areaKm2")) < 1e-9)
    }

    @Test("from standard input to EPSG:32632: pyproj's UTM corners")
    func standardInput() throws {
        let text = String(decoding: Fixtures.bytes("cases/corsica_rectangle.json"), as: UTF8.self)
        let result = try CLIRunner.run(["reproject", "-", "--to", "EPSG:32632", "--json"], stdin: text)
        #expect(result.status == 0)
        let geometry = try #require(try result.json().objectValue?["features"]?.arrayValue?.first?.objectValue?["geometry"]?.objectValue)
        let ring = try #require(geometry["coordinates"]?.arrayValue?.first?.arrayValue)
        let expected = try #require(Fixtures.reference("corsica_rectangle")["utm_projected_exterior_coords"]?.arrayValue?.first?.arrayValue)
        #expect(ring.count == expected.count)
        for (point, reference) in zip(ring, expected) {
            let xy = point.arrayValue?.compactMap(\.numberValue) ?? []
            let referenceXY = reference.arrayValue?.compactMap(\.numberValue) ?? []
            try #require(xy.count == 2 && referenceXY.count == 2)
            #expect(abs(xy[0] - referenceXY[0]) < 1e-6 && abs(xy[1] - referenceXY[1]) < 1e-6, "\(xy) vs \(referenceXY)")
        }
    }

    @Test("an unknown CRS is refused with exit 2 and unknown_crs")
    func unknownCRS() throws {
        let result = try CLIRunner.run(["reproject", Fixtures.path("cases/corsica_rectangle.json"), "--to", "EPSG:0", "--json"])
        #expect(result.status == 2)
        #expect(try result.json().objectValue?["error"]?.objectValue?["code"] == "unknown_crs")
    }

    @Test("area --repair reports the change and minWidthM")
    func repair() throws {
        let result = try CLIRunner.run(["area", "--json", "--repair", Fixtures.path("cases/invalid_bowtie.json")])
        #expect(result.status == 0)
        let answer = try #require(try result.json().objectValue)
        #expect(answer["repair"]?.objectValue?["changed"] == true)
        #expect(answer.number("minWidthM") > 0)
        let strip = try #require(try CLIRunner.run(["area", "--json", Fixtures.path("cases/thin_strip_1x60km.json")]).json().objectValue)
        #expect(abs(strip.number("minWidthM") - 1000) < 1)
    }
}
