import Foundation
import GeoJSON

extension Product {
    /// The product's order form (`orders.get_schema`): a JSON Schema 2020-12 of the STAT order request it takes,
    /// generated from the catalog (an archive product's form takes none: its `product_id` enum is empty). Its keywords are the subset ``OrderSchemaValidator`` checks (`type`, `enum`,
    /// `minimum`, `maximum`, `default`, `properties`, `required`, `additionalProperties`, `items`); the priced
    /// modifiers ride along as `x-geoprice-*` annotations. Each queryable under `constraints` takes a list of values
    /// or a Range Object / JSON Schema object within the subset STAT constraints are read in.
    public var orderSchema: JSONObject {
        var queryables = JSONObject()
        for option in options {
            guard let queryable = option.queryable else { continue }
            var value: JSONObject
            switch option.pricing {
            case .values(let priced):
                value = ["type": "string", "enum": .array(priced.map { .string($0.0) })]
                if let defaultValue = option.defaultValue { value["default"] = .string(defaultValue) }
                value["x-geoprice-modifiers"] = .object(JSONObject(priced.map { ($0.0, Self.json($0.1)) }))
            case .atMost(let limit, let modifier):
                value = ["type": "number", "minimum": 0, "x-geoprice-threshold": .object(["atMost": .string(Money.string(limit)), "modifier": Self.json(modifier)])]
            }
            value["x-geoprice-option"] = .string(option.key)
            let numeric = value["type"] == "number"
            var bounds: JSONObject = ["type": .object(["type": "string", "enum": numeric ? ["number", "integer"] : ["string"]])]
            if numeric {
                for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "const"] { bounds[keyword] = .object(["type": "number"]) }
            } else {
                bounds["const"] = .object(Self.only(["type", "enum"], of: value))
            }
            bounds["enum"] = .object(["type": "array", "items": .object(Self.only(["type", "enum", "minimum"], of: value))])
            var constraint: JSONObject = ["type": ["array", "object"]]
            constraint["items"] = .object(value)
            constraint["properties"] = .object(bounds)
            constraint["additionalProperties"] = false
            queryables[queryable] = .object(constraint)
        }
        var properties: JSONObject = [
            "datetime": ["type": "string", "description": "ISO 8601 interval: start/end, ../end, start/.., start/P14D, P14D/end"],
            // Archive imagery is priced from its captures, never ordered by a STAT request: its form takes none.
            "product_id": .object(["type": "string", "enum": .array(mode == .tasking ? [.string(id)] : [])]),
            "geometry": ["type": "object", "description": "GeoJSON Polygon or MultiPolygon in lon/lat"],
            "filter": ["type": ["object", "null"], "description": "CQL2 JSON over the queryables under constraints"],
            "filter-lang": ["type": "string", "enum": ["cql2-json"]],
        ]
        properties["constraints"] = .object(["type": ["object", "null"], "properties": .object(queryables), "additionalProperties": false])
        var schema: JSONObject = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": .string("urn:geoprice:order-schema:\(id)"),
            "title": .string("\(id) order"),
        ]
        if let name { schema["description"] = .string(name) }
        schema["type"] = "object"
        schema["properties"] = .object(properties)
        schema["required"] = ["datetime", "product_id", "geometry"]
        schema["additionalProperties"] = false
        if !minimumWindowHours.isEmpty {
            schema["x-geoprice-minimumWindowHours"] = .object(JSONObject(minimumWindowHours.sorted { $0.key < $1.key }.map { ($0.key, .string(Money.string($0.value))) }))
        }
        return schema
    }

    private static func only(_ keys: Set<String>, of object: JSONObject) -> JSONObject {
        JSONObject(object.members.filter { keys.contains($0.key) }.map { ($0.key, $0.value) })
    }

    private static func json(_ modifier: Modifier) -> JSONValue {
        var object = JSONObject()
        object.merge(modifier)
        return .object(object)
    }
}

/// Checks a JSON value against a schema in the subset geoprice generates: `type` (a name or a list), `enum`,
/// `minimum`, `maximum`, `properties`, `required`, `additionalProperties` (`false` or a schema), `items`; `default`,
/// `$schema`, `$id`, `title`, `description` and `x-…` are annotations. Any other keyword in a schema is refused.
public enum OrderSchemaValidator {
    /// - Throws: ``GeoPriceError`` `invalid_parameter` at the path of the first value that fails, with the failing
    ///   `keyword` in `details`.
    public static func validate(_ value: JSONValue, against schema: JSONObject, at path: JSONPath = .root) throws(GeoPriceError) {
        func fail(_ keyword: String, _ why: String) -> GeoPriceError {
            GeoPriceError(.invalidParameter, "\(why) (the product's order schema, '\(keyword)')", path: path.description,
                details: ["keyword": .string(keyword)])
        }
        for member in schema.members {
            switch member.key {
            case "type":
                let names = member.value.arrayValue?.compactMap(\.stringValue) ?? member.value.stringValue.map { [$0] } ?? []
                guard names.contains(where: { matches(value, type: $0) }) else { throw fail("type", "expected \(names.joined(separator: " or ")), found \(value.typeName)") }
            case "enum":
                guard member.value.arrayValue?.contains(where: { $0 == value }) ?? false else {
                    throw fail("enum", "\(JSONWriter().string(value)) is not one of \(JSONWriter().string(member.value))")
                }
            case "minimum":
                if let number = value.numberValue, let minimum = member.value.numberValue, number < minimum { throw fail("minimum", "\(JSONWriter.numberText(number)) is below \(JSONWriter.numberText(minimum))") }
            case "maximum":
                if let number = value.numberValue, let maximum = member.value.numberValue, number > maximum { throw fail("maximum", "\(JSONWriter.numberText(number)) is above \(JSONWriter.numberText(maximum))") }
            case "required":
                guard case .object(let object) = value else { continue }
                for name in member.value.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
                    throw fail("required", "'\(name)' is required")
                }
            case "properties", "additionalProperties":
                guard case .object(let object) = value, member.key == "properties" || schema["properties"] == nil else { continue }
                let properties = schema["properties"]?.objectValue ?? [:]
                for field in object.members {
                    let fieldPath = path.appending(field.key)
                    if let sub = properties[field.key]?.objectValue {
                        try validate(field.value, against: sub, at: fieldPath)
                    } else if let additional = schema["additionalProperties"] {
                        if additional == false {
                            throw GeoPriceError(.invalidParameter, "'\(field.key)' is not a parameter of this product (the product's order schema, 'additionalProperties')",
                                path: fieldPath.description, details: ["keyword": "additionalProperties"])
                        }
                        if let sub = additional.objectValue { try validate(field.value, against: sub, at: fieldPath) }
                    }
                }
            case "items":
                guard case .array(let elements) = value, let sub = member.value.objectValue else { continue }
                for (index, element) in elements.enumerated() { try validate(element, against: sub, at: path.appending(index)) }
            case "default", "$schema", "$id", "title", "description": continue
            default:
                guard member.key.hasPrefix("x-") else {
                    throw GeoPriceError(.invalidParameter, "the schema keyword '\(member.key)' is outside the subset geoprice checks",
                        path: path.description, details: ["keyword": .string(member.key)])
                }
            }
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
