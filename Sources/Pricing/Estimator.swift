import Coverage
import Foundation
import GeoJSON
import GeometryEngine

/// Prices estimate requests against a catalog. Build one per catalog and share it: it is a `Sendable` value, and
/// ``estimateEach(_:)`` prices many requests on all cores.
public struct Estimator: Sendable {
    /// The catalog prices come from.
    public let catalog: Catalog
    /// Coverage calculators built ahead for capture sets that many requests share (``sharing(captures:)``).
    private var calculators: [(captures: [Capture], calculator: CoverageCalculator)] = []

    /// An estimator for a catalog.
    public init(catalog: Catalog) { self.catalog = catalog }

    /// This estimator with the captures validated and indexed once, for every request whose items price them:
    /// an NDJSON stream of AOIs priced against one captures file builds its index once, not once per line.
    /// - Throws: ``GeoPriceError`` for a bad footprint or cloud mask.
    public func sharing(captures: [Capture]) throws(GeoPriceError) -> Estimator {
        var copy = self
        copy.calculators.append((captures, try CoverageCalculator(captures: captures)))
        return copy
    }

    /// Prices one request: every item on every AOI it names, then order discounts.
    /// - Throws: ``GeoPriceError`` with the code of the first rule that rejects the request.
    public func estimate(_ request: EstimateRequest) throws(GeoPriceError) -> Estimate {
        var lines: [Estimate.Line] = []
        var warnings: [String] = []
        var currency: String?
        let shared = _RequestPreparation(calculators: calculators)
        for item in request.items {
            guard let product = catalog.product(item.product) else {
                throw GeoPriceError(
                    .unknownProduct, "no product '\(item.product)' in catalog \(catalog.version)", path: item.path.appending("product").description,
                    details: ["product": .string(item.product), "known": .array(catalog.products.map { .string($0.id) })])
            }
            if let currency, currency != product.currency {
                throw GeoPriceError(
                    .currencyMismatch, "\(product.id) is priced in \(product.currency), the order in \(currency)", path: item.path.description,
                    details: ["product": .string(product.id), "currency": .string(product.currency), "orderCurrency": .string(currency)])
            }
            currency = product.currency
            let options = try _ResolvedOptions(product: product, given: item.options, priority: request.priority, path: item.path.appending("options"))
            warnings += options.warnings
            if product.chargeOnlyIfFulfilled {
                warnings.append("\(product.id) is charged only if fulfilled (\(Money.string(product.fulfilledThresholdPercent)) % of each AOI covered)")
            }
            for aoi in try aois(of: item, in: request, product: product) {
                for (date, captures) in captureGroups(of: item, product: product, splitByDate: request.splitByDate) {
                    let label = "\(product.id) × \(aoi.name)" + (date.map { " on \($0)" } ?? "")
                    do {
                        lines.append(try line(product, aoi: aoi, captures: captures, date: date, item: item, options: options,
                            asOf: request.asOf, label: label, shared: shared, warnings: &warnings))
                    } catch where error.code == .noCoverage && date != nil {
                        warnings.append("\(label): no capture of that date meets the AOI; no line")
                    }
                }
            }
        }
        guard let currency, !lines.isEmpty else {
            throw GeoPriceError(.noCoverage, "nothing to price: the request gives no item with a line", path: "$.items")
        }
        let subtotal = lines.reduce(Decimal(0)) { Money.sum($0, $1.price) }
        let step = catalog.product(lines[0].product)?.moneyStep ?? Decimal(string: "0.01")!
        let discounts = try _OrderDiscounts(catalog: catalog, request: request, currency: currency, subtotal: subtotal, step: step).discounts
        return Estimate(
            lines: lines, subtotal: subtotal, discounts: discounts, total: Money.difference(subtotal, discounts.reduce(0) { Money.sum($0, $1.value) }),
            currency: currency, contract: request.contract, asOf: request.asOf, warnings: warnings, catalogVersion: catalog.version)
    }

    /// Prices many requests on the threads `parallelism` grants (by default the current grant, ``Parallelism``);
    /// each answer or error in input order.
    public func estimateEach(_ requests: [EstimateRequest], parallelism: Parallelism? = nil) -> [Result<Estimate, GeoPriceError>] {
        (parallelism ?? .current).granting {
            concurrentMap(count: requests.count) { index in Result { () throws(GeoPriceError) in try estimate(requests[index]) } }
        }
    }

