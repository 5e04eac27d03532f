import Foundation
import GeoPricing

/// The OpenAPI 3.1 document of every route (`GET /openapi.json`), a resource of this module.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static func bytes() throws(GeoPriceError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"), let data = try? Data(contentsOf: url) else {
            throw GeoPriceError(.unreadableInput, "the OpenAPI document is missing beside the server")
        }
        return Array(data)
    }
}
