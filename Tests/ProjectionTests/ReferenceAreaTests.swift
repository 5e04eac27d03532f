import GeoJSON
import Projection
import Testing
import TestSupport

/// Every reference case against the values computed with pyproj, GeographicLib and shapely.
@Suite("Areas against the independent references")
struct ReferenceAreaTests {
    func figures(_ name: String) throws -> AreaFigures {
        let aoi = try Fixtures.caseDocument(name).areasOfInterest()[0]
        return try AreaMeasurer().measure(aoi)
    }

    @Test("geodesic area to 1e-9, perimeter to 1e-9, UTM zone exactly, UTM area to 1e-7", arguments: Fixtures.areaCaseNames)
    func referenceCase(name: String) throws {
        let reference = Fixtures.reference(name)
        let figures = try figures(name)
        #expect(relativeDifference(figures.areaKm2, reference.number("geodesic_area_km2")) < 1e-9)
        let perimeterKey = reference["geodesic_perimeter_shape_km"] != nil ? "geodesic_perimeter_shape_km" : "geodesic_perimeter_km"
        #expect(relativeDifference(figures.perimeterKm, reference.number(perimeterKey)) < 1e-9)
        #expect(figures.utmZone.epsg == Int(reference.number("utm_epsg")))
        #expect(relativeDifference(try #require(figures.utmAreaKm2), reference.number("utm_area_km2")) < 1e-7)
    }

    @Test("our own AOIs across the Earth match GeographicLib and pyproj", arguments: Fixtures.ownCases.indices)
    func ownCase(index: Int) throws {
        let reference = Fixtures.ownCases[index]
        let geometry = try GeoJSONReader().document(from: reference["geometry"]!)
        let figures = try AreaMeasurer().measure(geometry.areasOfInterest()[0])
        #expect(relativeDifference(figures.areaKm2, reference.number("geodesic_area_km2")) < 1e-9, "\(reference["name"]!)")
        #expect(relativeDifference(figures.perimeterKm, reference.number("geodesic_perimeter_km")) < 1e-9)
        #expect(figures.utmZone.epsg == Int(reference.number("utm_epsg")))
        #expect(relativeDifference(try #require(figures.utmAreaKm2), reference.number("utm_area_km2")) < 1e-7)
    }

    @Test("the three forms of an antimeridian AOI give the same figures")
    func antimeridianForms() throws {
        let beyond180 = try Fixtures.caseDocument("fiji_antimeridian_lon_gt_180").areasOfInterest()[0]
        var jumping = beyond180
        jumping.polygons = jumping.polygons.map { polygon in
            Polygon(rings: polygon.rings.map { ring in
                ring.map { Position($0.longitude > 180 ? $0.longitude - 360 : $0.longitude, $0.latitude) }
            })
        }
        let split = try figures("fiji_antimeridian_split")
        for aoi in [beyond180, jumping] {
            let other = try AreaMeasurer().measure(aoi)
            #expect(relativeDifference(other.areaKm2, split.areaKm2) < 1e-12)
            #expect(relativeDifference(other.perimeterKm, split.perimeterKm) < 1e-12)
            #expect(other.utmZone == split.utmZone)
            #expect(other.utmZones.map(\.epsg) == [32701, 32760])
        }
    }

    @Test("a ring's direction does not matter; holes subtract and parts add")
    func orientationHolesParts() throws {
        let aoi = try Fixtures.caseDocument("beauce_polygon_with_hole").areasOfInterest()[0]
        let shell = Polygon(rings: [aoi.polygons[0].rings[0]])
        let hole = Polygon(rings: [aoi.polygons[0].rings[1]])
        let reversed = Polygon(rings: aoi.polygons[0].rings.map { $0.reversed() })
        let whole = Geodesic.area(of: aoi.polygons)
        #expect(Geodesic.area(of: [reversed]) == whole)
        #expect(relativeDifference(Geodesic.area(of: [shell]) - Geodesic.area(of: [hole]), whole) < 1e-12)
        let two = try Fixtures.caseDocument("multipolygon_two_zones").areasOfInterest()[0]
        let parts = two.polygons.map { Geodesic.area(of: [$0]) }
        #expect(relativeDifference(parts.reduce(0, +), Geodesic.area(of: two.polygons)) < 1e-15)
        #expect(try AreaMeasurer().measure(two).utmZones.map(\.epsg) == [32631, 32632])
    }
}
