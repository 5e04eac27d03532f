import Foundation
import GeoJSON

/// Reads a catalog from JSON, checking every field: money and other decimals are strings (`"8.50"`), unknown members
/// are refused (a typo must not silently drop a rule), and every error is `invalid_catalog` naming the field's path.
/// Rates, minimums and bounds are never negative; product ids, option keys within a product, contract ids and voucher
/// codes are never repeated (the second is refused); and no product may price a line below zero
/// (``_CatalogChecks/refuseNegativeLines(_:path:)``).
public enum CatalogReader {
    /// Reads a catalog text.
    /// - Throws: ``GeoPriceError`` `invalid_json` or `invalid_catalog`.
    public static func read(_ bytes: some Collection<UInt8>) throws(GeoPriceError) -> Catalog {
        try catalog(from: JSONReader().read(bytes))
    }

    /// Reads a parsed catalog.
    public static func catalog(from value: JSONValue) throws(GeoPriceError) -> Catalog {
        let root = try _Fields(value, path: .root, known: ["version", "products", "contracts", "vouchers", "description"])
        var products: [Product] = []
        for (index, element) in try root.array("products").enumerated() {
            let product = try self.product(element, path: JSONPath.root.appending("products").appending(index))
            guard !products.contains(where: { $0.id == product.id }) else {
                throw _Fields.invalid("product id '\(product.id)' appears twice", JSONPath.root.appending("products").appending(index))
            }
            products.append(product)
        }
        var contracts: [Contract] = []
        var contractIDs = Set<String>()
        for (index, element) in try root.array("contracts", required: false).enumerated() {
            let path = JSONPath.root.appending("contracts").appending(index)
            let fields = try _Fields(element, path: path, known: ["id", "discountPercent"])
            let contract = Contract(id: try fields.string("id"), discountPercent: try fields.percent("discountPercent") ?? 0)
            guard contractIDs.insert(contract.id).inserted else {
                throw _Fields.invalid("contract id '\(contract.id)' appears twice", path.appending("id"))
            }
            contracts.append(contract)
        }
        var vouchers: [Voucher] = []
        var voucherCodes = Set<String>()
        for (index, element) in try root.array("vouchers", required: false).enumerated() {
            let path = JSONPath.root.appending("vouchers").appending(index)
            let voucher = try voucher(element, path: path)
            guard voucherCodes.insert(voucher.code).inserted else {
                throw _Fields.invalid("voucher code '\(voucher.code)' appears twice", path.appending("code"))
            }
            vouchers.append(voucher)
        }
        return Catalog(version: try root.string("version"), products: products, contracts: contracts, vouchers: vouchers)
    }

    private static func voucher(_ value: JSONValue, path: JSONPath) throws(GeoPriceError) -> Voucher {
        let fields = try _Fields(value, path: path, known: ["code", "amount", "percent", "currency", "validFrom", "validTo"])
        let amount = try fields.decimal("amount")
        let percent = try fields.percent("percent")
        let voucherValue: Voucher.Value
        switch (amount, percent) {
        case (let amount?, nil):
            guard amount > 0 else { throw _Fields.invalid("a voucher amount is positive", path.appending("amount")) }
            voucherValue = .amount(amount)
        case (nil, let percent?): voucherValue = .percent(percent)
        default: throw _Fields.invalid("a voucher has either 'amount' or 'percent'", path)
        }
        let currency = try fields.string("currency", required: false)
        if case .amount = voucherValue, currency == nil { throw _Fields.invalid("an amount voucher names its 'currency'", path) }
        return Voucher(
            code: try fields.string("code"), value: voucherValue, currency: currency,
            validFrom: try fields.date("validFrom"), validTo: try fields.date("validTo"))
    }

    static let productKeys: Set<String> = [
        "id", "name", "mode", "unit", "currency", "rate", "tiers", "tierMode", "sceneKm2", "basis", "minimums", "belowMinimum",
        "maxKm2", "maxVertices", "multiPolygon", "composition", "rounding", "fulfilledThresholdPercent", "chargeOnlyIfFulfilled",
        "options", "archiveAge", "cancellation", "description", "minimumWindowHours", "feasibility", "quoteValidDays",
        "paymentBeforeAcceptance",
    ]

