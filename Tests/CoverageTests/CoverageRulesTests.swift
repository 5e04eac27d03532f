@testable import Coverage
import GeometryEngine
import Foundation
import GeoJSON
import Projection
import Testing
import TestSupport

@Suite("Coverage rules")
struct CoverageRulesTests {
    /// A lon/lat rectangle polygon.
    func box(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Polygon {
        Polygon(rings: [[Position(west, south), Position(east, south), Position(east, north), Position(west, north), Position(west, south)]])
    }

    func aoi(_ polygon: Polygon) -> AOI { AOI(id: .string("a"), polygons: [polygon]) }

    @Test("a capture above the AOI's top vertices is found where the AOI's geodesic top edge bows up to it")
    func bowingEdgeMeetsCapture() throws {
        // The AOI's top edge runs from (0°, 60°) to (20°, 60°) and peaks near 60.44° midway; the capture lies
        // between 60.1° and 60.3°, wholly above every AOI vertex.
        let calculator = try CoverageCalculator(captures: [Capture(id: "c", footprint: [box(9, 60.1, 11, 60.3)])])
        let coverage = try calculator.cover(aoi(box(0, 59, 20, 60)))
        #expect(coverage.coveredKm2 > 100)
        #expect(coverage.captures.map(\.id) == ["c"])
    }

    @Test("without shares, the captures sharing interior with the AOI are listed without areas; one touching its edge is not")
    func meetingWithoutShares() throws {
        let captures = [
            Capture(id: "inside", footprint: [box(2.02, 45.02, 2.05, 45.05)]),
            Capture(id: "touching", footprint: [box(2.1, 45, 2.2, 45.1)]),
            Capture(id: "far", footprint: [box(3, 46, 3.1, 46.1)]),
        ]
        let region = box(2, 45, 2.1, 45.1)
        let plain = try CoverageCalculator(captures: captures).cover(aoi(region))
        #expect(plain.captures.map(\.id) == ["inside"])
        #expect(plain.captures[0].overlapKm2 == nil && plain.captures[0].gainKm2 == nil)
        #expect(plain.jsonObject["captures"] == [["id": "inside"]])
        let shared = try CoverageCalculator(captures: captures, includesCaptureShares: true).cover(aoi(region))
        #expect(shared.captures.map(\.id) == ["inside"])
        // The inside capture is covered whole: its overlap and gain are its own geodesic area.
        let own = Geodesic.area(of: [box(2.02, 45.02, 2.05, 45.05)]) / 1e6
        #expect(relativeDifference(try #require(shared.captures[0].overlapKm2), own) < 1e-9)
        #expect(relativeDifference(try #require(shared.captures[0].gainKm2), own) < 1e-9)
        #expect(plain.coveredKm2 == shared.coveredKm2)
    }

    @Test("random AOIs and capture sets: closure to 1e-9, gains sum to covered to 1e-7", arguments: 0..<12)
    func randomClosure(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 99)
        let west = Double.random(in: -170...160, using: &generator)
        let south = Double.random(in: -70...60, using: &generator)
        let size = Double.random(in: 0.01...2, using: &generator)
        let region = box(west, south, west + size * 1.3, south + size)
        var captures: [Capture] = []
        for index in 0..<Int.random(in: 1...40, using: &generator) {
            let x = west + Double.random(in: -0.3...1.2, using: &generator) * size * 1.3
            let y = south + Double.random(in: -0.3...1.2, using: &generator) * size
            let w = Double.random(in: 0.05...0.6, using: &generator) * size
            let h = Double.random(in: 0.05...0.6, using: &generator) * size
            captures.append(Capture(id: .number(Double(index)), footprint: [box(x, y, x + w, y + h)], fileIndex: index))
        }
        let result = try CoverageCalculator(captures: captures, includesCaptureShares: true).cover(aoi(region))
        #expect(abs(result.coveredKm2 + result.remainderKm2 - result.requestedKm2) / result.requestedKm2 < 1e-9)
        #expect(abs(result.captures.reduce(0) { $0 + ($1.gainKm2 ?? .nan) } - result.coveredKm2) / result.requestedKm2 < 1e-7)
        #expect(result.coveredPercent + result.remainderPercent == 100)
    }

