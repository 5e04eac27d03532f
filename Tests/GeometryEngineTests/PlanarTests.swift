import GeometryEngine
import Testing

@Suite("Planar operations through GEOS")
struct PlanarTests {
    let square = PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(4, 0), SIMD2(4, 4), SIMD2(0, 4), SIMD2(0, 0)]])

    @Test("a square is valid; a bowtie is a self-intersection at its crossing")
    func validity() throws {
        #expect(try Planar.invalidity(of: [square]) == nil)
        let bowtie = PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(2, 2), SIMD2(2, 0), SIMD2(0, 2), SIMD2(0, 0)]])
        let problem = try #require(try Planar.invalidity(of: [bowtie]))
        #expect(problem.reason == "Self-intersection")
        #expect(problem.location == SIMD2(1, 1))
    }

    @Test("the minimum rotated rectangle of a 3 × 4 rectangle turned by 3-4-5 and of two squares 10 apart")
    func minimumRectangle() throws {
        // Sides 4 along (0.6, 0.8) and 3 along (-0.8, 0.6).
        let u = SIMD2(0.6, 0.8), v = SIMD2(-0.8, 0.6)
        let turned = PlanarPolygon(rings: [[SIMD2(0, 0), 4 * u, 4 * u + 3 * v, 3 * v, SIMD2(0, 0)]])
        let sides = try Planar.minimumWidthRectangle(of: [turned])
        #expect(abs(sides.width - 3) < 1e-12 && abs(sides.length - 4) < 1e-12)
        #expect(abs(try Planar.minimumWidth(of: [turned]) - sides.width) < 1e-12)
        // Two unit squares with 10 between them: 1 wide, 12 long, the parts taken together.
        let left = PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(1, 0), SIMD2(1, 1), SIMD2(0, 1), SIMD2(0, 0)]])
        let right = PlanarPolygon(rings: left.rings.map { $0.map { $0 + SIMD2(11, 0) } })
        let both = try Planar.minimumWidthRectangle(of: [left, right])
        #expect(both.width == 1 && both.length == 12)
    }

    /// The quadrilateral (0,0) (4,0) (4,1) (0,3): its minimum width, 6/√5 across the edge from (4,1) to (0,3), makes a
    /// 6/√5 × 11/√5 rectangle (area 13.2), while its minimum-area rectangle is 3 × 4 (area 12), what
    /// `GEOSMinimumRotatedRectangle_r` gives from GEOS 3.12 (shapely 2.2 on GEOS 3.14). Sides by rotating calipers by hand.
    @Test("the rectangle is the minimum-width one, not the minimum-area one, on any GEOS version")
    func minimumWidthRectangle() throws {
        let quadrilateral = PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(4, 0), SIMD2(4, 1), SIMD2(0, 3), SIMD2(0, 0)]])
        let sides = try Planar.minimumWidthRectangle(of: [quadrilateral])
        #expect(abs(sides.width - 6 / 5.0.squareRoot()) < 1e-12)
        #expect(abs(sides.length - 11 / 5.0.squareRoot()) < 1e-12)
        let segment = PlanarPolygon(rings: [[SIMD2(1, 1), SIMD2(4, 5), SIMD2(2.5, 3), SIMD2(1, 1)]])
        let flat = try Planar.minimumWidthRectangle(of: [segment])
        #expect(flat.width == 0 && flat.length == 5)
    }

    @Test("a hole outside its shell is invalid")
    func holeOutside() throws {
        var polygon = square
        polygon.rings.append([SIMD2(10, 10), SIMD2(11, 10), SIMD2(11, 11), SIMD2(10, 10)])
        #expect(try Planar.invalidity(of: [polygon])?.reason == "Hole lies outside shell")
    }

    @Test("area-weighted centroid and shoelace area with a hole")
    func centroidAndArea() throws {
        var polygon = square
        polygon.rings.append([SIMD2(0, 0), SIMD2(0, 2), SIMD2(2, 2), SIMD2(2, 0), SIMD2(0, 0)].map { $0 + SIMD2(2, 2) })
        #expect(polygon.area == 12)
        let centroid = try Planar.centroid(of: [polygon])
        #expect(abs(centroid.x - (16 * 2 - 4 * 3) / 12.0) < 1e-12)
        #expect(abs(centroid.y - (16 * 2 - 4 * 3) / 12.0) < 1e-12)
    }

    @Test("degenerate rings: collinear points, but not a bowtie")
    func degenerate() {
        #expect(PlanarPolygon.isDegenerate([SIMD2(0, 0), SIMD2(0.1, 0.1), SIMD2(0.3, 0.3), SIMD2(0, 0)]))
        #expect(!PlanarPolygon.isDegenerate([SIMD2(0, 0), SIMD2(2, 2), SIMD2(2, 0), SIMD2(0, 2), SIMD2(0, 0)]))
        #expect(!PlanarPolygon.isDegenerate(square.rings[0]))
    }

    @Test("interiors shared with rectangles, touching edges excluded")
    func interiors() throws {
        let boxes: [(SIMD2<Double>, SIMD2<Double>)] = [
            (SIMD2(3, 3), SIMD2(5, 5)), (SIMD2(4, 0), SIMD2(6, 4)), (SIMD2(10, 10), SIMD2(11, 11)),
        ]
        #expect(try Planar.interiorsIntersect([square], rectangles: boxes) == [true, false, false])
    }

    @Test("GEOS contexts are per thread: concurrent validity checks agree")
    func concurrent() async throws {
        let bowtie = PlanarPolygon(rings: [[SIMD2(0, 0), SIMD2(2, 2), SIMD2(2, 0), SIMD2(0, 2), SIMD2(0, 0)]])
        let square = self.square
        let verdicts = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<2_000 {
                group.addTask { try Planar.invalidity(of: [index.isMultiple(of: 2) ? square : bowtie]) == nil }
            }
            var valid = 0
            for try await verdict in group where verdict { valid += 1 }
            return valid
        }
        #expect(verdicts == 1_000)
    }
}