    /// The order statuses of the STAT lifecycle (`cancelled` is read as `canceled`).
    public static let statuses: [String] = [
        "received", "accepted", "rejected", "scheduled", "tasked", "processing", "reserved", "held", "completed", "canceled",
    ]

    /// Reads a product, then refuses it if some request could price one of its lines below zero
    /// (``_CatalogChecks/refuseNegativeLines(_:path:)``).
    private static func product(_ value: JSONValue, path: JSONPath) throws(GeoPriceError) -> Product {
        let fields = try _Fields(value, path: path, known: productKeys)
        let mode: Product.Mode = try fields.choice("mode")
        let unit: Product.Unit = try fields.choice("unit", default: .km2)
        let currency = try fields.string("currency")
        guard currency.count == 3, currency.allSatisfy({ $0.isUppercase && $0.isASCII }) else {
            throw _Fields.invalid("currency must be an ISO 4217 code such as EUR", path.appending("currency"))
        }
        let tiers = try self.tiers(fields, path: path)
        let minimums = try fields.object("minimums", known: ["billableKm2", "productionKm2", "minWidthKm", "minCharge"])
        let rounding = try fields.object("rounding", known: ["areaStep", "areaMode", "moneyStep", "moneyMode"])
        let sceneKm2 = try fields.positiveDecimal("sceneKm2")
        if unit == .scene, sceneKm2 == nil { throw _Fields.invalid("a per-scene product gives 'sceneKm2'", path) }
        var freshDays: Int?
        var freshModifier: Modifier?
        if let age = try fields.object("archiveAge", known: ["freshDays", "modifier"]) {
            freshDays = try age.integer("freshDays")
            freshModifier = try age.modifier("modifier")
        }
        var cancellation: [String: Decimal] = [:]
        if let policy = try fields.object("cancellation", known: Set(statuses)) {
            for key in policy.keys { cancellation[key] = try policy.percent(key) }
        }
        let product = Product(
            id: try fields.string("id"), name: try fields.string("name", required: false), mode: mode, unit: unit, currency: currency,
            tiers: tiers, tierMode: try fields.choice("tierMode", default: .graduated), sceneKm2: sceneKm2,
            basis: try fields.choice("basis", default: mode == .archive ? .aoiIntersectFootprint : .aoi),
            minimumBillableKm2: try minimums?.nonNegativeDecimal("billableKm2"),
            minimumProductionKm2: try minimums?.nonNegativeDecimal("productionKm2"),
            minimumWidthKm: try minimums?.nonNegativeDecimal("minWidthKm"), minimumCharge: try minimums?.nonNegativeDecimal("minCharge"),
            belowMinimum: try fields.choice("belowMinimum", default: .billAtMinimum),
            maxKm2: try fields.positiveDecimal("maxKm2"), maxVertices: try fields.integer("maxVertices"),
            multiPolygon: try fields.choice("multiPolygon", default: .union),
            composition: try fields.choice("composition", default: .additive),
            areaStep: try rounding?.positiveDecimal("areaStep") ?? Decimal(string: "0.01")!,
            areaRounding: try rounding?.choice("areaMode", default: .up) ?? .up,
            moneyStep: try rounding?.positiveDecimal("moneyStep") ?? Decimal(string: "0.01")!,
            moneyRounding: try rounding?.choice("moneyMode", default: .halfEven) ?? .halfEven,
            fulfilledThresholdPercent: try fields.percent("fulfilledThresholdPercent") ?? 85,
            chargeOnlyIfFulfilled: try fields.bool("chargeOnlyIfFulfilled") ?? false,
            options: try options(fields, path: path), freshDays: freshDays, freshModifier: freshModifier, cancellation: cancellation)
        var windowed = product
        if let windows = try fields.object("minimumWindowHours", known: nil) {
            for name in windows.keys {
                guard let hours = try windows.nonNegativeDecimal(name) else { continue }
                windowed.minimumWindowHours[name] = hours
            }
        }
        windowed.feasibility = try feasibility(fields)
        if let days = try fields.integer("quoteValidDays") { windowed.quoteValidDays = days }
        windowed.paymentBeforeAcceptance = try fields.bool("paymentBeforeAcceptance") ?? false
        if windowed.mode == .archive, windowed.feasibility != nil {
            throw _Fields.invalid("'feasibility' rules tasking products; archive imagery exists already", path.appending("feasibility"))
        }
        try _CatalogChecks.refuseNegativeLines(windowed, path: path)
        return windowed
    }

