import Crypto
import Foundation
import GeoJSON
import Pricing

extension Quotation {
    /// Issues a tasking estimate as a quotation signed with `key`, valid from `issuedAt` (to the second) for the
    /// fewest `quoteValidDays` of its products; accepting it leads to `reserved` when a product asks for payment first,
    /// else `accepted`.
    /// - Throws: ``GeoPriceError`` `invalid_request` for an estimate with archive lines (quotations are for tasking),
    ///   `unknown_product` for a line whose product the catalog lacks.
    public init(issuing estimate: Estimate, request: some Collection<UInt8>, catalog: Catalog, key: QuotationKey, issuedAt: Date) throws(GeoPriceError) {
        var days = Int.max
        var paymentFirst = false
        for line in estimate.lines {
            guard let product = catalog.product(line.product) else {
                throw GeoPriceError(.unknownProduct, "no product '\(line.product)' in the catalog", details: ["product": .string(line.product)])
            }
            guard product.mode == .tasking else {
                throw GeoPriceError(
                    .invalidRequest, "quotations are issued for tasking estimates; \(product.id) is archive imagery", details: ["product": .string(product.id)])
            }
            days = min(days, product.quoteValidDays)
            paymentFirst = paymentFirst || product.paymentBeforeAcceptance
        }
        let issued = Date(timeIntervalSince1970: issuedAt.timeIntervalSince1970.rounded(.down))
        self.init(
            quotationID: UUID().uuidString.lowercased(), issuedAt: issued,
            validUntil: issued.addingTimeInterval(Double(days == .max ? 0 : days) * 86_400), keyID: key.id,
            requestSHA256: Hex.string(SHA256.hash(data: Array(request))), statusOnAccept: paymentFirst ? "reserved" : "accepted",
            estimate: estimate.jsonObject, signature: "")
        signature = Hex.string(HMAC<SHA256>.authenticationCode(for: signedBytes, using: key.key))
    }

    /// What verifying a quotation found.
    public enum Status: String, Sendable {
        /// Signed by this key, unchanged, and `asOf` is no later than `validUntil`.
        case valid
        /// Signed by this key and unchanged, but `asOf` is after `validUntil`.
        case expired
        /// Names this key, but the signature does not match what it covers, or its text was respelled: something was
        /// changed.
        case tampered
        /// Signed with another key (its key id is not this key's).
        case wrongKey = "wrong_key"
    }

    /// Verifies the quotation with `key` at `asOf`: the key id first, then the signature (in constant time), then
    /// the validity window.
    public func status(key: QuotationKey, asOf: Date) -> Status {
        guard keyID == key.id else { return .wrongKey }
        guard readsAsWritten, let code = Hex.bytes(signature), code.count == SHA256.byteCount,
            HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: signedBytes, using: key.key)
        else { return .tampered }
        return asOf > validUntil ? .expired : .valid
    }

    /// The answer of `geoprice quote verify`: `status`, then `quotationId`, `keyId`, `issuedAt`, `validUntil`,
    /// `requestSha256`, `total` and `currency` as the quotation states them.
    public func verificationJSON(_ status: Status) -> JSONObject {
        [
            "status": .string(status.rawValue), "quotationId": .string(quotationID), "keyId": .string(keyID),
            "issuedAt": .string(RFC3339.string(issuedAt)), "validUntil": .string(RFC3339.string(validUntil)), "requestSha256": .string(requestSHA256),
            "total": estimate["total"] ?? .null, "currency": estimate["currency"] ?? .null,
        ]
    }

    /// The STAT status a decision on this quotation leads to: `statusOnAccept` when accepted, `rejected` otherwise.
    /// - Throws: ``GeoPriceError`` `invalid_quotation` unless the quotation is ``Status/valid`` at `asOf` (its status in
    ///   the details).
    public func decide(accept: Bool, key: QuotationKey, asOf: Date) throws(GeoPriceError) -> String {
        let status = status(key: key, asOf: asOf)
        guard status == .valid else {
            throw GeoPriceError(
                .invalidQuotation, "only a valid quotation can be decided; this one is \(status.rawValue)",
                details: ["status": .string(status.rawValue), "validUntil": .string(RFC3339.string(validUntil))])
        }
        return accept ? statusOnAccept : "rejected"
    }
}
