import Foundation
import GeoPricing

/// The benchmark's input files, written once from seeded generators so that the Python peer reads the very same
/// inputs. Sizes shrink with `--quick`.
struct InputFiles {
    let directory: URL
    let quick: Bool

    var smallAOICount: Int { quick ? 5_000 : 100_000 }
    var orderAOICount: Int { quick ? 100 : 1_000 }
    var largeCaptureCount: Int { quick ? 1_000 : 10_000 }
    var scalingCounts: [Int] { quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 100_000] }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes every input file (skipping those already written for the same sizes).
    func write() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stamp = path("inputs-\(smallAOICount)-\(orderAOICount)-\(largeCaptureCount)-\(scalingCounts.last!).done")
        if FileManager.default.fileExists(atPath: stamp) { return }
        let small = Inputs.smallAOIs(count: smallAOICount)
        try writeCollection(small.map(Self.feature), to: "aois.geojson")
        let lines = small.map { JSONWriter().string(Self.feature($0).jsonValue) }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path("aois.ndjson"), atomically: true, encoding: .utf8)
        let order = Inputs.coverageOrder(aoiCount: orderAOICount, perAOI: 50)
        try writeCollection(order.aois.map(Self.feature), to: "order-aois.geojson")
        try writeCollection(order.captures.map(Self.feature), to: "order-captures.geojson")
        let large = Inputs.largeAOI(captureCount: scalingCounts.last!)
        try writeCollection([Self.feature(large.aoi)], to: "large-aoi.geojson")
        for count in Set(scalingCounts + [largeCaptureCount]) {
            try writeCollection(large.captures.prefix(count).map(Self.feature), to: "captures-\(count).geojson")
        }
        try Data().write(to: URL(fileURLWithPath: stamp))
    }

    private func writeCollection(_ features: [Feature], to name: String) throws {
        let text = JSONWriter().string(FeatureCollection(features: features).jsonValue)
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    static func feature(_ aoi: AOI) -> Feature { Feature(id: aoi.id, geometry: aoi.geometry, properties: [:]) }

    static func feature(_ capture: Capture) -> Feature {
        Feature(id: capture.id.numberValue.map(FeatureID.number) ?? .string(capture.id.stringValue ?? ""),
            geometry: Geometry(.polygon(capture.footprint[0])), properties: [:])
    }
}
