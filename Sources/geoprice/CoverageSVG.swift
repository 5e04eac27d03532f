import Foundation
import GeoPricing

/// An SVG picture of one AOI's coverage, drawn in the AOI's UTM zone so that shapes are true: captures (outline),
/// covered (green), remainder (red), the AOI's outline, a legend and a scale bar.
struct CoverageSVG {
    let coverage: AOICoverage
    let captures: [Capture]

    func render() throws(GeoPriceError) -> String {
        let zone = try GroundMetric(coverage.aoi).zone
        let transformer = CRSTransformer(from: CRSTransformer.lonLat, to: zone.crsName)
        func project(_ polygons: [Polygon]) throws(GeoPriceError) -> [PlanarPolygon] {
            var result: [PlanarPolygon] = []
            for polygon in polygons {
                var rings: [[SIMD2<Double>]] = []
                for ring in polygon.rings { rings.append(try transformer.transform(ring.map { SIMD2($0.longitude, $0.latitude) })) }
                result.append(PlanarPolygon(rings: rings))
            }
            return result
        }
        let aoi = try project(coverage.aoi.polygons)
        let shown = Set(coverage.captures.map(\.id))
        var footprints: [[PlanarPolygon]] = []
        for capture in captures where shown.contains(capture.id) { footprints.append(try project(capture.footprint)) }
        let covered = try project(coverage.covered)
        let remainder = try project(coverage.remainder)

        let all = (aoi + footprints.flatMap { $0 }).flatMap { $0.rings.flatMap { $0 } }
        let box = Envelope(of: all)
        let width = 800.0, height = 600.0, margin = 40.0
        let scale = min((width - 2 * margin) / (box.max.x - box.min.x), (height - 2 * margin - 60) / (box.max.y - box.min.y))
        let left = (width - (box.max.x - box.min.x) * scale) / 2
        let top = margin + ((height - 2 * margin - 60) - (box.max.y - box.min.y) * scale) / 2
        func point(_ p: SIMD2<Double>) -> String {
            String(format: "%.2f,%.2f", left + (p.x - box.min.x) * scale, top + (box.max.y - p.y) * scale)
        }
        func path(_ polygons: [PlanarPolygon]) -> String {
            polygons.flatMap { $0.rings }.map { ring in "M" + ring.map(point).joined(separator: " L") + " Z" }.joined(separator: " ")
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">
            <rect width="100%" height="100%" fill="white"/>

            """
        for footprint in footprints {
            svg += "<path d=\"\(path(footprint))\" fill=\"#1f77b4\" fill-opacity=\"0.08\" stroke=\"#1f77b4\" stroke-width=\"1\"/>\n"
        }
        svg += "<path d=\"\(path(remainder))\" fill=\"#d62728\" fill-opacity=\"0.55\" fill-rule=\"evenodd\" stroke=\"none\"/>\n"
        svg += "<path d=\"\(path(covered))\" fill=\"#2ca02c\" fill-opacity=\"0.55\" fill-rule=\"evenodd\" stroke=\"none\"/>\n"
        svg += "<path d=\"\(path(aoi))\" fill=\"none\" fill-rule=\"evenodd\" stroke=\"black\" stroke-width=\"2\"/>\n"

        // Legend and scale bar along the bottom.
        let legendY = height - 40
        let entries: [(String, String, String)] = [
            ("#2ca02c", "0.55", String(format: "covered %.2f %%", coverage.coveredPercent)),
            ("#d62728", "0.55", String(format: "remainder %.2f %%", coverage.remainderPercent)),
            ("#1f77b4", "0.15", "captures (\(footprints.count))"),
            ("none", "1", "AOI \(coverage.aoi.name)"),
        ]
        for (index, entry) in entries.enumerated() {
            let x = margin + Double(index) * 170
            let stroke = entry.0 == "none" ? "black" : entry.0
            svg += "<rect x=\"\(x)\" y=\"\(legendY - 12)\" width=\"16\" height=\"12\" fill=\"\(entry.0)\" fill-opacity=\"\(entry.1)\" stroke=\"\(stroke)\"/>"
            svg += "<text x=\"\(x + 22)\" y=\"\(legendY - 2)\" font-family=\"sans-serif\" font-size=\"13\">\(entry.2)</text>\n"
        }
        let bar = Self.niceLength(maximum: (width - 2 * margin) / 4 / scale)
        let barY = height - 15
        svg += "<line x1=\"\(margin)\" y1=\"\(barY)\" x2=\"\(margin + bar * scale)\" y2=\"\(barY)\" stroke=\"black\" stroke-width=\"3\"/>"
        svg += "<text x=\"\(margin + bar * scale + 8)\" y=\"\(barY + 4)\" font-family=\"sans-serif\" font-size=\"12\">"
            + (bar >= 1000 ? "\(Int(bar / 1000)) km" : "\(Int(bar)) m") + " (UTM \(zone))</text>\n"
        svg += "</svg>\n"
        return svg
    }

    /// The largest 1, 2 or 5 × 10ⁿ metres not above `maximum`.
    static func niceLength(maximum: Double) -> Double {
        let power = pow(10, (log10(maximum)).rounded(.down))
        return [5.0, 2, 1].map { $0 * power }.first { $0 <= maximum } ?? power
    }
}
