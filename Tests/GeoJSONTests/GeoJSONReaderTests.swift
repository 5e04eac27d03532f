import Foundation
import GeoJSON
import Testing
import TestSupport

@Suite("GeoJSON reader")
struct GeoJSONReaderTests {
    let reader = GeoJSONReader()

    func rejection(_ text: String) -> GeoPriceError? {
        do {
            _ = try reader.read(text).areasOfInterest()
            return nil
        } catch {
            return error
        }
    }

    @Test("every reference case reads, and writes back to the same document", arguments: Fixtures.referenceCases.keys)
    func roundTrip(name: String) throws {
        let document = Fixtures.caseDocument(name)
        let written = JSONWriter(pretty: true).string(document.jsonValue)
        #expect(try reader.read(written) == document)
        guard case .featureCollection(let collection) = document else {
            Issue.record("expected a FeatureCollection")
            return
        }
        #expect(collection.foreignMembers["name"] == .string(name))
    }

    @Test("Foundation's coders round-trip through the same checks")
    func codable() throws {
        let document = Fixtures.caseDocument("beauce_polygon_with_hole")
        let data = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(GeoJSONDocument.self, from: data) == document)
        let bad = Data(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}"#.utf8)
        #expect(throws: GeoPriceError.self) { try JSONDecoder().decode(Geometry.self, from: bad) }
    }

    @Test("a Polygon written one level short says so, at its coordinates")
    func missingNesting() throws {
        let error = try #require(rejection(#"{"type":"Polygon","coordinates":[[1,2],[3,4],[5,6],[1,2]]}"#))
        #expect(error.code == .invalidGeoJSON)
        #expect(error.path == "$.coordinates")
        #expect(error.message.contains("lack a level of nesting"))
        let multi = try #require(rejection(#"{"type":"MultiPolygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]]}"#))
        #expect(multi.code == .invalidGeoJSON)
        #expect(multi.details["foundDepth"] == 3)
    }

    @Test("an unclosed ring is named by part, ring and vertex")
    func unclosedRing() throws {
        let text = #"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":
            {"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5.5]]]]}}]}
            """#
        let error = try #require(rejection(text))
        #expect(error.code == .invalidGeoJSON)
        #expect(error.path == "$.features[0].geometry.coordinates[1][0][4]")
        #expect(error.details == ["part": 1, "ring": 0, "vertex": 4])
    }

    @Test("a ring of fewer than 4 positions is refused")
    func shortRing() throws {
        let error = try #require(rejection(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#))
        #expect(error.code == .invalidGeoJSON)
        #expect(error.path == "$.coordinates[0]")
        #expect(error.details["positions"] == 3)
    }

    @Test("coordinates out of range or not finite are invalid_coordinate at their vertex", arguments: [
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}"#, "$.coordinates[0][2]"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[NaN,1],[0,0]]]}"#, "$.coordinates[0][2]"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.2],[Infinity,0.2],[0.3,0.3],[0.2,0.2]]]}"#, "$.coordinates[1][1]"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1e999],[0,0]]]}"#, "$.coordinates[0][2]"),
    ])
    func badCoordinates(text: String, path: String) throws {
        let error = try #require(rejection(text))
        #expect(error.code == .invalidCoordinate)
        #expect(error.path == path)
    }

    @Test("a projected file's coordinates are not held to ±90")
    func projectedCoordinates() throws {
        let text = #"{"type":"Polygon","crs":"EPSG:32632","coordinates":[[[500000,4600000],[501000,4600000],[501000,4601000],[500000,4600000]]]}"#
        #expect(try reader.read(text).crs == "EPSG:32632")
    }

    @Test("non-areal and empty geometries are not AOIs")
    func notAreas() throws {
        let point = try #require(rejection(#"{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}}"#))
        #expect(point.code == .unsupportedGeometry)
        #expect(point.path == "$.geometry")
        let null = try #require(rejection(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":null}]}"#))
        #expect(null.code == .unsupportedGeometry)
        #expect(null.path == "$.features[0].geometry")
        let empty = try #require(rejection(#"{"type":"MultiPolygon","coordinates":[]}"#))
        #expect(empty.code == .emptyGeometry)
        let none = try #require(rejection(#"{"type":"FeatureCollection","features":[]}"#))
        #expect(none.code == .emptyGeometry)
    }

    @Test("wrong types are invalid_geojson where they stand", arguments: [
        (#"{"type":"Polygon","coordinates":"x"}"#, "$.coordinates"),
        (#"{"type":"Feature","properties":[],"geometry":null}"#, "$.properties"),
        (#"{"type":"Poligon","coordinates":[]}"#, "$.type"),
        (#"{"coordinates":[]}"#, "$"),
        (#"{"type":"FeatureCollection","features":[{"type":"Polygon","coordinates":[]}]}"#, "$.features[0].type"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],["1",1],[0,0]]]}"#, "$.coordinates[0][2][0]"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1,1,1],[0,0]]]}"#, "$.coordinates[0][2]"),
        (#"{"type":"Polygon","bbox":[0,0,1],"coordinates":[]}"#, "$.bbox"),
    ])
    func wrongTypes(text: String, path: String) throws {
        let error = try #require(rejection(text))
        #expect(error.code == .invalidGeoJSON)
        #expect(error.path == path)
    }

    @Test("captures and clouds are never AOIs; --feature picks one by id or index")
    func aoiSelection() throws {
        let document = Fixtures.caseDocument("germany_25km2")
        let aois = try document.areasOfInterest()
        #expect(aois.map(\.name) == ["aoi"])
        #expect(try document.areasOfInterest(feature: "aoi").count == 1)
        #expect(throws: GeoPriceError.self) { try document.areasOfInterest(feature: "nope") }
        let unnamed = try reader.read(#"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"role":"cloud"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,0]]]}}]}
            """#)
        let second = try unnamed.areasOfInterest(feature: "1")
        #expect(second.map(\.index) == [1])
        #expect(second[0].nameJSON == 1)
        #expect(second[0].vertexCount == 3)
    }
}

