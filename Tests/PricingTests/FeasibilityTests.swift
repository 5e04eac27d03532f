import Foundation
import GeoJSON
import Pricing
import Projection
import Testing
import TestSupport

/// Feasibility verdicts on the default catalog's PNEO-TASKING-30CM (automatic up to 13 × 30 km at `oneday`, 13 × 14 at
/// `onenow`; at most 20,000 km², latitudes within ±82°; cloud ≤ 10 in under 168 h and off-nadir ≤ 10 in under 72 h
/// need a study). The boxes' corners were made with pyproj's `Geod.fwd` (WGS84) from (9°E, 45°N), each corner at
/// half the diagonal along the diagonal's azimuth; their sides are pyproj `Geod.inv` distances, their areas
/// `Geod.polygon_area_perimeter`.
@Suite("Feasibility checks")
struct FeasibilityTests {
    typealias F = PricingFixtures
    static let asOf = F.date("2026-11-30").firstInstant
    static let week = "2026-12-01T00:00:00Z/2026-12-08T00:00:00Z"

    /// Sides 12.899988 × 29.899995 km.
    static let inside = [[8.918003834033, 45.134493999202], [9.081996165967, 45.134493999202], [9.081613316438, 44.865444223167],
                         [8.918386683562, 44.865444223167]]
    /// Sides 13.099988 × 29.899995 km.
    static let wide = [[8.916732576536, 45.134493080868], [9.083267423464, 45.134493080868], [9.0828786383, 44.865443310507],
                       [8.9171213617, 44.865443310507]]
    /// Sides 12.899988 × 30.099995 km.
    static let long = [[8.918002545553, 45.135393809868], [9.081997454447, 45.135393809868], [9.081612044005, 44.864544369779],
                       [8.918387955995, 44.864544369779]]
    /// `wide` turned 30° clockwise about its centre: sides 13.099988 × 29.899995 km.
    static let turned = [[9.022919448525, 45.145967398596], [9.166999626293, 45.086909890997], [8.97719664777, 44.854024278251],
                         [8.833505250002, 44.912845318478]]
    /// 141.497098 km square, 20,023.071228 km²; and 141.29711 km, 19,966.506595 km².
    static let big = [[8.092643319663, 45.633018653489], [9.907356680337, 45.633018653489], [9.887482260635, 44.359858875948],
                      [8.112517739365, 44.359858875948]]
    static let belowMaximum = [[8.0939401401, 45.632129101367], [9.9060598599, 45.632129101367], [9.886241584882, 44.360768551247],
                               [8.113758415118, 44.360768551247]]

    /// A strip 1 km × 60 km running east–west from (9°E, 45°N) (pyproj `Geod.fwd`; long sides 60.000000 km by
    /// `Geod.inv`, short sides 0.999996 km).
    static let eastWestStrip = [[9.380451947662, 44.994867105180], [8.619548052338, 44.994867105180], [8.619488499520, 45.003865300143],
                                [9.380511500480, 45.003865300143]]

    static func prepared(_ corners: [[Double]]) throws -> PreparedAOI {
        let ring = (corners + [corners[0]]).map { Position($0[0], $0[1]) }
        return try PreparedAOI(AOI(polygons: [Polygon(rings: [ring])]))
    }

    static func check(_ corners: [[Double]], priority: String? = "oneday", window: String? = week, filter: String? = nil,
                      product: String = "PNEO-TASKING-30CM", asOf: Date = asOf) throws -> FeasibilityCheck {
        let request = FeasibilityRequest(
            productID: product, priority: priority, window: try window.map { try ISO8601Interval(parsing: $0) },
            filter: try filter.map { try JSONReader().read(Array($0.utf8)) })
        return try F.estimator.feasibility(of: [prepared(corners)], request, asOf: asOf)[0]
    }

    @Test("a box just inside 13 × 30 km is automatic at oneday; its rectangle's sides are the geodesic sides")
    func insideIsAutomatic() throws {
        let check = try Self.check(Self.inside)
        #expect(check.verdict == .automatic)
        #expect(check.reasons.isEmpty)
        #expect(abs(check.widthKm - 12.899988) < 1e-4)
        #expect(abs(check.lengthKm - 29.899995) < 1e-4)
    }

    /// The UTM point scale changes along an east–west strip (by 2e-5 over these 60 km at 45°N): divided by the scale
    /// at the centroid, the length read 60.000221 km; measured as the geodesic between the rectangle's short sides,
    /// 60.000000.
    @Test("a 60 km east-west strip is 60 km long to the centimetre: the length is geodesic, not scaled from the zone")
    func eastWestStripLength() throws {
        let strip = try Self.check(Self.eastWestStrip, priority: "standard", window: nil)
        #expect(abs(strip.lengthKm - 60) < 1e-5)
        #expect(abs(strip.widthKm - 0.999996) < 2e-5)
    }

