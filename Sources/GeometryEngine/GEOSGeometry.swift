import CGEOS

/// A GEOS geometry owned by Swift: destroyed exactly once, on the thread's context that made it. It never leaves the
/// synchronous call that created it, so it never meets another thread.
package final class GEOSGeometry {
    package let pointer: OpaquePointer
    private let context: GEOSContext

    package init(taking pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    deinit { GEOSGeom_destroy_r(context.handle, pointer) }
}

extension GEOSContext {
    /// A linear ring from a closed ring's points, copied through GEOS' coordinate buffer call (no per-point calls).
    package func makeRing(_ points: [SIMD2<Double>]) throws(GEOSFailure) -> OpaquePointer {
        let sequence = points.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                // GEOSCoordSeq_copyFromBuffer_r (GEOS 3.10): interleaved x, y.
                GEOSCoordSeq_copyFromBuffer_r(handle, doubles.baseAddress, UInt32(points.count), 0, 0)
            }
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        guard let ring = GEOSGeom_createLinearRing_r(handle, sequence) else {
            GEOSCoordSeq_destroy_r(handle, sequence)
            throw failure("GEOSGeom_createLinearRing_r")
        }
        return ring
    }

    /// A GEOS Polygon (owned pointer) from a planar polygon.
    package func makePolygonPointer(_ polygon: PlanarPolygon) throws(GEOSFailure) -> OpaquePointer {
        var rings: [OpaquePointer] = []
        do {
            for ring in polygon.rings { rings.append(try makeRing(ring)) }
        } catch {
            for ring in rings { GEOSGeom_destroy_r(handle, ring) }
            throw error
        }
        guard let shell = rings.first else {
            guard let empty = GEOSGeom_createEmptyPolygon_r(handle) else { throw failure("GEOSGeom_createEmptyPolygon_r") }
            return empty
        }
        var holes: [OpaquePointer?] = rings.dropFirst().map { $0 }
        let created = holes.withUnsafeMutableBufferPointer { buffer in
            // GEOSGeom_createPolygon_r takes ownership of the shell and holes.
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let created else { throw failure("GEOSGeom_createPolygon_r") }
        return created
    }

    /// A GEOS Polygon, or MultiPolygon when there are several parts (or `asMulti`).
    package func makeGeometry(_ polygons: [PlanarPolygon], asMulti: Bool = false) throws(GEOSFailure) -> GEOSGeometry {
        if polygons.count == 1 && !asMulti {
            return GEOSGeometry(taking: try makePolygonPointer(polygons[0]), context: self)
        }
        var parts: [OpaquePointer?] = []
        do {
            for polygon in polygons { parts.append(try makePolygonPointer(polygon)) }
        } catch {
            for part in parts { GEOSGeom_destroy_r(handle, part) }
            throw error
        }
        let collection = parts.withUnsafeMutableBufferPointer { buffer in
            // GEOSGeom_createCollection_r takes ownership of the parts.
            GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTIPOLYGON.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let collection else { throw failure("GEOSGeom_createCollection_r") }
        return GEOSGeometry(taking: collection, context: self)
    }

    /// The x and y of a GEOS Point.
    package func pointCoordinates(_ point: OpaquePointer) throws(GEOSFailure) -> SIMD2<Double> {
        var x = 0.0
        var y = 0.0
        guard GEOSGeomGetX_r(handle, point, &x) == 1, GEOSGeomGetY_r(handle, point, &y) == 1 else {
            throw failure("GEOSGeomGetX_r")
        }
        return SIMD2(x, y)
    }
}

extension GEOSContext {
    /// The unary union of geometries (`GEOSUnaryUnion_r` over a collection of them), `nil` for none. The collection
    /// takes the geometries over: `geometries` is left empty, whatever happens.
    func unaryUnion(taking geometries: inout [OpaquePointer?]) throws(GEOSFailure) -> GEOSGeometry? {
        guard !geometries.isEmpty else { return nil }
        let count = UInt32(geometries.count)
        let collection = geometries.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, count)
        }
        // GEOS owns the members from the call on, even when it fails (it destroys them then).
        geometries = []
        guard let collection else { throw failure("GEOSGeom_createCollection_r") }
        let owned = GEOSGeometry(taking: collection, context: self)
        guard let union = GEOSUnaryUnion_r(handle, owned.pointer) else { throw failure("GEOSUnaryUnion_r") }
        return GEOSGeometry(taking: union, context: self)
    }

    /// An STRtree over geometries, each item its index (stored as index + 1, so that no item is a null pointer).
    /// The caller destroys it (`GEOSSTRtree_destroy_r`); the geometries must outlive it.
    func makeTree(_ items: [(index: Int, geometry: OpaquePointer)]) throws(GEOSFailure) -> OpaquePointer {
        guard let tree = GEOSSTRtree_create_r(handle, 10) else { throw failure("GEOSSTRtree_create_r") }
        for item in items { GEOSSTRtree_insert_r(handle, tree, item.geometry, UnsafeMutableRawPointer(bitPattern: item.index + 1)) }
        return tree
    }

    /// The indices of a tree's items whose envelopes meet `geometry`'s.
    func query(_ tree: OpaquePointer, _ geometry: OpaquePointer) -> [Int] {
        var found: [Int] = []
        withUnsafeMutablePointer(to: &found) { foundPointer in
            GEOSSTRtree_query_r(handle, tree, geometry, { item, userData in
                guard let item, let userData else { return }
                userData.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
            }, foundPointer)
        }
        return found
    }
}