    /// ``estimateEach(_:parallelism:)`` for async callers: the work runs off Swift concurrency's cooperative pool.
    public func estimateEach(_ requests: [EstimateRequest], parallelism: Parallelism? = nil) async -> [Result<Estimate, GeoPriceError>] {
        await (parallelism ?? .current).runOffCooperativePool { estimateEach(requests) }
    }

    // MARK: - Lines

    private func line(
        _ product: Product, aoi: AOI, captures: [Capture], date: CalendarDate?, item: EstimateRequest.Item, options: _ResolvedOptions,
        asOf: CalendarDate, label: String, shared: _RequestPreparation, warnings: inout [String]
    ) throws(GeoPriceError) -> Estimate.Line {
        let basis = try _LineBasis(product: product, aoi: aoi, captures: captures, label: label, shared: shared)
        var rules = [basis.rule]
        let measured = Money.exactKm2(basis.km2)
        let pricer = _LinePricer(product: product)
        let billable = try pricer.billable(measured: measured, rules: &rules, warnings: &warnings, label: label, path: aoi.path)
        var modifiers = options.modifiers
        if let freshDays = product.freshDays, let fresh = product.freshModifier {
            if let newest = basis.newest {
                let newestDate = CalendarDate(utc: newest)
                let age = asOf.days(since: newestDate)
                if age < freshDays {
                    var values: JSONObject = ["newest": .string(newestDate.description), "ageDays": .number(Double(age)),
                                              "freshDays": .number(Double(freshDays))]
                    values.merge(fresh)
                    modifiers.append((fresh, Estimate.Rule(name: "archiveAge", values: values)))
                }
            } else {
                warnings.append("\(label): the captures carry no acquisition date; priced as older than \(freshDays) days")
            }
        }
        var scenes: Int?
        let amount = pricer.amount(billable: billable, modifiers: modifiers, rules: &rules, scenes: &scenes)
        return Estimate.Line(
            product: product.id, aoi: aoi.nameJSON, date: date, measuredKm2: measured, billableKm2: billable, scenes: scenes,
            unitPrice: product.unitPrice, unit: product.unit, rules: rules, amount: amount, lineDiscounts: [], price: amount,
            datastripIDs: item.datastripIDs.isEmpty ? basis.captureIDs.map { $0.stringValue ?? JSONWriter().string($0) } : item.datastripIDs,
            moneyScale: Money.scale(of: product.moneyStep))
    }

    /// The AOIs an item covers; a MultiPolygon under `perPart` becomes one AOI per part (`name/part`).
    private func aois(of item: EstimateRequest.Item, in request: EstimateRequest, product: Product) throws(GeoPriceError) -> [AOI] {
        var chosen = request.aois
        if let names = item.aoiNames {
            chosen = []
            for name in names {
                guard let aoi = request.aois.first(where: { $0.name == name }) else {
                    throw GeoPriceError(.invalidRequest, "the item names AOI '\(name)', which the request does not have",
                        path: item.path.appending("aoi").description, details: ["aoi": .string(name)])
                }
                chosen.append(aoi)
            }
        }
        guard product.multiPolygon == .perPart else { return chosen }
        return chosen.flatMap { aoi -> [AOI] in
            guard aoi.polygons.count > 1 else { return [aoi] }
            return aoi.polygons.enumerated().map { part, polygon in
                var single = aoi
                single.id = .string("\(aoi.name)/\(part)")
                single.polygons = [polygon]
                single.isMultiPolygon = false
                single.path = aoi.path.appending("coordinates").appending(part)
                return single
            }
        }
    }

    /// The capture sets an item's lines are priced on: all its captures, or for archive items split by date one set
    /// per UTC acquisition date (undated captures in a set of their own, last).
    private func captureGroups(of item: EstimateRequest.Item, product: Product, splitByDate: Bool) -> [(CalendarDate?, [Capture])] {
        guard product.mode == .archive, splitByDate else { return [(nil, item.captures)] }
        var groups: [CalendarDate: [Capture]] = [:]
        var undated: [Capture] = []
        for capture in item.captures {
            if let acquired = capture.acquired { groups[CalendarDate(utc: acquired), default: []].append(capture) } else { undated.append(capture) }
        }
        var result: [(CalendarDate?, [Capture])] = groups.keys.sorted().map { ($0, groups[$0]!) }
        if !undated.isEmpty { result.append((nil, undated)) }
        return result
    }
}
