import GeoJSON
import Projection
import Testing
import TestSupport

/// Public boundary data nobody here drew (Natural Earth countries, New York City's boroughs, as geopandas 0.14 ships
/// them), measured against GeographicLib and pyproj by `scripts/make-real-world-references.py`.
@Suite("Real-world boundaries against GeographicLib and pyproj")
struct RealWorldTests {
    static let references = Fixtures.json("realworld/references.json").objectValue!["features"]!.objectValue!

    /// Every AOI of a fixture file, in lon/lat, with its reference figures.
    static func cases(_ file: String) -> [(aoi: AOI, reference: JSONObject)] {
        do {
            let document = try GeoJSONReader().read(Fixtures.bytes("realworld/\(file)"))
            let crs = try document.crs
            let byId = references[file]!.objectValue!
            return try document.areasOfInterest().map { aoi in (try aoi.toLonLat(from: crs), byId[aoi.name]!.objectValue!) }
        } catch {
            fatalError("realworld/\(file) does not read: \(error)")
        }
    }

    @Test("countries and boroughs: geodesic area and perimeter to 1e-9, UTM zone exactly", arguments: ["countries.json", "nyc_boroughs.json"])
    func areas(file: String) throws {
        let cases = Self.cases(file)
        #expect(cases.count >= 5)
        for (aoi, reference) in cases {
            let figures = try AreaMeasurer(measuresMinimumWidth: false).measure(aoi)
            #expect(relativeDifference(figures.areaKm2, reference.number("geodesic_area_km2")) < 1e-9, "\(aoi.name)")
            #expect(relativeDifference(figures.perimeterKm, reference.number("geodesic_perimeter_km")) < 1e-9, "\(aoi.name)")
            #expect(figures.utmZone.epsg == Int(reference.number("utm_epsg")), "\(aoi.name)")
        }
    }

    @Test("ground minimum width to 1e-6 and the centroid's point scale to 1e-9", arguments: ["countries.json", "nyc_boroughs.json"])
    func widths(file: String) throws {
        var checked = 0
        for (aoi, reference) in Self.cases(file) where reference["min_width_geos_m"] != nil {
            let metric = try GroundMetric(aoi)
            #expect(abs(metric.scale - reference.number("centroid_scale")) < 1e-9, "\(aoi.name)")
            #expect(relativeDifference(try metric.minimumWidth(), reference.number("min_width_geos_m")) < 1e-6, "\(aoi.name)")
            checked += 1
        }
        #expect(checked >= 4)
    }

    @Test("boroughs in US feet with a GeoJSON 2008 crs object measure as their lon/lat form")
    func boroughsInFeet() throws {
        let cases = Self.cases("nyc_boroughs_2263.json")
        #expect(cases.count == 2)
        for (aoi, reference) in cases {
            let figures = try AreaMeasurer(crs: "EPSG:2263", measuresMinimumWidth: false).measure(aoi)
            #expect(relativeDifference(figures.areaKm2, reference.number("geodesic_area_km2")) < 1e-9, "\(aoi.name)")
            #expect(relativeDifference(try #require(figures.crsAreaKm2), reference.number("area_ft_km2")) < 1e-9, "\(aoi.name)")
        }
    }
}

/// `proj_factors` as pyproj's `get_factors` gives it, and the ground width it corrects.
@Suite("UTM point scale against pyproj")
struct PointScaleTests {
    static let table = Fixtures.json("realworld/utm_point_scales.json").objectValue!

    @Test("the mean of meridional and parallel scale at 21 points, zone edges and the equator included")
    func points() throws {
        let points = Self.table["points"]!.arrayValue!.map { $0.objectValue! }
        #expect(points.count >= 20)
        for point in points {
            let transformer = CRSTransformer(from: CRSTransformer.lonLat, to: "EPSG:\(Int(point.number("epsg")))")
            let scale = try transformer.pointScale(atLonLat: SIMD2(point.number("lon"), point.number("lat")))
            #expect(abs(scale - point.number("mean")) < 1e-9, "\(point["label"]!)")
        }
    }

    @Test("boxes near 0°E 0°N and at Libreville are as wide on the ground as pyproj and shapely say")
    func boxes() throws {
        for box in Self.table["boxes"]!.arrayValue!.map({ $0.objectValue! }) {
            let ring = box["ring"]!.arrayValue!.map { Position($0.arrayValue![0].numberValue!, $0.arrayValue![1].numberValue!) }
            let metric = try GroundMetric(AOI(polygons: [Polygon(rings: [ring])]))
            #expect(metric.zone.epsg == Int(box.number("epsg")))
            #expect(relativeDifference(try metric.minimumWidth(), box.number("min_width_geos_m")) < 1e-6, "\(box["label"]!)")
        }
    }
}
