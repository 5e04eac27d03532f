import Foundation
import GeoPriceCore

/// A price catalog (DESIGN.md, "Pricing"): products with their rates and rules, contracts and vouchers.
public struct Catalog: Sendable, Hashable {
    /// The catalog's version, as written.
    public var version: String
    /// The products, in catalog order.
    public var products: [Product]
    /// Contracts with their order discount.
    public var contracts: [Contract]
    /// Vouchers.
    public var vouchers: [Voucher]

    /// A catalog from its parts.
    public init(version: String, products: [Product], contracts: [Contract] = [], vouchers: [Voucher] = []) {
        self.version = version
        self.products = products
        self.contracts = contracts
        self.vouchers = vouchers
    }

    /// The product with an id.
    public func product(_ id: String) -> Product? { products.firstIndex { $0.id == id }.map { products[$0] } }
}

/// A price change: a percent of the tiered amount, an amount per billable km², and/or a fixed amount.
public struct Modifier: Sendable, Hashable {
    /// Percent of the tiered amount (50 means +50 %).
    public var percent: Decimal
    /// Added per billable km².
    public var perKm2: Decimal
    /// Added once per line.
    public var fixed: Decimal

    /// A modifier; parts not given are zero.
    public init(percent: Decimal = 0, perKm2: Decimal = 0, fixed: Decimal = 0) {
        self.percent = percent
        self.perKm2 = perKm2
        self.fixed = fixed
    }

    /// Whether it changes nothing.
    public var isZero: Bool { percent == 0 && perKm2 == 0 && fixed == 0 }
}

/// A band of a tiered rate: km² up to `upToKm2` (the last band has none) at `rate`.
public struct Tier: Sendable, Hashable {
    /// The band's upper bound in km², or `nil` for the last band.
    public var upToKm2: Decimal?
    /// Price per km² in the band.
    public var rate: Decimal

    /// A band up to `upToKm2` (`nil`: the last band, without bound) at `rate` per km².
    public init(upToKm2: Decimal? = nil, rate: Decimal) {
        self.upToKm2 = upToKm2
        self.rate = rate
    }
}

/// An option a product prices.
public struct PricedOption: Sendable, Hashable {
    /// How the option's value is priced.
    public enum Pricing: Sendable, Hashable {
        /// A closed list of values, each with its modifier.
        case values([(String, Modifier)])
        /// A number: at most `atMost` triggers the modifier.
        case atMost(Decimal, Modifier)

        public static func == (lhs: Pricing, rhs: Pricing) -> Bool {
            switch (lhs, rhs) {
            case let (.values(left), .values(right)):
                left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            case let (.atMost(leftLimit, leftModifier), .atMost(rightLimit, rightModifier)):
                leftLimit == rightLimit && leftModifier == rightModifier
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .values(let values):
                for (value, modifier) in values {
                    hasher.combine(value)
                    hasher.combine(modifier)
                }
            case .atMost(let limit, let modifier):
                hasher.combine(limit)
                hasher.combine(modifier)
            }
        }
    }

    /// The option's key (`priority`, `licence`, `max_cloud_cover`).
    public var key: String
    /// Its pricing.
    public var pricing: Pricing
    /// The value used when a request gives none.
    public var defaultValue: String?
    /// The STAT queryable a request's `filter` and `constraints` set this option through (`eo:cloud_cover` for
    /// `max_cloud_cover`), if any.
    public var queryable: String?

    /// An option priced as `pricing`, with the value a request that gives none gets.
    public init(key: String, pricing: Pricing, defaultValue: String? = nil, queryable: String? = nil) {
        self.key = key
        self.pricing = pricing
        self.defaultValue = defaultValue
        self.queryable = queryable
    }
}

