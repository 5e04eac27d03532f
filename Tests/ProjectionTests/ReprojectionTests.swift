import GeoJSON
import Projection
import Testing
import TestSupport

@Suite("Reprojection against the references")
struct ReprojectionTests {
    func aoi(_ name: String) throws -> AOI { try Fixtures.caseDocument(name).areasOfInterest()[0] }

    @Test("every exterior vertex in its UTM zone matches pyproj to 1e-6 m", arguments: Fixtures.areaCaseNames)
    func utmVertices(name: String) throws {
        let reference = Fixtures.reference(name)
        let zone = "EPSG:\(Int(reference.number("utm_epsg")))"
        let expected = reference["utm_projected_exterior_coords"]!.arrayValue!
        let result = try Reprojector(to: zone).transform(aoi(name).geometry)
        let exteriors: [[Position]] = try #require(result.geometry.polygons).map(\.exterior)
        #expect(exteriors.count == expected.count)
        for (ring, expectedRing) in zip(exteriors, expected) {
            let points = expectedRing.arrayValue!.map { $0.arrayValue!.map { $0.numberValue! } }
            #expect(ring.count == points.count)
            for (position, point) in zip(ring, points) {
                #expect(abs(position.longitude - point[0]) < 1e-6 && abs(position.latitude - point[1]) < 1e-6, "\(name)")
            }
        }
    }

    @Test("the EPSG:32632 check points of Corsica")
    func epsg32632Points() throws {
        let points = Fixtures.reference("corsica_rectangle")["epsg32632"]!.objectValue!["points"]!.arrayValue!.map(\.objectValue!)
        #expect(!points.isEmpty)
        let transformer = CRSTransformer(from: CRSTransformer.lonLat, to: "EPSG:32632")
        for point in points {
            let lonLat = point["lonlat"]!.arrayValue!.map(\.numberValue!)
            let expected = point["utm32n_xy_m"]!.arrayValue!.map(\.numberValue!)
            let projected = try transformer.transform([SIMD2(lonLat[0], lonLat[1])])[0]
            #expect(abs(projected.x - expected[0]) < 1e-6 && abs(projected.y - expected[1]) < 1e-6)
        }
    }

    /// PROJ's ellipsoidal LAEA inverts the authalic latitude with a short series: its round trip is good to ~6e-9°
    /// (0.7 mm), in pyproj 3.7 / PROJ 9.5 to the same last digit (6.319083922790014e-09 on these vertices).
    @Test("lon/lat → CRS → lon/lat returns within 1e-9° (LAEA: within PROJ's own 1e-8°)", arguments: [
        ("UTM", 1e-9), ("EPSG:3857", 1e-9), ("EPSG:2154", 1e-9), ("EPSG:3035", 1e-8),
    ])
    func roundTrips(crs: String, tolerance: Double) throws {
        for name in ["corsica_rectangle", "beauce_polygon_with_hole", "toulouse_field_1km2", "germany_25km2", "multipolygon_two_zones"] {
            let reference = Fixtures.reference(name)
            let target = crs == "UTM" ? "EPSG:\(Int(reference.number("utm_epsg")))" : crs
            let original = FlatRings(try aoi(name).polygons).points
            let there = try CRSTransformer(from: CRSTransformer.lonLat, to: target).transform(original)
            let back = try CRSTransformer(from: target, to: CRSTransformer.lonLat).transform(there)
            let worst = zip(original, back).map { max(abs($0.x - $1.x), abs($0.y - $1.y)) }.max()!
            #expect(worst < tolerance, "\(name) via \(target): \(worst)°")
        }
    }

    @Test("projecting back to lon/lat cuts at ±180° on the geodesic, as the reference split")
    func antimeridianCut() throws {
        let projected = try Reprojector(to: "EPSG:32760").transform(aoi("fiji_antimeridian_lon_gt_180").geometry).geometry
        let back = try Reprojector(from: "EPSG:32760", to: CRSTransformer.lonLat).transform(projected).geometry
        let parts = try #require(back.polygons)
        #expect(parts.count == 2)
        let cutLatitudes = Set(parts.flatMap { $0.exterior.filter { abs($0.longitude) == 180 }.map(\.latitude) })
        for expected in [-16.867889136392794, -16.11784084676239] {
            #expect(cutLatitudes.contains { abs($0 - expected) < 1e-9 })
        }
        let area = Geodesic.area(of: parts) / 1e6
        #expect(relativeDifference(area, Fixtures.reference("fiji_antimeridian_split").number("geodesic_area_km2")) < 1e-9)
    }

    @Test("geodesic densification puts vertices on the edges' geodesics: same geodesic area, short pieces")
    func geodesicDensification() throws {
        let corsica = try aoi("corsica_rectangle")
        let dense = try Reprojector(to: CRSTransformer.lonLat, densifyMetres: 2_000).transform(corsica.geometry).geometry
        let polygons = try #require(dense.polygons)
        #expect(polygons[0].exterior.count > 300)
        #expect(relativeDifference(Geodesic.area(of: polygons), Geodesic.area(of: corsica.polygons)) < 1e-12)
        let exterior = polygons[0].exterior
        let longest = zip(exterior, exterior.dropFirst()).map {
            Geodesic.distance(from: SIMD2($0.longitude, $0.latitude), to: SIMD2($1.longitude, $1.latitude))
        }.max()!
        #expect(longest <= 2_000 && longest > 1_900)
    }

    @Test("vertices outside the target's area of use are counted")
    func areaOfUse() throws {
        let twoZones = try aoi("multipolygon_two_zones")
        #expect(try Reprojector(to: "EPSG:32631").transform(twoZones.geometry).verticesOutsideAreaOfUse == 5)
        #expect(try Reprojector(to: "EPSG:32631").transform(aoi("toulouse_field_1km2").geometry).verticesOutsideAreaOfUse == 0)
    }

    @Test("a vertex PROJ cannot transform is named by its path")
    func projectionFailure() throws {
        let geometry = Geometry(.lineString([Position(0, 0), Position(-170, -52), Position(11, 10)]))
        #expect {
            try Reprojector(to: "+proj=laea +lat_0=52 +lon_0=10 +ellps=GRS80").transform(geometry, at: JSONPath.root.appending("geometry"))
        } throws: { error in
            guard let error = error as? GeoPriceError else { return false }
            return error.code == .projectionFailed && error.path == "$.geometry.coordinates[1]"
        }
    }
}
