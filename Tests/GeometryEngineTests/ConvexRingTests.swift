import GeometryEngine
import Testing
import TestSupport

@Suite("Strictly convex rings, valid without asking GEOS")
struct ConvexRingTests {
    static func ring(_ points: [(Double, Double)]) -> [SIMD2<Double>] { (points + [points[0]]).map { SIMD2($0.0, $0.1) } }

    @Test("convex rings that wind once, either way round", arguments: [
        [(0, 0), (4, 0), (4, 4), (0, 4)], [(0, 0), (0, 4), (4, 4), (4, 0)], [(0, 0), (3, 1), (1, 2)],
        [(2, 0), (4, 1), (4, 3), (2, 4), (0, 3), (0, 1)], [(7.0172, 36.4028), (7.0394, 36.4028), (7.0397, 36.4184), (7.0166, 36.4183)],
    ] as [[(Double, Double)]])
    func convex(points: [(Double, Double)]) {
        #expect(PlanarPolygon.isStrictlyConvex(Self.ring(points)))
    }

    @Test("anything else is left to GEOS", arguments: [
        [(0, 0), (2, 2), (2, 0), (0, 2)],  // bowtie
        [(0, 0), (4, 0), (4, 1), (1, 1), (1, 4), (0, 4)],  // L, concave
        [(0, 0), (4, 0), (4, 0), (4, 4), (0, 4)],  // repeated vertex
        [(0, 0), (2, 0), (4, 0), (4, 4), (0, 4)],  // straight angle
        [(0, 0), (4, 0), (4, 4), (0, 4 + 1e-13), (0, 4)],  // a turn too slight to be sure of
        [(0, 10), (6, -8), (-9.5, 3), (9.5, 3), (-6, -8)],  // pentagram: turns all one way, but it winds twice
        [(0, 0), (1, 1), (2, 2)],  // a line
    ] as [[(Double, Double)]])
    func notConvex(points: [(Double, Double)]) {
        #expect(!PlanarPolygon.isStrictlyConvex(Self.ring(points)))
    }

    @Test("on seeded random quadrilaterals, every ring called strictly convex is one GEOS finds valid")
    func agreesWithGEOS() throws {
        var generator = SeededGenerator(seed: 77)
        // A far-away second part makes GEOS judge the quadrilateral itself (one ring alone would take the shortcut).
        let faraway = PlanarPolygon(rings: [Self.ring([(1000, 1000), (1001, 1000), (1001, 1001), (1000, 1001)])])
        var convex = 0
        for _ in 0..<3_000 {
            let points = (0..<4).map { _ in (Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator)) }
            let quad = PlanarPolygon(rings: [Self.ring(points)])
            let valid = try Planar.invalidity(of: [quad, faraway]) == nil
            if PlanarPolygon.isStrictlyConvex(quad.rings[0]) {
                convex += 1
                #expect(valid, "\(points)")
            }
            #expect(try Planar.invalidity(of: [quad]) == nil ? valid : !valid, "\(points)")
        }
        #expect(convex > 500)
    }
}
