/// A GeoJSON position (RFC 7946 §3.1.1): longitude and latitude in degrees, an optional altitude in metres.
///
/// In a file whose top-level `crs` member names a projected CRS, `longitude` holds the easting and `latitude`
/// the northing, as in the file.
public struct Position: Sendable, Hashable {
    /// Longitude (or easting), the first number.
    public var longitude: Double
    /// Latitude (or northing), the second number.
    public var latitude: Double
    /// Altitude, the optional third number.
    public var altitude: Double?

    /// Creates a position.
    public init(longitude: Double, latitude: Double, altitude: Double? = nil) {
        self.longitude = longitude
        self.latitude = latitude
        self.altitude = altitude
    }

    /// Creates a position from `[x, y]`-ordered numbers.
    public init(_ x: Double, _ y: Double, _ altitude: Double? = nil) {
        self.init(longitude: x, latitude: y, altitude: altitude)
    }

    /// Whether two positions are the same point in the plane (altitude ignored), as a ring's closure needs.
    public func coincides(with other: Position) -> Bool {
        longitude == other.longitude && latitude == other.latitude
    }
}

/// A GeoJSON polygon (RFC 7946 §3.1.6): its first ring is the exterior, the others are holes.
/// Each ring is closed: its last position repeats its first.
public struct Polygon: Sendable, Hashable {
    /// The linear rings, exterior first.
    public var rings: [[Position]]

    /// Creates a polygon from its rings, exterior first.
    public init(rings: [[Position]]) { self.rings = rings }

    /// The exterior ring.
    public var exterior: [Position] { rings.first ?? [] }

    /// The holes.
    public var holes: ArraySlice<[Position]> { rings.dropFirst() }

    /// Vertices without each ring's closing position, as limits and products count them.
    public var vertexCount: Int { rings.reduce(0) { $0 + max($1.count - 1, 0) } }
}
