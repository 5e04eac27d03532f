import Coverage
import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

@Suite("Requests, provider shapes and catalogs")
struct RequestAndCatalogTests {
    typealias F = PricingFixtures

    /// The guide's request with its polygon nested properly.
    static func nestedGuideRequest() -> [UInt8] {
        guard case .object(var root) = Fixtures.json("pricing/airbus-guide-request.json"),
            case .array(var aois) = root["aoi"], case .object(var first) = aois[0], case .object(var geometry) = first["geometry"],
            let ring = geometry["coordinates"]
        else { fatalError("unexpected guide request") }
        geometry["coordinates"] = .array([ring])
        first["geometry"] = .object(geometry)
        aois[0] = .object(first)
        root["aoi"] = .array(aois)
        return Array(JSONWriter().string(.object(root)).utf8)
    }

    /// The datastrip's footprint: 19.995 km² inside the guide's Corsica AOI, so that it bills 20.00 km².
    static let datastrip = Capture(
        id: "40582651209160926432R5", footprint: [F.rectangle(km2: 19.995, lon: 9.0, lat: 42.0)], acquired: RFC3339.date("2025-08-01T10:00:00Z"))

    @Test("the guide's request as printed is invalid_geojson: its polygon lacks a level of nesting")
    func guideAsPrinted() {
        let error = rejection { _ = try RequestReader.read(Fixtures.bytes("pricing/airbus-guide-request.json")) }
        #expect(error?.code == .invalidGeoJSON)
        #expect(error?.path == "$.aoi[0].geometry.coordinates")
        #expect(error?.message.contains("lack a level of nesting") == true)
    }

    @Test("nested properly, with its datastrip's footprint, it prices on the default catalog like the guide's answer")
    func guideNested() throws {
        let request = try RequestReader.read(Self.nestedGuideRequest(), captures: [Self.datastrip], asOf: F.date("2026-06-01"))
        #expect(request.contract == "myContractID")
        #expect(request.items[0].options.map(\.key) == ["deliveryType", "licence", "image_format", "Account", "projection_1", "processing_level"])
        let estimate = try F.estimator.estimate(request)
        #expect(estimate.total == F.money("200.00"))
        #expect(Set(estimate.warnings.filter { $0.contains("ignored") }.compactMap { $0.split(separator: "=").first.map(String.init) })
            == ["option deliveryType", "option Account", "option projection_1"])
        let airbus = estimate.airbusJSON
        #expect(airbus["currency"] == "EUR")
        #expect(airbus["totalAmount"] == 200)
        #expect(airbus["discountValue"] == 0)
        let productTypes = airbus["productTypes"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(productTypes.count == 1)
        #expect(productTypes.first?["productTypeId"] == "SPOTArchive10Color")
        #expect(productTypes.first?["areaKm2"] == 20)
        #expect(productTypes.first?["price"] == 200)
        #expect(productTypes.first?["amount"] == 200)
        #expect(productTypes.first?["items"] == [["dataStripIds": ["40582651209160926432R5"]]])
    }

    @Test("provider spelling variants read the same")
    func spellingVariants() throws {
        let text = String(decoding: Self.nestedGuideRequest(), as: UTF8.self)
            .replacingOccurrences(of: "datastripIds", with: "dataStripIds").replacingOccurrences(of: "contractId", with: "contractID")
            .replacingOccurrences(of: "\"licence\"", with: "\"license\"")
        let request = try RequestReader.read(Array(text.utf8), captures: [Self.datastrip], asOf: F.date("2026-06-01"))
        #expect(request.contract == "myContractID")
        #expect(request.items[0].datastripIDs == ["40582651209160926432R5"])
        #expect(try F.estimator.estimate(request).total == F.money("200.00"))
    }

