import CGEOS

/// What captures cover of an AOI, in one plane.
public struct PlanarCoverage: Sendable, Hashable {
    /// AOI ∩ ⋃ captures.
    public var covered: [PlanarPolygon]
    /// AOI − covered.
    public var remainder: [PlanarPolygon]
    /// Per capture (in the order given): capture ∩ AOI.
    public var overlaps: [[PlanarPolygon]]
    /// Per capture (in the order given): what it adds over the captures before it, as faces of the arrangement of all
    /// pieces. The gains partition `covered`.
    public var gains: [[PlanarPolygon]]
    /// Per capture (in the order given): whether it (less its clouds) shares interior with the AOI. Found with or
    /// without gains, from the prepared AOI.
    public var meets: [Bool]

    /// A coverage from its parts.
    public init(covered: [PlanarPolygon], remainder: [PlanarPolygon], overlaps: [[PlanarPolygon]], gains: [[PlanarPolygon]], meets: [Bool]) {
        self.covered = covered
        self.remainder = remainder
        self.overlaps = overlaps
        self.gains = gains
        self.meets = meets
    }
}

extension Planar {
    /// Covers an AOI with captures, all in one GEOS pass on the calling thread: the AOI prepared once, the captures
    /// (less their cloud masks) that meet it merged by one unary union (captures overlap, so not a coverage union)
    /// and met with the AOI once, the remainder by one difference. Gains come from one arrangement: the AOI's and the
    /// captures' boundaries (captures cut to the AOI's envelope) noded together and polygonized into faces, each face inside
    /// the AOI given to the earliest capture that holds it (candidates found through a GEOS STRtree), so no capture's
    /// gain needs the union of the captures before it.
    /// - Parameters:
    ///   - captures: each capture's polygons, in acquisition order.
    ///   - clouds: each capture's cloud masks (same order; empty for none).
    ///   - withGains: whether to find each capture's overlap and gain (else both are left empty).
    public static func coverage(of aoi: [PlanarPolygon], by captures: [[PlanarPolygon]], clouds: [[PlanarPolygon]], withGains: Bool = true) throws(GEOSFailure)
        -> PlanarCoverage
    {
        let context = GEOSContext.current
        let handle = context.handle
        let area = try context.makeGeometry(aoi)
        guard let prepared = GEOSPrepare_r(handle, area.pointer) else { throw context.failure("GEOSPrepare_r") }
        defer { GEOSPreparedGeom_destroy_r(handle, prepared) }

        var pieces: [GEOSGeometry?] = []
        var footprints: [GEOSGeometry?] = []
        // Copies of the footprints that meet the AOI, owned here until the union's collection takes them over.
        var meeting: [OpaquePointer?] = []
        defer { meeting.forEach { GEOSGeom_destroy_r(handle, $0) } }
        var wholeAOI = false
        var meets = [Bool](repeating: false, count: captures.count)
        pieces.reserveCapacity(captures.count)
        for (index, capture) in captures.enumerated() {
            var footprint = try context.makeGeometry(capture)
            if index < clouds.count, !clouds[index].isEmpty {
                let masks = try context.makeGeometry(clouds[index], asMulti: true)
                guard let clear = GEOSDifference_r(handle, footprint.pointer, masks.pointer) else { throw context.failure("GEOSDifference_r") }
                footprint = GEOSGeometry(taking: clear, context: context)
            }
            guard try context.meets(prepared, footprint) else {
                pieces.append(nil)
                footprints.append(nil)
                continue
            }
            meets[index] = try !context.onlyTouches(prepared, footprint)
            let coversAOI = GEOSPreparedCoveredBy_r(handle, prepared, footprint.pointer) == 1
            wholeAOI = wholeAOI || coversAOI
            // Whole footprints, not cut: the union then meets the AOI's own edges only once, in one intersection, and
            // has no cut edges lying on one another (cutting to the AOI sent GEOS into its slow snapping noder,
            // cutting to its envelope stacked collinear edges along the box).
            guard let copy = GEOSGeom_clone_r(handle, footprint.pointer) else { throw context.failure("GEOSGeom_clone_r") }
            meeting.append(copy)
            let piece = withGains ? try context.clip(footprint, to: area, covering: coversAOI) : nil
            pieces.append(piece)
            footprints.append(withGains && piece == nil ? nil : footprint)
        }

        let covered: GEOSGeometry?
        if wholeAOI {
            covered = area
        } else if let union = try context.unaryUnion(taking: &meeting) {
            guard let meet = GEOSIntersection_r(handle, area.pointer, union.pointer) else { throw context.failure("GEOSIntersection_r") }
            covered = GEOSGeometry(taking: meet, context: context)
        } else {
            covered = nil
        }
        let remainder: GEOSGeometry
        if let covered {
            guard let difference = GEOSDifference_r(handle, area.pointer, covered.pointer) else { throw context.failure("GEOSDifference_r") }
            remainder = GEOSGeometry(taking: difference, context: context)
        } else {
            remainder = area
        }

        return PlanarCoverage(
            covered: try covered.map { (geometry) throws(GEOSFailure) in try context.polygons(of: geometry.pointer) } ?? [],
            remainder: try context.polygons(of: remainder.pointer),
            overlaps: withGains ? try pieces.map { (piece) throws(GEOSFailure) in
                try piece.map { (geometry) throws(GEOSFailure) in try context.polygons(of: geometry.pointer) } ?? []
            } : [],
            gains: withGains ? try context.gains(of: footprints, pieces: pieces, in: area, prepared: prepared) : [],
            meets: meets)
    }
}

