import Foundation
import GeoPricing

/// What each route answers, as the matching CLI command prints it with `--json` (the same library calls, the same
/// bytes, newline included). Synchronous CPU work: the router runs these off Swift concurrency's cooperative pool.
enum Answers {
    /// `POST /v1/area` = `geoprice area --json [--crs] [--feature] [--repair]`.
    static func area(_ body: [UInt8], crs: String?, feature: String?, repair: Bool) throws(GeoPriceError) -> [UInt8] {
        let answer = try AreaAnswer(
            measuring: GeoJSONReader().read(body), feature: feature, with: AreaMeasurer(crs: crs, repair: repair))
        return answer.jsonBytes + [newline]
    }

    /// One AOI's `geoprice area --ndjson` line (without its newline).
    static func areaLine(crs: String?, feature: String?, repair: Bool) -> @Sendable (AOI) throws(GeoPriceError) -> [UInt8]? {
        let measurer = AreaMeasurer(crs: crs, repair: repair)
        return { aoi throws(GeoPriceError) in
            if let feature, aoi.name != feature { return nil }
            return JSONWriter().bytes(.object(MeasuredAOI(aoi: aoi, figures: try measurer.measure(aoi)).jsonObject))
        }
    }

    /// `POST /v1/estimate` = `geoprice estimate --request FILE --json`: our request or a STAT order request.
    static func estimate(_ body: [UInt8], estimator: Estimator, asOf: Date) throws(GeoPriceError) -> [UInt8] {
        try estimateValue(body, estimator: estimator, asOf: asOf).jsonBytes + [newline]
    }

    /// `POST /prices` = `geoprice estimate --request FILE --format airbus`: the Airbus `/prices` request.
    static func prices(_ body: [UInt8], estimator: Estimator, asOf: Date) throws(GeoPriceError) -> [UInt8] {
        JSONWriter().bytes(.object(try estimateValue(body, estimator: estimator, asOf: asOf).airbusJSON)) + [newline]
    }

    private static func estimateValue(_ body: [UInt8], estimator: Estimator, asOf: Date) throws(GeoPriceError) -> Estimate {
        let value = try JSONReader().read(body)
        if case .object(let object) = value, STATOrderRequest.isSTATShaped(object) {
            return try estimator.estimate(STATOrderRequest(object), asOf: asOf)
        }
        return try estimator.estimate(RequestReader.read(value, captures: [], asOf: CalendarDate(utc: asOf)))
    }

    /// The coverage body: `{"aois": GeoJSON, "captures": GeoJSON, "threshold": 85, "gains": false}`.
    struct CoverageBody {
        let aois: GeoJSONDocument
        let calculator: CoverageCalculator

        init(_ body: [UInt8]) throws(GeoPriceError) {
            guard case .object(let object) = try JSONReader().read(body) else {
                throw GeoPriceError(.invalidRequest, "a coverage request is an object with 'aois' and 'captures'", path: "$")
            }
            if let stranger = object.keys.first(where: { !["aois", "captures", "threshold", "gains"].contains($0) }) {
                throw GeoPriceError(.invalidRequest, "unknown member '\(stranger)'", path: JSONPath.root.appending(stranger).description)
            }
            guard let aois = object["aois"], let captures = object["captures"] else {
                throw GeoPriceError(.invalidRequest, "a coverage request gives 'aois' and 'captures' (GeoJSON)", path: "$")
            }
            var threshold = 85.0
            if let given = object["threshold"] {
                guard let number = given.numberValue, number.isFinite, (0...100).contains(number) else {
                    throw GeoPriceError(.invalidValue, "'threshold' is a percent from 0 to 100", path: "$.threshold")
                }
                threshold = number
            }
            var gains = false
            if let given = object["gains"] {
                guard case .bool(let flag) = given else { throw GeoPriceError(.invalidRequest, "'gains' is true or false", path: "$.gains") }
                gains = flag
            }
            let reader = GeoJSONReader()
            self.aois = try reader.document(from: aois, at: JSONPath.root.appending("aois"))
            calculator = try CoverageCalculator(
                captures: CaptureReader.captures(in: reader.document(from: captures, at: JSONPath.root.appending("captures"))), thresholdPercent: threshold,
                includesCaptureShares: gains)
        }
    }

    /// `POST /v1/coverage` = `geoprice coverage --json`.
    static func coverage(_ body: [UInt8]) throws(GeoPriceError) -> [UInt8] {
        let request = try CoverageBody(body)
        return JSONWriter().bytes(.object(try request.calculator.cover(request.aois.lonLatAOIs()).jsonObject)) + [newline]
    }

