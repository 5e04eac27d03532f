import GeometryEngine
import Projection
import Testing
import TestSupport

@Suite("How far geodesic edges bow beyond their vertices")
struct GeodesicBowTests {
    @Test("seeded geodesic edges stay within their vertices' box grown by the bound, and the bound is not loose")
    func overshootBound() throws {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<300 {
            let latitude = Double.random(in: -85...85, using: &generator)
            let width = Double.random(in: 0.01...170, using: &generator)
            let west = Double.random(in: -180...180, using: &generator)
            let a = SIMD2(west, min(89, max(-89, latitude + Double.random(in: -2...2, using: &generator))))
            let b = SIMD2(west + width, min(89, max(-89, latitude + Double.random(in: -2...2, using: &generator))))
            let box = Envelope(of: [a, b])
            let bound = GeodesicBow.latitudeOvershoot(ofVerticesIn: box)
            let length = Geodesic.distance(from: a, to: b)
            let points = try Densify.geodesic([a, b], maxSegmentMetres: max(length / 2_000, 1)).points
            let north = points.map(\.y).max()!
            let south = points.map(\.y).min()!
            #expect(north <= box.max.y + bound && south >= box.min.y - bound, "\(a) → \(b): \(south)…\(north), bound \(bound)")
            // Ends at one latitude bow the most: the bound is then at most a fifth above what the edge does.
            let level = try Densify.geodesic([SIMD2(west, latitude), SIMD2(west + width, latitude)], maxSegmentMetres: max(length / 2_000, 1)).points
            let overshoot = latitude >= 0 ? level.map(\.y).max()! - latitude : latitude - level.map(\.y).min()!
            let levelBound = GeodesicBow.latitudeOvershoot(ofVerticesIn: Envelope(min: SIMD2(west, latitude), max: SIMD2(west + width, latitude)))
            #expect(overshoot <= levelBound && levelBound <= 1.2 * overshoot + 1e-9, "\(latitude) over \(width)°: \(overshoot) vs \(levelBound)")
        }
        #expect(GeodesicBow.latitudeOvershoot(ofVerticesIn: Envelope(min: SIMD2(0, 10), max: SIMD2(180, 20))) == 180)
    }
}