    @Test("cloud masks come out of their capture, as properties.clouds or as cloud features")
    func clouds() throws {
        let region = box(2, 45, 2.1, 45.1)
        let cloud = box(2.02, 45.02, 2.04, 45.04)
        let expected = (Geodesic.area(of: [region]) - Geodesic.area(of: [cloud])) / 1e6
        let text = #"""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"c1","properties":{"clouds":{"type":"Polygon","coordinates":[[[2.02,45.02],[2.04,45.02],[2.04,45.04],[2.02,45.04],[2.02,45.02]]]}},
             "geometry":{"type":"Polygon","coordinates":[[[1.9,44.9],[2.2,44.9],[2.2,45.2],[1.9,45.2],[1.9,44.9]]]}},
            {"type":"Feature","id":"c2","properties":{},"geometry":{"type":"Polygon","coordinates":[[[1.9,44.9],[2.2,44.9],[2.2,45.2],[1.9,45.2],[1.9,44.9]]]}},
            {"type":"Feature","properties":{"role":"cloud","capture":"c2"},"geometry":{"type":"Polygon","coordinates":[[[2.02,45.02],[2.04,45.02],[2.04,45.04],[2.02,45.04],[2.02,45.02]]]}}
            ]}
            """#
        let captures = try CaptureReader.captures(in: GeoJSONReader().read(text))
        #expect(captures.map { $0.clouds.count } == [1, 1])
        for capture in captures {
            let result = try CoverageCalculator(captures: [capture]).cover(aoi(region))
            #expect(relativeDifference(result.coveredKm2, expected) < 1e-9)
        }
        let both = try CoverageCalculator(captures: captures).cover(aoi(region))
        #expect(relativeDifference(both.coveredKm2, expected) < 1e-9)
    }

    @Test("gains follow acquisition order, undated captures last, file order breaking ties")
    func acquisitionOrder() throws {
        let region = box(2, 45, 2.1, 45.1)
        let whole = box(1.9, 44.9, 2.2, 45.2)
        let march = RFC3339.date("2026-03-01T10:00:00Z")!
        let april = RFC3339.date("2026-04-01T10:00:00.5+02:00")!
        let captures = [
            Capture(id: "undated", footprint: [whole], fileIndex: 0),
            Capture(id: "april", footprint: [whole], acquired: april, fileIndex: 1),
            Capture(id: "march", footprint: [whole], acquired: march, fileIndex: 2),
            Capture(id: "march-too", footprint: [whole], acquired: march, fileIndex: 3),
        ]
        let result = try CoverageCalculator(captures: captures, includesCaptureShares: true).cover(aoi(region))
        #expect(result.captures.map(\.id) == ["march", "march-too", "april", "undated"])
        #expect(result.captures.map(\.gainKm2) == [result.requestedKm2, 0, 0, 0])
    }

    @Test("percents round to two decimals and sum to 100; fulfilment compares the unrounded percent")
    func percents() throws {
        let region = box(2, 45, 2.1, 45.1)
        // Cover all but a sliver: covered ≈ 84.996 %, which prints as 85.00 but is not fulfilled at 85.
        func cover(east: Double) throws -> AOICoverage {
            try CoverageCalculator(captures: [Capture(id: "c", footprint: [box(1.9, 44.9, east, 45.2)])]).cover(aoi(region))
        }
        var east = 2.085
        for _ in 0..<8 { east += (0.84996 - (try cover(east: east)).coveredFraction) * 0.1 }
        let result = try cover(east: east)
        #expect(abs(result.coveredFraction * 100 - 84.996) < 1e-6)
        #expect(result.coveredPercent == 85.0)
        #expect(result.remainderPercent == 15.0)
        #expect(!result.fulfilled)
        var lower = result
        lower.thresholdPercent = 84.99
        #expect(lower.fulfilled)
    }

    @Test("an order of 200 AOIs on all cores: each covered whole, by exactly the captures over it, its area the closed-form one")
    func concurrentOrder() throws {
        // Capture k spans 0.05k°…0.05k + 0.3° E, 45°…45.2° N: together 0°…1.75° E, so every AOI (inside 0.013°…1.443° E,
        // 45.05°…45.12° N) is covered whole, by exactly the captures whose span overlaps its own (no edges within
        // 0.003° of each other, so none merely touch).
        let captures = (0..<30).map { index in
            Capture(id: .number(Double(index)), footprint: [box(Double(index) * 0.05, 45, Double(index) * 0.05 + 0.3, 45.2)], fileIndex: index)
        }
        let calculator = try CoverageCalculator(captures: captures)
        let aois = (0..<200).map { index in
            AOI(id: .number(Double(index)), index: index, polygons: [box(0.013 + Double(index % 20) * 0.07, 45.05, 0.113 + Double(index % 20) * 0.07, 45.12)])
        }
        let order = try calculator.cover(aois)
        #expect(order.groups.count == 200)
        for (index, group) in order.groups.enumerated() {
            let west = 0.013 + Double(index % 20) * 0.07
            let expected = (0..<30).filter { Double($0) * 0.05 < west + 0.1 && Double($0) * 0.05 + 0.3 > west }.map { JSONValue.number(Double($0)) }
            #expect(group.captures.map(\.id) == expected, "AOI \(index)")
            #expect(relativeDifference(group.requestedKm2, Self.rectangleKm2(west: west, east: west + 0.1, south: 45.05, north: 45.12)) < 1e-6)
            #expect(group.remainderKm2 / group.requestedKm2 < 1e-9 && group.coveredPercent == 100, "AOI \(index)")
        }
    }

    /// The area (km²) of a lon/lat box bounded by parallels on WGS84, in closed form (the authalic integral). The
    /// geodesic edges of the AOI's box bow from its parallels by metres, which moves its area by about 1e-7.
    static func rectangleKm2(west: Double, east: Double, south: Double, north: Double) -> Double {
        let a = 6_378_137.0
        let f = 1 / 298.257223563
        let e2 = f * (2 - f)
        let e = e2.squareRoot()
        func q(_ latitude: Double) -> Double {
            let s = sin(latitude * .pi / 180)
            return s / (1 - e2 * s * s) + log((1 + e * s) / (1 - e * s)) / (2 * e)
        }
        return a * a * (1 - e2) / 2 * (east - west) * .pi / 180 * (q(north) - q(south)) / 1e6
    }

    @Test("a bad acquisition time is invalid_date at its path")
    func badDate() throws {
        let text = #"{"type":"Feature","properties":{"acquired":"yesterday"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#
        #expect {
            try CaptureReader.captures(in: GeoJSONReader().read(text))
        } throws: { error in
            (error as? GeoPriceError)?.code == .invalidDate && (error as? GeoPriceError)?.path == "$.properties.acquired"
        }
    }
}

@Suite("Coverage of one AOI by many captures, in strips on all cores")
struct TiledCoverageTests {
    @Test("the strips give the one-piece overlay: covered, remainder, and each capture's overlap and gain")
    func tiledMatchesWhole() throws {
        var generator = SeededGenerator(seed: 21)
        let aoi = [PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(100_000, 0), SIMD2(100_000, 80_000), SIMD2(0, 80_000), SIMD2(0, 0)]])]
        let footprints = (0..<600).map { _ -> [PlanarPolygon] in
            let x = Double.random(in: -5_000...100_000, using: &generator)
            let y = Double.random(in: -5_000...80_000, using: &generator)
            return [PlanarPolygon(rings: [[SIMD2(x, y), SIMD2(x + 6_000, y + 500), SIMD2(x + 5_500, y + 4_500), SIMD2(x, y + 4_000), SIMD2(x, y)]])]
        }
        let clouds = footprints.indices.map { $0.isMultiple(of: 7) ? [PlanarPolygon(rings: [footprints[$0][0].rings[0].map { $0 * 0.999 + SIMD2(1, 1) }])] : [] }
        let whole = try Planar.coverage(of: aoi, by: footprints, clouds: clouds)
        let tiled = try _TiledOverlay.coverage(of: aoi, by: footprints, clouds: clouds, withGains: true)
        #expect(abs(tiled.covered.area - whole.covered.area) / aoi.area < 1e-12)
        #expect(abs(tiled.remainder.area - whole.remainder.area) / aoi.area < 1e-12)
        for index in footprints.indices {
            #expect(abs(tiled.overlaps[index].area - whole.overlaps[index].area) / aoi.area < 1e-12)
            #expect(abs(tiled.gains[index].area - whole.gains[index].area) / aoi.area < 1e-12)
        }
        #expect(abs(tiled.gains.reduce(0) { $0 + $1.area } - tiled.covered.area) / aoi.area < 1e-12)
    }
}
