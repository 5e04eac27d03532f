import GeoJSON
import GeometryEngine

/// One AOI's overlay with many captures, cut into a fixed number of vertical strips of the AOI overlaid on all cores (each strip on its
/// own thread's GEOS context), then joined: covered and remainder by a union across the seams, each capture's
/// overlap and gain as the parts it has in each strip. The strips partition the AOI, so every area adds up.
enum _TiledOverlay {
    /// Strips per AOI: fixed, so that the covered and remainder geometries (whose vertices include the strip seams'
    /// union) are the same on every machine, whatever its cores. Two measured fastest on two cores; more strips
    /// cost more seam work than they gain there.
    static let stripCount = 2

    static func coverage(of aoi: [PlanarPolygon], by footprints: [[PlanarPolygon]], clouds: [[PlanarPolygon]], withGains: Bool) throws(GEOSFailure)
        -> PlanarCoverage
    {
        let box = Envelope(of: aoi.flatMap { $0.rings[0] })
        let strips = stripCount
        let width = (box.max.x - box.min.x) / Double(strips)
        let margin = max(box.max.y - box.min.y, box.max.x - box.min.x)
        let envelopes = footprints.map { Envelope(of: $0.flatMap { $0.rings[0] }) }
        let results = concurrentMap(count: strips) { strip in
            Result { () throws(GEOSFailure) -> (PlanarCoverage, [Int]) in
                let west = strip == 0 ? box.min.x - margin : box.min.x + Double(strip) * width
                let east = strip == strips - 1 ? box.max.x + margin : box.min.x + Double(strip + 1) * width
                let piece = try Planar.clip(aoi, to: SIMD2(west, box.min.y - margin), SIMD2(east, box.max.y + margin))
                let members = envelopes.indices.filter { envelopes[$0].max.x >= west && envelopes[$0].min.x <= east }
                guard !piece.isEmpty else {
                    return (PlanarCoverage(covered: [], remainder: [], overlaps: [], gains: [], meets: []), [])
                }
                let overlay = try Planar.coverage(
                    of: piece, by: members.map { footprints[$0] }, clouds: members.map { clouds[$0] }, withGains: withGains)
                return (overlay, members)
            }
        }
        var covered: [PlanarPolygon] = []
        var remainder: [PlanarPolygon] = []
        var overlaps = [[PlanarPolygon]](repeating: [], count: withGains ? footprints.count : 0)
        var gains = overlaps
        var meets = [Bool](repeating: false, count: footprints.count)
        for result in results {
            let (overlay, members) = try result.get()
            covered += overlay.covered
            remainder += overlay.remainder
            for (position, capture) in members.enumerated() where overlay.meets[position] { meets[capture] = true }
            guard withGains else { continue }
            for (position, capture) in members.enumerated() {
                overlaps[capture] += overlay.overlaps[position]
                gains[capture] += overlay.gains[position]
            }
        }
        return PlanarCoverage(
            covered: try Planar.union(covered), remainder: try Planar.union(remainder), overlaps: overlaps, gains: gains, meets: meets)
    }
}
