import CPROJ
import GeoJSON

/// A PROJ coordinate operation between two CRSs, axis order normalised to x = easting/longitude,
/// y = northing/latitude (`proj_normalize_for_visualization`), owned by one thread's ``PROJContext``.
final class PROJTransformation {
    let operation: OpaquePointer
    /// Metres per unit of the target CRS's axes, or `nil` when the target is geographic (degrees).
    let targetMetresPerUnit: Double?
    /// The target CRS's area of use (degrees), when PROJ knows one.
    let targetAreaOfUse: AreaOfUse?
    /// The source CRS's area of use (degrees), when PROJ knows one.
    let sourceAreaOfUse: AreaOfUse?
    /// Whether the target is lon/lat or projected (both 2-D: anything else is refused when the operation is built).
    private(set) var targetKind = CRSKind.geographic
    /// The thread's PROJ context, which owns every object built here.
    private let context: OpaquePointer
    /// The target CRS as given.
    private let target: String

    init(from source: String, to target: String, in owner: PROJContext) throws(GeoPriceError) {
        let context = owner.context
        self.context = context
        self.target = target
        for name in [source, target] {
            guard CRSDefinition.isExplicit(name) else {
                throw Self.unknownCRS(name, "give a CRS as AUTHORITY:CODE (EPSG:32632), a PROJ string, WKT or PROJJSON")
            }
            guard let crs = proj_create(context, CRSDefinition.normalized(name)) else {
                throw Self.unknownCRS(name, owner.describeLastError())
            }
            defer { proj_destroy(crs) }
            guard proj_is_crs(crs) != 0 else { throw Self.unknownCRS(name, "it defines an operation, not a CRS") }
        }
        owner.lastMessage = nil
        guard let raw = proj_create_crs_to_crs(context, CRSDefinition.normalized(source), CRSDefinition.normalized(target), nil) else {
            throw GeoPriceError(
                .unknownCRS, "PROJ finds no way from \(source) to \(target): \(owner.describeLastError())",
                details: ["from": .string(source), "to": .string(target)])
        }
        defer { proj_destroy(raw) }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            throw GeoPriceError(.unknownCRS, "cannot normalise the axis order of \(target): \(owner.describeLastError())",
                details: ["crs": .string(target)])
        }
        operation = normalized
        for (name, crs) in [(source, proj_get_source_crs(context, normalized)), (target, proj_get_target_crs(context, normalized))] {
            defer { if let crs { proj_destroy(crs) } }
            guard let crs, let kind = CRSKind(of: crs, context: context) else {
                proj_destroy(normalized)
                throw Self.unknownCRS(name, "geoprice works in 2-D CRSs, lon/lat or projected; this is \(Self.typeName(of: crs))")
            }
            if name == target { targetKind = kind }
        }
        targetMetresPerUnit = Self.metresPerUnit(ofTargetOf: normalized, context: context)
        targetAreaOfUse = AreaOfUse(of: proj_get_target_crs(context, normalized), context: context)
        sourceAreaOfUse = AreaOfUse(of: proj_get_source_crs(context, normalized), context: context)
    }

    /// The point scale factor of the target CRS's map projection at a lon/lat point (`proj_factors`, which takes
    /// geodetic coordinates in radians, longitude first): the mean of the meridional and parallel scales, 0.9996 on a
    /// UTM zone's central meridian.
    /// - Returns: `nil` where PROJ cannot tell (a target that is not a projected CRS, a point it cannot project).
    func pointScale(atLonLat point: SIMD2<Double>) -> Double? {
        guard let projection = targetProjection else { return nil }
        let degrees = Double.pi / 180
        proj_errno_reset(projection)
        let factors = proj_factors(projection, proj_coord(point.x * degrees, point.y * degrees, 0, 0))
        let failed = proj_errno(projection) != 0
        proj_errno_reset(projection)
        let scale = (factors.meridional_scale + factors.parallel_scale) / 2
        return !failed && scale.isFinite && scale > 0 ? scale : nil
    }

    /// The target CRS's map projection as a PROJ operation, for ``pointScale(atLonLat:)``; built on first use.
    ///
    /// Built from the CRS's PROJ string (`+proj=utm +zone=32 +datum=WGS84 …` without `+type=crs`): `proj_factors`
    /// on the projected CRS itself builds a coordinate operation from the database on every call (16 ms), and on
    /// the CRS's conversion object it answers nonsense (1e5) in PROJ 9.1. A CRS without a PROJ string falls back to
    /// the CRS object: right, only slow.
    private var targetProjection: OpaquePointer? {
        if case .some(let built) = builtTargetProjection { return built }
        var built: OpaquePointer?
        if let crs = proj_create(context, CRSDefinition.normalized(target)) {
            if let text = proj_as_proj_string(context, crs, PJ_PROJ_5, nil) {
                let operation = String(cString: text).replacingOccurrences(of: " +type=crs", with: "")
                built = proj_create(context, operation)
            }
            if built == nil { built = crs } else { proj_destroy(crs) }
        }
        builtTargetProjection = .some(built)
        return built
    }
    private var builtTargetProjection: OpaquePointer?? = nil

    deinit {
        proj_destroy(operation)
        if case .some(let built?) = builtTargetProjection { proj_destroy(built) }
    }

    /// PROJ's name for a CRS object's type ("geocentric CRS", "compound CRS"), for errors.
    static func typeName(of crs: OpaquePointer?) -> String {
        guard let crs else { return "not a CRS" }
        switch proj_get_type(crs) {
        case PJ_TYPE_GEOCENTRIC_CRS: return "a geocentric CRS"
        case PJ_TYPE_GEOGRAPHIC_3D_CRS: return "a 3-D geographic CRS"
        case PJ_TYPE_COMPOUND_CRS: return "a compound CRS"
        case PJ_TYPE_VERTICAL_CRS: return "a vertical CRS"
        case PJ_TYPE_ENGINEERING_CRS: return "an engineering CRS"
        case PJ_TYPE_PROJECTED_CRS: return "a 3-D projected CRS"
        default: return "a CRS of another kind"
        }
    }

    static func unknownCRS(_ name: String, _ reason: String) -> GeoPriceError {
        GeoPriceError(.unknownCRS, "unknown or unusable CRS '\(name)': \(reason)", details: ["crs": .string(name)])
    }

    /// Transforms points in place with one `proj_trans_generic` call over the interleaved buffer.
    /// - Returns: the index of the first point PROJ could not transform, or `nil`.
    func transform(_ points: inout [SIMD2<Double>], direction: PJ_DIRECTION = PJ_FWD) -> Int? {
        guard !points.isEmpty else { return nil }
        proj_errno_reset(operation)
        let count = points.count
        points.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                let stride = MemoryLayout<SIMD2<Double>>.stride
                _ = proj_trans_generic(
                    operation, direction, doubles.baseAddress, stride, count, doubles.baseAddress! + 1, stride, count,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        return points.firstIndex { !$0.x.isFinite || !$0.y.isFinite }
    }

    /// Metres per axis unit of a coordinate operation's target CRS; `nil` for an ellipsoidal (degree) system.
    private static func metresPerUnit(ofTargetOf operation: OpaquePointer, context: OpaquePointer) -> Double? {
        guard var crs = proj_get_target_crs(context, operation) else { return nil }
        defer { proj_destroy(crs) }
        var inner: [OpaquePointer] = []
        defer { inner.forEach { proj_destroy($0) } }
        switch proj_get_type(crs) {
        case PJ_TYPE_BOUND_CRS:
            guard let base = proj_get_source_crs(context, crs) else { return nil }
            inner.append(base)
            crs = base
        case PJ_TYPE_COMPOUND_CRS:
            guard let horizontal = proj_crs_get_sub_crs(context, crs, 0) else { return nil }
            inner.append(horizontal)
            crs = horizontal
        default: break
        }
        guard let system = proj_crs_get_coordinate_system(context, crs) else { return nil }
        defer { proj_destroy(system) }
        guard proj_cs_get_type(context, system) == PJ_CS_TYPE_CARTESIAN else { return nil }
        var factor = 0.0
        guard proj_cs_get_axis_info(context, system, 0, nil, nil, nil, &factor, nil, nil, nil) != 0, factor > 0 else { return nil }
        return factor
    }
}

