import GeoJSON
import Projection
import Testing
import TestSupport

@Suite("Validation and CRSs")
struct ValidationAndCRSTests {
    func measure(_ text: String, crs: String? = nil) throws -> AreaFigures {
        try AreaMeasurer(crs: crs).measure(GeoJSONReader().read(text).areasOfInterest()[0])
    }

    @Test("the bowtie is invalid_geometry with GEOS' reason and location")
    func bowtie() throws {
        let aoi = try Fixtures.caseDocument("invalid_bowtie").areasOfInterest()[0]
        let error = try #require(rejection { _ = try AreaMeasurer().measure(aoi) })
        #expect(error.code == .invalidGeometry)
        #expect(error.path == "$.features[0].geometry")
        #expect(error.details["reason"] == "Self-intersection")
        let numbers = error.details["location"]?.arrayValue?.compactMap(\.numberValue)
        let location = try #require(numbers)
        #expect(abs(location[0] - 1.41) < 1e-9 && abs(location[1] - 43.61) < 1e-9)
    }

    @Test("a ring on one line has zero area; a ring around a pole is refused")
    func degenerate() throws {
        let line = rejection { _ = try measure(#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[2,2],[0,0]]]}"#) }
        #expect(line?.code == .zeroArea)
        let polar = rejection { _ = try measure(#"{"type":"Polygon","coordinates":[[[0,80],[90,80],[180,80],[-90,80],[0,80]]]}"#) }
        #expect(polar?.code == .invalidGeometry)
        #expect(polar?.path == "$.coordinates[0]")
        let overlapping = rejection {
            _ = try measure(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0.5,0],[1.5,0],[1.5,1],[0.5,0]]]]}"#)
        }
        #expect(overlapping?.code == .invalidGeometry)
    }

    @Test("planar areas in other CRSs: metres, feet, and refusals")
    func otherCRSs() throws {
        let aoi = try Fixtures.caseDocument("corsica_rectangle").areasOfInterest()[0]
        let reference = Fixtures.reference("corsica_rectangle")
        let utm = try AreaMeasurer(crs: "EPSG:32632").measure(aoi)
        #expect(relativeDifference(try #require(utm.crsAreaKm2), reference.number("utm_area_km2")) < 1e-9)
        let metres = try AreaMeasurer(crs: "+proj=utm +zone=32 +datum=WGS84 +units=m").measure(aoi)
        let feet = try AreaMeasurer(crs: "+proj=utm +zone=32 +datum=WGS84 +units=us-ft").measure(aoi)
        #expect(relativeDifference(try #require(feet.crsAreaKm2), try #require(metres.crsAreaKm2)) < 1e-9)
        for bad in ["foo", "EPSG:999999", "EPSG:4326", "+proj=pipeline +step +proj=utm +zone=32", "+init=epsg:4326"] {
            let error = rejection { _ = try AreaMeasurer(crs: bad).measure(aoi) }
            #expect(error?.code == .unknownCRS, "\(bad)")
        }
    }

    @Test("coordinates in a projected CRS are brought back to lon/lat before measuring")
    func projectedInput() throws {
        let reference = Fixtures.reference("corsica_rectangle")
        let ring = reference["utm_projected_exterior_coords"]!.arrayValue![0]
        let text = #"{"type":"Polygon","crs":"EPSG:32632","coordinates":[\#(JSONWriter().string(ring))]}"#
        let document = try GeoJSONReader().read(text)
        let aoi = try document.areasOfInterest()[0].toLonLat(from: document.crs)
        let figures = try AreaMeasurer().measure(aoi)
        #expect(relativeDifference(figures.areaKm2, reference.number("geodesic_area_km2")) < 1e-9)
    }

    @Test("many tasks measuring at once get the single-threaded answers and the reference areas")
    func concurrentMeasuring() async throws {
        let aois = try Fixtures.areaCaseNames.map { try Fixtures.caseDocument($0).areasOfInterest()[0] }
        let expected = try aois.map { try AreaMeasurer(crs: "EPSG:3857").measure($0) }
        let results = try await withThrowingTaskGroup(of: (Int, AreaFigures).self) { group in
            for round in 0..<400 {
                let index = round % aois.count
                let aoi = aois[index]
                group.addTask { (index, try AreaMeasurer(crs: "EPSG:3857").measure(aoi)) }
            }
            var collected: [(Int, AreaFigures)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 400)
        for (index, figures) in results {
            #expect(figures == expected[index])
            let reference = Fixtures.reference(Fixtures.areaCaseNames[index]).number("geodesic_area_km2")
            #expect(relativeDifference(figures.areaKm2, reference) < 1e-9, "\(Fixtures.areaCaseNames[index])")
        }
    }
}
