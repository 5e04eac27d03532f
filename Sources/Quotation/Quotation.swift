import Foundation
import GeoJSON
import Pricing

/// A tasking estimate issued as a quotation: the answer, when it was issued and until when it holds, the request it
/// answers (its SHA-256), the key it was signed with (``QuotationKey/id``), the STAT status accepting it leads to, and
/// an HMAC-SHA256 signature over all of these.
///
/// The signature covers the estimate's bytes as geoprice writes them (compact JSON, members in order); a quotation
/// read back is checked on its estimate written again the same way, so any change of a value, a member or a
/// signed field is `tampered`. So is a quotation whose text, whitespace aside, is not exactly what geoprice writes
/// for what it reads: a number respelled to the same double (`1e0` for `1`, an integer beyond 2^53), a string
/// escaped differently, a member repeated.
public struct Quotation: Sendable, Equatable {
    /// The quotation's id (a random UUID, lower case).
    public var quotationID: String
    /// When it was issued, to the second (UTC).
    public var issuedAt: Date
    /// The last instant it can be accepted (inclusive).
    public var validUntil: Date
    /// The id of the key that signed it.
    public var keyID: String
    /// SHA-256 (hex) of the request it answers.
    public var requestSHA256: String
    /// The STAT status accepting it leads to: `accepted`, or `reserved` where a product asks for payment first.
    public var statusOnAccept: String
    /// The estimate, as geoprice writes it (our JSON answer).
    public var estimate: JSONObject
    /// HMAC-SHA256 (hex) of ``signedBytes`` under the key.
    public var signature: String
    /// Whether the text it was read from is, whitespace aside, what ``jsonObject`` writes (true when issued).
    var readsAsWritten = true

    /// What the signature covers: a version line, then each signed field on its line, then the estimate's bytes.
    public var signedBytes: [UInt8] {
        var bytes = Array("geoprice-quotation-v1\n".utf8)
        for field in [quotationID, RFC3339.string(issuedAt), RFC3339.string(validUntil), keyID, requestSHA256, statusOnAccept] {
            bytes += Array(field.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        JSONWriter().write(.object(estimate), into: &bytes)
        return bytes
    }

    /// The quotation as one compact JSON object: `quotationId`, `issuedAt`, `validUntil`, `keyId`, `requestSha256`,
    /// `statusOnAccept`, `estimate`, `signature`.
    public var jsonObject: JSONObject {
        [
            "quotationId": .string(quotationID), "issuedAt": .string(RFC3339.string(issuedAt)), "validUntil": .string(RFC3339.string(validUntil)),
            "keyId": .string(keyID), "requestSha256": .string(requestSHA256), "statusOnAccept": .string(statusOnAccept),
            "estimate": .object(estimate), "signature": .string(signature),
        ]
    }

    /// Reads a quotation as ``jsonObject`` writes it.
    /// - Throws: ``GeoPriceError`` `invalid_json`, `invalid_quotation` (a member missing, unknown or of the wrong
    ///   kind: the path says which).
    public init(reading bytes: some Collection<UInt8>) throws(GeoPriceError) {
        let value = try JSONReader().read(bytes)
        guard case .object(let object) = value else { throw Self.invalid("a quotation is a JSON object, found \(value.typeName)", "$") }
        let known: Set<String> = ["quotationId", "issuedAt", "validUntil", "keyId", "requestSha256", "statusOnAccept", "estimate", "signature"]
        if let stranger = object.keys.first(where: { !known.contains($0) }) {
            throw Self.invalid("unknown member '\(stranger)'", JSONPath.root.appending(stranger).description)
        }
        func text(_ key: String) throws(GeoPriceError) -> String {
            guard case .string(let text)? = object[key] else {
                throw Self.invalid(object[key] == nil ? "missing '\(key)'" : "'\(key)' is a string", JSONPath.root.appending(key).description)
            }
            return text
        }
        func instant(_ key: String) throws(GeoPriceError) -> Date {
            let value = try text(key)
            guard let date = RFC3339.date(value), RFC3339.string(date) == value else {
                throw Self.invalid("'\(key)' is a UTC instant to the second (2026-11-30T00:00:00Z)", JSONPath.root.appending(key).description)
            }
            return date
        }
        func estimate() throws(GeoPriceError) -> JSONObject {
            guard case .object(let estimate)? = object["estimate"] else { throw Self.invalid("'estimate' is our estimate answer, an object", "$.estimate") }
            return estimate
        }
        self.init(
            quotationID: try text("quotationId"), issuedAt: try instant("issuedAt"), validUntil: try instant("validUntil"), keyID: try text("keyId"),
            requestSHA256: try text("requestSha256"), statusOnAccept: try text("statusOnAccept"), estimate: try estimate(), signature: try text("signature"))
        readsAsWritten = JSONWriter().bytes(.object(jsonObject)) == Self.withoutWhitespace(bytes)
    }

    /// The JSON text without the whitespace between its tokens and a leading byte order mark, as the reader skips
    /// them (strings kept as they are).
    private static func withoutWhitespace(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var inString = false, escaped = false
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : Array(bytes)
        for byte in text {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                continue
            }
            kept.append(byte)
        }
        return kept
    }

    init(quotationID: String, issuedAt: Date, validUntil: Date, keyID: String, requestSHA256: String, statusOnAccept: String, estimate: JSONObject,
         signature: String) {
        self.quotationID = quotationID
        self.issuedAt = issuedAt
        self.validUntil = validUntil
        self.keyID = keyID
        self.requestSHA256 = requestSHA256
        self.statusOnAccept = statusOnAccept
        self.estimate = estimate
        self.signature = signature
    }

    static func invalid(_ message: String, _ path: String) -> GeoPriceError { GeoPriceError(.invalidQuotation, message, path: path) }
}
