import Foundation
import GeoJSON

extension Catalog {
    /// The catalog bundled with geoprice (`Resources/default-catalog.json`), used when none is given.
    ///
    /// It ships as the package resource bundle `geoprice_Pricing.resources` beside the executable. It is looked up
    /// by hand rather than through `Bundle.module`, whose accessor stops the process when the bundle is missing.
    /// - Throws: ``GeoPriceError`` `invalid_catalog` if the resource is missing or does not read.
    public static func bundledDefault() throws(GeoPriceError) -> Catalog {
        try CatalogReader.read(bundledDefaultDocument())
    }

    /// The bytes of the bundled default catalog's JSON document.
    /// - Throws: ``GeoPriceError`` `invalid_catalog` if the resource is missing.
    public static func bundledDefaultDocument() throws(GeoPriceError) -> [UInt8] {
        let places = [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.resourceURL, Bundle.main.bundleURL]
        for place in places.compactMap({ $0 }) {
            let path = place.appendingPathComponent("geoprice_Pricing.resources/default-catalog.json").path
            if let data = FileManager.default.contents(atPath: path) { return Array(data) }
        }
        throw GeoPriceError(.invalidCatalog, "the bundled default catalog (geoprice_Pricing.resources) is missing beside the program; give one with --catalog")
    }
}
