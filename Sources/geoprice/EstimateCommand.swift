import ArgumentParser
import Foundation
import GeoPricing

/// `geoprice estimate`: the price of AOIs per product, with every minimum, modifier and discount shown.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Price AOIs on a catalog: per product line, order discounts, total.",
        discussion: """
            Either --aoi with one or more --product, or --request (our JSON request or the Airbus /prices request). \
            Archive products price AOI ∩ footprints: give the captures with --captures. Rejections exit with status \
            2 and, with --json or --format airbus, print the JSON error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, airbus
    }

    @Option(help: "The AOIs (GeoJSON; NDJSON with --ndjson).")
    var aoi: String?

    @Option(help: "A product id of the catalog (repeat for several items).")
    var product: [String] = []

    @Option(help: "A whole request: our JSON shape, the Airbus /prices shape, or a STAT order request (datetime, product_id, geometry, constraints, filter).")
    var request: String?

    @Option(help: "Capture footprints (GeoJSON) for archive products; their feature ids are datastrip ids.")
    var captures: String?

    @Option(name: .customLong("option"), help: "A product option as key=value (repeatable), e.g. licence=eula_6_10.")
    var options: [String] = []

    @Option(help: "Tasking priority (same as --option priority=P).")
    var priority: String?

    @Option(help: "The contract whose discount applies.")
    var contract: String?

    @Option(name: .customLong("voucher"), help: "A voucher code (repeatable, applied in order).")
    var vouchers: [String] = []

    @Flag(help: "Archive: one line per UTC acquisition date.")
    var splitByDate = false

    @Option(help: "The estimate's time, an RFC 3339 instant or YYYY-MM-DD (its first instant): the price's date, a STAT window's start, a quotation's issuedAt (default: now).")
    var asOf: String?

    @Option(help: "A catalog file instead of the bundled default.")
    var catalog: String?

    @Flag(help: "Print our JSON answer (money as decimal strings).")
    var json = false

    @Option(help: "Answer format: text, json, or airbus (the Airbus /prices shape).")
    var format: Format?

    @Flag(help: "Price each AOI of a FeatureCollection or NDJSON stream on its own line, on all cores.")
    var ndjson = false

    #if Quotations
    @Flag(help: "Issue the answer as a quotation signed with the key in the file GEOPRICE_QUOTE_KEY_FILE names (tasking products).")
    var quote = false
    #else
    var quote: Bool { false }
    #endif

    var answerFormat: Format { format ?? (json ? .json : .text) }

    func validate() throws {
        guard (aoi == nil) != (request == nil) else { throw ValidationError("give either --aoi with --product, or --request") }
        if aoi != nil, product.isEmpty { throw ValidationError("--aoi needs at least one --product") }
        if ndjson, request != nil { throw ValidationError("--ndjson prices the AOIs of --aoi") }
        if quote, ndjson || format == .airbus { throw ValidationError("--quote issues one quotation, our JSON answer signed: not with --ndjson or --format airbus") }
    }

    func run() throws {
        let asJSON = answerFormat != .text || ndjson || quote
        do {
            let estimator = Estimator(catalog: try InputFile.catalog(catalog))
            let instant = try AsOf.instant(asOf)
            let date = CalendarDate(utc: instant)
            if let request {
                let bytes = try InputFile.bytes(request)
                let value = try JSONReader().read(bytes)
                if case .object(let object) = value, STATOrderRequest.isSTATShaped(object) {
                    guard product.isEmpty, options.isEmpty, priority == nil, captures == nil, !splitByDate else {
                        throw GeoPriceError(
                            .conflictingOptions,
                            "a STAT order request carries its own product and constraints: --product, --option, --priority, --captures and --split-by-date do not apply to it",
                            path: "--request")
                    }
                    let estimate = try estimator.estimate(STATOrderRequest(object), asOf: instant, contract: contract, vouchers: vouchers)
                    try write(estimate, catalog: estimator.catalog, issuedAt: instant) { () throws(GeoPriceError) in try requestDocument(file: bytes, value) }
                } else {
                    guard product.isEmpty, options.isEmpty, priority == nil, contract == nil, vouchers.isEmpty, !splitByDate else {
                        throw GeoPriceError(
                            .conflictingOptions,
                            "our estimate request carries its own items, priority, contract, vouchers and splitByDate: --product, --option, --priority, --contract, --voucher and --split-by-date do not apply to it",
                            path: "--request")
                    }
                    let pool = try captures.map { try CaptureReader.captures(in: GeoJSONReader().read(InputFile.bytes($0))) } ?? []
                    let estimate = try estimator.estimate(RequestReader.read(value, captures: pool, asOf: date))
                    try write(estimate, catalog: estimator.catalog, issuedAt: instant) { () throws(GeoPriceError) in try requestDocument(file: bytes, value) }
                }
                return
            }
            let pool = try captures.map { try CaptureReader.captures(in: GeoJSONReader().read(InputFile.bytes($0))) } ?? []
            let options = try parsedOptions()
            let items = product.map { EstimateRequest.Item(product: $0, captures: pool, options: options) }
            var order = EstimateRequest(
                aois: [], items: items, priority: priority, contract: contract, vouchers: vouchers, splitByDate: splitByDate, asOf: date)
            if ndjson {
                // A product the catalog lacks would refuse every line alike: refused once, before any is read.
                for id in product where estimator.catalog.product(id) == nil {
                    throw GeoPriceError(
                        .unknownProduct, "no product '\(id)' in the catalog", path: "--product",
                        details: ["product": .string(id), "known": .array(estimator.catalog.products.map { .string($0.id) })])
                }
                let stream = EstimateStream(estimator: pool.isEmpty ? estimator : try estimator.sharing(captures: pool), template: order)
                if !(try NDJSONStream.run(aoi!) { aoi throws(GeoPriceError) in try stream.answer(aoi) }) { throw ExitCode(2) }
                return
            }
            let aoiBytes = try InputFile.bytes(aoi!)
            order.aois = try GeoJSONReader().read(aoiBytes).lonLatAOIs()
            try write(estimator.estimate(order), catalog: estimator.catalog, issuedAt: instant) { () throws(GeoPriceError) in
                try requestDocument(aoi: aoiBytes, options: options, asOf: date)
            }
        } catch let error as GeoPriceError {
            throw Output.reject(error, asJSON: asJSON)
        }
    }

    /// Writes the answer in its format, or issued as a quotation with `--quote` (`request`: the bytes it answers).
    private func write(_ estimate: Estimate, catalog: Catalog, issuedAt: Date, request: () throws(GeoPriceError) -> [UInt8]) throws(GeoPriceError) {
        #if Quotations
        if quote {
            try Output.json(.object(Self.quotation(estimate, request: request(), catalog: catalog, issuedAt: issuedAt)))
            return
        }
        #endif
        switch answerFormat {
        case .json: Output.line(estimate.jsonText)
        case .airbus: Output.json(.object(estimate.airbusJSON))
        case .text: Output.line(EstimateTable.text(estimate))
        }
    }

    /// What a `--request` quotation's `requestSha256` digests: the file's bytes, or, when the command line adds to it
    /// (`--contract` and `--voucher` to a STAT request, `--captures` to ours), the document `{"request": the file's
    /// JSON, "captures": the captures file's document or null, "contract": text or null, "vouchers": [codes]}`.
    private func requestDocument(file bytes: [UInt8], _ value: JSONValue) throws(GeoPriceError) -> [UInt8] {
        guard contract != nil || !vouchers.isEmpty || captures != nil else { return bytes }
        var object: JSONObject = ["request": value]
        object["captures"] = try captures.map { file throws(GeoPriceError) in try JSONReader().read(InputFile.bytes(file)) } ?? .null
        object["contract"] = contract.map(JSONValue.string) ?? .null
        object["vouchers"] = .array(vouchers.map(JSONValue.string))
        return JSONWriter().bytes(.object(object))
    }

    /// The request the command line makes, as one JSON document (what a quotation's `requestSha256` digests): the
    /// AOI document as geoprice writes it, then the products, options, priority, captures file's document, contract,
    /// vouchers, `splitByDate` and the day.
    private func requestDocument(aoi: [UInt8], options: [(key: String, value: String)], asOf: CalendarDate) throws(GeoPriceError) -> [UInt8] {
        var object: JSONObject = ["aoi": try JSONReader().read(aoi), "products": .array(product.map(JSONValue.string))]
        object["options"] = .array(options.map { .string("\($0.key)=\($0.value)") })
        object["priority"] = priority.map(JSONValue.string) ?? .null
        object["captures"] = try captures.map { file throws(GeoPriceError) in try JSONReader().read(InputFile.bytes(file)) } ?? .null
        object["contract"] = contract.map(JSONValue.string) ?? .null
        object["vouchers"] = .array(vouchers.map(JSONValue.string))
        object["splitByDate"] = .bool(splitByDate)
        object["asOf"] = .string(asOf.description)
        var bytes: [UInt8] = []
        JSONWriter().write(.object(object), into: &bytes)
        return bytes
    }

    /// `key=value` pairs; a pair without `=` is a value the command line rejected.
    private func parsedOptions() throws(GeoPriceError) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw GeoPriceError(.unknownOption, "--option takes key=value, found '\(option)'", details: ["value": .string(option)])
            }
            pairs.append((String(option[..<equals]), String(option[option.index(after: equals)...])))
        }
        return pairs
    }
}
