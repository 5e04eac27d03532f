import Foundation
import GeoPricing
import TestSupport

/// The benchmark's inputs, made from a seed.
enum Inputs {
    /// `count` small AOIs: quadrilaterals of 0.5 to 2 km a side (corners jittered) over Europe, between 0° and 18° E
    /// (UTM zones 31 to 33) and 36° to 60° N. Seed 7 unless given.
    static func smallAOIs(count: Int, seed: UInt64 = 7) -> [AOI] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let longitude = Double.random(in: 0...18, using: &generator)
            let latitude = Double.random(in: 36...60, using: &generator)
            let size = Double.random(in: 0.0045...0.018, using: &generator)
            var ring: [Position] = [
                Position(longitude, latitude), Position(longitude + size * 1.4, latitude),
                Position(longitude + size * 1.4, latitude + size), Position(longitude, latitude + size),
            ]
            for corner in ring.indices {
                ring[corner].longitude += Double.random(in: -0.1...0.1, using: &generator) * size
                ring[corner].latitude += Double.random(in: -0.1...0.1, using: &generator) * size
            }
            ring.append(ring[0])
            return AOI(id: .number(Double(index)), index: index, polygons: [Polygon(rings: [ring])])
        }
    }

    /// A rotated rectangle of `width` × `height` degrees (longitude scaled by the latitude) about a centre.
    static func rectangle(center: SIMD2<Double>, width: Double, height: Double, angle: Double) -> Polygon {
        let scaleX = 1 / cos(center.y * .pi / 180)
        let corners: [SIMD2<Double>] = [SIMD2(-width, -height), SIMD2(width, -height), SIMD2(width, height), SIMD2(-width, height)]
        var ring = corners.map { corner -> Position in
            let x = (corner.x * cos(angle) - corner.y * sin(angle)) / 2
            let y = (corner.x * sin(angle) + corner.y * cos(angle)) / 2
            return Position(center.x + x * scaleX, center.y + y)
        }
        ring.append(ring[0])
        return Polygon(rings: [ring])
    }

    /// `aoiCount` AOIs of about 10 km × 10 km over Europe, each with `perAOI` capture strips (about 6 km × 20 km, any
    /// heading) placed around it so that most meet it. Seed 11 unless given.
    static func coverageOrder(aoiCount: Int, perAOI: Int, seed: UInt64 = 11) -> (aois: [AOI], captures: [Capture]) {
        var generator = SeededGenerator(seed: seed)
        var aois: [AOI] = []
        var captures: [Capture] = []
        for index in 0..<aoiCount {
            let center = SIMD2(Double.random(in: 0...18, using: &generator), Double.random(in: 36...60, using: &generator))
            let polygon = rectangle(center: center, width: 0.09, height: 0.09, angle: Double.random(in: 0...0.5, using: &generator))
            aois.append(AOI(id: .number(Double(index)), index: index, polygons: [polygon]))
            for _ in 0..<perAOI {
                let offset = SIMD2(Double.random(in: -0.12...0.12, using: &generator), Double.random(in: -0.12...0.12, using: &generator))
                let strip = rectangle(
                    center: center + offset, width: 0.055, height: 0.18, angle: Double.random(in: 0...Double.pi, using: &generator))
                captures.append(Capture(id: .number(Double(captures.count)), footprint: [strip], fileIndex: captures.count))
            }
        }
        return (aois, captures)
    }

    /// One AOI of about 141 km × 141 km (≈ 20,000 km²) near 45° N and `count` captures of about 5 km × 5 km spread over
    /// a region twice its size, so that about half of them meet it. Seed 13 unless given.
    static func largeAOI(captureCount count: Int, seed: UInt64 = 13) -> (aoi: AOI, captures: [Capture]) {
        var generator = SeededGenerator(seed: seed)
        let center = SIMD2(5.0, 45.0)
        let aoi = AOI(id: .string("large"), polygons: [rectangle(center: center, width: 1.27, height: 1.27, angle: 0.2)])
        let captures = (0..<count).map { index in
            let offset = SIMD2(Double.random(in: -1.55...1.55, using: &generator), Double.random(in: -1.55...1.55, using: &generator))
            let footprint = rectangle(center: center + offset, width: 0.045, height: 0.045, angle: Double.random(in: 0...1.5, using: &generator))
            return Capture(id: .number(Double(index)), footprint: [footprint], fileIndex: index)
        }
        return (aoi, captures)
    }
}
