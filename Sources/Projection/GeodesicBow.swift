import Foundation
import GeometryEngine

/// How far a shape with geodesic edges can reach beyond the lon/lat box of its vertices.
///
/// Within a box less than 180° wide, a geodesic edge runs monotonically in longitude, so only latitude can overshoot:
/// an edge bows poleward, the most when both ends lie at the box's most poleward latitude φ and `w` apart, where the
/// great circle peaks at atan(tan φ / cos(w/2)). The ellipsoid changes this by well under 1 %; a tenth is added. A
/// region's extremes lie on its boundary unless it holds a pole, which needs a box 360° wide.
public enum GeodesicBow {
    /// The latitude overshoot bound, degrees, for shapes whose vertices lie in `box` (lon/lat degrees, longitudes
    /// continuous); 180 when the box is 180° wide or more (no bound).
    public static func latitudeOvershoot(ofVerticesIn box: Envelope) -> Double {
        let width = box.max.x - box.min.x
        guard width < 180, box.min.y <= box.max.y else { return width.isNaN || width >= 180 ? 180 : 0 }
        let poleward = min(90, max(abs(box.min.y), abs(box.max.y))) * .pi / 180
        let peak = atan(tan(poleward) / cos(width * .pi / 360))
        return 1.1 * (peak - poleward) * 180 / .pi
    }
}
