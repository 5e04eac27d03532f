import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

/// STAT order requests: windows, CQL2 filters and constraints, resolved to priced options (hand-computed prices).
@Suite("STAT order requests")
struct STATRequestTests {
    typealias F = PricingFixtures
    static let asOf = F.date("2026-06-01").firstInstant
    /// 0.1° × 0.08° near Chartres: 65.9 km², billed at PNEO's 100 km² minimum.
    static let geometry = #"{"type": "Polygon", "coordinates": [[[1.6, 48.3], [1.7, 48.3], [1.7, 48.38], [1.6, 48.38], [1.6, 48.3]]]}"#

    static func request(product: String = "PNEO-TASKING-30CM", datetime: String = "2026-06-02T00:00:00Z/P10D", geometry: String = geometry,
                        extra: String) throws -> STATOrderRequest {
        let text = #"{"datetime": "\#(datetime)", "product_id": "\#(product)", "geometry": \#(geometry)\#(extra.isEmpty ? "" : ", " + extra)}"#
        return try STATOrderRequest(reading: Array(text.utf8))
    }

    static func total(_ extra: String, datetime: String = "2026-06-02T00:00:00Z/P10D") throws -> Decimal {
        try F.estimator.estimate(request(datetime: datetime, extra: extra), asOf: asOf).total
    }

    static func cloud(_ op: String, _ value: Double) -> String { #"{"op": "\#(op)", "args": [{"property": "eo:cloud_cover"}, \#(value)]}"# }

    @Test("windows: start/end, open ends, durations either side, offsets")
    func intervals() throws {
        let two = try ISO8601Interval(parsing: "2026-06-01T00:00:00Z/P14D")
        #expect(two.end == RFC3339.date("2026-06-15T00:00:00Z"))
        let back = try ISO8601Interval(parsing: "P1DT12H/2026-06-10T00:00:00+02:00")
        #expect(back.start == RFC3339.date("2026-06-08T10:00:00Z"))
        #expect(try ISO8601Interval(parsing: "../2026-06-10T00:00:00Z").start == nil)
        #expect(try ISO8601Interval(parsing: "2026-06-10T00:00:00Z/..").end == nil)
        #expect(try ISO8601Interval(parsing: "2026-01-31T00:00:00Z/P1M").end == RFC3339.date("2026-02-28T00:00:00Z"))
        for bad in ["2026-06-10T00:00:00Z/2026-06-01T00:00:00Z", "../..", "P1D/P2D", "2026-13-01T00:00:00Z/..", "2026-06-01T00:00:00Z",
                    "2026-06-01T00:00:00Z/P", "2026-06-01T00:00:00Z/P1.5D"] {
            #expect(rejection { _ = try ISO8601Interval(parsing: bad, path: "$.datetime") }?.code == .invalidInterval, "\(bad)")
        }
    }

    @Test("a CQL2 filter prices exactly as the --option request, plus its rules: 100 km² × 25 × 1.5 + 100 × 5.00 = 4250.00")
    func filterEqualsOptions() throws {
        let filter = #""filter": {"op": "and", "args": [\#(Self.cloud("<=", 10)), {"op": "=", "args": [{"property": "priority"}, "oneday"]}]}"#
        let estimate = try F.estimator.estimate(Self.request(extra: filter), asOf: Self.asOf)
        let aoi = try Self.request(extra: "").aoi
        let options = try F.estimator.estimate(EstimateRequest(
            aois: [aoi], items: [EstimateRequest.Item(product: "PNEO-TASKING-30CM", options: [("priority", "oneday"), ("max_cloud_cover", "10")])],
            asOf: CalendarDate(utc: Self.asOf)))
        #expect(estimate.total == F.money("4250.00"))
        #expect(estimate.total == options.total)
        let rules = estimate.lines[0].rules
        #expect(rules.prefix(3).map(\.name) == ["constraint", "constraint", "window"])
        #expect(rules[1].values["queryable"] == "eo:cloud_cover" && rules[1].values["value"] == "10" && rules[1].values["allowed"] == "≤ 10")
        #expect(Array(rules.dropFirst(3)) == options.lines[0].rules)
    }

    @Test("a threshold applies only when all the filter allows lies within it; not, between and in read as CQL2 says")
    func thresholds() throws {
        let plain = F.money("2500.00")
        #expect(try Self.total(#""filter": {"op": "or", "args": [\#(Self.cloud("<=", 10)), \#(Self.cloud("<=", 30))]}"#) == plain)
        #expect(try Self.total(#""filter": {"op": "not", "args": [\#(Self.cloud(">", 10))]}"#) == F.money("3000.00"))
        #expect(try Self.total(#""filter": {"op": "between", "args": [{"property": "eo:cloud_cover"}, 0, 5]}"#) == F.money("3000.00"))
        #expect(try Self.total(#""filter": {"op": "in", "args": [{"property": "priority"}, ["oneday", "onenow"]]}"#) == F.money("3750.00"))
        #expect(try Self.total(#""filter": {"op": "isNull", "args": [{"property": "eo:cloud_cover"}]}"#) == plain)
        #expect(try Self.total(#""filter": \#(Self.cloud("<=", 0.0000001))"#) == F.money("3000.00"))
        #expect(try Self.total(#""filter": {"op": "not", "args": [{"op": "in", "args": [{"property": "priority"}, ["standard", "oneday"]]}]}"#)
            == F.money("5000.00"))
        #expect(try Self.total(#""filter": null"#) == plain)
        // Constraints: a Range Object, a value list, a JSON Schema object.
        #expect(try Self.total(#""constraints": {"eo:cloud_cover": {"minimum": 0, "maximum": 10}}"#) == F.money("3000.00"))
        #expect(try Self.total(#""constraints": {"priority": ["onenow"]}"#) == F.money("5000.00"))
        #expect(try Self.total(#""constraints": {"view:off_nadir": {"type": "number", "exclusiveMaximum": 15}}"#) == F.money("3000.00"))
    }