/// The two kinds of CRS geoprice works in: 2-D geographic (degrees) and 2-D projected (a plane). Geocentric, 3-D,
/// vertical, compound and engineering CRSs are refused: their coordinates are not a lon/lat pair or a plane, and a
/// planar area or a GeoJSON position in them would be silently wrong.
enum CRSKind: Sendable, Hashable {
    case geographic
    case projected

    /// The kind of a CRS object (a bound CRS counts as its base), or `nil` when it is neither 2-D kind.
    init?(of crs: OpaquePointer, context: OpaquePointer) {
        var base = crs
        var unwrapped: OpaquePointer?
        defer { if let unwrapped { proj_destroy(unwrapped) } }
        if proj_get_type(crs) == PJ_TYPE_BOUND_CRS {
            guard let inner = proj_get_source_crs(context, crs) else { return nil }
            unwrapped = inner
            base = inner
        }
        guard let system = proj_crs_get_coordinate_system(context, base) else { return nil }
        defer { proj_destroy(system) }
        guard proj_cs_get_axis_count(context, system) == 2 else { return nil }
        switch proj_get_type(base) {
        case PJ_TYPE_GEOGRAPHIC_2D_CRS: self = .geographic
        case PJ_TYPE_PROJECTED_CRS: self = .projected
        default: return nil
        }
    }
}

