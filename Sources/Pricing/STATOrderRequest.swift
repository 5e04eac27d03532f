import Foundation
import GeoJSON
import Projection

/// A STAT order request (../seeds' order spec): `datetime` (an ISO 8601 interval: the acquisition window),
/// `product_id`, `geometry` (a GeoJSON geometry in lon/lat), and what the order asks of the acquisition as
/// `constraints` (a map of queryable to values, a Range Object or a JSON Schema object) and/or a CQL2 JSON `filter`.
public struct STATOrderRequest: Sendable {
    /// The acquisition window.
    public var window: ISO8601Interval
    /// The catalog product.
    public var productID: String
    /// The AOI, from `geometry`.
    public var aoi: AOI
    /// The `constraints` member, as given.
    public var constraints: JSONValue?
    /// The `filter` member (CQL2 JSON), as given.
    public var filter: JSONValue?
    /// The request as given, checked against the product's order schema when it is priced.
    public var object: JSONObject

    /// Whether a request object has the STAT shape (`product_id` and `datetime`).
    public static func isSTATShaped(_ object: JSONObject) -> Bool { object["product_id"] != nil && object["datetime"] != nil }

    /// Reads a STAT order request.
    /// - Throws: ``GeoPriceError``: `invalid_request` for a missing or mistyped member, `invalid_interval`,
    ///   `unsupported_reference` for a JSON Reference (`$ref`, never fetched), `filter-lang` other than `cql2-json`,
    ///   and the GeoJSON reader's errors for the geometry, each at its path.
    public init(_ object: JSONObject) throws(GeoPriceError) {
        self.object = object
        if let reference = Self.firstReference(in: .object(object), at: .root) {
            throw GeoPriceError(.unsupportedReference, "JSON References ($ref) are not followed: give the value itself", path: reference.description)
        }
        func string(_ key: String) throws(GeoPriceError) -> String {
            guard let text = object[key]?.stringValue else {
                throw GeoPriceError(.invalidRequest, "a STAT order request has a string '\(key)'", path: JSONPath.root.appending(key).description)
            }
            return text
        }
        window = try ISO8601Interval(parsing: try string("datetime"), path: "$.datetime")
        productID = try string("product_id")
        guard let geometry = object["geometry"] else {
            throw GeoPriceError(.invalidRequest, "a STAT order request has a GeoJSON 'geometry'", path: "$.geometry")
        }
        let geometryPath = JSONPath.root.appending("geometry")
        let document = try GeoJSONReader().document(from: geometry, at: geometryPath)
        guard case .geometry = document else {
            throw GeoPriceError(.invalidRequest, "'geometry' is a GeoJSON geometry object", path: geometryPath.description)
        }
        do {
            var aoi = try document.areasOfInterest()[0]
            aoi.path = JSONPath(components: geometryPath.components + aoi.path.components)
            self.aoi = aoi
        } catch {
            var located = error
            if let path = error.path, path.hasPrefix("$") { located.path = "$.geometry" + path.dropFirst() }
            throw located
        }
        if let language = object["filter-lang"], language != "cql2-json" {
            throw GeoPriceError(.invalidFilter, "filters are read in cql2-json", path: "$.filter-lang")
        }
        constraints = object["constraints"] == .null ? nil : object["constraints"]
        filter = object["filter"] == .null ? nil : object["filter"]
    }

    /// Reads a STAT order request from JSON text.
    /// - Throws: as ``init(_:)``, and `invalid_json`.
    public init(reading bytes: some Collection<UInt8>) throws(GeoPriceError) {
        guard case .object(let object) = try JSONReader().read(bytes) else {
            throw GeoPriceError(.invalidRequest, "a STAT order request is a JSON object", path: "$")
        }
        try self.init(object)
    }

    private static func firstReference(in value: JSONValue, at path: JSONPath) -> JSONPath? {
        switch value {
        case .object(let object):
            if object["$ref"] != nil { return path.appending("$ref") }
            for member in object.members {
                if let found = firstReference(in: member.value, at: path.appending(member.key)) { return found }
            }
        case .array(let values):
            for (index, element) in values.enumerated() {
                if let found = firstReference(in: element, at: path.appending(index)) { return found }
            }
        default: break
        }
        return nil
    }
}

