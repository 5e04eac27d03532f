import Coverage
import GeoJSON

/// What to price: AOIs, items (product × AOIs, with captures for archive products, and options), and the order's
/// contract, vouchers and date.
public struct EstimateRequest: Sendable, Hashable {
    /// One ordered product.
    public struct Item: Sendable, Hashable {
        /// The product id.
        public var product: String
        /// The AOIs it covers, by name; `nil` for every AOI of the request.
        public var aoiNames: [String]?
        /// The captures of an archive item (their footprints); ignored for tasking.
        public var captures: [Capture]
        /// Provider datastrip ids as the request names them, echoed in provider-shaped answers; when empty, a line
        /// lists the captures that meet its AOI.
        public var datastripIDs: [String]
        /// Options as given, in order (`priority=oneday`).
        public var options: [(key: String, value: String)]
        /// Where the item stands in the request, for errors.
        public var path: JSONPath

        /// Creates an item.
        public init(
            product: String, aoiNames: [String]? = nil, captures: [Capture] = [], datastripIDs: [String] = [],
            options: [(key: String, value: String)] = [], path: JSONPath = .root
        ) {
            self.product = product
            self.aoiNames = aoiNames
            self.captures = captures
            self.datastripIDs = datastripIDs
            self.options = options
            self.path = path
        }

        public static func == (lhs: Item, rhs: Item) -> Bool {
            lhs.product == rhs.product && lhs.aoiNames == rhs.aoiNames && lhs.captures == rhs.captures
                && lhs.datastripIDs == rhs.datastripIDs && lhs.path == rhs.path
                && lhs.options.map(\.key) == rhs.options.map(\.key) && lhs.options.map(\.value) == rhs.options.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(product)
            hasher.combine(aoiNames)
            hasher.combine(datastripIDs)
            for option in options {
                hasher.combine(option.key)
                hasher.combine(option.value)
            }
        }
    }

    /// The AOIs, lon/lat.
    public var aois: [AOI]
    /// The items.
    public var items: [Item]
    /// The order's priority, applied to every item that does not set its own.
    public var priority: String?
    /// The contract id, if any.
    public var contract: String?
    /// Voucher codes, in the order they apply.
    public var vouchers: [String]
    /// Archive items: one line per UTC acquisition date.
    public var splitByDate: Bool
    /// The date the estimate is for (voucher windows, archive age).
    public var asOf: CalendarDate

    /// Creates a request.
    public init(
        aois: [AOI], items: [Item], priority: String? = nil, contract: String? = nil, vouchers: [String] = [],
        splitByDate: Bool = false, asOf: CalendarDate = .today
    ) {
        self.aois = aois
        self.items = items
        self.priority = priority
        self.contract = contract
        self.vouchers = vouchers
        self.splitByDate = splitByDate
        self.asOf = asOf
    }
}