    private static func tiers(_ fields: _Fields, path: JSONPath) throws(GeoPriceError) -> [Tier] {
        if let rate = try fields.decimal("rate") {
            guard fields["tiers"] == nil else { throw _Fields.invalid("give 'rate' or 'tiers', not both", path) }
            guard rate >= 0 else { throw _Fields.invalid("a rate is not negative", path.appending("rate")) }
            return [Tier(upToKm2: nil, rate: rate)]
        }
        var tiers: [Tier] = []
        let list = try fields.array("tiers")
        for (index, element) in list.enumerated() {
            let tierPath = path.appending("tiers").appending(index)
            let band = try _Fields(element, path: tierPath, known: ["upToKm2", "rate"])
            let rate = try band.decimal("rate", required: true)!
            let bound = try band.positiveDecimal("upToKm2")
            guard rate >= 0 else { throw _Fields.invalid("a rate is not negative", tierPath.appending("rate")) }
            guard (bound == nil) == (index == list.count - 1) else {
                throw _Fields.invalid("every band but the last has 'upToKm2'; the last has none", tierPath)
            }
            if let bound, let previous = tiers.last?.upToKm2, bound <= previous {
                throw _Fields.invalid("band bounds must increase", tierPath.appending("upToKm2"))
            }
            tiers.append(Tier(upToKm2: bound, rate: rate))
        }
        guard !tiers.isEmpty else { throw _Fields.invalid("a product has a 'rate' or 'tiers'", path) }
        return tiers
    }

    private static func options(_ fields: _Fields, path: JSONPath) throws(GeoPriceError) -> [PricedOption] {
        var options: [PricedOption] = []
        var keys = Set<String>()
        for (index, element) in try fields.array("options", required: false).enumerated() {
            let optionPath = path.appending("options").appending(index)
            let option = try _Fields(element, path: optionPath, known: ["key", "default", "values", "atMost", "modifier", "queryable"])
            let key = try option.string("key")
            guard keys.insert(key).inserted else {
                throw _Fields.invalid("option '\(key)' appears twice: both would apply", optionPath.appending("key"))
            }
            let defaultValue = try option.string("default", required: false)
            if let values = try option.object("values", known: nil) {
                var priced: [(String, Modifier)] = []
                for name in values.keys { priced.append((name, try values.modifier(name) ?? Modifier())) }
                if let defaultValue, !priced.contains(where: { $0.0 == defaultValue }) {
                    throw _Fields.invalid("the default '\(defaultValue)' is not one of the values", optionPath.appending("default"))
                }
                options.append(PricedOption(key: key, pricing: .values(priced), defaultValue: defaultValue, queryable: try option.string("queryable", required: false)))
            } else if let limit = try option.decimal("atMost") {
                guard let modifier = try option.modifier("modifier") else { throw _Fields.invalid("'atMost' needs a 'modifier'", optionPath) }
                options.append(PricedOption(key: key, pricing: .atMost(limit, modifier), defaultValue: defaultValue, queryable: try option.string("queryable", required: false)))
            } else {
                throw _Fields.invalid("an option has 'values' or 'atMost'", optionPath)
            }
        }
        return options
    }
}

/// The members of one catalog object, read with their path for errors.
struct _Fields {
    let object: JSONObject
    let path: JSONPath

    init(_ value: JSONValue, path: JSONPath, known: Set<String>?) throws(GeoPriceError) {
        guard case .object(let object) = value else { throw Self.invalid("expected an object, found \(value.typeName)", path) }
        if let known, let stranger = object.keys.first(where: { !known.contains($0) }) {
            throw Self.invalid("unknown member '\(stranger)'", path.appending(stranger))
        }
        self.object = object
        self.path = path
    }

