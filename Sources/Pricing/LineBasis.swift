import Coverage
import Foundation
import GeoJSON
import GeometryEngine
import Projection

/// A line's measured basis area and what the archive rules need to know of its captures.
struct _LineBasis {
    var km2: Double
    /// The newest acquisition among the captures that meet the AOI.
    var newest: Date?
    /// Whether some capture meeting the AOI has no acquisition date.
    var hasUndated = false
    /// The ids of the captures that meet the AOI, in acquisition order.
    var captureIDs: [JSONValue] = []
    /// The rule that records it.
    var rule: Estimate.Rule

    /// Validates an AOI against a product and measures the product's basis (DESIGN.md, "An estimate, per line",
    /// steps 1 and 2): the production minimum and minimum width are checked on the AOI for tasking and on
    /// AOI ∩ ⋃ footprints for archive.
    /// - Throws: ``GeoPriceError`` `too_many_vertices`, `unsupported_geometry` (MultiPolygon under `reject`),
    ///   `no_coverage`, `below_minimum_area`, `too_narrow`, and the AOI's own validation errors.
    init(product: Product, aoi: AOI, captures: [Capture], label: String, shared: _RequestPreparation) throws(GeoPriceError) {
        if let maxVertices = product.maxVertices, aoi.vertexCount > maxVertices {
            throw GeoPriceError(
                .tooManyVertices, "\(label): the AOI has \(aoi.vertexCount) vertices; \(product.id) takes at most \(maxVertices)",
                path: aoi.path.description,
                details: ["product": .string(product.id), "rule": "maxVertices", "limit": .number(Double(maxVertices)),
                          "value": .number(Double(aoi.vertexCount))])
        }
        if aoi.polygons.count > 1, product.multiPolygon == .reject {
            throw GeoPriceError(.unsupportedGeometry, "\(label): \(product.id) does not take MultiPolygon AOIs", path: aoi.path.description,
                details: ["product": .string(product.id), "rule": "multiPolygon"])
        }
        let prepared = try shared.prepared(aoi)
        var produced: [Polygon]
        if product.mode == .archive {
            let coverage = try shared.calculator(for: captures).cover(prepared)
            guard coverage.coveredKm2 > 0 else {
                throw GeoPriceError(
                    .noCoverage, "\(label): none of the \(captures.count) captures meets the AOI", path: aoi.path.description,
                    details: ["product": .string(product.id), "captures": .number(Double(captures.count))])
            }
            produced = coverage.covered
            captureIDs = coverage.captures.map(\.id)
            let meeting = Set(captureIDs)
            let dates = captures.filter { meeting.contains($0.id) }.map(\.acquired)
            newest = dates.compactMap { $0 }.max()
            hasUndated = dates.contains { $0 == nil }
            km2 = coverage.coveredKm2
        } else {
            produced = aoi.polygons
            km2 = prepared.areaKm2
        }
        if product.basis == .bbox || (aoi.polygons.count > 1 && product.multiPolygon == .bbox) {
            km2 = Self.boundingBoxKm2(of: prepared)
        }
        rule = Estimate.Rule(name: "measured", values: [
            "basis": .string(product.basis.rawValue), "km2": .string(Money.string(Money.exactKm2(km2), scale: 6)),
        ])
        try Self.checkProduction(product, polygons: produced, prepared: product.mode == .archive ? nil : prepared, label: label, path: aoi.path)
    }

    /// The production minimum and the minimum ground width (per part), on what will be produced: the prepared AOI
    /// itself for tasking, the covered polygons for archive.
    private static func checkProduction(_ product: Product, polygons: [Polygon], prepared: PreparedAOI?, label: String, path: JSONPath)
        throws(GeoPriceError)
    {
        if let minimum = product.minimumProductionKm2 {
            let produced = Money.exactKm2(prepared?.areaKm2 ?? Geodesic.area(of: polygons) / 1e6)
            guard produced >= minimum else {
                throw GeoPriceError(
                    .belowMinimumArea,
                    "\(label): \(Money.string(produced, scale: 6)) km² to produce is below \(product.id)'s production minimum of \(Money.string(minimum)) km²",
                    path: path.description,
                    details: ["product": .string(product.id), "rule": "productionKm2", "minimumKm2": .string(Money.string(minimum)),
                              "measuredKm2": .string(Money.string(produced, scale: 6))])
            }
        }
        if let minimumKm = product.minimumWidthKm {
            let metric = if let prepared {
                try GroundMetric(prepared)
            } else {
                try GroundMetric(AOI(polygons: polygons, isMultiPolygon: polygons.count > 1, path: path))
            }
            let minimumMetres = NSDecimalNumber(decimal: minimumKm * 1000).doubleValue
            for (part, width) in try metric.minimumWidths().enumerated() where width < minimumMetres {
                throw GeoPriceError(
                    .tooNarrow, "\(label): part \(part) is \(String(format: "%.1f", width)) m wide; \(product.id) needs at least \(Money.string(minimumKm * 1000)) m",
                    path: path.description,
                    details: ["product": .string(product.id), "rule": "minWidthKm", "part": .number(Double(part)),
                              "widthM": .number(width), "minimumM": .number(minimumMetres)])
            }
        }
    }

    /// The geodesic area of the AOI's lon/lat bounding box (longitudes unwrapped).
    private static func boundingBoxKm2(of prepared: PreparedAOI) -> Double {
        let box = Envelope(of: prepared.unwrapped.flatMap { $0.rings[0] })
        let ring = [SIMD2(box.min.x, box.min.y), SIMD2(box.max.x, box.min.y), box.max, SIMD2(box.min.x, box.max.y), box.min]
        return Geodesic.area(of: [PlanarPolygon(rings: [ring])]) / 1e6
    }
}