@Suite("Large collections read on all cores")
struct ParallelReadTests {
    /// A FeatureCollection over 1 MiB, so that it is read on all cores; `feature(i)` may replace a feature's text.
    static func collection(count: Int = 6_000, replacing: (Int) -> String? = { _ in nil }) -> String {
        let features = (0..<count).map { index in
            replacing(index) ?? #"{"type":"Feature","id":"f\#(index)","properties":{"n":\#(index),"s":"a \"quoted\" [text]"},"geometry":{"type":"Polygon","coordinates":[[[1.5,43.1],[1.6,43.1],[1.6,43.2],[1.5,43.2],[1.5,43.1]]]}}"#
        }
        return #"{"type":"FeatureCollection","name":"big","features":[\#(features.joined(separator: ",\n"))],"crs":"EPSG:4326"}"#
    }

    @Test("the parallel read gives the sequential document")
    func sameDocument() throws {
        let text = Self.collection()
        #expect(text.utf8.count > GeoJSONReader.parallelThreshold)
        let parallel = try GeoJSONReader().read(text)
        let sequential = try GeoJSONReader().document(from: JSONReader().read(Array(text.utf8)))
        #expect(parallel == sequential)
        guard case .featureCollection(let collection) = parallel else { throw GeoPriceError(.invalidGeoJSON, "not a collection") }
        #expect(collection.features.count == 6_000)
        #expect(collection.foreignMembers["name"] == "big")
    }

    @Test("errors deep in a large collection have the sequential path, line and code", arguments: [
        (#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,3]]]}}"#,
         "invalid_geojson", "$.features[2500].geometry.coordinates[0][3]"),
        (#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4],[5,6],[1,2]]}}"#,
         "invalid_json", "$.features[2500].geometry.coordinates[0]"),
    ])
    func located(bad: String, code: String, path: String) {
        let text = Self.collection { $0 == 2500 ? bad : nil }
        #expect {
            try GeoJSONReader().read(text)
        } throws: { error in
            guard let error = error as? GeoPriceError else { return false }
            return error.code.rawValue == code && error.path == path && (code != "invalid_json" || error.details["line"] == 2501)
        }
    }

    @Test("a large collection's AOIs come in file order, each with its path, vertices counted once")
    func areasOfInterest() throws {
        let aois = try GeoJSONReader().read(Self.collection { $0 == 4_100 ? #"{"type":"Feature","properties":{"role":"capture"},"geometry":null}"# : nil })
            .areasOfInterest()
        #expect(aois.count == 5_999)
        #expect(aois[4_099].index == 4_099 && aois[4_100].index == 4_101)
        #expect(aois[4_100].path.description == "$.features[4101].geometry")
        #expect(aois[5_998].id == .string("f5999"))
    }

    @Test("the first AOI error in file order wins, across chunks; the request's vertices are counted over all")
    func firstAOIError() throws {
        let point = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}"#
        let withPoints = try GeoJSONReader().read(Self.collection { $0 == 4_500 || $0 == 5_000 ? point : nil })
        #expect {
            try withPoints.areasOfInterest()
        } throws: { error in
            (error as? GeoPriceError)?.code == .unsupportedGeometry && (error as? GeoPriceError)?.path == "$.features[4500].geometry"
        }
        let plain = try GeoJSONReader().read(Self.collection())
        #expect(try plain.areasOfInterest(limits: InputLimits(maxVerticesPerRequest: 6_000 * 4)).count == 6_000)
        #expect {
            try plain.areasOfInterest(limits: InputLimits(maxVerticesPerRequest: 6_000 * 4 - 1))
        } throws: { error in
            (error as? GeoPriceError)?.code == .limitExceeded && (error as? GeoPriceError)?.details["value"] == 24_000
        }
    }
}

