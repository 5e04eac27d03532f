import Dispatch

/// Answers a stream of AOIs one line each, the way every front end's `--ndjson` does: each AOI of the input gets its
/// own line, its answer or its error (with the AOI's id), so that good AOIs around a bad one are still answered.
///
/// Input is NDJSON (one geometry, Feature or FeatureCollection per line), read as it arrives: lines are answered in
/// batches on the threads the current `Parallelism` grants, reading and checking each line included, and each
/// batch's answers are handed to the writer in input order while the next batch is answered. Memory holds a few
/// batches, never the input; each line is held to the input limits on its own, as its own request. Input whose first
/// line starts a JSON text that goes on over the next lines (a pretty-printed FeatureCollection) is read whole, up to
/// the byte limit, and its features answered the same way; a first line that is wrong in itself is that line's error,
/// and the lines after it are answered.
public enum AOILineStream {
    /// Input lines answered together, so that a batch can run on every granted thread.
    public static let batchSize = 1024

    /// How a stream went.
    public struct Summary: Sendable, Hashable {
        /// AOIs (and unreadable lines) answered, errors included.
        public var answered = 0
        /// How many of them are error lines.
        public var rejected = 0

        /// A summary of `answered` lines, `rejected` of them errors.
        public init(answered: Int = 0, rejected: Int = 0) {
            self.answered = answered
            self.rejected = rejected
        }
    }

    /// Reads `lines` to their end and writes one line per AOI. The call blocks its thread while `write` catches up
    /// (back-pressure): call it from a thread of its own, not from Swift concurrency's cooperative pool.
    /// - Parameters:
    ///   - lines: the input, read to its end.
    ///   - parallelism: the threads granted (by default the current grant).
    ///   - answer: one AOI's answer (in lon/lat, any `crs` member applied), as the UTF-8 bytes of one line of JSON
    ///     without its newline, or `nil` for an AOI that is not to be answered; a thrown error becomes that AOI's error line. Called on
    ///     many threads at once.
    ///   - write: receives the bytes of each batch's lines, newlines included, in input order, on a thread of its
    ///     own while the next batch is answered; at most two batches wait for it.
    /// - Throws: `GeoPriceError` `unreadable_input`, `limit_exceeded` (a whole document over the byte limit),
    ///   `empty_geometry` when the input holds no AOI at all, or `deadline_exceeded` before a batch once a
    ///   `WorkDeadline` has passed or its caller has gone; lines written before it stay written.
    public static func answer(
        _ lines: inout NDJSONLines, parallelism: Parallelism? = nil,
        with answer: @escaping @Sendable (AOI) throws(GeoPriceError) -> [UInt8]?,
        write: @escaping @Sendable ([UInt8]) -> Void
    ) throws(GeoPriceError) -> Summary {
        let writer = BatchWriter(write)
        defer { writer.finish() }
        return try (parallelism ?? .current).granting { () -> Result<Summary, GeoPriceError> in
            Result { () throws(GeoPriceError) in try answerAll(&lines, with: answer, writer: writer) }
        }.get()
    }

    /// What one batch is made of: input lines, or the AOIs of a document already read.
    private enum Work: Sendable {
        case line(NDJSONLines.Line)
        case unit(NDJSONInput.Unit)
    }