/// A product of the catalog.
public struct Product: Sendable, Hashable {
    /// Archive imagery or a new acquisition.
    public enum Mode: String, Sendable, Hashable { case archive, tasking }
    /// What a rate is per.
    public enum Unit: String, Sendable, Hashable { case km2, scene }
    /// How tiers apply.
    public enum TierMode: String, Sendable, Hashable {
        /// Each band at its own rate.
        case graduated
        /// The whole area at the rate of the band it reaches.
        case volume
    }
    /// Which area is billed.
    public enum Basis: String, Sendable, Hashable {
        case aoi
        case aoiIntersectFootprint
        case bbox
    }
    /// What happens below the billable minimum.
    public enum BelowMinimum: String, Sendable, Hashable { case billAtMinimum, reject, inflate }
    /// How a MultiPolygon AOI is taken.
    public enum MultiPolygonPolicy: String, Sendable, Hashable {
        /// Areas add; the minimum applies once; the minimum width is checked per part.
        case union
        /// Each part priced as its own line.
        case perPart
        /// The parts' bounding box.
        case bbox
        /// Refused.
        case reject
    }
    /// How percents compose.
    public enum Composition: String, Sendable, Hashable {
        /// 1 + Σ percents.
        case additive
        /// Π (1 + percent).
        case multiplicative
    }

    /// The id requests name.
    public var id: String
    /// A name for people.
    public var name: String?
    /// Archive imagery or a new acquisition.
    public var mode: Mode
    /// What the rate is per.
    public var unit: Unit
    /// The ISO 4217 currency of every amount.
    public var currency: String
    /// The bands; a flat rate is one band without bound.
    public var tiers: [Tier]
    /// How the bands apply.
    public var tierMode: TierMode
    /// Area per scene, for per-scene products.
    public var sceneKm2: Decimal?
    /// Which area is billed.
    public var basis: Basis
    /// Billed at least this many km² (policy ``belowMinimum``).
    public var minimumBillableKm2: Decimal?
    /// Refused below this many km² of production area.
    public var minimumProductionKm2: Decimal?
    /// Refused when a part is narrower than this (km) on the ground.
    public var minimumWidthKm: Decimal?
    /// A line amount is at least this much.
    public var minimumCharge: Decimal?
    /// What happens below ``minimumBillableKm2``.
    public var belowMinimum: BelowMinimum
    /// Refused above this many km².
    public var maxKm2: Decimal?
    /// Refused above this many vertices (`too_many_vertices`).
    public var maxVertices: Int?
    /// How a MultiPolygon AOI is taken.
    public var multiPolygon: MultiPolygonPolicy
    /// How the options' percents compose.
    public var composition: Composition
    /// Billable areas are rounded to a multiple of this, km².
    public var areaStep: Decimal
    /// How billable areas are rounded.
    public var areaRounding: Money.RoundingMode
    /// Amounts are rounded once per line to a multiple of this.
    public var moneyStep: Decimal
    /// How amounts are rounded.
    public var moneyRounding: Money.RoundingMode
    /// The share of the AOI (percent) a tasking order must cover to count as fulfilled.
    public var fulfilledThresholdPercent: Decimal
    /// Whether an order below the threshold is not charged.
    public var chargeOnlyIfFulfilled: Bool
    /// The options the product prices.
    public var options: [PricedOption]
    /// Archive lines whose newest capture is fewer than `freshDays` days old get `freshModifier`.
    public var freshDays: Int?
    /// What lines of fresh captures (see ``freshDays``) get.
    public var freshModifier: Modifier?
    /// Refund percent per order status.
    public var cancellation: [String: Decimal]
    /// The shortest acquisition window (hours) a STAT request may give, per `priority` value (tasking).
    public var minimumWindowHours: [String: Decimal] = [:]
    /// When a tasking order needs a feasibility study or is refused (`nil`: every AOI the product can price is
    /// automatic, once its window is open and long enough).
    public var feasibility: FeasibilityRules?
    /// How many days a quotation of this product stays valid (default 7).
    public var quoteValidDays: Int = 7
    /// Whether accepting a quotation waits for payment first: the order goes to `reserved` rather than `accepted`.
    public var paymentBeforeAcceptance: Bool = false