    @Test("0.1 km wider, longer or turned: a study, with the numbers")
    func largerNeedsStudy() throws {
        let wide = try Self.check(Self.wide)
        #expect(wide.verdict == .study)
        #expect(wide.reasons.map(\.code) == ["wider_than_automatic"])
        #expect(abs((wide.reasons[0].values["widthKm"]?.numberValue ?? 0) - 13.099988) < 1e-4)
        #expect(wide.reasons[0].values["maxWidthKm"] == .string("13"))
        let long = try Self.check(Self.long)
        #expect(long.reasons.map(\.code) == ["longer_than_automatic"])
        #expect(abs(long.lengthKm - 30.099995) < 1e-4)
        let turned = try Self.check(Self.turned)
        #expect(turned.reasons.map(\.code) == ["wider_than_automatic"])
        #expect(abs(turned.widthKm - 13.099988) < 1e-4)
        #expect(abs(turned.lengthKm - 29.899995) < 1e-4)
        // At standard (40 × 60 km) the same boxes are automatic; at onenow (13 × 14) the inside box is too long.
        #expect(try Self.check(Self.wide, priority: "standard", window: "2026-12-01T00:00:00Z/P8D").verdict == .automatic)
        #expect(try Self.check(Self.inside, priority: "onenow").reasons.map(\.code) == ["longer_than_automatic"])
    }

    @Test("above 20,000 km² is rejected; 19,966.5 km² is only too large for automatic")
    func maximumArea() throws {
        let big = try Self.check(Self.big, priority: "standard", window: "2026-12-01T00:00:00Z/P8D")
        #expect(big.verdict == .rejected)
        #expect(big.reasons.first?.code == "area_above_maximum")
        #expect(abs(big.km2 - 20_023.071228) < 1e-6)
        let below = try Self.check(Self.belowMaximum, priority: "standard", window: "2026-12-01T00:00:00Z/P8D")
        #expect(below.verdict == .study)
        #expect(below.reasons.map(\.code) == ["wider_than_automatic", "longer_than_automatic"])
        #expect(abs(below.km2 - 19_966.506595) < 1e-6)
    }

    /// The northern edge from (-15°, 81.9°) to (15°, 81.9°) bows to 82.17255502817696° (the largest latitude of
    /// 400,001 points along it from pyproj's `Geod.npts`), beyond the product's 82° though every vertex lies within.
    @Test("an edge bowing past 82° is rejected though its vertices lie within; the turning latitude matches pyproj")
    func latitudeReach() throws {
        let north = try Self.check([[-15, 81.9], [15, 81.9], [15, 81.85], [-15, 81.85]], priority: "standard", window: nil)
        #expect(abs(north.northLatitude - 82.17255502817696) < 1e-9)
        #expect(north.verdict == .rejected)
        #expect(north.reasons.contains { $0.code == "beyond_latitude_reach" && $0.values["maxLatitude"] == .string("82") })
        // The southern edge from (-10°, -81.9°) to (10°, -81.9°) reaches -82.02147647838714°.
        let south = try Self.check([[-10, -81.9], [-10, -81.85], [10, -81.85], [10, -81.9]], priority: "standard", window: nil)
        #expect(abs(south.southLatitude - -82.02147647838714) < 1e-9)
        #expect(south.reasons.contains { $0.code == "beyond_latitude_reach" && $0.values["minLatitude"] == .string("-82") })
        // Vertices at 81.5°, 10° apart: the edge turns at 81.58°, within reach.
        let within = try Self.check([[-5, 81.5], [5, 81.5], [5, 81.45], [-5, 81.45]], priority: "standard", window: nil)
        #expect(!within.reasons.contains { $0.code == "beyond_latitude_reach" })
    }

    @Test("a window already over, or shorter than the priority's minimum from the as-of instant, is rejected")
    func windows() throws {
        let closed = try Self.check(Self.inside, window: "2026-11-20T00:00:00Z/2026-11-29T23:59:59Z")
        #expect(closed.verdict == .rejected)
        #expect(closed.reasons.map(\.code) == ["window_closed"])
        // oneday needs 24 h; 20 h from 2026-11-30T00:00Z.
        let short = try Self.check(Self.inside, window: "2026-11-25T00:00:00Z/2026-11-30T20:00:00Z")
        #expect(short.reasons.map(\.code) == ["window_too_short"])
        #expect(short.reasons[0].values["hours"] == .number(20))
        #expect(short.reasons[0].values["minimumHours"] == .string("24"))
        #expect(try Self.check(Self.inside, window: "2026-11-30T00:00:00Z/PT24H").verdict == .automatic)
        #expect(try Self.check(Self.inside, window: nil).verdict == .automatic)
        // At 12:00 a window that ended at 06:00 the same day is closed, and one to 2026-12-01T06:00Z leaves 18 h.
        let noon = try #require(RFC3339.date("2026-11-30T12:00:00Z"))
        let morning = try Self.check(Self.inside, window: "2026-11-29T00:00:00Z/2026-11-30T06:00:00Z", asOf: noon)
        #expect(morning.reasons.map(\.code) == ["window_closed"])
        #expect(morning.reasons[0].values["asOf"] == .string("2026-11-30T12:00:00Z"))
        let afternoon = try Self.check(Self.inside, window: "2026-11-30T00:00:00Z/2026-12-01T06:00:00Z", asOf: noon)
        #expect(afternoon.reasons.map(\.code) == ["window_too_short"])
        #expect(afternoon.reasons[0].values["hours"] == .number(18))
        #expect(try Self.check(Self.inside, window: "2026-11-30T00:00:00Z/2026-12-01T06:00:00Z").verdict == .automatic)
    }

