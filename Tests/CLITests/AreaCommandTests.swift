import GeoJSON
import Testing
import TestSupport

/// `geoprice area` end to end: the real executable on the fixtures.
@Suite("geoprice area")
struct AreaCommandTests {
    @Test("--json gives the reference figures for every case", arguments: Fixtures.areaCaseNames)
    func referenceCase(name: String) throws {
        let result = try CLIRunner.run(["area", "--json", Fixtures.path("cases/\(name).json")])
        #expect(result.status == 0)
        let answer = try #require(try result.json().objectValue)
        let reference = Fixtures.reference(name)
        #expect(relativeDifference(answer.number("areaKm2"), reference.number("geodesic_area_km2")) < 1e-9)
        #expect(answer.number("utmEpsg") == reference.number("utm_epsg"))
        #expect(relativeDifference(answer.number("utmAreaKm2"), reference.number("utm_area_km2")) < 1e-7)
        #expect(answer["id"] == "aoi")
        #expect(answer["utmZones"]?.arrayValue?.isEmpty == false)
    }

    @Test("--crs adds the planar area in that CRS")
    func crs() throws {
        let result = try CLIRunner.run(["area", "--json", "--crs", "EPSG:32632", Fixtures.path("cases/corsica_rectangle.json")])
        let answer = try #require(try result.json().objectValue)
        #expect(answer["crs"] == "EPSG:32632")
        let expected = Fixtures.reference("corsica_rectangle").number("utm_area_km2")
        #expect(relativeDifference(answer.number("crsAreaKm2"), expected) < 1e-9)
    }

    @Test("the readable summary names the area, zone and zones touched")
    func readable() throws {
        let result = try CLIRunner.run(["area", Fixtures.path("cases/fiji_antimeridian_split.json")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("13292.293054 km²"))
        #expect(result.stdout.contains("60S (EPSG:32760)"))
        #expect(result.stdout.contains("EPSG:32701, EPSG:32760"))
    }

    @Test("rejected input: exit 2, the JSON error alone on stdout", arguments: [
        ("{\"type\":\"Polygon\",\"coordinates\":[[0,0],[1,0],[1,1],[0,0]]}", "invalid_geojson", "$.coordinates"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}", "invalid_geojson", "$.coordinates[0][3]"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,95],[0,0]]]}", "invalid_coordinate", "$.coordinates[0][2]"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[NaN,1],[0,0]]]}", "invalid_coordinate", "$.coordinates[0][2]"),
        ("{\"type\":\"Point\",\"coordinates\":[0,0]}", "unsupported_geometry", "$"),
        ("{\"type\":\"Polygon\",\"coordinates\":[]}", "empty_geometry", "$.coordinates"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[2,2],[0,0]]]}", "zero_area", "$.coordinates[0]"),
        ("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]", "invalid_json", "$.coordinates[0]"),
    ])
    func rejected(input: String, code: String, path: String) throws {
        let result = try CLIRunner.run(["area", "--json", "-"], stdin: input)
        #expect(result.status == 2)
        let error = try #require(try result.json().objectValue?["error"]?.objectValue)
        #expect(error["code"] == .string(code))
        #expect(error["path"] == .string(path))
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test("the bowtie is rejected with its location; without --json the message goes to stderr")
    func bowtie() throws {
        let path = Fixtures.path("cases/invalid_bowtie.json")
        let json = try CLIRunner.run(["area", "--json", path])
        #expect(json.status == 2)
        let error = try #require(try json.json().objectValue?["error"]?.objectValue)
        #expect(error["code"] == "invalid_geometry")
        #expect(error["details"]?.objectValue?["reason"] == "Self-intersection")
        let plain = try CLIRunner.run(["area", path])
        #expect(plain.status == 2)
        #expect(plain.stdout.isEmpty)
        #expect(plain.stderr.contains("invalid_geometry"))
    }

    @Test("several AOIs: totals at the top, one object per AOI; --feature picks one")
    func severalAOIs() throws {
        let text = #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,43]]]}},
            {"type":"Feature","id":"b","properties":{},"geometry":{"type":"Polygon","coordinates":[[[7,43],[7.1,43],[7.1,43.1],[7,43]]]}}]}
            """#
        let all = try #require(try CLIRunner.run(["area", "--json", "-"], stdin: text).json().objectValue)
        let aois = all["aois"]?.arrayValue?.compactMap(\.objectValue)
        let items = try #require(aois)
        #expect(items.map { $0["id"] } == ["a", "b"])
        #expect(all.number("count") == 2)
        #expect(relativeDifference(all.number("areaKm2"), items[0].number("areaKm2") + items[1].number("areaKm2")) < 1e-15)
        #expect(all["utmZones"] == [32631, 32632])
        let one = try #require(try CLIRunner.run(["area", "--json", "--feature", "b", "-"], stdin: text).json().objectValue)
        #expect(one["id"] == "b")
        #expect(one.number("areaKm2") == items[1].number("areaKm2"))
    }

    @Test("--ndjson answers the good lines around a bad one")
    func ndjson() throws {
        let lines = [
            #"{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,43]]]}"#,
            #"{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1]]]}"#,
            #"{"type":"Feature","id":"x","properties":{},"geometry":{"type":"Polygon","coordinates":[[[7,43],[7.1,43],[7.1,43.1],[7,43]]]}}"#,
            #"{"type":"Polygon","coordinates":[[[1,43],"#,
        ]
        let result = try CLIRunner.run(["area", "--ndjson", "-"], stdin: lines.joined(separator: "\n"))
        #expect(result.status == 2)
        let answers = try result.lines().map { try #require($0.objectValue) }
        #expect(answers.count == 4)
        #expect(answers[0]["areaKm2"] != nil)
        #expect(answers[1]["error"]?.objectValue?["code"] == "invalid_geojson")
        #expect(answers[1]["error"]?.objectValue?["details"]?.objectValue?["line"] == 2)
        #expect(answers[2]["id"] == "x")
        #expect(answers[3]["error"]?.objectValue?["code"] == "invalid_json")
    }

    @Test("--ndjson over a FeatureCollection streams its features, a bad one in place")
    func ndjsonCollection() throws {
        let text = #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"a","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,43]]]}},
            {"type":"Feature","id":"b","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,43],[1.1,43],[1.1,43.1],[1,44]]]}},
            {"type":"Feature","id":"c","properties":{},"geometry":{"type":"Polygon","coordinates":[[[7,43],[7.1,43],[7.1,43.1],[7,43]]]}}]}
            """#
        let answers = try CLIRunner.run(["area", "--ndjson", "-"], stdin: text).lines().map { try #require($0.objectValue) }
        #expect(answers.map { $0["id"] } == ["a", "b", "c"])
        #expect(answers[1]["error"]?.objectValue?["path"] == "$.features[1].geometry.coordinates[0][3]")
    }

    @Test("a malformed command line exits 64")
    func usage() throws {
        #expect(try CLIRunner.run(["area", "--no-such-flag", "x"]).status == 64)
    }
}
