import Foundation
import GeoJSON

/// How much of one AOI the captures cover (DESIGN.md, "Coverage"): every area geodesic on WGS84, every edge a geodesic.
public struct AOICoverage: Sendable, Hashable {
    /// One capture's part in the coverage.
    public struct CaptureShare: Sendable, Hashable {
        /// The capture's id.
        public var id: JSONValue
        /// When it was acquired, if known.
        public var acquired: Date?
        /// Geodesic km² of (capture − clouds) ∩ AOI; `nil` unless shares were asked for
        /// (``CoverageCalculator/includesCaptureShares``).
        public var overlapKm2: Double?
        /// Geodesic km² it adds over the captures before it in acquisition order; `nil` unless shares were asked for.
        public var gainKm2: Double?
    }

    /// The AOI.
    public var aoi: AOI
    /// The AOI's geodesic area, km².
    public var requestedKm2: Double
    /// AOI ∩ ⋃(capture − clouds), km².
    public var coveredKm2: Double
    /// AOI − covered, km².
    public var remainderKm2: Double
    /// The covered part, lon/lat, cut at ±180°.
    public var covered: [Polygon]
    /// The remainder, lon/lat, cut at ±180°.
    public var remainder: [Polygon]
    /// The captures that meet the AOI, in acquisition order.
    public var captures: [CaptureShare]
    /// The fulfilment threshold, percent.
    public var thresholdPercent: Double

    /// 100 × covered / requested, unrounded.
    public var coveredFraction: Double { requestedKm2 > 0 ? coveredKm2 / requestedKm2 : 0 }

    /// Covered percent in hundredths of a percent, rounded half away from zero; remainder takes the rest of 10000, so
    /// the two printed percents always sum to exactly 100.
    public var coveredHundredths: Int { Int((coveredFraction * 10_000).rounded()) }

    /// Covered percent, two decimals.
    public var coveredPercent: Double { Double(coveredHundredths) / 100 }

    /// Remainder percent, two decimals: 100 − ``coveredPercent``.
    public var remainderPercent: Double { Double(10_000 - coveredHundredths) / 100 }

    /// Whether the unrounded covered percent reaches the threshold.
    public var fulfilled: Bool { coveredFraction * 100 >= thresholdPercent }

    /// The answer object of `geoprice coverage` for one AOI.
    public var jsonObject: JSONObject {
        [
            "id": aoi.nameJSON,
            "requestedKm2": .number(requestedKm2),
            "coveredKm2": .number(coveredKm2),
            "remainderKm2": .number(remainderKm2),
            "coveredPercent": .number(coveredPercent),
            "remainderPercent": .number(remainderPercent),
            "fulfilled": .bool(fulfilled),
            "thresholdPercent": .number(thresholdPercent),
            "covered": Geometry(.multiPolygon(covered)).jsonValue,
            "remainder": Geometry(.multiPolygon(remainder)).jsonValue,
            "captures": .array(captures.map { share in
                var object: JSONObject = ["id": share.id]
                if let acquired = share.acquired { object["acquired"] = .string(RFC3339.string(acquired)) }
                if let overlap = share.overlapKm2 { object["overlapKm2"] = .number(overlap) }
                if let gain = share.gainKm2 { object["gainKm2"] = .number(gain) }
                return .object(object)
            }),
        ]
    }
}

/// The coverage of every AOI of an order (its groups) and the totals.
public struct OrderCoverage: Sendable, Hashable {
    /// One per AOI, in input order.
    public var groups: [AOICoverage]

    /// Creates an order's coverage.
    public init(groups: [AOICoverage]) { self.groups = groups }

    /// Σ requested, km².
    public var requestedKm2: Double { groups.reduce(0) { $0 + $1.requestedKm2 } }
    /// Σ covered, km².
    public var coveredKm2: Double { groups.reduce(0) { $0 + $1.coveredKm2 } }
    /// Σ remainder, km².
    public var remainderKm2: Double { groups.reduce(0) { $0 + $1.remainderKm2 } }
    /// The order is fulfilled when every AOI is.
    public var fulfilled: Bool { groups.allSatisfy(\.fulfilled) }

    /// `{requestedKm2, coveredKm2, remainderKm2, coveredPercent, remainderPercent, fulfilled, groups}`.
    public var jsonObject: JSONObject {
        let hundredths = requestedKm2 > 0 ? Int((coveredKm2 / requestedKm2 * 10_000).rounded()) : 0
        return [
            "requestedKm2": .number(requestedKm2),
            "coveredKm2": .number(coveredKm2),
            "remainderKm2": .number(remainderKm2),
            "coveredPercent": .number(Double(hundredths) / 100),
            "remainderPercent": .number(Double(10_000 - hundredths) / 100),
            "fulfilled": .bool(fulfilled),
            "groups": .array(groups.map { .object($0.jsonObject) }),
        ]
    }
}