extension Planar {
    /// The union of polygons (`GEOSUnaryUnion_r`): overlaps merged, touching parts joined.
    public static func union(_ polygons: [PlanarPolygon]) throws(GEOSFailure) -> [PlanarPolygon] {
        guard !polygons.isEmpty else { return [] }
        let context = GEOSContext.current
        let geometry = try context.makeGeometry(polygons, asMulti: true)
        guard let union = GEOSUnaryUnion_r(context.handle, geometry.pointer) else { throw context.failure("GEOSUnaryUnion_r") }
        let result = GEOSGeometry(taking: union, context: context)
        return try context.polygons(of: result.pointer)
    }
}

extension GEOSContext {
    /// Whether a geometry shares any point with a prepared one.
    fileprivate func meets(_ prepared: OpaquePointer, _ geometry: GEOSGeometry) throws(GEOSFailure) -> Bool {
        switch GEOSPreparedIntersects_r(handle, prepared, geometry.pointer) {
        case 0: return false
        case 1: return true
        default: throw failure("GEOSPreparedIntersects_r")
        }
    }

    /// Whether a geometry that meets the prepared one touches it only on their boundaries (no interior shared).
    fileprivate func onlyTouches(_ prepared: OpaquePointer, _ geometry: GEOSGeometry) throws(GEOSFailure) -> Bool {
        switch GEOSPreparedTouches_r(handle, prepared, geometry.pointer) {
        case 0: return false
        case 1: return true
        default: throw failure("GEOSPreparedTouches_r")
        }
    }

    /// A geometry's bounding box.
    fileprivate func envelope(of geometry: GEOSGeometry) throws(GEOSFailure) -> Envelope {
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        guard GEOSGeom_getXMin_r(handle, geometry.pointer, &minX) != 0, GEOSGeom_getYMin_r(handle, geometry.pointer, &minY) != 0,
            GEOSGeom_getXMax_r(handle, geometry.pointer, &maxX) != 0, GEOSGeom_getYMax_r(handle, geometry.pointer, &maxY) != 0
        else { throw failure("GEOSGeom_getXMin_r") }
        return Envelope(min: SIMD2(minX, minY), max: SIMD2(maxX, maxY))
    }

    /// A footprint that meets the AOI clipped to it (the AOI itself when the footprint covers it), or `nil` when they
    /// share no area.
    fileprivate func clip(_ footprint: GEOSGeometry, to area: GEOSGeometry, covering: Bool) throws(GEOSFailure) -> GEOSGeometry? {
        if covering { return try clone(area) }
        guard let clipped = GEOSIntersection_r(handle, area.pointer, footprint.pointer) else { throw failure("GEOSIntersection_r") }
        let piece = GEOSGeometry(taking: clipped, context: self)
        var measure = 0.0
        guard GEOSArea_r(handle, piece.pointer, &measure) != 0 else { throw failure("GEOSArea_r") }
        return measure > 0 ? piece : nil
    }

