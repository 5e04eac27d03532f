import GeoJSON
import Projection
import Testing
import TestSupport

/// RFC 7946 splits as real data writes them: seams with float noise, seams that do not match end to end.
@Suite("Antimeridian seams")
struct AntimeridianSeamTests {
    static func aoi(_ text: String) throws -> AOI { try GeoJSONReader().read(text).areasOfInterest()[0] }

    @Test("an L-shaped split (seams −20..−10 and −15..−10) measures as its unsplit ring")
    func lShapedSplit() throws {
        let split = try Self.aoi(#"""
            {"type":"MultiPolygon","coordinates":[
             [[[170,-20],[180,-20],[180,-10],[170,-10],[170,-20]]],
             [[[-180,-15],[-170,-15],[-170,-10],[-180,-10],[-180,-15]]]]}
            """#)
        let unsplit = try Self.aoi(#"""
            {"type":"Polygon","coordinates":[[[170,-20],[180,-20],[180,-15],[190,-15],[190,-10],[180,-10],[170,-10],[170,-20]]]}
            """#)
        let splitFigures = try AreaMeasurer().measure(split)
        let unsplitFigures = try AreaMeasurer().measure(unsplit)
        #expect(relativeDifference(splitFigures.areaKm2, unsplitFigures.areaKm2) < 1e-12)
        // The seam −15..−10 is a cut; −20..−15 on +180° is a real edge of the shape.
        #expect(relativeDifference(splitFigures.perimeterKm, unsplitFigures.perimeterKm) < 1e-12)
        #expect(splitFigures.utmZone == unsplitFigures.utmZone)
    }

    @Test("seams 1.6e-13° apart and vertices at 180.00000000000006 are one seam")
    func noisySeam() throws {
        let clean = try Self.aoi(#"""
            {"type":"MultiPolygon","coordinates":[
             [[[179,-17],[180,-17],[180,-16],[179,-16],[179,-17]]],
             [[[-180,-17],[-179,-17],[-179,-16],[-180,-16],[-180,-17]]]]}
            """#)
        let noisy = try Self.aoi(#"""
            {"type":"MultiPolygon","coordinates":[
             [[[179,-17],[180.00000000000006,-17],[180.00000000000006,-16.00000000000016],[179,-16],[179,-17]]],
             [[[-180,-17.00000000000016],[-179,-17],[-179,-16],[-180,-16],[-180,-17.00000000000016]]]]}
            """#)
        let expected = try AreaMeasurer().measure(clean)
        let figures = try AreaMeasurer().measure(noisy)
        #expect(relativeDifference(figures.areaKm2, expected.areaKm2) < 1e-9)
        #expect(relativeDifference(figures.perimeterKm, expected.perimeterKm) < 1e-9)
        // Two 1°×1° squares side by side: the perimeter is the outline of the 2°×1° rectangle, not both squares'.
        let rectangle = try AreaMeasurer().measure(Self.aoi(#"""
            {"type":"Polygon","coordinates":[[[179,-17],[180,-17],[181,-17],[181,-16],[180,-16],[179,-16],[179,-17]]]}
            """#))
        #expect(relativeDifference(figures.perimeterKm, rectangle.perimeterKm) < 1e-9)
    }

    @Test("a split AOI is as wide on the ground as its unsplit form: a sliver cut off by the seam is no narrow part")
    func splitWidth() throws {
        let split = try Self.aoi(#"""
            {"type":"MultiPolygon","coordinates":[
             [[[179,-16.9],[180,-16.9],[180,-16.1],[179,-16.1],[179,-16.9]]],
             [[[-180,-16.9],[-179.999,-16.9],[-179.999,-16.1],[-180,-16.1],[-180,-16.9]]]]}
            """#)
        let unsplit = try Self.aoi(#"""
            {"type":"Polygon","coordinates":[[[179,-16.9],[180,-16.9],[180.001,-16.9],[180.001,-16.1],[180,-16.1],[179,-16.1],[179,-16.9]]]}
            """#)
        let splitWidth = try #require(try AreaMeasurer().measure(split).minWidthM)
        let unsplitWidth = try #require(try AreaMeasurer().measure(unsplit).minWidthM)
        #expect(relativeDifference(splitWidth, unsplitWidth) < 1e-6)
        #expect(splitWidth > 80_000)
        let fiji = try Fixtures.caseDocument("fiji_antimeridian_split").areasOfInterest()[0]
        let fijiBeyond = try Fixtures.caseDocument("fiji_antimeridian_lon_gt_180").areasOfInterest()[0]
        #expect(relativeDifference(try #require(try AreaMeasurer().measure(fiji).minWidthM), try #require(try AreaMeasurer().measure(fijiBeyond).minWidthM)) < 1e-6)
    }

    @Test("a planar area in a CRS that wraps at ±180° is the same for every form of an antimeridian AOI, and the halves' sum")
    func planarAcrossSeam() throws {
        let split = try Fixtures.caseDocument("fiji_antimeridian_split").areasOfInterest()[0]
        let beyond = try Fixtures.caseDocument("fiji_antimeridian_lon_gt_180").areasOfInterest()[0]
        let measurer = AreaMeasurer(crs: "EPSG:3857", measuresMinimumWidth: false)
        let halves = try split.polygons.map { try #require(try measurer.measure(AOI(polygons: [$0])).crsAreaKm2) }
        for aoi in [split, beyond] {
            let area = try #require(try measurer.measure(aoi).crsAreaKm2)
            #expect(relativeDifference(area, halves.reduce(0, +)) < 1e-9)
        }
        // The zone of its centroid ends at 180°: a vertex written at −180° lies on that edge, inside.
        #expect(try AreaMeasurer(crs: "EPSG:32760").measure(split).crsAreaKm2 != nil)
    }

    @Test("parts whose seams share no latitude are still refused")
    func apart() throws {
        let error = rejection {
            _ = try AreaMeasurer().measure(Self.aoi(#"""
                {"type":"MultiPolygon","coordinates":[
                 [[[179,-16.9],[180,-16.9],[180,-16.1],[179,-16.1],[179,-16.9]]],
                 [[[-180,-15.9],[-179.5,-15.9],[-179.5,-15.1],[-180,-15.1],[-180,-15.9]]]]}
                """#))
        }
        #expect(error?.code == .invalidGeometry)
        #expect(error?.details["reason"] == "antimeridian parts do not meet")
    }
}