    private static func answerAll(
        _ lines: inout NDJSONLines, with answer: @escaping @Sendable (AOI) throws(GeoPriceError) -> [UInt8]?, writer: BatchWriter
    ) throws(GeoPriceError) -> Summary {
        var summary = Summary()
        var seen = 0
        func answerAndWrite(_ work: [Work]) {
            guard !work.isEmpty else { return }
            let chunks = concurrentMap(count: work.count, chunkSize: 64) { range in
                answered(work[range], with: answer)
            }
            for chunk in chunks {
                seen += chunk.seen
                summary.answered += chunk.answered
                summary.rejected += chunk.rejected
            }
            writer.enqueue(chunks.map(\.bytes))
        }
        var isFirstLine = true
        while let batch = try lines.nextBatch(maxLines: batchSize) {
            try WorkDeadline.check()
            if isFirstLine, let first = batch.firstIndex(where: { !$0.isBlank }) {
                isFirstLine = false
                if case .text(let text, _) = batch[first], NDJSONInput.startsADocument(text) {
                    let units = try document(&lines, from: batch[first...])
                    for start in stride(from: 0, to: units.count, by: batchSize) {
                        try WorkDeadline.check()
                        answerAndWrite(units[start..<min(units.count, start + batchSize)].map(Work.unit))
                    }
                    break
                }
            }
            answerAndWrite(batch.map(Work.line))
        }
        writer.finish()
        // AOIs the answer skips (another `--feature`) count as input: only an input without any is refused.
        if seen == 0 { throw GeoPriceError(.emptyGeometry, "the input holds no AOI", path: "$") }
        return summary
    }

    /// One chunk's lines, answered: their bytes and counts.
    private static func answered(_ work: ArraySlice<Work>, with answer: (AOI) throws(GeoPriceError) -> [UInt8]?)
        -> (bytes: [UInt8], seen: Int, answered: Int, rejected: Int)
    {
        var bytes: [UInt8] = []
        var seen = 0
        var answered = 0
        var rejected = 0
        func append(_ line: [UInt8]) {
            bytes += line
            bytes.append(UInt8(ascii: "\n"))
        }
        for item in work {
            let units: [NDJSONInput.Unit]
            var lineNumber: Int?
            switch item {
            case .line(let line):
                units = NDJSONInput.units(of: line)
                lineNumber = line.number
            case .unit(let unit): units = [unit]
            }
            for unit in units {
                seen += 1
                switch unit {
                case .failure(let error, let id):
                    answered += 1
                    rejected += 1
                    append(JSONWriter().bytes(errorLine(error, id: id)))
                case .success(let aoi, let crs):
                    do throws(GeoPriceError) {
                        guard let line = try answer(aoi.toLonLat(from: crs)) else { continue }
                        answered += 1
                        append(line)
                    } catch {
                        answered += 1
                        rejected += 1
                        append(JSONWriter().bytes(errorLine(NDJSONInput.onLine(error, lineNumber), id: aoi.nameJSON)))
                    }
                }
            }
        }
        return (bytes, seen, answered, rejected)
    }

    /// The units of a whole document: the lines from the first non-blank one on and the rest of the stream, read
    /// up to the byte limit.
    private static func document(_ lines: inout NDJSONLines, from first: ArraySlice<NDJSONLines.Line>) throws(GeoPriceError) -> [NDJSONInput.Unit] {
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
        return NDJSONInput.units(bytes, firstLine: first.first?.number ?? 1)
    }

    /// The error object with the AOI's id first (an id string cut as error texts are, `ErrorText`).
    static func errorLine(_ error: GeoPriceError, id: JSONValue?) -> JSONValue {
        guard case .object(let object) = error.jsonValue, var id else { return error.jsonValue }
        if case .string(let text) = id { id = .string(ErrorText.excerpt(text)) }
        return .object(JSONObject([("id", id)] + object.members.map { ($0.key, $0.value) }))
    }
}

/// Hands batches of bytes to a write function on a serial queue of its own, at most two waiting.
private final class BatchWriter: Sendable {
    private let queue = DispatchQueue(label: "geoprice.AOILineStream.writer")
    private let waiting = DispatchSemaphore(value: 2)
    private let write: @Sendable ([UInt8]) -> Void

    init(_ write: @escaping @Sendable ([UInt8]) -> Void) { self.write = write }

    /// Queues one batch's chunks, waiting while two batches are queued already.
    func enqueue(_ chunks: [[UInt8]]) {
        waiting.wait()
        queue.async { [write, waiting] in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
            for chunk in chunks { bytes += chunk }
            if !bytes.isEmpty { write(bytes) }
            waiting.signal()
        }
    }

    /// Returns once every queued batch is written.
    func finish() { queue.sync {} }
}