    fileprivate func clone(_ geometry: GEOSGeometry) throws(GEOSFailure) -> GEOSGeometry {
        guard let copy = GEOSGeom_clone_r(handle, geometry.pointer) else { throw failure("GEOSGeom_clone_r") }
        return GEOSGeometry(taking: copy, context: self)
    }

    /// Each capture's gain: the faces of the arrangement of the AOI and the captures that lie in the AOI and that the
    /// capture is the earliest to hold. Captures are cut to the AOI's envelope first (exactly axis-aligned cuts, which
    /// node cleanly) rather than to the AOI, whose cut edges would run nearly along the AOI's and force GEOS into its
    /// slow snapping fallback.
    fileprivate func gains(of footprints: [GEOSGeometry?], pieces: [GEOSGeometry?], in area: GEOSGeometry, prepared: OpaquePointer)
        throws(GEOSFailure) -> [[PlanarPolygon]]
    {
        var gains = [[PlanarPolygon]](repeating: [], count: footprints.count)
        let present = footprints.indices.filter { footprints[$0] != nil }
        guard present.count > 1 else {
            for index in present { gains[index] = try polygons(of: pieces[index]!.pointer) }
            return gains
        }
        let box = try envelope(of: area)
        let (minX, minY, maxX, maxY) = (box.min.x, box.min.y, box.max.x, box.max.y)
        let margin = max(maxX - minX, maxY - minY) * 0.01 + 1
        guard let aoiBoundary = GEOSBoundary_r(handle, area.pointer) else { throw failure("GEOSBoundary_r") }
        var lines: [OpaquePointer?] = [aoiBoundary]
        defer { lines.forEach { GEOSGeom_destroy_r(handle, $0) } }
        for index in present {
            guard let cut = GEOSClipByRect_r(handle, footprints[index]!.pointer, minX - margin, minY - margin, maxX + margin, maxY + margin)
            else { throw failure("GEOSClipByRect_r") }
            let owned = GEOSGeometry(taking: cut, context: self)
            guard let boundary = GEOSBoundary_r(handle, owned.pointer) else { throw failure("GEOSBoundary_r") }
            lines.append(boundary)
        }
        // The unary union of linework nodes it: every crossing becomes a vertex of both lines.
        guard let noded = try unaryUnion(taking: &lines) else { return gains }
        var linework: OpaquePointer? = noded.pointer
        guard let facesPointer = GEOSPolygonize_r(handle, &linework, 1) else { throw failure("GEOSPolygonize_r") }
        let faces = GEOSGeometry(taking: facesPointer, context: self)

        let tree = try makeTree(present.map { ($0, footprints[$0]!.pointer) })
        defer { GEOSSTRtree_destroy_r(handle, tree) }
        var preparedFootprints: [OpaquePointer?] = Array(repeating: nil, count: footprints.count)
        defer { for case let preparedFootprint? in preparedFootprints { GEOSPreparedGeom_destroy_r(handle, preparedFootprint) } }
        let faceCount = GEOSGetNumGeometries_r(handle, faces.pointer)
        for faceIndex in 0..<max(faceCount, 0) {
            guard let face = GEOSGetGeometryN_r(handle, faces.pointer, faceIndex) else { throw failure("GEOSGetGeometryN_r") }
            guard let inside = GEOSPointOnSurface_r(handle, face) else { throw failure("GEOSPointOnSurface_r") }
            let point = GEOSGeometry(taking: inside, context: self)
            guard GEOSPreparedContains_r(handle, prepared, point.pointer) == 1 else { continue }
            for index in query(tree, point.pointer).sorted() {
                if preparedFootprints[index] == nil { preparedFootprints[index] = GEOSPrepare_r(handle, footprints[index]!.pointer) }
                guard let footprint = preparedFootprints[index] else { throw failure("GEOSPrepare_r") }
                if GEOSPreparedContains_r(handle, footprint, point.pointer) == 1 {
                    gains[index] += try polygons(of: face)
                    break
                }
            }
        }
        return gains
    }
}