    /// The rate shown as `unitPrice`: the flat rate or the first band's.
    public var unitPrice: Decimal { tiers.first?.rate ?? 0 }

    /// A product built in code, with the catalog format's defaults for what is not given: graduated bands, the AOI
    /// as the basis of tasking and its intersection with the footprints as that of archive, billed at the minimum
    /// below it, a MultiPolygon's areas added, additive percents, areas rounded up to 0.01 km², money half-even to
    /// 0.01, fulfilled from 85 %. ``CatalogReader`` checks what it reads (no negative line can be priced); a
    /// catalog built in code is the caller's to check.
    public init(
        id: String, name: String? = nil, mode: Mode, unit: Unit = .km2, currency: String, tiers: [Tier], tierMode: TierMode = .graduated,
        sceneKm2: Decimal? = nil, basis: Basis? = nil, minimumBillableKm2: Decimal? = nil, minimumProductionKm2: Decimal? = nil,
        minimumWidthKm: Decimal? = nil, minimumCharge: Decimal? = nil, belowMinimum: BelowMinimum = .billAtMinimum, maxKm2: Decimal? = nil,
        maxVertices: Int? = nil, multiPolygon: MultiPolygonPolicy = .union, composition: Composition = .additive,
        areaStep: Decimal = Decimal(string: "0.01")!, areaRounding: Money.RoundingMode = .up, moneyStep: Decimal = Decimal(string: "0.01")!,
        moneyRounding: Money.RoundingMode = .halfEven, fulfilledThresholdPercent: Decimal = 85, chargeOnlyIfFulfilled: Bool = false,
        options: [PricedOption] = [], freshDays: Int? = nil, freshModifier: Modifier? = nil, cancellation: [String: Decimal] = [:]
    ) {
        self.id = id
        self.name = name
        self.mode = mode
        self.unit = unit
        self.currency = currency
        self.tiers = tiers
        self.tierMode = tierMode
        self.sceneKm2 = sceneKm2
        self.basis = basis ?? (mode == .archive ? .aoiIntersectFootprint : .aoi)
        self.minimumBillableKm2 = minimumBillableKm2
        self.minimumProductionKm2 = minimumProductionKm2
        self.minimumWidthKm = minimumWidthKm
        self.minimumCharge = minimumCharge
        self.belowMinimum = belowMinimum
        self.maxKm2 = maxKm2
        self.maxVertices = maxVertices
        self.multiPolygon = multiPolygon
        self.composition = composition
        self.areaStep = areaStep
        self.areaRounding = areaRounding
        self.moneyStep = moneyStep
        self.moneyRounding = moneyRounding
        self.fulfilledThresholdPercent = fulfilledThresholdPercent
        self.chargeOnlyIfFulfilled = chargeOnlyIfFulfilled
        self.options = options
        self.freshDays = freshDays
        self.freshModifier = freshModifier
        self.cancellation = cancellation
    }
}

/// A contract: its order-level discount.
public struct Contract: Sendable, Hashable {
    /// The id requests name (`contract`).
    public var id: String
    /// Percent off the sum of lines.
    public var discountPercent: Decimal

    /// A contract.
    public init(id: String, discountPercent: Decimal) {
        self.id = id
        self.discountPercent = discountPercent
    }
}

/// A voucher: a fixed amount or a percent off what remains of an order, within a validity window.
public struct Voucher: Sendable, Hashable {
    /// What it takes off.
    public enum Value: Sendable, Hashable {
        case amount(Decimal)
        case percent(Decimal)
    }

    /// The code a request gives.
    public var code: String
    /// What it takes off.
    public var value: Value
    /// The currency of an amount voucher (percent vouchers may name one too).
    public var currency: String?
    /// First and last valid UTC dates, inclusive.
    public var validFrom: CalendarDate?
    /// The last valid UTC date, inclusive.
    public var validTo: CalendarDate?

    /// A voucher; without dates it is always valid.
    public init(code: String, value: Value, currency: String?, validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil) {
        self.code = code
        self.value = value
        self.currency = currency
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
