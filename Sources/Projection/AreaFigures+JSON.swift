import GeoJSON

extension AreaFigures {
    /// The figures as the members of `geoprice area --json`: `areaKm2`, `perimeterKm`, `utmEpsg`, `utmAreaKm2`,
    /// `utmRelDiff`, `utmZones` (EPSG codes), `vertices`, `minWidthM`, `repair` when repaired, and with a CRS `crs` and `crsAreaKm2`.
    public var jsonObject: JSONObject {
        var object: JSONObject = [
            "areaKm2": .number(areaKm2),
            "perimeterKm": .number(perimeterKm),
            "utmEpsg": .number(Double(utmZone.epsg)),
            "utmAreaKm2": .number(utmAreaKm2),
            "utmRelDiff": .number(utmRelativeDifference),
            "utmZones": .array(utmZones.map { .number(Double($0.epsg)) }),
            "vertices": .number(Double(vertexCount)),
        ]
        if let minWidthM { object["minWidthM"] = .number(minWidthM) }
        if let repair { object["repair"] = .object(repair.jsonObject) }
        if let crs, let crsAreaKm2 {
            object["crs"] = .string(crs)
            object["crsAreaKm2"] = .number(crsAreaKm2)
        }
        return object
    }
}
