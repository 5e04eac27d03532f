import GeoJSON
import Projection
import Testing
import TestSupport

@Suite("Ground metrics and repair")
struct GroundMetricTests {
    @Test("the 1 km × 60 km geodesic strip is 1000 m wide on the ground, to within 1 m")
    func thinStrip() throws {
        let strip = try Fixtures.caseDocument("thin_strip_1x60km").areasOfInterest()[0]
        let width = try GroundMetric(strip).minimumWidth()
        #expect(abs(width - 1000) < 1)
    }

    @Test("a multipolygon's minimum width is its narrowest part's, the pieces of a split joined: Fiji, as shapely and pyproj find it")
    func perPart() throws {
        let document = try GeoJSONReader().read(Fixtures.bytes("realworld/countries.json"))
        let fiji = try #require(try document.areasOfInterest(feature: "FJI").first)
        let reference = Fixtures.json("realworld/references.json").objectValue!["features"]!.objectValue!["countries.json"]!
            .objectValue!["FJI"]!.objectValue!
        let metric = try GroundMetric(PreparedAOI(fiji))
        let widths = try metric.minimumWidths()
        #expect(widths.count == 2)  // three parts written, two of them one island cut at ±180°
        #expect(relativeDifference(try metric.minimumWidth(), reference.number("min_width_geos_m")) < 1e-6)
        #expect(relativeDifference(try #require(widths.min()), reference.number("min_width_geos_m")) < 1e-6)
    }

    @Test("a 100 m ground buffer of a 1 km square adds 4 sides and 4 quarter circles")
    func buffer() throws {
        let square = try GeoJSONReader().read(#"""
            {"type":"Polygon","coordinates":[[[2.0,45.0],[2.0127,45.0],[2.0127,45.009],[2.0,45.009],[2.0,45.0]]]}
            """#).areasOfInterest()[0]
        let base = Geodesic.area(of: square.polygons)
        let perimeter = Geodesic.perimeter(of: square.polygons)
        let grown = Geodesic.area(of: try GroundMetric(square).buffered(by: 100))
        let expected = base + perimeter * 100 + Double.pi * 100 * 100
        #expect(relativeDifference(grown, expected) < 2e-4)
    }

    @Test("the bowtie repaired has the area of its two triangles (GeographicLib)")
    func bowtieRepair() throws {
        let bowtie = try Fixtures.caseDocument("invalid_bowtie").areasOfInterest()[0]
        let repair = try AOIRepair(repairing: bowtie)
        #expect(repair.changed)
        #expect(repair.reason == "Self-intersection")
        #expect(repair.aoi.polygons.count == 2)
        let expected = Fixtures.json("generated/own_cases.json").objectValue!.number("bowtie_repaired_km2")
        #expect(relativeDifference(repair.areaAfterKm2, expected) < 1e-9)
        let figures = try AreaMeasurer(repair: true).measure(bowtie)
        #expect(relativeDifference(figures.areaKm2, expected) < 1e-9)
    }

    @Test("a valid AOI is left as it is by repair")
    func validUntouched() throws {
        let corsica = try Fixtures.caseDocument("corsica_rectangle").areasOfInterest()[0]
        let repair = try AOIRepair(repairing: corsica)
        #expect(!repair.changed)
        #expect(repair.aoi == corsica)
    }
}