    /// `POST /v1/orders/tasking/feasibility_check` = `geoprice feasibility --json`: a STAT order request, or
    /// `{"product" | "dataProduct", "aois" | "featureCollection", "priority", "datetime", "filter", "constraints"}`.
    static func feasibility(_ body: [UInt8], estimator: Estimator, asOf: Date) throws(GeoPriceError) -> [UInt8] {
        guard case .object(let object) = try JSONReader().read(body) else {
            throw GeoPriceError(.invalidRequest, "a feasibility request is an object", path: "$")
        }
        let checks: [FeasibilityCheck]
        if STATOrderRequest.isSTATShaped(object) {
            let request = try STATOrderRequest(object)
            checks = try estimator.feasibility(of: [PreparedAOI(request.aoi)], FeasibilityRequest(request), asOf: asOf)
        } else {
            let known: Set<String> = ["product", "dataProduct", "aois", "featureCollection", "priority", "datetime", "filter", "constraints"]
            if let stranger = object.keys.first(where: { !known.contains($0) }) {
                throw GeoPriceError(.invalidRequest, "unknown member '\(stranger)'", path: JSONPath.root.appending(stranger).description)
            }
            guard let product = (object["product"] ?? object["dataProduct"])?.stringValue else {
                throw GeoPriceError(.invalidRequest, "a feasibility request names its 'product'", path: "$.product")
            }
            guard let aois = object["aois"] ?? object["featureCollection"] else {
                throw GeoPriceError(.invalidRequest, "a feasibility request gives its 'aois' (GeoJSON)", path: "$.aois")
            }
            for key in ["datetime", "priority"] where object[key] != nil && object[key]?.stringValue == nil {
                throw GeoPriceError(.invalidRequest, "'\(key)' is a string", path: "$.\(key)")
            }
            let window = try object["datetime"].flatMap(\.stringValue).map { text throws(GeoPriceError) in
                try ISO8601Interval(parsing: text, path: "$.datetime")
            }
            let prepared = try GeoJSONReader().document(from: aois, at: JSONPath.root.appending("aois")).lonLatAOIs().map { aoi throws(GeoPriceError) in try PreparedAOI(aoi) }
            checks = try estimator.feasibility(
                of: prepared, FeasibilityRequest(productID: product, priority: object["priority"]?.stringValue, window: window,
                    filter: object["filter"], constraints: object["constraints"]), asOf: asOf)
        }
        return JSONWriter().bytes(.object(FeasibilityCheck.jsonObject(of: checks))) + [newline]
    }

    /// `POST /v1/cancel-quote` = `geoprice cancel-quote --json`: `{"product", "paid", "status" | "statusResponse"}`.
    static func cancelQuote(_ body: [UInt8], catalog: Catalog) throws(GeoPriceError) -> [UInt8] {
        guard case .object(let object) = try JSONReader().read(body), let product = object["product"]?.stringValue,
            let paid = object["paid"]?.stringValue
        else {
            throw GeoPriceError(.invalidRequest, "a cancellation request is {\"product\", \"paid\", \"status\" or \"statusResponse\"}", path: "$")
        }
        let quote: CancellationQuote
        switch (object["status"]?.stringValue, object["statusResponse"]) {
        case (let status?, nil): quote = try CancellationQuote(catalog: catalog, product: product, status: status, paid: paid)
        case (nil, let response?): quote = try CancellationQuote(catalog: catalog, product: product, history: OrderStatusHistory(reading: response), paid: paid)
        default: throw GeoPriceError(.invalidRequest, "give the order's 'status' or its 'statusResponse', one of them", path: "$.status")
        }
        return JSONWriter().bytes(.object(quote.jsonObject)) + [newline]
    }

    /// `POST /v1/reproject?to=&from=&densifyM=` = `geoprice reproject --to CRS [--from] [--densify-m] --json`.
    static func reproject(_ body: [UInt8], to: String, from: String?, densifyMetres: Double?) throws(GeoPriceError) -> [UInt8] {
        if let densifyMetres, !(densifyMetres > 0 && densifyMetres.isFinite) {
            throw GeoPriceError(.invalidValue, "densifyM is a positive number of metres", path: "densifyM", details: ["value": .string("\(densifyMetres)")])
        }
        let document = try GeoJSONReader().read(body)
        var source = from ?? CRSTransformer.lonLat
        if from == nil, let named = try document.crs { source = named }
        return try Reprojector(from: source, to: to, densifyMetres: densifyMetres).transform(document).0.compactJSONBytes + [newline]
    }

    static let newline = UInt8(ascii: "\n")
}
