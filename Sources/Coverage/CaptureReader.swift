import Foundation
import GeoJSON
import Projection

/// Reads captures from a GeoJSON document (DESIGN.md, "What is an AOI"): every Polygon or MultiPolygon feature is a
/// capture, except `role: "aoi"` features (so a case file holding both can serve as both) and `role: "cloud"`
/// features, which mask the capture their `properties.capture` names. A capture may also carry its masks as a
/// geometry in `properties.clouds`. `properties.acquired` is an RFC 3339 time.
public enum CaptureReader {
    /// The captures of a document, in file order, brought to lon/lat when the document names a projected CRS.
    /// - Throws: ``GeoPriceError`` `unsupported_geometry`, `invalid_date`, `invalid_geojson` (a cloud naming no
    ///   capture, `clouds` that is not areal), `limit_exceeded` (``InputLimits/maxCaptures``, and each footprint's
    ///   vertices, parts and holes), and what reprojection throws.
    public static func captures(in document: GeoJSONDocument, limits: InputLimits = .standard) throws(GeoPriceError) -> [Capture] {
        let features: [(Feature, JSONPath)]
        switch document {
        case .geometry(let geometry): features = [(Feature(geometry: geometry), .root)]
        case .feature(let feature): features = [(feature, .root)]
        case .featureCollection(let collection):
            features = collection.features.enumerated().map { ($1, JSONPath.root.appending("features").appending($0)) }
        }
        if features.count > limits.maxCaptures {
            throw InputLimits.exceeded("maxCaptures", limits.maxCaptures, features.count, what: "features of the captures", path: "$.features")
        }
        var captures: [Capture] = []
        var clouds: [(name: String, polygons: [Polygon], path: JSONPath)] = []
        for (index, (feature, path)) in features.enumerated() {
            if feature.role == "aoi" { continue }
            let geometryPath = path.appending("geometry")
            guard let polygons = feature.geometry?.polygons else {
                throw GeoPriceError(
                    .unsupportedGeometry, "a capture's footprint must be a Polygon or MultiPolygon, found \(feature.geometry?.typeName ?? "null")",
                    path: geometryPath.description)
            }
            let footprint = AOI(polygons: polygons, path: geometryPath)
            try limits.check(footprint)
            let lonLat = try footprint.toLonLat(from: document.crs).polygons
            if feature.role == "cloud" {
                guard let name = feature.properties?["capture"], name.stringValue != nil || name.numberValue != nil else {
                    throw GeoPriceError(.invalidGeoJSON, "a cloud feature names its capture in properties.capture", path: path.appending("properties").description)
                }
                clouds.append((describe(name), lonLat, path))
                continue
            }
            var capture = Capture(
                id: feature.id?.jsonValue ?? .number(Double(index)), footprint: lonLat, fileIndex: index, path: geometryPath)
            capture.acquired = try acquired(feature, path: path)
            if let masks = feature.properties?["clouds"], masks != .null {
                let masksPath = path.appending("properties").appending("clouds")
                guard case .geometry(let geometry) = try GeoJSONReader().document(from: masks, at: masksPath), let polygons = geometry.polygons else {
                    throw GeoPriceError(.invalidGeoJSON, "properties.clouds must be a Polygon or MultiPolygon geometry", path: masksPath.description)
                }
                capture.clouds += try AOI(polygons: polygons, path: masksPath).toLonLat(from: document.crs).polygons
            }
            captures.append(capture)
        }
        for cloud in clouds {
            guard let index = captures.firstIndex(where: { describe($0.id) == cloud.name }) else {
                throw GeoPriceError(
                    .invalidGeoJSON, "the cloud names capture '\(cloud.name)', which is not in the file",
                    path: cloud.path.appending("properties").appending("capture").description)
            }
            captures[index].clouds += cloud.polygons
        }
        return captures
    }

    private static func describe(_ id: JSONValue) -> String {
        switch id {
        case .string(let text): text
        case .number(let number): FeatureID.number(number).description
        default: ""
        }
    }

    private static func acquired(_ feature: Feature, path: JSONPath) throws(GeoPriceError) -> Date? {
        guard let value = feature.properties?["acquired"], value != .null else { return nil }
        let valuePath = path.appending("properties").appending("acquired").description
        guard let text = value.stringValue, let date = RFC3339.date(text) else {
            throw GeoPriceError(.invalidDate, "'acquired' must be an RFC 3339 time such as 2026-03-01T10:15:00Z", path: valuePath,
                details: ["value": value])
        }
        return date
    }
}

/// RFC 3339 times (`2026-03-01T10:15:00Z`, `2026-03-01T10:15:00.250+02:00`).
public enum RFC3339 {
    /// The instant a text names, or `nil`.
    public static func date(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// The text of an instant, in UTC.
    public static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
