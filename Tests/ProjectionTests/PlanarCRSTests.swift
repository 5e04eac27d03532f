import GeoJSON
import Projection
import Testing
import TestSupport

/// Planar figures only where a plane is: 2-D projected CRSs, inside their area of use; densification within budget;
/// UTM figures left out, with a warning, where the zone cannot take the AOI.
@Suite("Planar CRSs, areas of use and densification budgets")
struct PlanarCRSTests {
    static let corsica = Fixtures.caseDocument("corsica_rectangle")

    @Test("geocentric, 3-D and compound CRSs are unknown_crs for planar areas and for reprojection",
          arguments: ["EPSG:4978", "EPSG:4979", "EPSG:5972", "EPSG:5773"])
    func notPlanar(crs: String) throws {
        let aoi = try Self.corsica.areasOfInterest()[0]
        #expect(rejection { _ = try AreaMeasurer(crs: crs).measure(aoi) }?.code == .unknownCRS)
        #expect(rejection { _ = try Reprojector(to: crs).transform(Self.corsica) }?.code == .unknownCRS)
        #expect(rejection { _ = try aoi.toLonLat(from: crs) }?.code == .unknownCRS)
    }

    @Test("a vertex outside the CRS's area of use is projection_failed at its path for a planar area; reprojection counts it")
    func outsideAreaOfUse() throws {
        let pole = try GeoJSONReader().read(#"{"type":"Polygon","coordinates":[[[0,80],[10,80],[10,90],[0,80]]]}"#)
        let error = rejection { _ = try AreaMeasurer(crs: "EPSG:3857").measure(pole.areasOfInterest()[0]) }
        #expect(error?.code == .projectionFailed)
        #expect(error?.path == "$.coordinates[0][2]")
        #expect(error?.details["reason"] == "outside the area of use")
        let (_, outside) = try Reprojector(to: "EPSG:3857").transform(pole)
        #expect(outside == 1)
        // Corsica lies in EPSG:32632's area of use (6°E to 12°E): its planar area is answered.
        #expect(try AreaMeasurer(crs: "EPSG:32632").measure(Self.corsica.areasOfInterest()[0]).crsAreaKm2 != nil)
    }

    @Test("a strip 180° wide: geodesic figures as GeographicLib gives them, UTM figures left out with a warning")
    func strip() throws {
        let south = stride(from: -90, through: 90, by: 30).map { "[\($0),-1]" }
        let north = stride(from: 90, through: -90, by: -30).map { "[\($0),1]" }
        let text = #"{"type":"Polygon","coordinates":[["# + (south + north + ["[-90,-1]"]).joined(separator: ",") + "]]}"
        let figures = try AreaMeasurer().measure(GeoJSONReader().read(text).areasOfInterest()[0])
        // GeographicLib 2.1, PolygonArea on WGS84 over the same vertices.
        #expect(relativeDifference(figures.areaKm2, 4535822.808500074) < 1e-9)
        #expect(relativeDifference(figures.perimeterKm, 40511.10810089618) < 1e-9)
        #expect(figures.utmAreaKm2 == nil)
        #expect(figures.minWidthM == nil)
        #expect(figures.warnings.count == 1)
        #expect(figures.jsonObject["utmAreaKm2"] == nil)
        #expect(figures.jsonObject["warnings"]?.arrayValue?.count == 1)
    }

    @Test("densification counts its vertices first: a step of 1e-300 or 1e-9 m is limit_exceeded naming the count")
    func densifyBudget() throws {
        for step in [1e-300, 1e-9] {
            let error = rejection { _ = try Reprojector(to: "EPSG:32632", densifyMetres: step).transform(Self.corsica) }
            #expect(error?.code == .limitExceeded)
            #expect(error?.details["limit"] == "maxVerticesPerAOI")
            #expect(error?.path == "$.features[0].geometry.coordinates[0]")
        }
        // From UTM back to lon/lat, along straight edges: 1e-6 m asks for ~1e11 vertices.
        let (utm, _) = try Reprojector(to: "EPSG:32632").transform(Self.corsica)
        let back = rejection { _ = try Reprojector(from: "EPSG:32632", to: CRSTransformer.lonLat, densifyMetres: 1e-6).transform(.featureCollection(utm)) }
        #expect(back?.code == .limitExceeded)
        // A 1 km edge in 100 m pieces: 10 pieces, 11 points; a budget of 10 points refuses it.
        let edge = [SIMD2(9.0, 42.0), SIMD2(9.0 + 1 / 82.6, 42.0)]
        let length = Geodesic.distance(from: edge[0], to: edge[1])
        let pieces = Int((length / 100).rounded(.up))
        #expect(try Densify.geodesic(edge, maxSegmentMetres: 100).points.count == pieces + 1)
        #expect(rejection { _ = try Densify.geodesic(edge, maxSegmentMetres: 100, maxPoints: pieces) }?.code == .limitExceeded)
        #expect(rejection { _ = try Densify.linear([SIMD2(0, 0), SIMD2(1, 0)], maxSegment: 1e-300) }?.code == .limitExceeded)
    }
}
