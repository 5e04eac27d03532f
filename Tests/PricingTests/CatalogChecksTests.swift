import Foundation
import GeoJSON
import Pricing
import Testing
import TestSupport

@Suite("Catalog checks: no line below zero, nothing given twice, options that do not conflict")
struct CatalogChecksTests {
    typealias F = PricingFixtures

    /// A catalog whose one product, "X", is an EUR product with `members` (and `mode` tasking unless they say),
    /// followed by the catalog's `rest` (contracts, vouchers).
    static func catalog(_ members: String, _ rest: String = "") -> String {
        let mode = members.contains(#""mode""#) ? "" : #""mode":"tasking","#
        return #"{"version":"t","products":[{"id":"X","currency":"EUR","# + mode + members + "}]" + rest + "}"
    }

    /// 1.00 EUR/km², billed at least 100 km²: an AOI of 50 km² is 100.00 before modifiers.
    static let base = #""rate":"1.00","minimums":{"billableKm2":"100"}"#

    static func values(_ key: String, default value: String? = nil, _ members: String) -> String {
        #"{"key":""# + key + #"","# + (value.map { #""default":""# + $0 + #"","# } ?? "") + #""values":{"# + members + "}}"
    }

    static func options(_ list: String...) -> String { #","options":["# + list.joined(separator: ",") + "]" }

    static func read(_ text: String) -> GeoPriceError? { rejection { _ = try CatalogReader.read(Array(text.utf8)) } }

    /// The amount of one line of X on a 50 km² AOI with `given` options.
    static func amount(_ text: String, _ given: [(String, String)]) throws -> Decimal {
        let estimator = Estimator(catalog: try CatalogReader.read(Array(text.utf8)))
        return try estimator.estimate(F.request("X", F.aoi(km2: 50), options: given)).lines[0].amount
    }

    // MARK: - Fields that must not be negative, and ids given twice

    @Test("negative minimums, rates and bounds, and repeated ids, codes and keys are invalid_catalog at the field", arguments: [
        (catalog(#""rate":"1.00","minimums":{"billableKm2":"-1"}"#), "$.products[0].minimums.billableKm2"),
        (catalog(#""rate":"1.00","minimums":{"productionKm2":"-5"}"#), "$.products[0].minimums.productionKm2"),
        (catalog(#""rate":"1.00","minimums":{"minWidthKm":"-0.5"}"#), "$.products[0].minimums.minWidthKm"),
        (catalog(#""rate":"1.00","minimums":{"minCharge":"-10.00"}"#), "$.products[0].minimums.minCharge"),
        (catalog(#""rate":"-1.00""#), "$.products[0].rate"),
        (catalog(#""tiers":[{"upToKm2":"10","rate":"2.00"},{"rate":"-1.00"}]"#), "$.products[0].tiers[1].rate"),
        (catalog(#""rate":"1.00","maxKm2":"-100""#), "$.products[0].maxKm2"),
        (catalog(base, #","contracts":[{"id":"A","discountPercent":"5"},{"id":"A","discountPercent":"50"}]"#), "$.contracts[1].id"),
        (catalog(base, #","vouchers":[{"code":"V1","percent":"5"},{"code":"V2","percent":"5"},{"code":"V1","amount":"9.00","currency":"EUR"}]"#),
         "$.vouchers[2].code"),
        (catalog(base + options(values("a", #""x":{}"#), values("b", #""x":{}"#), values("c", #""x":{}"#), values("a", #""y":{"percent":"5"}"#))),
         "$.products[0].options[3].key"),
    ])
    func refusedFields(text: String, path: String) {
        let error = Self.read(text)
        #expect(error?.code == .invalidCatalog, "\(String(describing: error))")
        #expect(error?.path == path)
    }

    @Test("zero minimums are fine, and so are a contract and a voucher with distinct ids")
    func zeroMinimums() throws {
        let text = Self.catalog(#""rate":"1.00","minimums":{"billableKm2":"0","productionKm2":"0","minWidthKm":"0","minCharge":"0"}"#,
            #","contracts":[{"id":"A"},{"id":"B"}],"vouchers":[{"code":"A","percent":"5"}]"#)
        let catalog = try CatalogReader.read(Array(text.utf8))
        #expect(catalog.contracts.map(\.id) == ["A", "B"])
        #expect(catalog.vouchers.map(\.code) == ["A"])
    }

    // MARK: - The worst combination of modifiers

    @Test("an option value of -150 %: refused at that percent, with the worst combination's numbers")
    func minusOneHundredFifty() {
        let error = Self.read(Self.catalog(Self.base + Self.options(Self.values("deal", default: "none", #""none":{},"half":{"percent":"-150"}"#))))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[0].values.half.percent")
        #expect(error?.details["product"] == "X")
        #expect(error?.details["composition"] == "additive")
        #expect(error?.details["worstPercent"] == "-150")
        #expect(error?.details["worstPerKm2"] == "0")
        #expect(error?.details["worstFixed"] == "0")
        #expect(error?.details["worstCombination"] == ["deal=half"])
    }

    @Test("a threshold's fixed -1000000: refused at the fixed amount (the threshold can always be met)")
    func fixedMillion() {
        let error = Self.read(Self.catalog(Self.base + #","options":[{"key":"max_cloud_cover","atMost":"10","modifier":{"fixed":"-1000000"}}]"#))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[0].modifier.fixed")
        #expect(error?.details["worstFixed"] == "-1000000")
        #expect(error?.details["worstPercent"] == "0")
        #expect(error?.details["worstCombination"] == ["max_cloud_cover≤10"])
    }

    @Test("two options of -60 % each add to -120 %: refused at the first (the heaviest on a tie)")
    func twoDiscountsAdd() {
        let error = Self.read(Self.catalog(Self.base + Self.options(
            Self.values("a", default: "full", #""full":{},"cheap":{"percent":"-60"}"#),
            Self.values("b", default: "full", #""full":{},"cheap":{"percent":"-60"}"#))))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[0].values.cheap.percent")
        #expect(error?.details["worstPercent"] == "-120")
        #expect(error?.details["worstCombination"] == ["a=cheap", "b=cheap"])
    }

    @Test("an option's -40 % and the archive-age -70 % add to -110 %: refused at the heavier, the archive age")
    func archiveAgeCounts() {
        let error = Self.read(Self.catalog(#""mode":"archive","# + Self.base
            + Self.options(Self.values("licence", default: "full", #""full":{},"cheap":{"percent":"-40"}"#))
            + #","archiveAge":{"freshDays":90,"modifier":{"percent":"-70"}}"#))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].archiveAge.modifier.percent")
        #expect(error?.details["worstPercent"] == "-110")
        #expect(error?.details["worstCombination"] == ["licence=cheap", "archiveAge"])
    }

    @Test("a negative per-km² amount that nothing offsets: refused at it")
    func negativePerKm2() {
        let error = Self.read(Self.catalog(Self.base + Self.options(Self.values("rebate", #""x":{"perKm2":"-0.5"}"#))))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[0].values.x.perKm2")
        #expect(error?.details["worstPerKm2"] == "-0.5")
    }

    @Test("an option without a default may be left out: its surcharges do not offset another's discount")
    func optionalSurchargeDoesNotCount() {
        let error = Self.read(Self.catalog(Self.base + Self.options(
            Self.values("a", #""plus50":{"percent":"50"},"plus60":{"percent":"60"}"#), Self.values("b", #""deal":{"percent":"-140"}"#))))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[1].values.deal.percent")
        #expect(error?.details["worstPercent"] == "-140")
        #expect(error?.details["worstCombination"] == ["b=deal"])
    }

    @Test("multiplicative: one value of -150 % is a negative factor, refused at it")
    func multiplicativeNegativeFactor() {
        let error = Self.read(Self.catalog(Self.base + #","composition":"multiplicative""#
            + Self.options(Self.values("deal", default: "none", #""none":{},"half":{"percent":"-150"}"#))))
        #expect(error?.code == .invalidCatalog)
        #expect(error?.path == "$.products[0].options[0].values.half.percent")
        #expect(error?.details["composition"] == "multiplicative")
        #expect(error?.details["worstPercent"] == "-150")
    }

    @Test("just valid: percents adding to exactly -100 % price a line at 0.00, which is not negative")
    func minusOneHundredIsAllowed() throws {
        let text = Self.catalog(Self.base + Self.options(
            Self.values("a", default: "full", #""full":{},"cheap":{"percent":"-60"}"#),
            Self.values("b", default: "full", #""full":{},"cheap":{"percent":"-40"}"#)))
        // 100 × (1 − 0.60 − 0.40) = 0.00; 100 × (1 − 0.60) = 40.00.
        #expect(try Self.amount(text, [("a", "cheap"), ("b", "cheap")]) == 0)
        #expect(try Self.amount(text, [("a", "cheap")]) == F.money("40.00"))
    }

    @Test("a value every request gets (a default, surcharges only) offsets a discount: -140 % + 50 % is -90 %")
    func mandatorySurchargeOffsets() throws {
        let text = Self.catalog(Self.base + Self.options(
            Self.values("a", default: "plus50", #""plus50":{"percent":"50"},"plus60":{"percent":"60"}"#),
            Self.values("b", #""deal":{"percent":"-140"}"#)))
        // 100 × (1 + 0.50 − 1.40) = 10.00; with plus60, 100 × 0.20 = 20.00.
        #expect(try Self.amount(text, [("b", "deal")]) == F.money("10.00"))
        #expect(try Self.amount(text, [("a", "plus60"), ("b", "deal")]) == F.money("20.00"))
    }

    @Test("per-km² amounts are summed too: a -3/km² rebate on a 5/km² surcharge every request gets is fine")
    func perKm2Offsets() throws {
        let text = Self.catalog(Self.base + Self.options(
            Self.values("speed", default: "std", #""std":{"perKm2":"5"},"fast":{"perKm2":"7"}"#),
            Self.values("rebate", #""yes":{"perKm2":"-3"}"#)))
        // 100 + 100 × (5 − 3) = 300.00.
        #expect(try Self.amount(text, [("rebate", "yes")]) == F.money("300.00"))
    }

    @Test("multiplicative: factors of -60 % each multiply to 0.16, and -100 % is a factor of 0")
    func multiplicativeAccepted() throws {
        let text = Self.catalog(Self.base + #","composition":"multiplicative""# + Self.options(
            Self.values("a", default: "full", #""full":{},"cheap":{"percent":"-60"},"free":{"percent":"-100"}"#),
            Self.values("b", default: "full", #""full":{},"cheap":{"percent":"-60"}"#)))
        // 100 × 0.4 × 0.4 = 16.00; 100 × 0 × 0.4 = 0.00.
        #expect(try Self.amount(text, [("a", "cheap"), ("b", "cheap")]) == F.money("16.00"))
        #expect(try Self.amount(text, [("a", "free"), ("b", "cheap")]) == 0)
    }

    @Test("a product with a minimum charge is exempt: the pricer raises the line to it")
    func minimumChargeFloors() throws {
        let discount = Self.options(Self.values("deal", default: "none", #""none":{},"half":{"percent":"-150"}"#))
        // 100 × (1 − 1.50) = −50, raised to the minimum charge.
        let zero = Self.catalog(#""rate":"1.00","minimums":{"billableKm2":"100","minCharge":"0"}"# + discount)
        #expect(try Self.amount(zero, [("deal", "half")]) == 0)
        let five = Self.catalog(#""rate":"1.00","minimums":{"billableKm2":"100","minCharge":"5.00"}"# + discount)
        #expect(try Self.amount(five, [("deal", "half")]) == F.money("5.00"))
    }

    @Test("the bundled catalog still reads")
    func bundledStillReads() throws {
        #expect(try Catalog.bundledDefault().products.count == 6)
    }

    // MARK: - The bad corpus's catalogs, through the library

    static let corpusCatalogs: [(file: String, path: String)] = Fixtures.json("bad/expected.json").objectValue!["cases"]!.arrayValue!.compactMap {
        let entry = $0.objectValue!
        guard entry["code"] == "invalid_catalog", let args = entry["args"]?.arrayValue?.compactMap(\.stringValue),
            let flag = args.firstIndex(of: "--catalog"), let path = entry["path"]?.stringValue
        else { return nil }
        return (args[flag + 1], path)
    }

    @Test("each catalog of the bad corpus is invalid_catalog at its path, read by the library")
    func corpus() {
        #expect(Self.corpusCatalogs.count == 4)
        for (file, path) in Self.corpusCatalogs {
            let error = rejection { _ = try CatalogReader.read(Fixtures.bytes("bad/\(file)")) }
            #expect(error?.code == .invalidCatalog, "\(file): \(String(describing: error))")
            #expect(error?.path == path, "\(file)")
        }
    }

    // MARK: - Options that conflict

    @Test("the order's priority and the item's priority option disagree: conflicting_options at the option")
    func priorityConflict() {
        let error = rejection {
            _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 40), options: [("priority", "standard")], priority: "oneday"))
        }
        #expect(error?.code == .conflictingOptions)
        #expect(error?.path == "$.options.priority")
        #expect(error?.details["orderPriority"] == "oneday")
        #expect(error?.details["optionValue"] == "standard")
    }

    @Test("the same priority both ways is one priority: 100 km² minimum × 25.00 × 1.5 = 3750.00")
    func priorityAgrees() throws {
        let estimate = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 40), options: [("priority", "oneday")], priority: "oneday"))
        #expect(estimate.lines[0].amount == F.money("3750.00"))
        #expect(estimate.lines[0].rules.filter { $0.name == "option" }.count == 1)
    }

    @Test("one key given twice with two values is conflicting_options, priced or not", arguments: [
        ([("max_cloud_cover", "10"), ("max_cloud_cover", "20")], "max_cloud_cover", "$.options.max_cloud_cover"),
        ([("projection_1", "3"), ("priority", "oneday"), ("projection_1", "4")], "projection_1", "$.options.projection_1"),
    ])
    func keyTwice(given: [(String, String)], key: String, path: String) {
        let error = rejection { _ = try F.estimator.estimate(F.request("PNEO-TASKING-30CM", F.aoi(km2: 40), options: given)) }
        #expect(error?.code == .conflictingOptions)
        #expect(error?.path == path)
        #expect(error?.details["key"] == .string(key))
        #expect(error?.details["values"]?.arrayValue?.count == 2)
    }

    @Test("one key given twice with one value counts once: 2500.00 + 100 km² × 5.00 = 3000.00")
    func keyTwiceSameValue() throws {
        let estimate = try F.estimator.estimate(F.request(
            "PNEO-TASKING-30CM", F.aoi(km2: 40), options: [("max_cloud_cover", "10"), ("max_cloud_cover", "10")]))
        #expect(estimate.lines[0].amount == F.money("3000.00"))
    }

    static let square = #"{"type":"Polygon","coordinates":[[[2,45],[2.1,45],[2.1,45.1],[2,45.1],[2,45]]]}"#

    @Test("read from our request: the item's option path")
    func priorityConflictInRequest() throws {
        let text = #"{"aois":"# + Self.square + #","items":[{"product":"PNEO-TASKING-30CM","options":{"priority":"standard"}}],"priority":"onenow"}"#
        let request = try RequestReader.read(Array(text.utf8))
        let error = rejection { _ = try F.estimator.estimate(request) }
        #expect(error?.code == .conflictingOptions)
        #expect(error?.path == "$.items[0].options.priority")
        #expect(error?.details["orderPriority"] == "onenow")
        #expect(error?.details["optionValue"] == "standard")
    }

    @Test("read from the Airbus shape: a licence in the options and another in optionsPerProductType conflict")
    func licenceConflictInAirbusRequest() throws {
        let text = #"{"aoi":[{"id":1,"geometry":"# + Self.square + #"}],"items":[{"productTypeId":"SPOTArchive10Color","aoiId":1}],"#
            + #""options":[{"key":"licence","value":"eula_5"}],"optionsPerProductType":[{"productTypeId":"SPOTArchive10Color","licence":"eula_6_10"}]}"#
        let request = try RequestReader.read(Array(text.utf8))
        let error = rejection { _ = try F.estimator.estimate(request) }
        #expect(error?.code == .conflictingOptions)
        #expect(error?.path == "$.items[0].options.licence")
        #expect(error?.details["values"] == ["eula_5", "eula_6_10"])
    }
}