    @Test("a strict cloud cover in a window under 168 h needs a study; in a longer one, or looser, it does not")
    func strictConstraints() throws {
        let cloud5 = #"{"op": "<=", "args": [{"property": "eo:cloud_cover"}, 5]}"#
        let study = try Self.check(Self.inside, window: "2026-12-01T00:00:00Z/P3D", filter: cloud5)
        #expect(study.verdict == .study)
        #expect(study.reasons.map(\.code) == ["strict_constraint_in_short_window"])
        #expect(study.reasons[0].values["hours"] == .number(72))
        #expect(study.reasons[0].values["queryable"] == .string("eo:cloud_cover"))
        #expect(try Self.check(Self.inside, window: "2026-12-01T00:00:00Z/P7D", filter: cloud5).verdict == .automatic)
        let cloud20 = #"{"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20]}"#
        #expect(try Self.check(Self.inside, window: "2026-12-01T00:00:00Z/P3D", filter: cloud20).verdict == .automatic)
        // Off-nadir ≤ 10 counts below 72 h: 71 h from the as-of day is short, 72 h is not.
        let nadir = #"{"op": "<", "args": [{"property": "view:off_nadir"}, 8]}"#
        #expect(try Self.check(Self.inside, window: "2026-11-30T00:00:00Z/PT71H", filter: nadir).reasons.map(\.code) == ["strict_constraint_in_short_window"])
        #expect(try Self.check(Self.inside, window: "2026-11-30T00:00:00Z/PT72H", filter: nadir).verdict == .automatic)
    }

    @Test("the priority comes from the filter when not given; a priority the product or the filter refuses is an error")
    func priorities() throws {
        let onenow = #"{"op": "=", "args": [{"property": "priority"}, "onenow"]}"#
        let check = try Self.check(Self.inside, priority: nil, filter: onenow)
        #expect(check.priority == "onenow")
        #expect(check.reasons.map(\.code) == ["longer_than_automatic"])
        #expect(try Self.check(Self.inside, priority: nil).priority == "standard")
        #expect(rejection { _ = try Self.check(Self.inside, priority: "yesterday") }?.code == .unknownOption)
        #expect(rejection { _ = try Self.check(Self.inside, priority: "oneday", filter: onenow) }?.code == .unsatisfiableFilter)
        #expect(rejection { _ = try Self.check(Self.inside, product: "PHR-ARCHIVE-50CM") }?.code == .invalidRequest)
        #expect(rejection { _ = try Self.check(Self.inside, product: "NOPE") }?.code == .unknownProduct)
        // SkySat has no priorities: its check takes none, and refuses one.
        #expect(try Self.check(Self.wide, priority: nil, product: "SKYSAT-TASKING").verdict == .automatic)
        #expect(rejection { _ = try Self.check(Self.wide, priority: "oneday", product: "SKYSAT-TASKING") }?.code == .unknownOption)
    }

    @Test("catalog feasibility rules are checked as they are read")
    func catalogRules() throws {
        func product(_ feasibility: String, mode: String = "tasking") -> String {
            #"{"version": "t", "products": [{"id": "T", "mode": "\#(mode)", "currency": "EUR", "rate": "1", "feasibility": \#(feasibility)}]}"#
        }
        let good = try CatalogReader.read(Array(product(#"{"automatic": {"standard": {"maxWidthKm": "10", "maxLengthKm": "20"}}, "latitude": {"min": "-80", "max": "80"}}"#).utf8))
        #expect(good.products[0].feasibility?.automatic["standard"] == FeasibilityRules.Extent(maxWidthKm: 10, maxLengthKm: 20))
        for (bad, path) in [
            (#"{"automatic": {"standard": {"maxWidthKm": "30", "maxLengthKm": "20"}}}"#, "$.products[0].feasibility.automatic.standard"),
            (#"{"latitude": {"max": "91"}}"#, "$.products[0].feasibility.latitude.max"),
            (#"{"latitude": {"min": "10", "max": "-10"}}"#, "$.products[0].feasibility.latitude"),
            (#"{"strict": [{"queryable": "eo:cloud_cover", "atMost": "10"}]}"#, "$.products[0].feasibility.strict[0]"),
            (#"{"maxKm3": "1"}"#, "$.products[0].feasibility.maxKm3"),
        ] {
            let error = rejection { _ = try CatalogReader.read(Array(product(bad).utf8)) }
            #expect(error?.code == .invalidCatalog, "\(bad)")
            #expect(error?.path == path, "\(bad)")
        }
        #expect(rejection { _ = try CatalogReader.read(Array(product("{}", mode: "archive").utf8)) }?.path == "$.products[0].feasibility")
    }
}
