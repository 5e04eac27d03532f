extension InputLimits {
    /// Checks one AOI's vertices, parts and holes.
    /// - Returns: the AOI's vertices (closing positions not counted).
    @discardableResult
    public func check(_ aoi: AOI) throws(GeoPriceError) -> Int {
        if aoi.polygons.count > maxParts {
            throw Self.exceeded("maxParts", maxParts, aoi.polygons.count, what: "parts of AOI \(aoi.name)", path: aoi.path.description)
        }
        for polygon in aoi.polygons where polygon.rings.count - 1 > maxHoles {
            throw Self.exceeded("maxHoles", maxHoles, polygon.rings.count - 1, what: "holes of a polygon of AOI \(aoi.name)", path: aoi.path.description)
        }
        let vertices = aoi.vertexCount
        if vertices > maxVerticesPerAOI {
            throw Self.exceeded("maxVerticesPerAOI", maxVerticesPerAOI, vertices, what: "vertices of AOI \(aoi.name)", path: aoi.path.description)
        }
        return vertices
    }

    /// Checks a request's AOIs: each, and their vertices together.
    public func check(_ aois: [AOI]) throws(GeoPriceError) {
        var total = 0
        for aoi in aois { total += try check(aoi) }
        try check(verticesInRequest: total)
    }
}
