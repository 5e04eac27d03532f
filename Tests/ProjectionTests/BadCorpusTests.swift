import GeoJSON
import Projection
import Testing
import TestSupport

/// The corpus of bad inputs (fixtures/bad/expected.json), through the library: reading, AOIs, measuring.
@Suite("Bad input corpus, through the library")
struct BadCorpusTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var code: String
        var path: String?
        var description: String { file }
    }

    static let areaCases: [Case] = Fixtures.json("bad/expected.json").objectValue!["cases"]!.arrayValue!.compactMap { value in
        let object = value.objectValue!
        guard object["command"] == "area", object["args"] == nil else { return nil }
        return Case(file: object["file"]!.stringValue!, code: object["code"]!.stringValue!, path: object["path"]?.stringValue)
    }

    @Test("each bad input gets its code and location", arguments: areaCases)
    func rejected(entry: Case) {
        do {
            let document = try GeoJSONReader().read(FileContents.bytes(atPath: Fixtures.path("bad/\(entry.file)")))
            let crs = try document.crs
            for aoi in try document.areasOfInterest() { _ = try AreaMeasurer().measure(PreparedAOI(aoi, crs: crs)) }
            Issue.record("\(entry.file) was accepted")
        } catch {
            #expect(error.code.rawValue == entry.code, "\(entry.file): \(error)")
            if let path = entry.path { #expect(error.path == path, "\(entry.file): \(error)") }
        }
    }

    @Test("the limits: vertices, parts, holes, bytes and depth are limit_exceeded naming the limit")
    func limits() throws {
        let text = #"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,0],[3,0],[3,1],[2,0]]]]}"#
        let document = try GeoJSONReader().read(text)
        let tight = InputLimits(maxVerticesPerAOI: 5)
        #expect(throws: GeoPriceError.self) { try document.areasOfInterest(limits: tight) }
        for (limits, name) in [(InputLimits(maxVerticesPerAOI: 5), "maxVerticesPerAOI"), (InputLimits(maxVerticesPerRequest: 5), "maxVerticesPerRequest"),
                               (InputLimits(maxParts: 1), "maxParts")] {
            let error = rejection { _ = try document.areasOfInterest(limits: limits) }
            #expect(error?.code == .limitExceeded, "\(name) was not enforced")
            #expect(error?.details["limit"] == .string(name))
        }
        let holes = #"{"type":"Polygon","coordinates":[[[0,0],[9,0],[9,9],[0,0]],[[1,1],[2,1],[2,2],[1,1]],[[3,2],[4,2],[4,3],[3,2]]]}"#
        #expect(throws: GeoPriceError.self) { try GeoJSONReader().read(holes).areasOfInterest(limits: InputLimits(maxHoles: 1)) }
        for document in [text, #"{"type":"Feature","properties":{},"geometry":"# + text + "}"] {
            let error = rejection { _ = try GeoJSONReader(limits: InputLimits(maxBytes: 10)).read(document) }
            #expect(error?.code == .limitExceeded, "maxBytes was not enforced")
            #expect(error?.details["limit"] == "maxBytes")
            #expect(error?.details["value"] == .number(Double(document.utf8.count)))
        }
        let deep = rejection { _ = try GeoJSONReader(limits: InputLimits(maxDepth: 4)).read(text) }
        #expect(deep?.code == .limitExceeded, "maxDepth was not enforced")
        #expect(deep?.details["limit"] == "maxDepth")
        #expect(try document.areasOfInterest().count == 1)
    }
}
