import Foundation
import GeoJSON
import Projection

/// Whether a tasking order of one AOI can be accepted automatically, needs a manual feasibility study, or is refused
/// (`orders.tasking.feasibility_check`), with every reason and its numbers, from the product's ``FeasibilityRules``.
public struct FeasibilityCheck: Sendable, Equatable {
    /// The decision.
    public enum Verdict: String, Sendable {
        /// Every rule is met: the order can be accepted as it is.
        case automatic
        /// Only soft rules are broken: a manual feasibility study decides.
        case study
        /// A hard rule is broken: the product cannot take this order.
        case rejected
    }

    /// One broken rule.
    public struct Reason: Sendable, Equatable {
        /// A stable code: `area_above_maximum`, `beyond_latitude_reach`, `window_closed`, `window_too_short` (hard);
        /// `wider_than_automatic`, `longer_than_automatic`, `strict_constraint_in_short_window` (soft).
        public var code: String
        /// Whether it rejects the order rather than asking for a study.
        public var isHard: Bool
        /// A sentence for people, with the numbers.
        public var message: String
        /// The numbers: measured values as numbers, the catalog's limits as it writes them.
        public var values: JSONObject
    }

    /// The AOI, in lon/lat.
    public var aoi: AOI
    /// The product checked.
    public var productID: String
    /// The priority the order takes (given, or the one its filter leads to, or the product's default).
    public var priority: String?
    /// The window checked, when one was given.
    public var window: ISO8601Interval?
    /// Geodesic area, km².
    public var km2: Double
    /// The ground width of the AOI's minimum-width rectangle, km.
    public var widthKm: Double
    /// The ground length of that rectangle, km.
    public var lengthKm: Double
    /// The southernmost latitude its geodesic edges reach, degrees.
    public var southLatitude: Double
    /// The northernmost latitude its geodesic edges reach, degrees.
    public var northLatitude: Double
    /// Every broken rule, in the order checked: area, latitude, window, extent, strict constraints.
    public var reasons: [Reason]

    /// `rejected` when a hard rule is broken, else `study` when a soft one is, else `automatic`.
    public var verdict: Verdict {
        reasons.contains(where: \.isHard) ? .rejected : reasons.isEmpty ? .automatic : .study
    }

    /// The JSON object of `geoprice feasibility --json`: `id`, `product`, `priority`, `verdict`, `reasons` (each
    /// `code`, `hard`, `message` and its numbers), then the measured `km2`, `widthKm`, `lengthKm`, `southLatitude`,
    /// `northLatitude`.
    public var jsonObject: JSONObject {
        var object: JSONObject = ["id": aoi.nameJSON, "product": .string(productID)]
        object["priority"] = priority.map(JSONValue.string) ?? .null
        if let window { object["datetime"] = .string(window.description) }
        object["verdict"] = .string(verdict.rawValue)
        object["reasons"] = .array(reasons.map { reason in
            var entry: JSONObject = ["code": .string(reason.code), "hard": .bool(reason.isHard), "message": .string(reason.message)]
            for member in reason.values.members { entry[member.key] = member.value }
            return .object(entry)
        })
        object["km2"] = .number(km2)
        object["widthKm"] = .number(widthKm)
        object["lengthKm"] = .number(lengthKm)
        object["southLatitude"] = .number(southLatitude)
        object["northLatitude"] = .number(northLatitude)
        return object
    }
}

extension FeasibilityCheck {
    /// The answer of `geoprice feasibility --json`: one AOI's `jsonObject`, or for several `count`, `verdicts`
    /// (how many of each) and `aois`.
    public static func jsonObject(of checks: [FeasibilityCheck]) -> JSONObject {
        if checks.count == 1 { return checks[0].jsonObject }
        var counts: JSONObject = [:]
        for verdict in [Verdict.automatic, .study, .rejected] {
            counts[verdict.rawValue] = .number(Double(checks.filter { $0.verdict == verdict }.count))
        }
        return ["count": .number(Double(checks.count)), "verdicts": .object(counts), "aois": .array(checks.map { .object($0.jsonObject) })]
    }
}

/// What a feasibility check asks, besides the AOIs.
public struct FeasibilityRequest: Sendable {
    /// A tasking product of the catalog.
    public var productID: String
    /// The priority asked for (`nil`: what the filter allows, else the product's default).
    public var priority: String?
    /// The acquisition window (`nil`: no window rule applies).
    public var window: ISO8601Interval?
    /// A CQL2 JSON filter over the product's queryables.
    public var filter: JSONValue?
    /// STAT constraints over the product's queryables.
    public var constraints: JSONValue?