@Suite("The typed fast path reads as the plain path does")
struct FastPathTests {
    @Test("features of every kind: same document, or the same error", arguments: [
        #"{"type":"Feature","id":7,"properties":{"a":[1,{"b":null}]},"geometry":{"type":"Polygon","coordinates":[[[1,2,3],[2,2,3],[2,3,3],[1,2,3]]]},"x":1}"#,
        #"{"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":[[[[1,2],[2,2],[2,3],[1,2]]],[[[5,5],[6,5],[6,6],[5,5]]]]}}"#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}"#,
        #"{"type":"Feature","properties":{},"geometry":{"coordinates":[[[1,2],[2,2],[2,3],[1,2]]],"type":"Polygon"}}"#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","bbox":[1,2,2,3],"coordinates":[[[1,2],[2,2],[2,3],[1,2]]]}}"#,
        #"{"type":"Feature","properties":{},"crs":"EPSG:32632","geometry":{"type":"Polygon","coordinates":[[[500000,4600000],[501000,4600000],[501000,4601000],[500000,4600000]]]}}"#,
        #"{"type":"Feature","properties":{"n":NaN},"geometry":null}"#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,95],[1,2]]]}}"#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,2.5]]]}}"#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[2,-Infinity],[2,3],[1,2]]]}}"#,
        #"{"type":"Feature","id":{"x":1},"properties":{},"geometry":null}"#,
        #"{"type":"Feature","properties":{},"properties":{},"geometry":null}"#,
        #"  {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}  "#,
        #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,2]]]}} trailing"#,
        // A fuzzing finding: the fast path took the byte before an unquoted value for its opening quote.
        #"{"type":%Feature","N5":2}"#,
        #"{"type":"Feature","geometry":{"type":%Polygon","coordinates":[]}}"#,
        #"{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,2]]]}"#,
        #" {"type":"MultiPolygon","coordinates":[[[[1,2,0],[2,2,0],[2,3,0],[1,2,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]} "#,
        #"{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,95],[1,2]]]}"#,
        #"{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,2]]],"bbox":[1,2,2,3]}"#,
        #"{"coordinates":[[[1,2],[2,2],[2,3],[1,2]]],"type":"Polygon"}"#,
        #"{"type":"LineString","coordinates":[[1,2],[2,2]]}"#,
        #"{"type":"Polygon","coordinates":[[[1,2],[2,2],[2,3],[1,2]]]} x"#,
    ])
    func parity(text: String) {
        Self.expectParity(text)
    }

    @Test("texts over 1 MiB: a bare Polygon, a Feature, a collection of one feature either way round, one bad vertex")
    func largeParity() {
        func thousandths(_ value: Int) -> String { String(String(1000 + value).dropFirst()) }
        let ring = (0..<80_000).map { "[2.\(thousandths($0 % 400)),45.\(thousandths($0 / 400))]" } + ["[2.000,45.000]"]
        let coordinates = "[[" + ring.joined(separator: ",") + "]]"
        let polygon = #"{"type":"Polygon","coordinates":"# + coordinates + "}"
        #expect(polygon.utf8.count > GeoJSONReader.parallelThreshold)
        Self.expectParity(polygon)
        Self.expectParity(#"{"type":"Feature","properties":{"name":"big"},"geometry":"# + polygon + "}")
        Self.expectParity(#"{"type":"Feature","properties":{},"geometry":"# + polygon + #","foreign":1}"#)
        Self.expectParity(#"{"features":[{"type":"Feature","properties":{},"geometry":"# + polygon + #"}],"type":"FeatureCollection"}"#)
        Self.expectParity(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":"# + polygon + "}]}")
        Self.expectParity(polygon.replacingOccurrences(of: "[2.399,45.001]", with: "[2.399,95.001]"))
    }

    static func expectParity(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = Result { () throws(GeoPriceError) in try GeoJSONReader().document(from: JSONReader().read(Array(text.utf8))) }
        let read = Result { () throws(GeoPriceError) in try GeoJSONReader().read(text) }
        switch (plain, read) {
        case (.success(let a), .success(let b)): #expect(a == b, sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)): #expect(a == b, sourceLocation: sourceLocation)
        default: Issue.record("fast and plain paths disagree: \(plain) versus \(read)", sourceLocation: sourceLocation)
        }
    }
}