/// The region where a CRS is meant to be used, in degrees; `west > east` when it crosses ±180°.
struct AreaOfUse: Sendable, Hashable {
    var west: Double
    var south: Double
    var east: Double
    var north: Double

    /// Reads (and destroys) a CRS object's area of use.
    init?(of crs: OpaquePointer?, context: OpaquePointer) {
        guard let crs else { return nil }
        defer { proj_destroy(crs) }
        var west = 0.0, south = 0.0, east = 0.0, north = 0.0
        guard proj_get_area_of_use(context, crs, &west, &south, &east, &north, nil) != 0, west > -1000 else { return nil }
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// How far (degrees) beyond its area of use a vertex may lie and still get a planar figure in a CRS: EPSG's
    /// areas of use are coarse boxes (EPSG:2154's ends at 41.15°N, a little north of Corsica's southern waters),
    /// while the vertices that break a projection lie far out (a pole in EPSG:3857, whose box ends at 85.06°).
    static let planarFigureMargin = 1.0

    /// Whether a lon/lat point lies inside, with a margin (degrees; 1e-9 by default).
    func contains(_ point: SIMD2<Double>, margin: Double = 1e-9) -> Bool {
        guard point.y >= south - margin && point.y <= north + margin else { return false }
        let longitude = Antimeridian.normalized(point.x)
        // 180° and −180° are one meridian: an area of use ending at 180° holds a vertex written at −180°.
        if west <= east { return [longitude, longitude + 360].contains { $0 >= west - margin && $0 <= east + margin } }
        return longitude >= west - margin || longitude <= east + margin
    }
}

/// How CRS names given by people are handed to PROJ.
enum CRSDefinition {
    /// Whether a CRS is given in a form that names exactly one CRS: `AUTHORITY:CODE`, an OGC URN, a PROJ string,
    /// WKT or PROJJSON. Bare names are refused: PROJ matches them loosely (`foo` finds "Amersfoort"), which would
    /// give a silently wrong answer.
    static func isExplicit(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("+proj=") {
            // A pipeline is an operation, not a CRS; +init and grid parameters read files (only the built-in @null
            // grid is allowed).
            let parameters = trimmed.split(separator: " ").map(String.init)
            let readsFiles = parameters.contains { parameter in
                let name = parameter.split(separator: "=").first.map(String.init) ?? parameter
                let value = parameter.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                return name == "+init" || (name.hasSuffix("grids") && value != "@null")
            }
            return !trimmed.contains("+proj=pipeline") && !readsFiles
        }
        if trimmed.lowercased().hasPrefix("urn:ogc:def:") { return true }
        let wktKeywords = ["PROJCRS", "GEOGCRS", "GEODCRS", "PROJCS", "GEOGCS", "COMPOUNDCRS", "COMPD_CS", "BOUNDCRS", "ENGCRS", "VERTCRS"]
        if trimmed.hasPrefix("{") || wktKeywords.contains(where: { trimmed.uppercased().hasPrefix($0 + "[") }) {
            return !namesAFile(trimmed)
        }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && parts[0].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && parts[1].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// Whether WKT or PROJJSON makes PROJ open a file: a parameter file (a grid, which PROJ opens by any path it is
    /// given, a FIFO included: the read never returns), or an embedded PROJ string with grids or `+init`. A CRS
    /// named in someone's input must not read the server's files.
    static func namesAFile(_ definition: String) -> Bool {
        let text = definition.uppercased().replacingOccurrences(of: " ", with: "")
        let grid = text.range(of: "GRIDS=").map { !text[$0.upperBound...].hasPrefix("@NULL") } ?? false
        return grid || ["PARAMETERFILE", "PARAMETER_FILE", "+INIT=", "PROJ4_GRIDS"].contains { text.contains($0) }
    }

    /// A PROJ string (`+proj=utm +zone=32`) names a CRS only with `+type=crs`; add it when it is missing.
    static func normalized(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("+proj="), !trimmed.contains("+type=crs") { return trimmed + " +type=crs" }
        return trimmed
    }
}
