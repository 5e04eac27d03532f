import Coverage
import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

@Suite("Archive prices by hand")
struct ArchivePricingTests {
    typealias F = PricingFixtures

    func estimate(_ product: String, km2: Double, acquired: String? = "2025-01-10T10:00:00Z", options: [(String, String)] = [],
                  asOf: String = "2026-06-01") throws -> Estimate {
        let aoi = F.aoi(km2: km2)
        return try F.estimator.estimate(F.request(product, aoi, captures: [F.capture(around: aoi, acquired: acquired)], options: options, asOf: asOf))
    }

    @Test("SPOT: an item of 20 km² prices at 200.00 EUR, as in the Airbus guide; licences add 25 % and 50 %", arguments: [
        ("eula_5", "200.00"), ("eula_6_10", "250.00"), ("eula_11_30", "300.00"),
    ])
    func spot(licence: String, expected: String) throws {
        let priced = try estimate("SPOTArchive10Color", km2: 19.995, options: [("licence", licence)])
        #expect(priced.lines[0].billableKm2 == 20)
        #expect(priced.total == F.money(expected))
    }

    @Test("an estimator sharing one captures index prices each AOI by hand: PHR tiers at 10, 500.004 and 2100 km²")
    func sharedCaptures() throws {
        let aois = [10.0, 500.004, 2100.0].map { F.aoi(km2: $0) }
        let captures = aois.enumerated().map { F.capture(around: $1, id: "c\($0)", acquired: "2025-01-10T10:00:00Z") }
        let shared = try F.estimator.sharing(captures: captures)
        let totals = try aois.map { try shared.estimate(F.request("PHR-ARCHIVE-50CM", $0, captures: captures, asOf: "2026-06-01")).total }
        #expect(totals == ["212.50", "4250.07", "15250.00"].map(F.money))
    }

    @Test("half-even at the line: 10.01 km² × 10 × 1.25 = 125.125 → 125.12; 10.03 km² → 125.375 → 125.38")
    func lineRoundingTies() throws {
        #expect(try estimate("SPOTArchive10Color", km2: 10.005, options: [("licence", "eula_6_10")]).total == F.money("125.12"))
        #expect(try estimate("SPOTArchive10Color", km2: 10.025, options: [("licence", "eula_6_10")]).total == F.money("125.38"))
    }

    @Test("PHR walks its graduated tiers: each boundary", arguments: [
        (10.0, "212.50"), (499.995, "4250.00"), (500.004, "4250.07"), (1999.995, "14750.00"), (2000.004, "14750.05"), (2100.0, "15250.00"),
    ])
    func tiers(km2: Double, expected: String) throws {
        #expect(try estimate("PHR-ARCHIVE-50CM", km2: km2).total == F.money(expected))
    }

    @Test("PHR captures younger than 90 days cost 50 % more; 90 days is not fresh; undated is not fresh, with a warning", arguments: [
        ("2026-03-04T23:59:59Z", "318.75"), ("2026-03-03T00:00:00Z", "212.50"), (nil, "212.50"),
    ] as [(String?, String)])
    func freshness(acquired: String?, expected: String) throws {
        let priced = try estimate("PHR-ARCHIVE-50CM", km2: 10, acquired: acquired)
        #expect(priced.total == F.money(expected))
        #expect(priced.warnings.contains { $0.contains("no acquisition date") } == (acquired == nil))
    }

    @Test("PHR checks its production minimum and width on AOI ∩ footprints, not on the AOI", arguments: [
        (0.004, "productionKm2", GeoPriceError.Code.belowMinimumArea), (0.011, "minWidthKm", .tooNarrow),
    ])
    func productionOnCoverage(sliverDegrees: Double, rule: String, code: GeoPriceError.Code) throws {
        let aoi = F.aoi(km2: 40, aspect: 0.25)
        let west = aoi.polygons[0].exterior[0].longitude
        // A footprint over a strip of the AOI's west side, the whole AOI's height.
        let sliver = Polygon(rings: [[
            Position(west - 0.1, 44.9), Position(west + sliverDegrees, 44.9), Position(west + sliverDegrees, 45.3), Position(west - 0.1, 45.3),
            Position(west - 0.1, 44.9),
        ]])
        let error = rejection {
            _ = try F.estimator.estimate(F.request("PHR-ARCHIVE-50CM", aoi, captures: [Capture(id: "s", footprint: [sliver])]))
        }
        #expect(error?.code == code)
        #expect(error?.details["rule"] == .string(rule))
    }

    @Test("captures that miss the AOI: no_coverage")
    func noCoverage() throws {
        let aoi = F.aoi(km2: 40)
        let far = F.capture(around: F.aoi(km2: 40, lon: 20))
        let error = rejection { _ = try F.estimator.estimate(F.request("SPOTArchive10Color", aoi, captures: [far])) }
        #expect(error?.code == .noCoverage)
    }

    @Test("WV rejects below 5 km² and above 1000 vertices")
    func worldView() throws {
        #expect(try estimate("WV-ARCHIVE-30CM", km2: 5.5).total == F.money("121.00"))
        #expect(rejection { _ = try estimate("WV-ARCHIVE-30CM", km2: 4) }?.code == .belowMinimumArea)
        var ring: [Position] = (0..<1001).map { index in
            let angle = Double(index) / 1001 * 2 * .pi
            return Position(2 + 0.05 * cos(angle), 45 + 0.05 * sin(angle))
        }
        ring.append(ring[0])
        let round = AOI(id: .string("r"), polygons: [Polygon(rings: [ring])])
        let error = rejection {
            _ = try F.estimator.estimate(F.request("WV-ARCHIVE-30CM", round, captures: [F.capture(around: round)]))
        }
        #expect(error?.code == .tooManyVertices)
        #expect(error?.details["value"] == 1001)
    }

    @Test("split by date: one line per UTC acquisition date, each with its own minimum")
    func splitByDate() throws {
        let aoi = F.aoi(km2: 40)
        let ring = aoi.polygons[0].exterior
        let middle = (ring[0].longitude + ring[1].longitude) / 2
        func half(_ west: Double, _ east: Double, _ id: String, _ acquired: String) -> Capture {
            Capture(id: .string(id), footprint: [Polygon(rings: [[
                Position(west, 44.9), Position(east, 44.9), Position(east, 45.2), Position(west, 45.2), Position(west, 44.9),
            ]])], acquired: RFC3339.date(acquired))
        }
        let captures = [
            half(ring[0].longitude - 0.1, middle, "west", "2025-05-01T23:30:00Z"),
            half(middle, ring[1].longitude + 0.1, "east", "2025-05-02T00:30:00Z"),
        ]
        let split = try F.estimator.estimate(F.request("SPOTArchive10Color", aoi, captures: captures, splitByDate: true))
        #expect(split.lines.map { $0.date?.description } == ["2025-05-01", "2025-05-02"])
        #expect(split.lines.allSatisfy { $0.billableKm2 == 20 })
        #expect(split.total == F.money("400.00"))
        let whole = try F.estimator.estimate(F.request("SPOTArchive10Color", aoi, captures: captures))
        #expect(whole.lines.count == 1)
        #expect(whole.total == F.money("400.00"))
    }
}
