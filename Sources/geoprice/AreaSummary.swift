import Foundation
import GeoPricing

/// The readable form of `geoprice area`.
enum AreaSummary {
    static func text(_ answer: AreaAnswer) -> String {
        var lines: [String] = []
        for item in answer.items {
            let figures = item.figures
            lines.append("AOI \(item.aoi.name)")
            lines.append("  area (geodesic, WGS84)  \(km2(figures.areaKm2))")
            lines.append("  perimeter               \(String(format: "%.6f km", figures.perimeterKm))")
            lines.append("  UTM zone                \(figures.utmZone) (EPSG:\(figures.utmZone.epsg))")
            if let utmArea = figures.utmAreaKm2, let difference = figures.utmRelativeDifference {
                lines.append("  area in UTM \(figures.utmZone.description.padding(toLength: 12, withPad: " ", startingAt: 0))\(km2(utmArea))  (\(String(format: "%+.4f", difference * 100)) % vs geodesic)")
            }
            lines.append("  zones touched           \(figures.utmZones.map { "EPSG:\($0.epsg)" }.joined(separator: ", "))")
            if let crs = figures.crs, let area = figures.crsAreaKm2 {
                lines.append("  area in \(crs)  \(km2(area))  (\(String(format: "%+.4f", (area - figures.areaKm2) / figures.areaKm2 * 100)) % vs geodesic)")
            }
            if let width = figures.minWidthM { lines.append("  minimum width           \(String(format: "%.3f m", width))") }
            lines.append("  vertices                \(figures.vertexCount)")
            for warning in figures.warnings { lines.append("  warning: \(warning)") }
            if let repair = figures.repair, repair.changed {
                lines.append("  repaired                \(repair.reason ?? "invalid"): \(km2(repair.areaBeforeKm2)) as written → \(km2(repair.areaAfterKm2))")
            }
        }
        if answer.items.count > 1 {
            lines.append("Total of \(answer.items.count) AOIs  \(km2(answer.totalAreaKm2)) (geodesic)")
        }
        return lines.joined(separator: "\n")
    }

    private static func km2(_ value: Double) -> String { String(format: "%.6f km²", value) }
}
