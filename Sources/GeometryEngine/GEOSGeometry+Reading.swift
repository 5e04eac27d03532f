import CGEOS

extension GEOSContext {
    /// The points of a ring or line, copied out through GEOS' buffer call (`GEOSCoordSeq_copyToBuffer_r`, GEOS 3.10).
    package func points(of lineOrRing: OpaquePointer) throws(GEOSFailure) -> [SIMD2<Double>] {
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, lineOrRing) else { throw failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw failure("GEOSCoordSeq_getSize_r") }
        var points = [SIMD2<Double>](repeating: .zero, count: Int(size))
        let status = points.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                GEOSCoordSeq_copyToBuffer_r(handle, sequence, doubles.baseAddress, 0, 0)
            }
        }
        guard status != 0 else { throw failure("GEOSCoordSeq_copyToBuffer_r") }
        return points
    }

    /// The polygons of a geometry: a Polygon, the parts of a MultiPolygon, and the areal members of a collection
    /// (lines and points, such as make-valid may leave, are dropped). Empty polygons are skipped.
    package func polygons(of geometry: OpaquePointer) throws(GEOSFailure) -> [PlanarPolygon] {
        switch Int(GEOSGeomTypeId_r(handle, geometry)) {
        case Int(GEOS_POLYGON.rawValue):
            guard GEOSisEmpty_r(handle, geometry) == 0 else { return [] }
            guard let exterior = GEOSGetExteriorRing_r(handle, geometry) else { throw failure("GEOSGetExteriorRing_r") }
            var rings = [try points(of: exterior)]
            let holes = GEOSGetNumInteriorRings_r(handle, geometry)
            guard holes >= 0 else { throw failure("GEOSGetNumInteriorRings_r") }
            for index in 0..<holes {
                guard let hole = GEOSGetInteriorRingN_r(handle, geometry, index) else { throw failure("GEOSGetInteriorRingN_r") }
                rings.append(try points(of: hole))
            }
            return [PlanarPolygon(rings: rings)]
        case Int(GEOS_MULTIPOLYGON.rawValue), Int(GEOS_GEOMETRYCOLLECTION.rawValue):
            let count = GEOSGetNumGeometries_r(handle, geometry)
            guard count >= 0 else { throw failure("GEOSGetNumGeometries_r") }
            var result: [PlanarPolygon] = []
            for index in 0..<count {
                guard let member = GEOSGetGeometryN_r(handle, geometry, index) else { throw failure("GEOSGetGeometryN_r") }
                result += try polygons(of: member)
            }
            return result
        default:
            return []
        }
    }
}

extension GEOSContext {
    /// GEOS' verdict on a geometry's validity (`GEOSisValidDetail_r`): `nil` when valid, else its reason and where.
    func validityDetail(of geometry: GEOSGeometry) throws(GEOSFailure) -> (reason: String, location: SIMD2<Double>?)? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let verdict = GEOSisValidDetail_r(handle, geometry.pointer, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(handle, reason) }
            if let location { GEOSGeom_destroy_r(handle, location) }
        }
        switch verdict {
        case 1: return nil
        case 0: return (reason.map { String(cString: $0) } ?? "invalid", try location.map(pointCoordinates))
        default: throw failure("GEOSisValidDetail_r")
        }
    }
}
