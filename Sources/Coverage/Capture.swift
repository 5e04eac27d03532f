import Foundation
import GeoJSON

/// A delivered (or planned) acquisition: its footprint, when it was acquired, and the clouds that spoil part of it.
public struct Capture: Sendable, Hashable {
    /// The feature's id, else its index in the captures file.
    public var id: JSONValue
    /// The footprint's polygons, lon/lat.
    public var footprint: [Polygon]
    /// `properties.acquired` (RFC 3339), if given.
    public var acquired: Date?
    /// Cloud masks to take out of the footprint, lon/lat.
    public var clouds: [Polygon]
    /// The position in the captures file, which breaks ties in acquisition order.
    public var fileIndex: Int
    /// Where the footprint stands in the captures file, for errors.
    public var path: JSONPath

    /// Creates a capture.
    public init(id: JSONValue, footprint: [Polygon], acquired: Date? = nil, clouds: [Polygon] = [], fileIndex: Int = 0, path: JSONPath = .root) {
        self.id = id
        self.footprint = footprint
        self.acquired = acquired
        self.clouds = clouds
        self.fileIndex = fileIndex
        self.path = path
    }

    /// Acquisition order: by `acquired`, then file order; undated captures last, in file order.
    public static func acquisitionOrder(_ lhs: Capture, _ rhs: Capture) -> Bool {
        switch (lhs.acquired, rhs.acquired) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return false
        case (_?, nil): return true
        default: return lhs.fileIndex < rhs.fileIndex
        }
    }
}
