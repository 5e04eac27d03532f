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
        let beauce = try coverage("beauce_polygon_with_hole")
        let hole = Geodesic.area(of: [Polygon(rings: [beauce.aoi.polygons[0].rings[1]])]) / 1e6
        #expect(hole > 0)
        #expect(beauce.coveredKm2 <= beauce.requestedKm2)
        #expect(beauce.remainder.allSatisfy { !$0.rings.isEmpty })
        let twoParts = try coverage("multipolygon_two_zones")
        #expect(Set(twoParts.captures.map(\.id)) == ["capA-01", "capA-02", "capA-03", "capB-01", "capB-02", "capB-03"])
    }
}