    static func invalid(_ message: String, _ path: JSONPath) -> GeoPriceError {
        GeoPriceError(.invalidCatalog, message, path: path.description)
    }

    subscript(key: String) -> JSONValue? { object[key] }
    var keys: [String] { object.keys }

    func string(_ key: String) throws(GeoPriceError) -> String { try string(key, required: true)! }

    func string(_ key: String, required: Bool) throws(GeoPriceError) -> String? {
        guard let value = object[key] else {
            if required { throw Self.invalid("missing '\(key)'", path) }
            return nil
        }
        guard case .string(let text) = value, !text.isEmpty else { throw Self.invalid("'\(key)' must be a non-empty string", path.appending(key)) }
        return text
    }

    func decimal(_ key: String, required: Bool = false) throws(GeoPriceError) -> Decimal? {
        guard let text = try string(key, required: required) else { return nil }
        guard let value = Money.parse(text) else {
            throw Self.invalid("'\(key)' must be a decimal string such as \"8.50\", found \"\(text)\"", path.appending(key))
        }
        return value
    }

    func nonNegativeDecimal(_ key: String) throws(GeoPriceError) -> Decimal? {
        guard let value = try decimal(key) else { return nil }
        guard value >= 0 else { throw Self.invalid("'\(key)' must not be negative", path.appending(key)) }
        return value
    }

    func positiveDecimal(_ key: String) throws(GeoPriceError) -> Decimal? {
        guard let value = try decimal(key) else { return nil }
        guard value > 0 else { throw Self.invalid("'\(key)' must be positive", path.appending(key)) }
        return value
    }

    func percent(_ key: String) throws(GeoPriceError) -> Decimal? {
        guard let value = try decimal(key) else { return nil }
        guard value >= 0, value <= 100 else { throw Self.invalid("'\(key)' is a percent from 0 to 100", path.appending(key)) }
        return value
    }

    func integer(_ key: String) throws(GeoPriceError) -> Int? {
        guard let value = object[key] else { return nil }
        guard case .number(let number) = value, number == number.rounded(), number > 0, number < 1e9 else {
            throw Self.invalid("'\(key)' must be a positive whole number", path.appending(key))
        }
        return Int(number)
    }

    func bool(_ key: String) throws(GeoPriceError) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag) = value else { throw Self.invalid("'\(key)' must be true or false", path.appending(key)) }
        return flag
    }

    func date(_ key: String) throws(GeoPriceError) -> CalendarDate? {
        guard let text = try string(key, required: false) else { return nil }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw Self.invalid("'\(key)' must be a date YYYY-MM-DD, found \"\(text)\"", path.appending(key))
        }
    }

    func choice<Choice: RawRepresentable>(_ key: String, default fallback: Choice? = nil) throws(GeoPriceError) -> Choice
    where Choice.RawValue == String {
        guard let text = try string(key, required: fallback == nil) else { return fallback! }
        guard let choice = Choice(rawValue: text) else { throw Self.invalid("'\(key)' has no value '\(text)'", path.appending(key)) }
        return choice
    }

    func array(_ key: String, required: Bool = true) throws(GeoPriceError) -> [JSONValue] {
        guard let value = object[key] else {
            if required { throw Self.invalid("missing '\(key)'", path) }
            return []
        }
        guard case .array(let elements) = value else { throw Self.invalid("'\(key)' must be an array", path.appending(key)) }
        return elements
    }

    func object(_ key: String, known: Set<String>?) throws(GeoPriceError) -> _Fields? {
        guard let value = object[key] else { return nil }
        return try _Fields(value, path: path.appending(key), known: known)
    }

    func modifier(_ key: String) throws(GeoPriceError) -> Modifier? {
        guard let fields = try object(key, known: ["percent", "perKm2", "fixed"]) else { return nil }
        return Modifier(
            percent: try fields.decimal("percent") ?? 0, perKm2: try fields.decimal("perKm2") ?? 0, fixed: try fields.decimal("fixed") ?? 0)
    }
}
