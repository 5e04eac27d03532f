/// The limits every input is held to before any expensive work starts (DESIGN.md, "Bad input"). Exceeding one is
/// `limit_exceeded`, naming the limit and the value. The defaults are generous for imagery orders and small enough
/// that one request cannot take a service down; embedders tighten or loosen them per endpoint.
public struct InputLimits: Sendable, Hashable {
    /// Bytes of one input text (default 256 MiB).
    public var maxBytes: Int
    /// Nesting of JSON arrays and objects (default 64; a MultiPolygon in a FeatureCollection needs 7).
    public var maxDepth: Int
    /// Vertices of one AOI, closing positions not counted (default 1,000,000).
    public var maxVerticesPerAOI: Int
    /// Vertices of all AOIs of one request (default 5,000,000).
    public var maxVerticesPerRequest: Int
    /// Parts of one MultiPolygon (default 10,000).
    public var maxParts: Int
    /// Holes of one polygon (default 10,000).
    public var maxHoles: Int
    /// Captures of one request (default 1,000,000).
    public var maxCaptures: Int

    /// Limits; each not given keeps its default.
    public init(
        maxBytes: Int = 256 << 20, maxDepth: Int = 64, maxVerticesPerAOI: Int = 1_000_000, maxVerticesPerRequest: Int = 5_000_000,
        maxParts: Int = 10_000, maxHoles: Int = 10_000, maxCaptures: Int = 1_000_000
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxVerticesPerAOI = maxVerticesPerAOI
        self.maxVerticesPerRequest = maxVerticesPerRequest
        self.maxParts = maxParts
        self.maxHoles = maxHoles
        self.maxCaptures = maxCaptures
    }

    /// The defaults.
    public static let standard = InputLimits()

    /// The `limit_exceeded` error for a limit and the value that exceeds it.
    public static func exceeded(_ limit: String, _ maximum: Int, _ value: Int, what: String, path: String? = nil) -> GeoPriceError {
        GeoPriceError(
            .limitExceeded, "\(what): \(value) exceeds the limit \(limit) = \(maximum)", path: path,
            details: ["limit": .string(limit), "maximum": .number(Double(maximum)), "value": .number(Double(value))])
    }

    /// Checks the vertices of a request's AOIs together.
    public func check(verticesInRequest total: Int) throws(GeoPriceError) {
        if total > maxVerticesPerRequest {
            throw Self.exceeded("maxVerticesPerRequest", maxVerticesPerRequest, total, what: "vertices of the request's AOIs", path: "$")
        }
    }
}
