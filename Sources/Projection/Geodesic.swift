import Foundation
import CPROJ
import GeoJSON
import GeometryEngine

/// Geodesic measures on the WGS84 ellipsoid through PROJ's `geodesic.h` (Karney's algorithms, as in GeographicLib):
/// the billing area of DESIGN.md.
public enum Geodesic {
    /// WGS84: a = 6378137 m, f = 1/298.257223563.
    static let wgs84: geod_geodesic = {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, 6_378_137, 1 / 298.257223563)
        return geodesic
    }()

    /// The area (m², unsigned) and perimeter (m) of one ring whose edges are geodesics, from
    /// `geod_polygon_addpoint` / `geod_polygon_compute`. The closing position is skipped; the ring's orientation
    /// does not matter: of the two regions a ring bounds, the smaller is measured. Each edge is taken the short way,
    /// so longitudes beyond ±180° and jumps across the antimeridian need no special care.
    public static func ring(_ ring: [Position]) -> (area: Double, perimeter: Double) {
        let count = ring.count > 1 && ring[0].coincides(with: ring[ring.count - 1]) ? ring.count - 1 : ring.count
        return measure(ring[..<count]) { SIMD2($0.longitude, $0.latitude) }
    }

    /// The area (m², unsigned) and perimeter (m) of one closed ring of lon/lat points, as for GeoJSON positions.
    public static func ring(_ ring: [SIMD2<Double>]) -> (area: Double, perimeter: Double) {
        let count = ring.count > 1 && ring[0] == ring[ring.count - 1] ? ring.count - 1 : ring.count
        return measure(ring[..<count]) { $0 }
    }

    /// The area (m²: exteriors add, holes subtract, parts add) of lon/lat planar polygons.
    public static func area(of polygons: [PlanarPolygon]) -> Double {
        polygons.reduce(0) { total, polygon in
            guard let exterior = polygon.rings.first else { return total }
            return polygon.rings.dropFirst().reduce(total + ring(exterior).area) { $0 - ring($1).area }
        }
    }

    private static func measure<Points: Collection>(_ points: Points, lonLat: (Points.Element) -> SIMD2<Double>)
        -> (area: Double, perimeter: Double)
    {
        var geodesic = wgs84
        var polygon = geod_polygon()
        geod_polygon_init(&polygon, 0)
        for point in points {
            let coordinates = lonLat(point)
            geod_polygon_addpoint(&geodesic, &polygon, coordinates.y, coordinates.x)
        }
        var area = 0.0
        var perimeter = 0.0
        geod_polygon_compute(&geodesic, &polygon, 0, 1, &area, &perimeter)
        return (abs(area), perimeter)
    }

    /// The area (m²) of polygons: exteriors add, holes subtract, parts add.
    public static func area(of polygons: [Polygon]) -> Double {
        polygons.reduce(0) { total, polygon in
            guard let exterior = polygon.rings.first else { return total }
            return polygon.holes.reduce(total + ring(exterior).area) { $0 - ring($1).area }
        }
    }

    /// The perimeter (m) of polygons: every ring, holes included; the cut of an RFC 7946 split along ±180° is no
    /// edge of the shape and is not counted (see ``Antimeridian/cutLength(of:)``).
    public static func perimeter(of polygons: [Polygon]) -> Double {
        let rings = polygons.reduce(0) { total, polygon in polygon.rings.reduce(total) { $0 + ring($1).perimeter } }
        return rings - 2 * Antimeridian.cutLength(of: polygons)
    }

    /// ``area(of:)-([Polygon])`` and ``perimeter(of:)`` in one pass over the rings (each ring measured once), with
    /// the same sums in the same order, so the same numbers to the last bit.
    public static func measures(of polygons: [Polygon]) -> (area: Double, perimeter: Double) {
        var area = 0.0
        var perimeter = 0.0
        for polygon in polygons {
            guard let exterior = polygon.rings.first else { continue }
            let outer = ring(exterior)
            perimeter += outer.perimeter
            var total = area + outer.area
            for hole in polygon.holes {
                let inner = ring(hole)
                total -= inner.area
                perimeter += inner.perimeter
            }
            area = total
        }
        return (area, perimeter - 2 * Antimeridian.cutLength(of: polygons))
    }

    /// The southernmost and northernmost latitudes (degrees) the polygons' geodesic edges reach: the vertices', or an
    /// edge's own vertex where the geodesic turns between its ends (an edge bows poleward). By Clairaut's relation on
    /// the ellipsoid, a geodesic leaving reduced latitude β at azimuth α turns at |β₀| = acos(|cos β sin α|).
    public static func latitudeRange(of polygons: [Polygon]) -> (south: Double, north: Double) {
        var geodesic = wgs84
        var south = Double.infinity
        var north = -Double.infinity
        let flattening = 1 / 298.257223563
        for polygon in polygons {
            for ring in polygon.rings where !ring.isEmpty {
                for index in ring.indices {
                    let start = ring[index]
                    let end = ring[index + 1 == ring.count ? 0 : index + 1]
                    south = min(south, start.latitude)
                    north = max(north, start.latitude)
                    var distance = 0.0
                    var azimuth1 = 0.0
                    var azimuth2 = 0.0
                    geod_inverse(&geodesic, start.latitude, start.longitude, end.latitude, end.longitude, &distance, &azimuth1, &azimuth2)
                    let northward1 = cos(azimuth1 * .pi / 180)
                    let northward2 = cos(azimuth2 * .pi / 180)
                    guard distance > 0, (northward1 > 0) != (northward2 > 0), northward1 != 0, northward2 != 0 else { continue }
                    let reduced = atan((1 - flattening) * tan(start.latitude * .pi / 180))
                    let turning = acos(min(1, abs(cos(reduced) * sin(azimuth1 * .pi / 180))))
                    let latitude = atan(tan(turning) / (1 - flattening)) * 180 / .pi
                    if northward1 > 0 { north = max(north, latitude) } else { south = min(south, -latitude) }
                }
            }
        }
        return (south, north)
    }

    /// The length (m) of the geodesic from one point to another (`geod_inverse`).
    public static func distance(from start: SIMD2<Double>, to end: SIMD2<Double>) -> Double {
        var geodesic = wgs84
        var distance = 0.0
        var azimuth1 = 0.0
        var azimuth2 = 0.0
        geod_inverse(&geodesic, start.y, start.x, end.y, end.x, &distance, &azimuth1, &azimuth2)
        return distance
    }
}
