import GeoJSON

/// A UTM zone on WGS84: number 1…60 and hemisphere; EPSG 326zz (north) or 327zz (south).
public struct UTMZone: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The zone number, 1…60.
    public let number: Int
    /// Whether it is the northern zone.
    public let isNorth: Bool

    /// Creates a zone; `nil` for a number outside 1…60.
    public init?(number: Int, isNorth: Bool) {
        guard (1...60).contains(number) else { return nil }
        self.init(checkedNumber: number, isNorth: isNorth)
    }

    /// A zone whose number the caller computed within 1…60.
    init(checkedNumber number: Int, isNorth: Bool) {
        self.number = number
        self.isNorth = isNorth
    }

    /// The zone containing a point, by DESIGN.md's rule: zone = floor((lon + 180) / 6) + 1 with lon brought into
    /// [−180, 180), north if lat ≥ 0. With `norwaySvalbard`, the MGRS exceptions (32V widened over south-west
    /// Norway; 31X, 33X, 35X, 37X over Svalbard) apply.
    public init(containing point: SIMD2<Double>, norwaySvalbard: Bool = false) {
        let longitude = Antimeridian.normalized(point.x)
        let latitude = point.y
        var number = min(Int(((longitude + 180) / 6).rounded(.down)) + 1, 60)
        if norwaySvalbard {
            if (56..<64).contains(latitude) && (3..<12).contains(longitude) { number = 32 }
            if (72...84).contains(latitude) && (0..<42).contains(longitude) {
                number = switch longitude {
                case ..<9: 31
                case ..<21: 33
                case ..<33: 35
                default: 37
                }
            }
        }
        self.init(checkedNumber: max(1, number), isNorth: latitude >= 0)
    }

    /// The EPSG code: 32600 + zone in the north, 32700 + zone in the south.
    public var epsg: Int { (isNorth ? 32600 : 32700) + number }

    /// `EPSG:326zz`.
    public var crsName: String { "EPSG:\(epsg)" }

    /// The zone's central meridian in degrees.
    public var centralMeridian: Double { Double(number) * 6 - 183 }

    /// `32N`, `60S`.
    public var description: String { "\(number)\(isNorth ? "N" : "S")" }

    public static func < (lhs: UTMZone, rhs: UTMZone) -> Bool { lhs.epsg < rhs.epsg }
}
