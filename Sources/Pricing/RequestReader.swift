import Coverage
import Foundation
import GeoJSON

/// Reads estimate requests: our own JSON shape, and the Airbus `/prices` shape with the spelling variants real
/// providers use (`datastripIds` / `dataStripIds`, `productTypeId` / `productType`, `aoiId` / `aoiID`,
/// `contractId` / `contractID`, `voucherCodes` / `vouchers`, `licence` / `license`).
///
/// Ours: `{"aois": GeoJSON, "captures": GeoJSON?, "items": [{"product", "aoi": id or [ids]?, "captures": [ids]?,
/// "options": {key: value}?}], "priority"?, "contract"?, "vouchers"?: [codes], "splitByDate"?: bool, "asOf"?: date}`.
public enum RequestReader {
    /// Reads a request text; `captures` (from a separate file) join the request's own.
    /// - Throws: ``GeoPriceError`` with the path of the offending member.
    public static func read(_ bytes: some Collection<UInt8>, captures extra: [Capture] = [], asOf: CalendarDate = .today)
        throws(GeoPriceError) -> EstimateRequest
    {
        try read(JSONReader().read(bytes), captures: extra, asOf: asOf)
    }

    /// Reads a request already parsed as JSON (what reading its text does once it has parsed it).
    public static func read(_ value: JSONValue, captures extra: [Capture] = [], asOf: CalendarDate = .today) throws(GeoPriceError) -> EstimateRequest {
        guard case .object(let root) = value else {
            throw GeoPriceError(.invalidRequest, "an estimate request is a JSON object, found \(value.typeName)", path: "$")
        }
        if root["aoi"]?.arrayValue != nil { return try airbus(root, captures: extra, asOf: asOf) }
        return try ours(root, captures: extra, asOf: asOf)
    }

    // MARK: - Our shape

    private static func ours(_ root: JSONObject, captures extra: [Capture], asOf: CalendarDate) throws(GeoPriceError) -> EstimateRequest {
        let reader = GeoJSONReader()
        guard let aoisValue = root["aois"] ?? root["aoi"] else { throw invalid("missing 'aois' (GeoJSON)", .root) }
        let aoisPath = JSONPath.root.appending(root["aois"] != nil ? "aois" : "aoi")
        let document = try reader.document(from: aoisValue, at: aoisPath)
        let aois = try document.areasOfInterest().map { aoi throws(GeoPriceError) in
            var located = aoi
            located.path = JSONPath(components: aoisPath.components + aoi.path.components)
            return try located.toLonLat(from: try document.crs)
        }
        var pool = extra
        if let capturesValue = root["captures"] {
            pool += try CaptureReader.captures(in: reader.document(from: capturesValue, at: JSONPath.root.appending("captures")))
        }
        var items: [EstimateRequest.Item] = []
        for (index, element) in try array(root, "items", .root).enumerated() {
            let path = JSONPath.root.appending("items").appending(index)
            guard case .object(let object) = element else { throw invalid("an item is an object", path) }
            let product = try string(object, "product", path)
            var names: [String]?
            switch object["aoi"] {
            case nil: names = nil
            case .string(let name)?: names = [name]
            case .number(let number)?: names = [FeatureID.number(number).description]
            case .array(let list)?: names = list.map { $0.stringValue ?? $0.numberValue.map { FeatureID.number($0).description } ?? "" }
            default: throw invalid("'aoi' names an AOI id or a list of them", path.appending("aoi"))
            }
            var chosen = pool
            if let wanted = object["captures"] {
                guard case .array(let ids) = wanted else { throw invalid("'captures' lists capture ids", path.appending("captures")) }
                chosen = try select(ids.map(describe), from: pool, path: path.appending("captures"))
            }
            var options: [(key: String, value: String)] = []
            if let optionsValue = object["options"] {
                guard case .object(let members) = optionsValue else { throw invalid("'options' is an object", path.appending("options")) }
                for member in members.members { options.append((member.key, describe(member.value))) }
            }
            items.append(EstimateRequest.Item(
                product: product, aoiNames: names, captures: chosen, options: options, path: path))
        }
        return EstimateRequest(
            aois: aois, items: items, priority: try optionalString(root, "priority", .root), contract: try optionalString(root, "contract", .root),
            vouchers: try strings(root, "vouchers", .root), splitByDate: root["splitByDate"] == .bool(true),
            asOf: try optionalString(root, "asOf", .root).map { text throws(GeoPriceError) in try CalendarDate(parsing: text, path: "$.asOf") } ?? asOf)
    }

    // MARK: - The Airbus /prices shape

