import GeoPricing

/// `--ndjson` answers: the input (`-`: standard input) streamed through ``AOILineStream``, one line per AOI on
/// standard output.
enum NDJSONStream {
    /// - Returns: whether every AOI was answered without error.
    /// - Throws: ``GeoPriceError``, as ``AOILineStream/answer(_:parallelism:with:write:)`` does.
    static func run(_ path: String, answer: @escaping @Sendable (AOI) throws(GeoPriceError) -> [UInt8]?) throws(GeoPriceError) -> Bool {
        var lines = try InputFile.lines(path)
        return try AOILineStream.answer(&lines, with: answer, write: Output.bytes).rejected == 0
    }
}
