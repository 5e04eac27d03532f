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
        let features: [Feature]
        let isCollection: Bool
        switch document {
        case .geometry(let geometry): (features, isCollection) = ([Feature(geometry: geometry)], false)
        case .feature(let feature): (features, isCollection) = ([feature], false)
        case .featureCollection(let collection): (features, isCollection) = (collection.features, true)
        }
        if features.count > limits.maxCaptures {
            throw InputLimits.exceeded("maxCaptures", limits.maxCaptures, features.count, what: "features of the captures", path: "$.features")
        }
        let crs = try document.crs
        // Each feature read on its own, in chunks on all cores; the first error in file order is the answer.
        let chunks = concurrentMap(count: features.count, chunkSize: 512) { chunk in
            Result { () throws(GeoPriceError) -> [Entry] in
                try chunk.map { index throws(GeoPriceError) in
                    try entry(features[index], index: index, path: isCollection ? JSONPath.feature(index) : .root,
                        crs: crs, limits: limits)
                }
            }
        }
        var captures: [Capture] = []
        captures.reserveCapacity(features.count)
        var clouds: [(name: String, polygons: [Polygon], path: JSONPath)] = []
        for chunk in chunks {
            for entry in try chunk.get() {
                switch entry {
                case .capture(let capture): captures.append(capture)
                case .cloud(let name, let polygons, let path): clouds.append((name, polygons, path))
                case .skipped: break
                }
            }
        }
        var byName: [String: Int] = [:]
        for (index, capture) in captures.enumerated().reversed() { byName[describe(capture.id)] = index }  // the first of a name wins
        for cloud in clouds {
            guard let index = byName[cloud.name] else {
                throw GeoPriceError(
                    .invalidGeoJSON, "the cloud names capture '\(cloud.name)', which is not in the file",
                    path: cloud.path.appending("properties").appending("capture").description)
            }
            captures[index].clouds += cloud.polygons
        }
        return captures
    }

    /// What one feature of a captures file is.
    private enum Entry {
        case capture(Capture)
        case cloud(name: String, polygons: [Polygon], path: JSONPath)
        case skipped
    }

    private static func entry(_ feature: Feature, index: Int, path: JSONPath, crs: String?, limits: InputLimits) throws(GeoPriceError) -> Entry {
        let role = feature.role
        if role == "aoi" { return .skipped }
        let geometryPath = path.appending("geometry")
        guard let polygons = feature.geometry?.polygons else {
            throw GeoPriceError(
                .unsupportedGeometry, "a capture's footprint must be a Polygon or MultiPolygon, found \(feature.geometry?.typeName ?? "null")",
                path: geometryPath.description)
        }
        let footprint = AOI(polygons: polygons, path: geometryPath)
        try limits.check(footprint)
        let lonLat = try footprint.toLonLat(from: crs).polygons
        if role == "cloud" {
            guard let name = feature.properties?["capture"], name.stringValue != nil || name.numberValue != nil else {
                throw GeoPriceError(.invalidGeoJSON, "a cloud feature names its capture in properties.capture", path: path.appending("properties").description)
            }
            return .cloud(name: describe(name), polygons: lonLat, path: path)
        }
        var capture = Capture(id: feature.id?.jsonValue ?? .number(Double(index)), footprint: lonLat, fileIndex: index, path: geometryPath)
        capture.acquired = try acquired(feature, path: path)
        if let masks = feature.properties?["clouds"], masks != .null {
            let masksPath = path.appending("properties").appending("clouds")
            guard case .geometry(let geometry) = try GeoJSONReader().document(from: masks, at: masksPath), let polygons = geometry.polygons else {
                throw GeoPriceError(.invalidGeoJSON, "properties.clouds must be a Polygon or MultiPolygon geometry", path: masksPath.description)
            }
            capture.clouds += try AOI(polygons: polygons, path: masksPath).toLonLat(from: crs).polygons
        }
        return .capture(capture)
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
