import GeoPricing
import Synchronization

/// The catalog the server prices with: loaded once, replaced whole on reload (SIGHUP) while requests in flight keep
/// the one they started with.
public final class CatalogStore: Sendable {
    /// One loaded catalog: its estimator and the document it was read from.
    public struct Loaded: Sendable {
        /// Prices on the catalog.
        public let estimator: Estimator
        /// The catalog's JSON document, as read.
        public let document: JSONObject

        init(bytes: [UInt8]) throws(GeoPriceError) {
            estimator = Estimator(catalog: try CatalogReader.read(bytes))
            document = try JSONReader().read(bytes).objectValue ?? [:]
        }
    }

    /// The catalog file, or `nil` for the bundled default.
    public let path: String?
    private let state: Mutex<Loaded>

    /// Loads the catalog at `path` (or the bundled default).
    /// - Throws: ``GeoPriceError`` `invalid_catalog`, `unreadable_input`.
    public init(path: String?) throws(GeoPriceError) {
        self.path = path
        state = Mutex(try Self.load(path))
    }

    /// The catalog now.
    public var current: Loaded { state.withLock { $0 } }

    /// Reads the catalog file again and, when it reads, swaps it in; a catalog that does not read leaves the current
    /// one in place and is thrown.
    @discardableResult
    public func reload() throws(GeoPriceError) -> Loaded {
        let loaded = try Self.load(path)
        state.withLock { $0 = loaded }
        return loaded
    }

    private static func load(_ path: String?) throws(GeoPriceError) -> Loaded {
        guard let path else { return try Loaded(bytes: Catalog.bundledDefaultDocument()) }
        return try Loaded(bytes: FileContents.bytes(atPath: path))
    }
}
