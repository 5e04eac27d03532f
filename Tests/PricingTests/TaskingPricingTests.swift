import Foundation
import GeoJSON
import Pricing
import Projection
import Testing
import TestSupport

@Suite("Tasking prices by hand")
struct TaskingPricingTests {
    typealias F = PricingFixtures

    func total(_ request: EstimateRequest) throws -> Decimal { try F.estimator.estimate(request).total }

    @Test("the worked example: 40 km² PNEO, oneday, clouds ≤ 10, off-nadir ≤ 15 → 4750.00; NGO → 4037.50; WELCOME100 → 3937.50")
    func workedExample() throws {
        let aoi = F.aoi(km2: 40)
        let options = [("max_cloud_cover", "10"), ("max_off_nadir", "15")]
        let plain = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", aoi, options: options, priority: "oneday"))
        #expect(plain.lines[0].billableKm2 == 100)
        #expect(plain.lines[0].amount == F.money("4750.00"))
        #expect(plain.warnings.contains { $0.contains("billed at the 100 km² minimum") })
        let contract = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", aoi, options: options, priority: "oneday", contract: "NGO-2026"))
        #expect(contract.total == F.money("4037.50"))
        #expect(contract.discounts.map(\.value) == [F.money("712.50")])
        let voucher = try F.estimator.estimate(F.request(
            "PNEO-TASKING-30CM", aoi, options: options, priority: "oneday", contract: "NGO-2026", vouchers: ["WELCOME100"]))
        #expect(voucher.total == F.money("3937.50"))
        #expect(voucher.subtotal - voucher.discountValue == voucher.total)
        #expect(voucher.jsonObject["total"] == "3937.50")
    }

    @Test("each PNEO modifier alone", arguments: [
        ([("priority", "standard")], "2500.00"), ([("priority", "onenow")], "5000.00"), ([("max_cloud_cover", "10")], "3000.00"),
        ([("max_cloud_cover", "10.5")], "2500.00"), ([("max_off_nadir", "15")], "3000.00"), ([("max_off_nadir", "16")], "2500.00"),
        ([("priority", "onenow"), ("max_off_nadir", "5")], "5500.00"),
    ])
    func modifiers(options: [(String, String)], expected: String) throws {
        #expect(try total(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), options: options)) == F.money(expected))
    }

    @Test("above the minimum the area rounds up to 0.01 km²: 150.004 km² → 150.01 × 25 = 3750.25")
    func areaRoundsUp() throws {
        let estimate = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 150.004)))
        #expect(estimate.lines[0].measuredKm2 == F.money("150.004"))
        #expect(estimate.lines[0].billableKm2 == F.money("150.01"))
        #expect(estimate.total == F.money("3750.25"))
    }

    @Test("half-even rounding of discounts: 15 % of 2500.50 is 375.075 → 375.08; of 2501.50 is 375.225 → 375.22")
    func roundingTies() throws {
        let up = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 100.015), contract: "NGO-2026"))
        #expect(up.subtotal == F.money("2500.50"))
        #expect(up.discounts[0].value == F.money("375.08"))
        let down = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 100.055), contract: "NGO-2026"))
        #expect(down.subtotal == F.money("2501.50"))
        #expect(down.discounts[0].value == F.money("375.22"))
        #expect(down.total == F.money("2126.28"))
    }

    @Test("production minimum and minimum width reject the AOI with the numbers")
    func productionRules() throws {
        let small = rejection { _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 4))) }
        #expect(small?.code == .belowMinimumArea)
        #expect(small?.details["rule"] == "productionKm2")
        let strip = F.aoi(km2: 8, aspect: 12.5)
        let narrow = rejection { _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", strip)) }
        #expect(narrow?.code == .tooNarrow)
        // Its width on the ground is its west edge, a meridian arc: the geodesic between its two western vertices.
        let ring = strip.polygons[0].exterior
        let westEdge = Geodesic.distance(from: SIMD2(ring[0].longitude, ring[0].latitude), to: SIMD2(ring[3].longitude, ring[3].latitude))
        let width = try #require(narrow?.details["widthM"]?.numberValue)
        #expect(abs(width - westEdge) < 0.5, "\(width) vs \(westEdge)")
        #expect(try total(F.request("PNEO-TASKING-30CM", F.aoi(km2: 8, aspect: 7))) == F.money("2500.00"))
    }

    @Test("a priced option given a value the product does not list is unknown_option; an unpriced one is a warning")
    func options() throws {
        let bad = rejection { _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), priority: "yesterday")) }
        #expect(bad?.code == .unknownOption)
        #expect(bad?.details["option"] == "priority")
        let notNumber = rejection { _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), options: [("max_cloud_cover", "low")])) }
        #expect(notNumber?.code == .unknownOption)
        let ignored = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 60), options: [("projection_1", "32632")]))
        #expect(ignored.warnings.contains("option projection_1=32632 is not priced by PNEO-TASKING-30CM: ignored"))
        let unknown = rejection { _ = try F.estimator.estimate(F.request("NOPE", F.aoi(km2: 60))) }
        #expect(unknown?.code == .unknownProduct)
    }

    @Test("SkySat is charged only if fulfilled, and says so")
    func skysat() throws {
        let estimate = try F.estimator.estimate(F.request("SKYSAT-TASKING", F.aoi(km2: 29.995)))
        #expect(estimate.total == F.money("600.00"))
        #expect(estimate.warnings.contains { $0.contains("charged only if fulfilled (85 %") })
        #expect(try total(F.request("SKYSAT-TASKING", F.aoi(km2: 10))) == F.money("500.00"))
    }

    @Test("SAR is priced per 25 km² scene: scenes = ceil(billable / 25)", arguments: [
        (40.0, nil, 2, "6000.00"), (60.0, nil, 3, "9000.00"), (74.995, nil, 3, "9000.00"), (75.001, nil, 4, "12000.00"),
        (60.0, "oneday", 3, "13500.00"),
    ] as [(Double, String?, Int, String)])
    func scenes(km2: Double, priority: String?, scenes: Int, expected: String) throws {
        let estimate = try F.estimator.estimate(F.request("SAR-SPOT-TASKING", F.aoi(km2: km2), priority: priority))
        #expect(estimate.lines[0].scenes == scenes)
        #expect(estimate.total == F.money(expected))
    }

    @Test("a MultiPolygon is the union of its parts: areas add, the minimum applies once")
    func multiPolygon() throws {
        let first = F.rectangle(km2: 30, lon: 2, lat: 45)
        let second = F.rectangle(km2: 50, lon: 3, lat: 45)
        let aoi = AOI(id: .string("m"), polygons: [first, second], isMultiPolygon: true)
        let estimate = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", aoi))
        #expect(estimate.lines.count == 1)
        #expect(estimate.lines[0].measuredKm2 == F.money("80"))
        #expect(estimate.total == F.money("2500.00"))
        let large = AOI(id: .string("m"), polygons: [F.rectangle(km2: 70, lon: 2), F.rectangle(km2: 50, lon: 3)], isMultiPolygon: true)
        #expect(try total(F.request("PNEO-TASKING-30CM", large)) == F.money("3000.00"))
    }
}
