import GeoPricing

/// `--ndjson` answers: every AOI of the input on its own line, its answer or its error (with the AOI's id), so that
/// good AOIs around a bad one are still answered.
///
/// NDJSON input streams: lines are read as they arrive and answered in batches, each batch's lines written in input
/// order as soon as it is done, so memory holds a batch, not the input; each line is held to the input limits on
/// its own. Input whose first line starts a JSON text that goes on over the next lines (a pretty-printed
/// FeatureCollection) is read whole, up to the byte limit, and its features answered the same way; a first line that
/// is wrong in itself is that line's error, and the lines after it are answered.
enum NDJSONStream {
    /// What one unit of input answers.
    enum Answer: Sendable {
        /// An answer line.
        case answer(String)
        /// An error line: the unit was rejected.
        case error(String)
        /// Nothing (a feature that `--feature` does not pick).
        case nothing
    }

    /// Units answered together, so that a batch can run on all cores.
    static let batchSize = 1024

    /// Streams `path` (`-`: standard input) through `answer`, one batch of units at a time.
    /// - Returns: whether every unit was answered without error.
    /// - Throws: ``GeoPriceError`` `unreadable_input`, `limit_exceeded` (a whole document over the byte limit), or
    ///   `empty_geometry` when the input holds no AOI at all.
    static func run(_ path: String, answer: ([NDJSONInput.Unit]) -> [Answer]) throws(GeoPriceError) -> Bool {
        var lines = try InputFile.lines(path)
        var allAnswered = true
        var units = 0
        func answerAndWrite(_ batch: [NDJSONInput.Unit]) {
            guard !batch.isEmpty else { return }
            units += batch.count
            var written: [String] = []
            for result in answer(batch) {
                switch result {
                case .answer(let line): written.append(line)
                case .error(let line):
                    allAnswered = false
                    written.append(line)
                case .nothing: break
                }
            }
            Output.lines(written)
        }
        var isFirstLine = true
        while let batch = try lines.nextBatch(maxLines: batchSize) {
            var pending: [NDJSONInput.Unit] = []
            for (position, line) in batch.enumerated() {
                if isFirstLine, case .text(let text, _) = line, !NDJSONInput.isBlank(text) {
                    isFirstLine = false
                    if NDJSONInput.startsADocument(text) {
                        let document = try rest(of: &lines, after: batch[position...])
                        for start in stride(from: 0, to: document.count, by: batchSize) {
                            answerAndWrite(Array(document[start..<min(document.count, start + batchSize)]))
                        }
                        break
                    }
                }
                pending += NDJSONInput.units(of: line)
            }
            answerAndWrite(pending)
        }
        if units == 0 { throw GeoPriceError(.emptyGeometry, "the input holds no AOI", path: "$") }
        return allAnswered
    }

    /// The units of a whole document: the lines from the first non-blank one on and the rest of the stream, read
    /// up to the byte limit.
    private static func rest(of lines: inout NDJSONLines, after first: ArraySlice<NDJSONLines.Line>) throws(GeoPriceError) -> [NDJSONInput.Unit] {
        let limit = InputLimits.standard.maxBytes
        var bytes: [UInt8] = []
        func append(_ line: NDJSONLines.Line) throws(GeoPriceError) {
            switch line {
            case .text(let text, _):
                bytes += text
                bytes.append(UInt8(ascii: "\n"))
                if bytes.count > limit { throw InputLimits.exceeded("maxBytes", limit, bytes.count, what: "bytes of the input (at least)", path: "$") }
            case .tooLong(_, let count):
                throw InputLimits.exceeded("maxBytes", limit, bytes.count + count, what: "bytes of the input (at least)", path: "$")
            }
        }
        for line in first { try append(line) }
        while let batch = try lines.nextBatch(maxLines: batchSize) {
            for line in batch { try append(line) }
        }
        return NDJSONInput.units(bytes)
    }

    /// Answers each unit with `answer` on all cores, in order: an answer line, or the unit's error line.
    static func each(_ units: [NDJSONInput.Unit], _ answer: @Sendable (AOI) throws(GeoPriceError) -> String?) -> [Answer] {
        concurrentMap(count: units.count) { index -> Answer in
            switch units[index] {
            case .failure(let error, let id):
                return .error(JSONWriter().string(errorLine(error, id: id)))
            case .success(let aoi, let crs):
                do throws(GeoPriceError) {
                    return try answer(aoi.toLonLat(from: crs)).map(Answer.answer) ?? .nothing
                } catch {
                    return .error(JSONWriter().string(errorLine(error, id: aoi.nameJSON)))
                }
            }
        }
    }

    /// The error object with the AOI's id first (an id string cut as error texts are, ``ErrorText``).
    static func errorLine(_ error: GeoPriceError, id: JSONValue?) -> JSONValue {
        guard case .object(let object) = error.jsonValue, var id else { return error.jsonValue }
        if case .string(let text) = id { id = .string(ErrorText.excerpt(text)) }
        return .object(JSONObject([("id", id)] + object.members.map { ($0.key, $0.value) }))
    }
}
