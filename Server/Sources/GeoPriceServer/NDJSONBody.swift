import GeoPricing

/// A body already read, answered one line per AOI through ``AOILineStream`` (the CLI's `--ndjson` path, so the lines
/// are the CLI's lines), its lines taken from memory.
enum NDJSONBody {
    static func answer(
        _ body: [UInt8], with answer: @escaping @Sendable (AOI) throws(GeoPriceError) -> [UInt8]?, write: @escaping @Sendable ([UInt8]) -> Void
    ) throws(GeoPriceError) {
        var lines = NDJSONLines(bytes: body, name: "the request body")
        _ = try AOILineStream.answer(&lines, parallelism: .callingThread, with: answer, write: write)
    }
}
