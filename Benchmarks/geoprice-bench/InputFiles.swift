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
    /// The small AOIs' NDJSON written this many times over, for the streaming rows.
    var streamRepeats: Int { 10 }
    var streamLineCount: Int { smallAOICount * streamRepeats }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private var stamp: String { path("inputs-v3-\(smallAOICount)-\(orderAOICount)-\(largeCaptureCount).done") }

    /// Whether every input file is written for these sizes.
    var areWritten: Bool { FileManager.default.fileExists(atPath: stamp) }

    /// Writes every input file (skipping those already written for the same sizes).
    func write() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if areWritten { return }
        let small = Inputs.smallAOIs(count: smallAOICount)
        try writeCollection(small.map(Self.feature), to: "aois.geojson")
        let lines = small.map { JSONWriter().string(Self.feature($0).jsonValue) }
        let ndjson = Data((lines.joined(separator: "\n") + "\n").utf8)
        try ndjson.write(to: URL(fileURLWithPath: path("aois.ndjson")))
        _ = FileManager.default.createFile(atPath: path("aois-stream.ndjson"), contents: nil)
        let stream = try FileHandle(forWritingTo: URL(fileURLWithPath: path("aois-stream.ndjson")))
        for _ in 0..<streamRepeats { try stream.write(contentsOf: ndjson) }
        try stream.close()
        let order = Inputs.coverageOrder(aoiCount: orderAOICount, perAOI: 50)
        try writeCollection(order.aois.map(Self.feature), to: "order-aois.geojson")
        try writeCollection(order.captures.map(Self.feature), to: "order-captures.geojson")
        let large = Inputs.largeAOI(captureCount: largeCaptureCount)
        try writeCollection([Self.feature(large.aoi)], to: "large-aoi.geojson")
        try writeCollection(large.captures.map(Self.feature), to: "captures-\(largeCaptureCount).geojson")
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