    @Test("the Airbus shape shares order discounts pro rata, the rounding remainder on the last product type")
    func airbusShares() throws {
        let aoi = F.aoi(km2: 33.333)
        let request = EstimateRequest(
            aois: [aoi],
            items: [EstimateRequest.Item(product: "PNEO-TASKING-30CM"), EstimateRequest.Item(product: "SKYSAT-TASKING")],
            contract: "NGO-2026", vouchers: ["WELCOME100"], asOf: F.date("2026-06-01"))
        let estimate = try F.estimator.estimate(request)
        // 2500.00 + 666.80 = 3166.80; 15 % = 475.02; then 100.00: 575.02 off in all.
        #expect(estimate.subtotal == F.money("3166.80"))
        #expect(estimate.discountValue == F.money("575.02"))
        let entries = estimate.airbusJSON["productTypes"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let shares = entries.compactMap { $0["discountValue"]?.numberValue }
        #expect(shares.count == 2)
        #expect(abs(shares[0] - 453.94) < 1e-9)  // 575.02 × 2500 / 3166.80 = 453.938… → 453.94
        #expect(abs(shares[0] + shares[1] - 575.02) < 1e-9)
        #expect(abs((estimate.airbusJSON["totalAmount"]?.numberValue ?? 0) - 2591.78) < 1e-9)
    }

    @Test("our request shape, with items naming AOIs and captures")
    func ourShape() throws {
        let text = #"""
            {"aois":{"type":"FeatureCollection","features":[
              {"type":"Feature","id":"north","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]}},
              {"type":"Feature","id":"south","properties":{},"geometry":{"type":"Polygon","coordinates":[[[2,44],[2.1,44],[2.1,44.1],[2,44]]]}}]},
             "captures":{"type":"FeatureCollection","features":[
              {"type":"Feature","id":"s1","properties":{"acquired":"2026-05-01T10:00:00Z"},
               "geometry":{"type":"Polygon","coordinates":[[[1.9,43.9],[2.2,43.9],[2.2,44.2],[1.9,44.2],[1.9,43.9]]]}}]},
             "items":[{"product":"PNEO-TASKING-30CM","aoi":"north","options":{"priority":"onenow"}},
                      {"product":"SPOTArchive10Color","aoi":["south"],"captures":["s1"]}],
             "contract":"NGO-2026","asOf":"2026-06-01"}
            """#
        let request = try RequestReader.read(Array(text.utf8))
        let estimate = try F.estimator.estimate(request)
        #expect(estimate.lines.map(\.aoi) == ["north", "south"])
        #expect(estimate.lines[0].amount == F.money("5000.00"))
        #expect(estimate.asOf == F.date("2026-06-01"))
        let bad = rejection { _ = try RequestReader.read(Array(#"{"aois":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"items":[],"asOf":"June"}"#.utf8)) }
        #expect(bad?.code == .invalidDate)
        #expect(bad?.path == "$.asOf")
    }

    @Test("a request's shape is invalid_request, an unknown capture id unknown_capture, each at its path", arguments: [
        (#"[1,2]"#, "invalid_request", "$"),
        (#"{"aois":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]},"items":[3]}"#, "invalid_request", "$.items[0]"),
        (#"{"aois":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]},"items":[{"product":"PNEO-TASKING-30CM","options":7}]}"#,
         "invalid_request", "$.items[0].options"),
        (#"{"aois":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]},"items":[{"product":"SPOTArchive10Color","captures":["nope"]}]}"#,
         "unknown_capture", "$.items[0].captures[0]"),
        (#"{"aois":{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45]]]},"items":[{"product":"PNEO-TASKING-30CM","aoi":"west"}],"asOf":"2026-06-01"}"#,
         "invalid_request", "$.items[0].aoi"),
    ])
    func requestShape(text: String, code: String, path: String) throws {
        let error = rejection { _ = try F.estimator.estimate(RequestReader.read(Array(text.utf8))) }
        #expect(error?.code.rawValue == code, "\(String(describing: error))")
        #expect(error?.path == path)
    }

    @Test("catalog faults are invalid_catalog at their field", arguments: [
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","currency":"EUR","rate":"8,50"}]}"#, "$.products[0].rate"),
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","currency":"EUR","rate":8.5}]}"#, "$.products[0].rate"),
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","currency":"EUR","rate":"1","minimum":{}}]}"#, "$.products[0].minimum"),
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","rate":"1"}]}"#, "$.products[0]"),
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","currency":"EUR","tiers":[{"upToKm2":"9","rate":"2"},{"upToKm2":"5","rate":"1"},{"rate":"1"}]}]}"#, "$.products[0].tiers[1].upToKm2"),
        (#"{"version":"1","products":[],"vouchers":[{"code":"V","amount":"1.00","currency":"EUR","validTo":"2026-02-30"}]}"#, "$.vouchers[0].validTo"),
        (#"{"version":"1","products":[{"id":"X","mode":"tasking","currency":"EUR","rate":"1","cancellation":{"lost":"5"}}]}"#, "$.products[0].cancellation.lost"),
    ])
    func badCatalogs(text: String, path: String) {
        let error = rejection { _ = try CatalogReader.read(Array(text.utf8)) }
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == path)
    }

    @Test("one estimator, many requests on all cores: the single-threaded answers, each AOI measured as GeographicLib made it")
    func concurrentEstimates() throws {
        let requests = (0..<300).map { index in
            F.request(index.isMultiple(of: 2) ? "PNEO-TASKING-30CM" : "SAR-SPOT-TASKING", F.aoi(km2: 20 + Double(index)),
                priority: ["standard", "oneday", "onenow"][index % 3], contract: "NGO-2026")
        }
        let answers = F.estimator.estimateEach(requests)
        for index in stride(from: 0, to: requests.count, by: 37) {
            #expect(try answers[index].get() == F.estimator.estimate(requests[index]))
        }
        #expect(answers.allSatisfy { (try? $0.get()) != nil })
        // Each AOI was made to measure 20 + index km² by GeographicLib's C routine.
        for (index, answer) in answers.enumerated() {
            let measured = try answer.get().lines[0].measuredKm2
            #expect(abs(NSDecimalNumber(decimal: measured).doubleValue - (20 + Double(index))) <= 1e-6, "request \(index)")
        }
    }

    @Test("dates: leap days, the calendar and days between")
    func dates() throws {
        #expect(try CalendarDate(parsing: "2028-02-29").description == "2028-02-29")
        #expect(try CalendarDate(parsing: "0987-01-05").description == "0987-01-05")
        #expect(rejection { _ = try CalendarDate(parsing: "2026-02-29") }?.code == .invalidDate)
        #expect(rejection { _ = try CalendarDate(parsing: "2026-1-05") }?.code == .invalidDate)
        #expect(F.date("2026-06-01").days(since: F.date("2026-03-03")) == 90)
        #expect(CalendarDate(utc: RFC3339.date("2026-03-03T23:59:59-02:00")!).description == "2026-03-04")
    }
}

@Suite("The answer's JSON text")
struct AnswerTextTests {
    typealias F = PricingFixtures

    @Test("the answer's text, for every kind of estimate: DESIGN.md's members in order, money at its scale, strings escaped")
    func answerText() throws {
        let aoi = F.aoi(km2: 40)
        let requests = [
            F.request("PNEO-TASKING-30CM", aoi, options: [("max_cloud_cover", "10"), ("projection_1", "3 \"quoted\"\n")], priority: "oneday",
                contract: "NGO-2026", vouchers: ["WELCOME100"]),
            F.request("SAR-SPOT-TASKING", F.aoi(km2: 60), priority: "onenow"),
            F.request("SPOTArchive10Color", aoi, captures: [F.capture(around: aoi, acquired: "2026-05-01T10:00:00Z")], splitByDate: true),
            F.request("PHR-ARCHIVE-50CM", F.aoi(km2: 600), captures: [F.capture(around: F.aoi(km2: 600))]),
            EstimateRequest(
                aois: [aoi], items: [EstimateRequest.Item(product: "SKYSAT-TASKING", datastripIDs: ["a", "b"])], contract: "myContractID",
                asOf: F.date("2026-04-01")),
        ]
        let money = try Regex(#"^-?[0-9]+\.[0-9]{2}$"#)
        for request in requests {
            let text = try F.estimator.estimate(request).jsonText
            let object = try #require(try JSONReader().read(Array(text.utf8)).objectValue)
            let keys = object.members.map(\.key).filter { $0 != "contract" }
            #expect(keys == ["currency", "asOf", "catalogVersion", "lines", "subtotal", "discounts", "discountValue", "total", "warnings"], "\(keys)")
            #expect(object["catalogVersion"] == .string(F.catalog.version))
            for key in ["subtotal", "discountValue", "total"] { #expect(object[key]?.stringValue?.wholeMatch(of: money) != nil, "\(key)") }
            for line in object["lines"]?.arrayValue ?? [] {
                let line = try #require(line.objectValue)
                #expect(Array(line.members.map(\.key).prefix(2)) == ["product", "aoi"])
                #expect(line["measuredKm2"]?.stringValue?.split(separator: ".").last?.count == 6)
                for key in ["unitPrice", "amount", "price"] { #expect(line[key]?.stringValue?.wholeMatch(of: money) != nil, "\(key)") }
            }
        }
        let quoted = try F.estimator.estimate(requests[0]).jsonText
        #expect(quoted.contains(#"3 \"quoted\"\n"#))
    }
}