extension Estimator {
    /// Prices a STAT order request as one item on its AOI: `filter` and `constraints` resolve to the product's priced
    /// options through their queryables (a threshold option applies when everything the request allows lies within
    /// it; a listed option takes its default when the request allows it, else the first allowed value in catalog
    /// order), the window is checked from the instant `asOf` against the product's minimum for the priority, and each
    /// resolution leads the line's rules. The estimate is priced as of `asOf`'s UTC date.
    /// - Throws: ``GeoPriceError``: `unknown_product`, `invalid_parameter` (the request fails the product's
    ///   ``Product/orderSchema``: keyword and path), `unknown_queryable` (the message lists the queryables),
    ///   `invalid_filter`, `invalid_parameter`, `unsatisfiable_filter`, `window_closed`, `window_too_short`, and
    ///   what pricing the request throws.
    public func estimate(_ request: STATOrderRequest, asOf: Date, contract: String? = nil, vouchers: [String] = [])
        throws(GeoPriceError) -> Estimate
    {
        guard let product = catalog.product(request.productID) else {
            throw GeoPriceError(.unknownProduct, "no product '\(request.productID)' in the catalog", path: "$.product_id",
                details: ["product": .string(request.productID), "known": .array(catalog.products.map { .string($0.id) })])
        }
        guard product.mode == .tasking else {
            throw GeoPriceError(
                .invalidRequest, "a STAT order request orders a tasking product; \(product.id) is archive imagery (price it with its captures)",
                path: "$.product_id", details: ["product": .string(product.id)])
        }
        try OrderSchemaValidator.validate(.object(request.object), against: product.orderSchema)
        let resolved = try Self.resolveOptions(of: product, filter: request.filter, constraints: request.constraints)
        var rules = resolved.rules
        let options = resolved.options
        rules.append(try windowRule(request.window, product: product, options: options, asOf: asOf))
        var estimate = try self.estimate(EstimateRequest(
            aois: [request.aoi], items: [EstimateRequest.Item(product: product.id, options: options, path: .root)], contract: contract,
            vouchers: vouchers, asOf: CalendarDate(utc: asOf)))
        for index in estimate.lines.indices { estimate.lines[index].rules.insert(contentsOf: rules, at: 0) }
        return estimate
    }

    /// The priced options a STAT filter and constraints resolve to on a product (a threshold option applies when
    /// everything allowed lies within it; a listed option takes its default when allowed, else the first allowed value
    /// in catalog order), each with its rule, and what they allow of each queryable they name.
    static func resolveOptions(of product: Product, filter: JSONValue?, constraints: JSONValue?) throws(GeoPriceError)
        -> (options: [(key: String, value: String)], rules: [Estimate.Rule], allowed: [String: _AllowedValues])
    {
        var kinds: [String: _STATConstraints.Kind] = [:]
        for option in product.options {
            guard let queryable = option.queryable else { continue }
            if case .atMost = option.pricing { kinds[queryable] = .number } else { kinds[queryable] = .string }
        }
        let sets = try _STATConstraints(queryables: kinds, filter: filter, constraints: constraints)
        var options: [(key: String, value: String)] = []
        var rules: [Estimate.Rule] = []
        for option in product.options {
            guard let queryable = option.queryable, let allowed = sets.allowed[queryable] else { continue }
            let value: String
            switch option.pricing {
            case .atMost(let limit, _):
                // The threshold applies when everything allowed lies within it; otherwise the option stays unset.
                guard let supremum = allowed.supremum, supremum <= NSDecimalNumber(decimal: limit).doubleValue else {
                    rules.append(Estimate.Rule(name: "constraint", values: [
                        "queryable": .string(queryable), "allowed": .string(allowed.description), "option": .string(option.key), "value": .null,
                    ]))
                    continue
                }
                value = Money.string(limit)
            case .values(let priced):
                guard case .strings(let set, let only) = allowed else { continue }
                let candidates = priced.map(\.0).filter { only ? set.contains($0) : !set.contains($0) }
                guard let first = candidates.first else {
                    throw GeoPriceError(
                        .unsatisfiableFilter, "no value of '\(queryable)' the request allows is one the product offers (\(priced.map(\.0).joined(separator: ", ")))",
                        path: filter != nil ? "$.filter" : "$.constraints", details: ["queryable": .string(queryable)])
                }
                value = option.defaultValue.flatMap { candidates.contains($0) ? $0 : nil } ?? first
            }
            options.append((option.key, value))
            rules.append(Estimate.Rule(name: "constraint", values: [
                "queryable": .string(queryable), "allowed": .string(allowed.description), "option": .string(option.key), "value": .string(value),
            ]))
        }
        return (options, rules, sets.allowed)
    }

    /// The window checked: not over by the instant `asOf`, and at least the product's minimum for the priority from
    /// `asOf` on (an open end counts as long enough).
    private func windowRule(_ window: ISO8601Interval, product: Product, options: [(key: String, value: String)], asOf: Date)
        throws(GeoPriceError) -> Estimate.Rule
    {
        let length = window.secondsOpen(from: asOf)
        if window.hasEnded(by: asOf) {
            throw GeoPriceError(
                .windowClosed, "the window \(window) has ended by \(RFC3339.string(asOf))", path: "$.datetime",
                details: ["datetime": .string(window.description), "asOf": .string(RFC3339.string(asOf))])
        }
        var values: JSONObject = ["datetime": .string(window.description)]
        let priority = options.first { $0.key == "priority" }?.value
            ?? product.options.first { $0.key == "priority" }?.defaultValue
        if let priority, let hours = product.minimumWindowHours[priority] {
            let minimum = NSDecimalNumber(decimal: hours).doubleValue * 3_600
            values["priority"] = .string(priority)
            values["minimumHours"] = .string(Money.string(hours))
            if length < minimum {
                throw GeoPriceError(
                    .windowTooShort,
                    "the window \(window) leaves \(JSONWriter.numberText((length / 36).rounded() / 100)) h from \(RFC3339.string(asOf)); \(product.id) at priority \(priority) needs \(Money.string(hours)) h",
                    path: "$.datetime", details: ["hours": .number(length / 3_600), "minimumHours": .string(Money.string(hours)), "priority": .string(priority)])
            }
        }
        return Estimate.Rule(name: "window", values: values)
    }
}
