@testable import Projection
import Testing

/// The per-thread cache of PROJ transformations is bounded: a service asked for ever more CRSs keeps at most
/// `maxCachedTransformations` of them, and still transforms correctly with the ones it dropped.
@Suite("PROJ transformation cache")
struct TransformationCacheTests {
    @Test("600 distinct transverse Mercator CRSs leave at most 512 cached, and the first one, dropped, still works")
    func bounded() throws {
        let limit = PROJContext.maxCachedTransformations
        func crs(_ index: Int) -> String { "+proj=tmerc +lon_0=\(Double(index) / 10) +ellps=WGS84 +units=m +no_defs" }
        for index in 0..<(limit + 88) {
            // On its central meridian, the equator maps to x = 0 (a transverse Mercator's false easting is 0 here).
            let point = try CRSTransformer(from: CRSTransformer.lonLat, to: crs(index)).transform([SIMD2(Double(index) / 10, 0)])[0]
            #expect(abs(point.x) < 1e-6 && abs(point.y) < 1e-6)
        }
        #expect(PROJContext.cachedTransformationCount <= limit)
        let again = try CRSTransformer(from: CRSTransformer.lonLat, to: crs(0)).transform([SIMD2(0, 0)])[0]
        #expect(abs(again.x) < 1e-6)
    }
}
