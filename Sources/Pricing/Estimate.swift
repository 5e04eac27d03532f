import Foundation
import GeoJSON

/// A priced estimate: its lines, the order discounts and the total (DESIGN.md, "Pricing"). Lines and total always add
/// up: total = Σ line prices − Σ discounts.
public struct Estimate: Sendable, Hashable {
    /// A rule applied to a line or the order, with its values, in the order applied.
    public struct Rule: Sendable, Hashable {
        /// The rule's name (`measured`, `billableMinimum`, `areaRounding`, `tier`, `option`, …).
        public var name: String
        /// Its values (money and areas as decimal strings).
        public var values: JSONObject

        /// `{"rule": name, …values}`.
        public var jsonValue: JSONValue {
            var object: JSONObject = ["rule": .string(name)]
            for member in values.members { object.append(member.key, member.value) }
            return .object(object)
        }
    }

    /// An order discount.
    public struct Discount: Sendable, Hashable {
        /// `contract` or `voucher`.
        public var kind: String
        /// The contract id or voucher code.
        public var id: String
        /// The percent, for percent discounts.
        public var percent: Decimal?
        /// What it took off, rounded half-even to the minor unit.
        public var value: Decimal
    }

    /// One priced line: a product × an AOI (× an acquisition date when split by date).
    public struct Line: Sendable, Hashable {
        /// The product id.
        public var product: String
        /// The AOI's name as JSON: its id, or its index in the input.
        public var aoi: JSONValue
        /// The UTC acquisition date of the line's captures, when split by date.
        public var date: CalendarDate?
        /// The basis area in km² (DESIGN.md's billing area), to six decimals.
        public var measuredKm2: Decimal
        /// The area billed after minimums, rounded to the area step.
        public var billableKm2: Decimal
        /// Scenes, for per-scene products.
        public var scenes: Int?
        /// The product's rate (per km² or per scene).
        public var unitPrice: Decimal
        /// What ``unitPrice`` is per.
        public var unit: Product.Unit
        /// Every rule that shaped the line, in the order applied, with its values.
        public var rules: [Rule]
        /// After modifiers, rounded once.
        public var amount: Decimal
        /// Line discounts (none in the default catalog).
        public var lineDiscounts: [Discount]
        /// amount − line discounts.
        public var price: Decimal
        /// The captures the line prices (their feature ids), for archive lines.
        public var datastripIDs: [String]
        /// Decimal places of the product's money step: how amounts are written.
        public var moneyScale: Int
    }

    /// The priced lines, item by item and AOI by AOI.
    public var lines: [Line]
    /// The sum of the lines’ prices.
    public var subtotal: Decimal
    /// Order discounts (contract, then vouchers), in the order applied.
    public var discounts: [Discount]
    /// subtotal − discounts, never below zero.
    public var total: Decimal
    /// The lines' currency (one per estimate).
    public var currency: String
    /// The contract the request named, if any.
    public var contract: String?
    /// The date the estimate is made for (voucher validity, archive age).
    public var asOf: CalendarDate
    /// What the estimate assumed or left out, in words.
    public var warnings: [String]
    /// The `version` of the catalog that priced it.
    public var catalogVersion: String = ""

    /// Σ order discounts.
    public var discountValue: Decimal { discounts.reduce(0) { Money.sum($0, $1.value) } }

    /// The currency's minor-unit scale used for every money string.
    public var moneyScale: Int { lines.first?.moneyScale ?? 2 }

    /// Our answer as a JSON object, money as decimal strings: ``jsonBytes`` read back, so that the two can never
    /// differ. An answer sent on should be ``jsonBytes``, which costs a fifth of this.
    public var jsonObject: JSONObject {
        // The stream writer writes valid JSON only: reading it back does not fail.
        (try? JSONReader().read(jsonBytes))?.objectValue ?? [:]
    }

    /// Our answer as compact JSON text.
    public var jsonText: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// ``jsonText`` as UTF-8 bytes, produced member by member without building a tree of values (an estimate endpoint
    /// writes one per request, and sends bytes): the one writer of the answer.
    public var jsonBytes: [UInt8] {
        let scale = moneyScale
        let writer = JSONStreamWriter()
        func money(_ name: StaticString, _ value: Decimal) { writer.member(name, Money.string(value, scale: scale)) }
        func discounts(_ name: StaticString, _ list: [Discount]) {
            writer.key(name)
            writer.beginArray()
            for discount in list {
                writer.element()
                writer.beginObject()
                writer.member("kind", discount.kind)
                writer.member("id", discount.id)
                if let percent = discount.percent { writer.member("percent", Money.string(percent)) }
                money("value", discount.value)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.beginObject()
        writer.member("currency", currency)
        writer.member("asOf", asOf.description)
        writer.member("catalogVersion", catalogVersion)
        if let contract { writer.member("contract", contract) }
        writer.key("lines")
        writer.beginArray()
        for line in lines {
            writer.element()
            writer.beginObject()
            writer.member("product", line.product)
            writer.member("aoi", line.aoi)
            if let date = line.date { writer.member("date", date.description) }
            writer.member("measuredKm2", Money.string(line.measuredKm2, scale: 6))
            writer.member("billableKm2", Money.string(line.billableKm2))
            if let scenes = line.scenes { writer.member("scenes", .number(Double(scenes))) }
            writer.member("unit", line.unit.rawValue)
            money("unitPrice", line.unitPrice)
            writer.key("rules")
            writer.beginArray()
            for rule in line.rules {
                writer.element()
                writer.beginObject()
                writer.member("rule", rule.name)
                for member in rule.values.members { writer.member(named: member.key, member.value) }
                writer.endObject()
            }
            writer.endArray()
            money("amount", line.amount)
            discounts("lineDiscounts", line.lineDiscounts)
            money("price", line.price)
            if !line.datastripIDs.isEmpty {
                writer.key("datastripIds")
                writer.beginArray()
                for id in line.datastripIDs { writer.string(id, asElement: true) }
                writer.endArray()
            }
            writer.endObject()
        }
        writer.endArray()
        money("subtotal", subtotal)
        discounts("discounts", self.discounts)
        money("discountValue", discountValue)
        money("total", total)
        writer.key("warnings")
        writer.beginArray()
        for warning in warnings { writer.string(warning, asElement: true) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
