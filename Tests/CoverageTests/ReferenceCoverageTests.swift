import Coverage
import GeoJSON
import Projection
import Testing
import TestSupport

@Suite("Coverage against the references")
struct ReferenceCoverageTests {
    static let coverageCases = ["corsica_rectangle", "germany_25km2", "beauce_polygon_with_hole", "multipolygon_two_zones", "coverage_full", "coverage_none"]

    func coverage(_ name: String) throws -> AOICoverage {
        let document = Fixtures.caseDocument(name)
        let calculator = try CoverageCalculator(captures: CaptureReader.captures(in: document), includesCaptureShares: true)
        return try calculator.cover(document.areasOfInterest()[0])
    }

    @Test("covered within 1e-5 of the all-edges-geodesic overlay; covered + remainder = requested to 1e-9", arguments: coverageCases)
    func referenceCase(name: String) throws {
        let expected = Fixtures.reference(name)["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
        let result = try coverage(name)
        let requested = Fixtures.reference(name).number("geodesic_area_km2")
        #expect(relativeDifference(result.requestedKm2, requested) < 1e-12)
        // Relative to the requested area, so that a covered area of 0 has a scale.
        #expect(abs(result.coveredKm2 - expected.number("covered_km2")) / max(expected.number("covered_km2"), requested * 1e-3) < 1e-5)
        #expect(abs(result.coveredKm2 + result.remainderKm2 - result.requestedKm2) / result.requestedKm2 < 1e-9)
        let gains = result.captures.reduce(0) { $0 + ($1.gainKm2 ?? .nan) }
        #expect(abs(gains - result.coveredKm2) / result.requestedKm2 < 1e-7)
    }

    @Test("an AOI inside one capture is covered whole; captures that miss leave it whole")
    func fullAndNone() throws {
        let full = try coverage("coverage_full")
        #expect(full.coveredKm2 == full.requestedKm2)
        #expect(full.remainderKm2 == 0)
        #expect(full.remainder.isEmpty)
        #expect(full.coveredPercent == 100 && full.remainderPercent == 0 && full.fulfilled)
        #expect(full.captures.map(\.id) == ["cap-01", "cap-02"])
        #expect(full.captures[1].gainKm2 == 0)
        let none = try coverage("coverage_none")
        #expect(none.coveredKm2 == 0)
        #expect(none.remainderKm2 == none.requestedKm2)
        #expect(none.captures.isEmpty)
        #expect(!none.fulfilled)
    }

    @Test("a hole in the AOI is never covered; two parts are covered each")
    func holeAndParts() throws {
        // One capture over the whole of an AOI with a hole: all of the AOI is covered and none of the hole.
        func ring(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> [Position] {
            [Position(west, south), Position(east, south), Position(east, north), Position(west, north), Position(west, south)]
        }
        let framed = AOI(id: .string("frame"), polygons: [Polygon(rings: [ring(1, 45, 2, 46), ring(1.4, 45.4, 1.6, 45.6).reversed()])])
        let calculator = try CoverageCalculator(captures: [Capture(id: .string("all"), footprint: [Polygon(rings: [ring(0.5, 44.5, 2.5, 46.5)])])])
        let result = try calculator.cover(framed)
        let inHole = SIMD2(1.5, 45.5)
        #expect(!result.covered.contains { contains($0.exterior, inHole) && !$0.holes.contains { contains($0, inHole) } })
        #expect(abs(result.coveredKm2 - result.requestedKm2) / result.requestedKm2 < 1e-9)
        let frameKm2 = CoverageRulesTests.rectangleKm2(west: 1, east: 2, south: 45, north: 46)
            - CoverageRulesTests.rectangleKm2(west: 1.4, east: 1.6, south: 45.4, north: 45.6)
        #expect(relativeDifference(result.coveredKm2, frameKm2) < 1e-4)
        // The reference case with a hole, against the all-edges-geodesic overlay.
        let beauce = try coverage("beauce_polygon_with_hole")
        let expected = Fixtures.reference("beauce_polygon_with_hole")["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
        #expect(relativeDifference(beauce.coveredKm2, expected.number("covered_km2")) < 1e-5)
        #expect(relativeDifference(beauce.remainderKm2, expected.number("remainder_km2")) < 1e-4)
        let twoParts = try coverage("multipolygon_two_zones")
        #expect(Set(twoParts.captures.map(\.id)) == ["capA-01", "capA-02", "capA-03", "capB-01", "capB-02", "capB-03"])
    }

    /// Whether a point lies inside a lon/lat ring, by counting crossings of a ray to the east (the test's own).
    func contains(_ ring: [Position], _ point: SIMD2<Double>) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst()) where (a.latitude > point.y) != (b.latitude > point.y) {
            let crossing = a.longitude + (point.y - a.latitude) / (b.latitude - a.latitude) * (b.longitude - a.longitude)
            if crossing > point.x { inside.toggle() }
        }
        return inside
    }
}
