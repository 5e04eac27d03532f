import GeoJSON

extension AreaFigures {
    /// The figures as the members of `geoprice area --json`: `areaKm2`, `perimeterKm`, `utmEpsg`, `utmAreaKm2`,
    /// `utmRelDiff` (left out when the zone cannot project the AOI), `utmZones` (EPSG codes), `vertices`, `minWidthM`,
    /// `repair` when repaired, with a CRS `crs` and `crsAreaKm2`, and `warnings` when something was left out.
    public var jsonObject: JSONObject {
        var object: JSONObject = [
            "areaKm2": .number(areaKm2),
            "perimeterKm": .number(perimeterKm),
            "utmEpsg": .number(Double(utmZone.epsg)),
        ]
        if let utmAreaKm2, let utmRelativeDifference {
            object["utmAreaKm2"] = .number(utmAreaKm2)
            object["utmRelDiff"] = .number(utmRelativeDifference)
        }
        object["utmZones"] = .array(utmZones.map { .number(Double($0.epsg)) })
        object["vertices"] = .number(Double(vertexCount))
        if let minWidthM { object["minWidthM"] = .number(minWidthM) }
        if let repair { object["repair"] = .object(repair.jsonObject) }
        if let crs, let crsAreaKm2 {
            object["crs"] = .string(crs)
            object["crsAreaKm2"] = .number(crsAreaKm2)
        }
        if !warnings.isEmpty { object["warnings"] = .array(warnings.map { .string($0) }) }
        return object
    }
}
