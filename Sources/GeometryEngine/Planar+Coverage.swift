import CGEOS

/// What captures cover of an AOI, in one plane.
public struct PlanarCoverage: Sendable, Hashable {
    /// AOI ∩ ⋃ captures.
    public var covered: [PlanarPolygon]
    /// AOI − covered.
    public var remainder: [PlanarPolygon]
    /// Per capture (in the order given): capture ∩ AOI.
    public var overlaps: [[PlanarPolygon]]
    /// Per capture (in the order given): what it adds over the captures before it. The gains partition `covered`.
    public var gains: [[PlanarPolygon]]
}

extension Planar {
    /// Covers an AOI with captures, all in one GEOS pass on the calling thread: the AOI prepared once, each capture
    /// (less its cloud masks) clipped to it, the clipped pieces merged by one unary union (captures overlap, so not a
    /// coverage union), the remainder by one difference. Each capture's gain is its piece less the earlier pieces
    /// that meet it, found through a GEOS STRtree, never by unioning everything before it.
    /// - Parameters:
    ///   - captures: each capture's polygons, in acquisition order.
    ///   - clouds: each capture's cloud masks (same order; empty for none).
    public static func coverage(of aoi: [PlanarPolygon], by captures: [[PlanarPolygon]], clouds: [[PlanarPolygon]]) throws -> PlanarCoverage {
        let context = GEOSContext.current
        let handle = context.handle
        let area = try context.makeGeometry(aoi)
        guard let prepared = GEOSPrepare_r(handle, area.pointer) else { throw context.failure("GEOSPrepare_r") }
        defer { GEOSPreparedGeom_destroy_r(handle, prepared) }

        var pieces: [GEOSGeometry?] = []
        pieces.reserveCapacity(captures.count)
        for (index, capture) in captures.enumerated() {
            var footprint = try context.makeGeometry(capture)
            if index < clouds.count, !clouds[index].isEmpty {
                let masks = try context.makeGeometry(clouds[index], asMulti: true)
                guard let clear = GEOSDifference_r(handle, footprint.pointer, masks.pointer) else { throw context.failure("GEOSDifference_r") }
                footprint = GEOSGeometry(taking: clear, context: context)
            }
            pieces.append(try context.clip(footprint, to: area, prepared: prepared))
        }

        let covered = try context.unaryUnion(pieces.compactMap { $0 })
        let remainder: GEOSGeometry
        if let covered {
            guard let difference = GEOSDifference_r(handle, area.pointer, covered.pointer) else { throw context.failure("GEOSDifference_r") }
            remainder = GEOSGeometry(taking: difference, context: context)
        } else {
            remainder = area
        }

        return PlanarCoverage(
            covered: try covered.map { try context.polygons(of: $0.pointer) } ?? [],
            remainder: try context.polygons(of: remainder.pointer),
            overlaps: try pieces.map { try $0.map { try context.polygons(of: $0.pointer) } ?? [] },
            gains: try context.gains(of: pieces))
    }
}

extension GEOSContext {
    /// A capture's footprint clipped to the AOI, or `nil` when they share no area.
    fileprivate func clip(_ footprint: GEOSGeometry, to area: GEOSGeometry, prepared: OpaquePointer) throws -> GEOSGeometry? {
        switch GEOSPreparedIntersects_r(handle, prepared, footprint.pointer) {
        case 0: return nil
        case 1: break
        default: throw failure("GEOSPreparedIntersects_r")
        }
        if GEOSPreparedCoveredBy_r(handle, prepared, footprint.pointer) == 1 { return try clone(area) }
        guard let clipped = GEOSIntersection_r(handle, area.pointer, footprint.pointer) else { throw failure("GEOSIntersection_r") }
        let piece = GEOSGeometry(taking: clipped, context: self)
        var measure = 0.0
        guard GEOSArea_r(handle, piece.pointer, &measure) != 0 else { throw failure("GEOSArea_r") }
        return measure > 0 ? piece : nil
    }

    fileprivate func clone(_ geometry: GEOSGeometry) throws -> GEOSGeometry {
        guard let copy = GEOSGeom_clone_r(handle, geometry.pointer) else { throw failure("GEOSGeom_clone_r") }
        return GEOSGeometry(taking: copy, context: self)
    }

    /// The unary union of geometries (`GEOSUnaryUnion_r` over a collection of copies), `nil` for none.
    fileprivate func unaryUnion(_ geometries: [GEOSGeometry]) throws -> GEOSGeometry? {
        guard !geometries.isEmpty else { return nil }
        if geometries.count == 1 { return try clone(geometries[0]) }
        var copies: [OpaquePointer?] = []
        copies.reserveCapacity(geometries.count)
        for geometry in geometries {
            guard let copy = GEOSGeom_clone_r(handle, geometry.pointer) else {
                copies.forEach { GEOSGeom_destroy_r(handle, $0) }
                throw failure("GEOSGeom_clone_r")
            }
            copies.append(copy)
        }
        let collection = copies.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let collection else { throw failure("GEOSGeom_createCollection_r") }
        let owned = GEOSGeometry(taking: collection, context: self)
        guard let union = GEOSUnaryUnion_r(handle, owned.pointer) else { throw failure("GEOSUnaryUnion_r") }
        return GEOSGeometry(taking: union, context: self)
    }

    /// Each piece less the earlier pieces that meet it (found through an STRtree of the pieces' envelopes).
    fileprivate func gains(of pieces: [GEOSGeometry?]) throws -> [[PlanarPolygon]] {
        guard let tree = GEOSSTRtree_create_r(handle, 10) else { throw failure("GEOSSTRtree_create_r") }
        defer { GEOSSTRtree_destroy_r(handle, tree) }
        for (index, piece) in pieces.enumerated() {
            guard let piece else { continue }
            // The item is the piece's index + 1, so that no item is a null pointer.
            GEOSSTRtree_insert_r(handle, tree, piece.pointer, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
        var gains: [[PlanarPolygon]] = []
        gains.reserveCapacity(pieces.count)
        for (index, piece) in pieces.enumerated() {
            guard let piece else {
                gains.append([])
                continue
            }
            var found: [Int] = []
            withUnsafeMutablePointer(to: &found) { foundPointer in
                GEOSSTRtree_query_r(handle, tree, piece.pointer, { item, userData in
                    guard let item, let userData else { return }
                    userData.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
                }, foundPointer)
            }
            let earlier = found.filter { $0 < index }.compactMap { pieces[$0] }.filter { GEOSIntersects_r(handle, piece.pointer, $0.pointer) == 1 }
            guard let before = try unaryUnion(earlier) else {
                gains.append(try polygons(of: piece.pointer))
                continue
            }
            guard let gain = GEOSDifference_r(handle, piece.pointer, before.pointer) else { throw failure("GEOSDifference_r") }
            let owned = GEOSGeometry(taking: gain, context: self)
            gains.append(try polygons(of: owned.pointer))
        }
        return gains
    }
}
