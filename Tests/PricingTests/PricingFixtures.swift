import CPROJ
import Coverage
import Foundation
import GeoJSON
import Pricing
import Projection

/// AOIs and requests for the pricing tests.
enum PricingFixtures {
    static let catalog: Catalog = {
        do {
            return try .bundledDefault()
        } catch {
            fatalError("the default catalog does not load: \(error)")
        }
    }()

    static let estimator = Estimator(catalog: catalog)

    /// A lon/lat rectangle near (lon, lat) whose geodesic area is `km2` to 1e-9 relative, `aspect` times as wide
    /// (east-west) as tall; found by bisection on its size, measured by GeographicLib's C `geod_polygonarea` itself
    /// (not by the `Geodesic` under test, so a wrong area there shows in the prices).
    static func rectangle(km2: Double, lon: Double = 2, lat: Double = 45, aspect: Double = 1) -> Polygon {
        func box(_ height: Double) -> Polygon {
            let width = height * aspect / cos(lat * .pi / 180)
            return Polygon(rings: [[
                Position(lon, lat), Position(lon + width, lat), Position(lon + width, lat + height), Position(lon, lat + height), Position(lon, lat),
            ]])
        }
        var low = 0.0
        var high = 5.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if referenceAreaKm2(box(middle)) < km2 { low = middle } else { high = middle }
        }
        return box((low + high) / 2)
    }

    /// The area of a polygon's exterior ring on WGS84, km², straight from GeographicLib's C routine.
    static func referenceAreaKm2(_ polygon: Polygon) -> Double {
        var geodesic = geod_geodesic()
        geod_init(&geodesic, 6_378_137, 1 / 298.257223563)
        var latitudes = polygon.exterior.dropLast().map(\.latitude)
        var longitudes = polygon.exterior.dropLast().map(\.longitude)
        var area = 0.0
        var perimeter = 0.0
        geod_polygonarea(&geodesic, &latitudes, &longitudes, Int32(latitudes.count), &area, &perimeter)
        return abs(area) / 1e6
    }

    static func aoi(km2: Double, id: String = "a", lon: Double = 2, lat: Double = 45, aspect: Double = 1) -> AOI {
        AOI(id: .string(id), polygons: [rectangle(km2: km2, lon: lon, lat: lat, aspect: aspect)])
    }

    /// A capture whose footprint holds the AOI with a wide margin.
    static func capture(around aoi: AOI, id: String = "c1", acquired: String? = nil) -> Capture {
        let ring = aoi.polygons[0].exterior
        let lons = ring.map(\.longitude)
        let lats = ring.map(\.latitude)
        let margin = 0.2
        let footprint = Polygon(rings: [[
            Position(lons.min()! - margin, lats.min()! - margin), Position(lons.max()! + margin, lats.min()! - margin),
            Position(lons.max()! + margin, lats.max()! + margin), Position(lons.min()! - margin, lats.max()! + margin),
            Position(lons.min()! - margin, lats.min()! - margin),
        ]])
        return Capture(id: .string(id), footprint: [footprint], acquired: acquired.flatMap(RFC3339.date))
    }

    static func date(_ text: String) -> CalendarDate {
        do {
            return try CalendarDate(parsing: text)
        } catch {
            fatalError("\(error)")
        }
    }

    /// One item of `product` on one AOI.
    static func request(
        _ product: String, _ aoi: AOI, captures: [Capture] = [], options: [(String, String)] = [], priority: String? = nil,
        contract: String? = nil, vouchers: [String] = [], splitByDate: Bool = false, asOf: String = "2026-06-01"
    ) -> EstimateRequest {
        EstimateRequest(
            aois: [aoi],
            items: [EstimateRequest.Item(product: product, captures: captures, options: options.map { (key: $0.0, value: $0.1) })],
            priority: priority, contract: contract, vouchers: vouchers, splitByDate: splitByDate, asOf: date(asOf))
    }

    static func money(_ text: String) -> Decimal { Money.parse(text)! }
}