    @Test("refusals, each with its code and path")
    func refusals() throws {
        func code(_ extra: String, datetime: String = "2026-06-02T00:00:00Z/P10D", geometry: String = Self.geometry) -> (GeoPriceError.Code?, String?) {
            let error = rejection { _ = try F.estimator.estimate(Self.request(datetime: datetime, geometry: geometry, extra: extra), asOf: Self.asOf) }
            return (error?.code, error?.path)
        }
        #expect(code(#""filter": {"op": "and", "args": [\#(Self.cloud("<=", 5)), \#(Self.cloud(">=", 20))]}"#) == (.unsatisfiableFilter, "$.filter"))
        let unknown = rejection { _ = try F.estimator.estimate(Self.request(extra: #""filter": {"op": ">", "args": [{"property": "sun:elevation"}, 30]}"#), asOf: Self.asOf) }
        #expect(unknown?.code == .unknownQueryable && unknown?.path == "$.filter.args[0]")
        #expect(unknown?.message.contains("eo:cloud_cover, priority, view:off_nadir") == true)
        #expect(code(#""filter": {"op": "like", "args": [{"property": "priority"}, "one%"]}"#) == (.invalidFilter, "$.filter.op"))
        #expect(code(#""filter": {"op": "=", "args": [{"property": "priority"}, 3]}"#) == (.invalidFilter, "$.filter.args[1]"))
        #expect(code(#""constraints": {"priority": ["yesterday"]}"#) == (.invalidParameter, "$.constraints.priority[0]"))
        // A contradiction across two queryables: each alone is satisfiable, together not.
        let across = #"{"op": "and", "args": [{"op": "or", "args": [\#(Self.cloud("<=", 5)), {"op": "=", "args": [{"property": "priority"}, "oneday"]}]}, \#(Self.cloud(">=", 20)), {"op": "=", "args": [{"property": "priority"}, "onenow"]}]}"#
        #expect(code(#""filter": \#(across)"#) == (.unsatisfiableFilter, "$.filter"))
        #expect(code(#""filter": {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 1e400]}"#) == (.invalidFilter, "$.filter.args[1]"))
        #expect(code(#""constraints": {"eo:cloud_cover": {"minimum": 1e400}}"#) == (.invalidParameter, "$.constraints['eo:cloud_cover'].minimum"))
        let wide = (0..<5_000).map(String.init).joined(separator: ", ")
        #expect(code(#""filter": {"op": "in", "args": [{"property": "eo:cloud_cover"}, [\#(wide)]]}"#).0 == .invalidFilter)
        #expect(code("", geometry: #"{"type": "Point", "coordinates": [1.6, 48.3]}"#) == (.unsupportedGeometry, "$.geometry"))
        for bad in ["2026-06-02T00:00:00Z/P1D1Y", "2026-06-02T00:00:00Z/P5D5D", "2026-06-02T00:00:00Z/P9999999Y"] {
            #expect(code("", datetime: bad) == (.invalidInterval, "$.datetime"), "\(bad)")
        }
        let archiveRequest = try Self.request(product: "PHR-ARCHIVE-50CM", extra: "")
        let archive = rejection { _ = try F.estimator.estimate(archiveRequest, asOf: Self.asOf) }
        #expect(archive?.code == .invalidRequest && archive?.path == "$.product_id")
        let archiveSchema = try #require(F.catalog.product("PHR-ARCHIVE-50CM")).orderSchema
        #expect(rejection { try OrderSchemaValidator.validate(.object(archiveRequest.object), against: archiveSchema) }?.details["keyword"] == "enum")
        #expect(code(#""constraints": {"eo:cloud_cover": {"pattern": "^1"}}"#) == (.invalidParameter, "$.constraints['eo:cloud_cover'].pattern"))
        #expect(code("", datetime: "2026-05-01T00:00:00Z/2026-05-20T00:00:00Z") == (.windowClosed, "$.datetime"))
        #expect(code("", datetime: "2026-06-02T00:00:00Z/P2D") == (.windowTooShort, "$.datetime"))
        // A window still to come, however short, has not ended.
        #expect(code("", datetime: "2026-06-02T00:00:00Z/2026-06-02T00:00:00Z") == (.windowTooShort, "$.datetime"))
        // onenow needs 12 h. A window ending 2026-06-01T20:00Z leaves 20 h from that day's first instant and 8 h from
        // noon; one that ended at 06:00 is closed at noon.
        let onenow = #""constraints": {"priority": ["onenow"]}"#
        let noon = try #require(RFC3339.date("2026-06-01T12:00:00Z"))
        #expect(try F.estimator.estimate(Self.request(datetime: "2026-05-25T00:00:00Z/2026-06-01T20:00:00Z", extra: onenow), asOf: Self.asOf).total > 0)
        let shortAtNoon = rejection { _ = try F.estimator.estimate(Self.request(datetime: "2026-05-25T00:00:00Z/2026-06-01T20:00:00Z", extra: onenow), asOf: noon) }
        #expect(shortAtNoon?.code == .windowTooShort && shortAtNoon?.details["hours"] == .number(8))
        let closedAtNoon = rejection { _ = try F.estimator.estimate(Self.request(datetime: "2026-05-25T00:00:00Z/2026-06-01T06:00:00Z", extra: onenow), asOf: noon) }
        #expect(closedAtNoon?.code == .windowClosed && closedAtNoon?.details["asOf"] == "2026-06-01T12:00:00Z")
        #expect(code(#""constraints": {"priority": ["onenow"]}"#, datetime: "2026-06-02T00:00:00Z/PT12H") == (nil, nil))
        #expect(code("", datetime: "2026-06-02/P10D") == (.invalidInterval, "$.datetime"))
        #expect(code("", geometry: #"{"$ref": "https://example.com/aoi.json"}"#) == (.unsupportedReference, "$.geometry['$ref']"))
        let product = rejection { _ = try F.estimator.estimate(Self.request(product: "NOPE", extra: ""), asOf: Self.asOf) }
        #expect(product?.code == .unknownProduct && product?.path == "$.product_id")
    }

    @Test("every default-catalog tasking product's order schema: what it accepts is priced, what it refuses is invalid_parameter at its keyword")
    func schemasBothWays() throws {
        for product in F.catalog.products where product.mode == .tasking {
            let schema = product.orderSchema
            let queryables = schema["properties"]?.objectValue?["constraints"]?.objectValue?["properties"]?.objectValue ?? [:]
            var accepted = [""]
            var refused: [(String, String, String)] = [(#""colour": "red""#, "$.colour", "additionalProperties"),
                                                       (#""constraints": {"sun:elevation": [30]}"#, "$.constraints['sun:elevation']", "additionalProperties")]
            for (queryable, constraint) in queryables.members {
                let items = try #require(constraint.objectValue?["items"]?.objectValue)
                let name = queryable.contains(":") ? "['\(queryable)']" : "." + queryable
                if let values = items["enum"]?.arrayValue {
                    for value in values { accepted.append(#""constraints": {"\#(queryable)": [\#(JSONWriter().string(value))]}"#) }
                    refused.append((#""constraints": {"\#(queryable)": ["never"]}"#, "$.constraints\(name)[0]", "enum"))
                } else {
                    accepted += [#""constraints": {"\#(queryable)": [5]}"#, #""constraints": {"\#(queryable)": {"minimum": 0, "maximum": 10}}"#]
                    refused.append((#""constraints": {"\#(queryable)": ["five"]}"#, "$.constraints\(name)[0]", "type"))
                    refused.append((#""constraints": {"\#(queryable)": [-1]}"#, "$.constraints\(name)[0]", "minimum"))
                }
                refused.append((#""constraints": {"\#(queryable)": 7}"#, "$.constraints\(name)", "type"))
            }
            for extra in accepted {
                let request = try Self.request(product: product.id, datetime: "2026-06-02T00:00:00Z/P30D", extra: extra)
                try OrderSchemaValidator.validate(.object(request.object), against: schema)
                #expect(throws: Never.self, "\(product.id) \(extra)") { _ = try F.estimator.estimate(request, asOf: Self.asOf) }
            }
            for (extra, path, keyword) in refused {
                let request = try Self.request(product: product.id, datetime: "2026-06-02T00:00:00Z/P30D", extra: extra)
                let error = rejection { _ = try F.estimator.estimate(request, asOf: Self.asOf) }
                #expect(error?.code == .invalidParameter && error?.path == path && error?.details["keyword"] == .string(keyword),
                    "\(product.id) \(extra): \(String(describing: error))")
                #expect(rejection { try OrderSchemaValidator.validate(.object(request.object), against: schema) }?.path == path)
            }
        }
    }
}
