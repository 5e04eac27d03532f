/// The one error type of geoprice: a stable code, a message that says what and where, the JSON path of the
/// offending input when it has one, and the numbers behind the rejection.
///
/// Services map every code to an HTTP 4xx answer; the CLI prints ``jsonValue`` and exits with status 2.
public struct GeoPriceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable, snake_case error codes (see DESIGN.md, "Error codes").
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case invalidJSON = "invalid_json"
        case invalidGeoJSON = "invalid_geojson"
        case unsupportedGeometry = "unsupported_geometry"
        case emptyGeometry = "empty_geometry"
        case invalidGeometry = "invalid_geometry"
        case invalidCoordinate = "invalid_coordinate"
        case zeroArea = "zero_area"
        case tooLarge = "too_large"
        case limitExceeded = "limit_exceeded"
        case unknownCRS = "unknown_crs"
        case projectionFailed = "projection_failed"
        case unreadableInput = "unreadable_input"
        case unwritableOutput = "unwritable_output"
        case invalidValue = "invalid_value"
        case invalidRequest = "invalid_request"
        case unknownCapture = "unknown_capture"
        case unknownStatus = "unknown_status"
        case invalidAmount = "invalid_amount"
        case unknownProduct = "unknown_product"
        case unknownOption = "unknown_option"
        case belowMinimumArea = "below_minimum_area"
        case tooNarrow = "too_narrow"
        case tooManyVertices = "too_many_vertices"
        case noCoverage = "no_coverage"
        case unknownContract = "unknown_contract"
        case unknownVoucher = "unknown_voucher"
        case voucherExpired = "voucher_expired"
        case voucherNotYetValid = "voucher_not_yet_valid"
        case voucherRepeated = "voucher_repeated"
        case currencyMismatch = "currency_mismatch"
        case notCancellable = "not_cancellable"
        case invalidCatalog = "invalid_catalog"
        case invalidDate = "invalid_date"
        case conflictingOptions = "conflicting_options"
        case invalidInterval = "invalid_interval"
        case windowClosed = "window_closed"
        case windowTooShort = "window_too_short"
        case invalidFilter = "invalid_filter"
        case unknownQueryable = "unknown_queryable"
        case unsatisfiableFilter = "unsatisfiable_filter"
        case unsupportedReference = "unsupported_reference"
        case invalidParameter = "invalid_parameter"
        case invalidStatusHistory = "invalid_status_history"
        case invalidQuotation = "invalid_quotation"
        /// The service's: no such route or resource.
        case notFound = "not_found"
        /// The service's: the route exists, not for this method.
        case methodNotAllowed = "method_not_allowed"
        /// The service's: too many requests in work and waiting; retry later.
        case overloaded = "overloaded"
        /// The service's: the request ran out of its time.
        case deadlineExceeded = "deadline_exceeded"
    }

    /// What kind of rejection this is.
    public var code: Code
    /// A sentence for people: what is wrong and where. Input echoed in it is cut to a few hundred characters
    /// (``ErrorText``), here and in ``path`` and ``details``, however the error is built or changed.
    public var message: String { didSet { message = ErrorText.excerpt(message, limit: ErrorText.messageLimit) } }
    /// Where in the input, in JSONPath form (`$.features[3].geometry.coordinates[0][5]`), when the input has a path.
    public var path: String? { didSet { path = path.map { ErrorText.excerpt($0, limit: ErrorText.messageLimit) } } }
    /// The numbers behind the rejection: limit and value, ring and vertex index, the rule.
    public var details: JSONObject { didSet { details = Self.shortened(details) } }

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, details: JSONObject = JSONObject()) {
        self.code = code
        self.message = ErrorText.excerpt(message, limit: ErrorText.messageLimit)
        self.path = path.map { ErrorText.excerpt($0, limit: ErrorText.messageLimit) }
        self.details = Self.shortened(details)
    }

    /// Details whose strings are cut to ``ErrorText/detailLimit`` characters.
    private static func shortened(_ details: JSONObject) -> JSONObject {
        let isLong = { (value: JSONValue) in value.stringValue.map { $0.utf8.count > ErrorText.detailLimit } ?? false }
        guard details.members.contains(where: { isLong($0.value) }) else { return details }
        return JSONObject(details.members.map { ($0.key, isLong($0.value) ? .string(ErrorText.excerpt($0.value.stringValue!)) : $0.value) })
    }

    /// `code: message (at path)`.
    public var description: String {
        if let path { return "\(code.rawValue): \(message) (at \(path))" }
        return "\(code.rawValue): \(message)"
    }

    /// The error object of DESIGN.md: `{"error": {"code", "message", "path", "details"}}`.
    public var jsonValue: JSONValue {
        var body = JSONObject()
        body["code"] = .string(code.rawValue)
        body["message"] = .string(message)
        if let path { body["path"] = .string(path) }
        if !details.isEmpty { body["details"] = .object(details) }
        return .object(["error": .object(body)])
    }
}