    /// A feasibility request.
    public init(productID: String, priority: String? = nil, window: ISO8601Interval? = nil, filter: JSONValue? = nil, constraints: JSONValue? = nil) {
        self.productID = productID
        self.priority = priority
        self.window = window
        self.filter = filter
        self.constraints = constraints
    }

    /// The request a STAT order request makes (its product, window, filter and constraints).
    public init(_ request: STATOrderRequest) {
        self.init(productID: request.productID, window: request.window, filter: request.filter, constraints: request.constraints)
    }
}

extension Estimator {
    /// Checks each AOI against the product's ``FeasibilityRules``, the window against the instant `asOf` (a window
    /// that has ended by then is closed; what is left of it from then must reach the priority's minimum).
    ///
    /// Hard rules (area above the maximum, an edge beyond the product's latitude band, a window already closed or
    /// shorter than the priority's minimum) give `rejected`; soft ones (a minimum-width rectangle wider or longer
    /// than the priority's automatic extent, a strict constraint in a short window) give `study`.
    /// - Throws: ``GeoPriceError`` for the request: `unknown_product`, `invalid_request` (an archive product),
    ///   `unknown_option` (a priority the product does not offer), `unknown_queryable`, `invalid_filter`,
    ///   `unsatisfiable_filter`; and `projection_failed` or a GEOS failure measuring an AOI.
    public func feasibility(of aois: [PreparedAOI], _ request: FeasibilityRequest, asOf: Date) throws(GeoPriceError) -> [FeasibilityCheck] {
        guard let product = catalog.product(request.productID) else {
            throw GeoPriceError(.unknownProduct, "no product '\(request.productID)' in the catalog", path: "$.product",
                details: ["product": .string(request.productID), "known": .array(catalog.products.map { .string($0.id) })])
        }
        guard product.mode == .tasking else {
            throw GeoPriceError(
                .invalidRequest, "feasibility is checked for tasking products; \(product.id) is archive imagery", path: "$.product",
                details: ["product": .string(product.id)])
        }
        let resolved = try Self.resolveOptions(of: product, filter: request.filter, constraints: request.constraints)
        let priority = try Self.feasibilityPriority(request.priority, of: product, resolved: resolved.options, allowed: resolved.allowed)
        let rules = product.feasibility ?? FeasibilityRules()
        var checks: [FeasibilityCheck] = []
        for prepared in aois {
            let metric = try GroundMetric(prepared)
            let sides = try metric.rectangleSides()
            let latitudes = Geodesic.latitudeRange(of: prepared.aoi.polygons)
            var check = FeasibilityCheck(
                aoi: prepared.aoi, productID: product.id, priority: priority, window: request.window, km2: prepared.areaKm2,
                widthKm: sides.width / 1_000, lengthKm: sides.length / 1_000, southLatitude: latitudes.south, northLatitude: latitudes.north,
                reasons: [])
            check.reasons = _FeasibilityRuleCheck(product: product, rules: rules, priority: priority, allowed: resolved.allowed, asOf: asOf)
                .reasons(for: check)
            checks.append(check)
        }
        return checks
    }

    /// The priority a feasibility check takes: the one asked for (a value the product offers, allowed by the filter),
    /// else the one the filter resolves to, else the product's default; `nil` for a product without priorities.
    private static func feasibilityPriority(
        _ asked: String?, of product: Product, resolved: [(key: String, value: String)], allowed: [String: _AllowedValues]
    ) throws(GeoPriceError) -> String? {
        let option = product.options.first { $0.key == "priority" }
        guard let asked else { return resolved.first { $0.key == "priority" }?.value ?? option?.defaultValue }
        guard let option, case .values(let priced) = option.pricing, priced.contains(where: { $0.0 == asked }) else {
            let offered = option.flatMap { option -> [String]? in if case .values(let priced) = option.pricing { priced.map(\.0) } else { nil } } ?? []
            throw GeoPriceError(
                .unknownOption, offered.isEmpty ? "\(product.id) has no priorities" : "\(product.id) offers priority \(offered.joined(separator: ", ")), not '\(asked)'",
                path: "$.priority", details: ["option": "priority", "value": .string(asked), "allowed": .array(offered.map(JSONValue.string))])
        }
        if let queryable = option.queryable, let set = allowed[queryable], case .strings(let values, let only) = set,
            only ? !values.contains(asked) : values.contains(asked)
        {
            throw GeoPriceError(
                .unsatisfiableFilter, "the filter does not allow priority '\(asked)' (it allows \(set.description))", path: "$.filter",
                details: ["queryable": .string(queryable), "value": .string(asked)])
        }
        return asked
    }
}
