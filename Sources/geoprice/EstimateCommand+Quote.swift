#if Quotations
import Foundation
import GeoPricing
import Quotation

extension EstimateCommand {
    /// The estimate issued as a quotation signed with the key of `GEOPRICE_QUOTE_KEY_FILE`.
    static func quotation(_ estimate: Estimate, request: [UInt8], catalog: Catalog, issuedAt: Date) throws(GeoPriceError) -> JSONObject {
        let key = try QuotationKey.fromEnvironment()
        return try Quotation(issuing: estimate, request: request, catalog: catalog, key: key, issuedAt: issuedAt).jsonObject
    }
}
#endif