    private static func airbus(_ root: JSONObject, captures pool: [Capture], asOf: CalendarDate) throws(GeoPriceError) -> EstimateRequest {
        let reader = GeoJSONReader()
        var aois: [AOI] = []
        for (index, element) in try array(root, "aoi", .root).enumerated() {
            let path = JSONPath.root.appending("aoi").appending(index)
            guard case .object(let object) = element, let geometryValue = object["geometry"] else {
                throw invalid("an aoi entry is {id, geometry}", path)
            }
            let geometryPath = path.appending("geometry")
            guard case .geometry(let geometry) = try reader.document(from: geometryValue, at: geometryPath) else {
                throw invalid("'geometry' is a GeoJSON geometry", geometryPath)
            }
            let id: FeatureID? = object["id"].flatMap { value in
                value.stringValue.map(FeatureID.string) ?? value.numberValue.map(FeatureID.number)
            }
            aois.append(try AOI(geometry: geometry, id: id, index: index, path: geometryPath, properties: nil))
        }
        let global = try keyValues(root["options"], JSONPath.root.appending("options"))
        var perProduct: [String: [(key: String, value: String)]] = [:]
        for (index, element) in try array(root, "optionsPerProductType", .root, required: false).enumerated() {
            let path = JSONPath.root.appending("optionsPerProductType").appending(index)
            guard case .object(let object) = element else { throw invalid("an entry is an object", path) }
            let product = try string(object, ["productTypeId", "productType"], path)
            var options = try keyValues(object["options"], path.appending("options"))
            if let licence = object["licence"] ?? object["license"] { options.insert(("licence", describe(licence)), at: 0) }
            perProduct[product, default: []] += options
        }
        var items: [EstimateRequest.Item] = []
        for (index, element) in try array(root, "items", .root).enumerated() {
            let path = JSONPath.root.appending("items").appending(index)
            guard case .object(let object) = element else { throw invalid("an item is an object", path) }
            let product = try string(object, ["productTypeId", "productType"], path)
            let strips = (object["datastripIds"] ?? object["dataStripIds"])?.arrayValue?.map(describe) ?? []
            let captures = try select(strips, from: pool, path: path.appending(object["datastripIds"] != nil ? "datastripIds" : "dataStripIds"))
            let aoiID = (object["aoiId"] ?? object["aoiID"]).map(describe)
            items.append(EstimateRequest.Item(
                product: product, aoiNames: aoiID.map { [$0] }, captures: captures, datastripIDs: strips,
                options: global + (perProduct[product] ?? []), path: path))
        }
        let contract = root["contractId"] != nil ? try optionalString(root, "contractId", .root) : try optionalString(root, "contractID", .root)
        let vouchers = root["voucherCodes"] != nil ? try strings(root, "voucherCodes", .root) : try strings(root, "vouchers", .root)
        return EstimateRequest(aois: aois, items: items, contract: contract, vouchers: vouchers, asOf: asOf)
    }

    // MARK: - Helpers

    /// A request whose shape is wrong (`invalid_request`); its AOIs' GeoJSON is checked by ``GeoJSONReader``.
    static func invalid(_ message: String, _ path: JSONPath) -> GeoPriceError {
        GeoPriceError(.invalidRequest, message, path: path.description)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): FeatureID.number(number).description
        case .bool(let flag): flag ? "true" : "false"
        default: JSONWriter().string(value)
        }
    }

    private static func select(_ ids: [String], from pool: [Capture], path: JSONPath) throws(GeoPriceError) -> [Capture] {
        var chosen: [Capture] = []
        for (index, id) in ids.enumerated() {
            guard let capture = pool.first(where: { describe($0.id) == id }) else {
                throw GeoPriceError(.unknownCapture, "no footprint for capture '\(id)': give it in the captures", path: path.appending(index).description,
                    details: ["capture": .string(id)])
            }
            chosen.append(capture)
        }
        return chosen
    }

    private static func array(_ object: JSONObject, _ key: String, _ path: JSONPath, required: Bool = true) throws(GeoPriceError) -> [JSONValue] {
        guard let value = object[key] else {
            if required { throw invalid("missing '\(key)'", path) }
            return []
        }
        guard case .array(let elements) = value else { throw invalid("'\(key)' is an array", path.appending(key)) }
        return elements
    }

    private static func string(_ object: JSONObject, _ key: String, _ path: JSONPath) throws(GeoPriceError) -> String {
        try string(object, [key], path)
    }

    private static func string(_ object: JSONObject, _ keys: [String], _ path: JSONPath) throws(GeoPriceError) -> String {
        for key in keys {
            if let text = try optionalString(object, key, path) { return text }
        }
        throw invalid("missing '\(keys[0])'", path)
    }

    private static func optionalString(_ object: JSONObject, _ key: String, _ path: JSONPath) throws(GeoPriceError) -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard case .string(let text) = value else { throw invalid("'\(key)' is a string", path.appending(key)) }
        return text
    }

    private static func strings(_ object: JSONObject, _ key: String, _ path: JSONPath) throws(GeoPriceError) -> [String] {
        var result: [String] = []
        for (index, element) in try array(object, key, path, required: false).enumerated() {
            guard case .string(let text) = element else { throw invalid("'\(key)' lists strings", path.appending(key).appending(index)) }
            result.append(text)
        }
        return result
    }

    private static func keyValues(_ value: JSONValue?, _ path: JSONPath) throws(GeoPriceError) -> [(key: String, value: String)] {
        guard let value else { return [] }
        guard case .array(let elements) = value else { throw invalid("options are a list of {key, value}", path) }
        var pairs: [(key: String, value: String)] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let pair) = element, let key = pair["key"]?.stringValue, let entry = pair["value"] else {
                throw invalid("an option is {key, value}", path.appending(index))
            }
            pairs.append((key, describe(entry)))
        }
        return pairs
    }
}
