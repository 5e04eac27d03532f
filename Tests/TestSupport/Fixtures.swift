import Foundation
import GeoJSON

/// The project's `fixtures/` folder: reference cases copied from the independent references, with their figures.
public enum Fixtures {
    /// `fixtures/` at the package root.
    public static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    /// The path of a fixture.
    public static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    /// The bytes of a fixture.
    public static func bytes(_ relative: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(relative)) else { fatalError("missing fixture \(relative)") }
        return Array(data)
    }

    /// A fixture read as JSON.
    public static func json(_ relative: String) -> JSONValue {
        do {
            return try JSONReader().read(bytes(relative))
        } catch {
            fatalError("fixture \(relative) is not JSON: \(error)")
        }
    }

    /// `reference.json`'s cases (computed with pyproj, GeographicLib and shapely).
    public static let referenceCases: JSONObject = json("reference.json").objectValue!["cases"]!.objectValue!

    /// The names of the reference cases that have area figures.
    public static let areaCaseNames: [String] = referenceCases.members.filter { $0.value.objectValue?["geodesic_area_km2"] != nil }.map(\.key)

    /// A reference case's figures.
    public static func reference(_ name: String) -> JSONObject { referenceCases[name]!.objectValue! }

    /// A reference case's GeoJSON document.
    public static func caseDocument(_ name: String) -> GeoJSONDocument {
        do {
            return try GeoJSONReader().read(bytes("cases/\(name).json"))
        } catch {
            fatalError("case \(name) does not read: \(error)")
        }
    }

    /// Our own AOIs with independently computed figures (`scripts/make-own-references.py`).
    public static let ownCases: [JSONObject] = json("generated/own_cases.json").objectValue!["cases"]!.arrayValue!.map { $0.objectValue! }
}

/// The relative difference |a − b| / |b|.
public func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }

extension JSONObject {
    /// A member that must be a number.
    public func number(_ key: String) -> Double {
        guard let value = self[key]?.numberValue else { fatalError("no number '\(key)'") }
        return value
    }
}

/// The `GeoPriceError` that `body` throws, or `nil` when it throws none (or another error).
public func rejection(_ body: () throws -> Void) -> GeoPriceError? {
    do {
        try body()
        return nil
    } catch let error as GeoPriceError {
        return error
    } catch {
        return nil
    }
}
