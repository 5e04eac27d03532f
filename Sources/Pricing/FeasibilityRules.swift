import Foundation
import GeoJSON

/// A tasking product's rules for deciding whether an order can be accepted without a manual feasibility study
/// (`orders.tasking.feasibility_check`): hard limits reject, soft ones ask for a study.
public struct FeasibilityRules: Sendable, Hashable {
    /// The largest AOI accepted automatically at one priority: the ground width and length of its minimum rotated
    /// rectangle.
    public struct Extent: Sendable, Hashable {
        /// The rectangle's shorter side, km.
        public var maxWidthKm: Decimal
        /// The rectangle's longer side, km.
        public var maxLengthKm: Decimal

        /// An extent.
        public init(maxWidthKm: Decimal, maxLengthKm: Decimal) {
            self.maxWidthKm = maxWidthKm
            self.maxLengthKm = maxLengthKm
        }
    }

    /// A constraint hard to meet in a short window: a request that allows no more than `atMost` of `queryable`
    /// (a cloud cover, an off-nadir angle) in a window shorter than `windowShorterThanHours` needs a study.
    public struct StrictConstraint: Sendable, Hashable {
        /// The queryable, e.g. `eo:cloud_cover`.
        public var queryable: String
        /// The strictest value still met automatically is above this.
        public var atMost: Decimal
        /// Windows shorter than this many hours count as short.
        public var windowShorterThanHours: Decimal

        /// A strict-constraint rule.
        public init(queryable: String, atMost: Decimal, windowShorterThanHours: Decimal) {
            self.queryable = queryable
            self.atMost = atMost
            self.windowShorterThanHours = windowShorterThanHours
        }
    }

    /// Automatic feasibility up to these extents, per `priority` value (soft: larger needs a study).
    public var automatic: [String: Extent]
    /// Rejected above this many km² (hard).
    public var maxKm2: Decimal?
    /// Rejected where an edge reaches south of this latitude, degrees (hard: beyond the product's reach).
    public var minLatitude: Decimal?
    /// Rejected where an edge reaches north of this latitude, degrees (hard).
    public var maxLatitude: Decimal?
    /// Constraints that need a study in a short window (soft).
    public var strictConstraints: [StrictConstraint]

    /// Feasibility rules.
    public init(
        automatic: [String: Extent] = [:], maxKm2: Decimal? = nil, minLatitude: Decimal? = nil, maxLatitude: Decimal? = nil,
        strictConstraints: [StrictConstraint] = []
    ) {
        self.automatic = automatic
        self.maxKm2 = maxKm2
        self.minLatitude = minLatitude
        self.maxLatitude = maxLatitude
        self.strictConstraints = strictConstraints
    }
}
