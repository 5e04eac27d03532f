#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of an NDJSON stream (a file, a pipe, standard input), read in chunks and handed out in batches as they
/// arrive: memory holds one chunk and the lines being answered, never the whole stream. Every input limit applies to
/// each line as its own request: a line longer than `maxBytes` is reported as too long and skipped without being
/// stored, so `/dev/zero` costs one chunk.
public struct NDJSONLines: ~Copyable {
    /// One line of the stream, numbered from 1.
    public enum Line: Sendable {
        /// A line's bytes, without its line break.
        case text([UInt8], number: Int)
        /// A line longer than the limit: its number and how many bytes it had when it was given up (at least); the
        /// rest of it is skipped unread.
        case tooLong(number: Int, bytes: Int)

        /// Its number in the stream, from 1.
        public var number: Int {
            switch self {
            case .text(_, let number), .tooLong(let number, _): number
            }
        }
    }

    private let descriptor: Int32
    private let name: String
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// What one read brings, before it joins `buffer`.
    private var chunk = [UInt8](repeating: 0, count: FileContents.chunkSize)
    /// Where the unread part of `buffer` starts.
    private var start = 0
    /// Where the search for the next line break resumes: the buffer holds none between `start` and here.
    private var searched = 0
    private var lineNumber = 0
    private var atEnd = false
    /// Whether the rest of an over-long line (already reported) is being skipped.
    private var skipping = false
    /// An over-long line reported as soon as it passed the limit, not yet handed out.
    private var reported: Line?

    /// Reads from an open descriptor (standard input is 0), which stays open.
    public init(descriptor: Int32, name: String, maxLineBytes: Int = InputLimits.standard.maxBytes) {
        self.descriptor = descriptor
        self.name = name
        self.maxLineBytes = maxLineBytes
    }

    /// Reads lines from bytes already in memory (a request body read whole).
    public init(bytes: [UInt8], name: String, maxLineBytes: Int = InputLimits.standard.maxBytes) {
        self.descriptor = -1
        self.name = name
        self.maxLineBytes = maxLineBytes
        buffer = bytes
        atEnd = true
    }

    /// The complete lines that have arrived, at most `maxLines`, waiting for input only when none has; `nil` at the
    /// end of the stream. A last line without a line break counts.
    /// - Throws: ``GeoPriceError`` `unreadable_input` when the read fails.
    public mutating func nextBatch(maxLines: Int = 1024) throws(GeoPriceError) -> [Line]? {
        var lines: [Line] = []
        while lines.count < maxLines {
            if let line = takeBufferedLine() {
                lines.append(line)
                continue
            }
            if atEnd {
                if let last = takeRest() { lines.append(last) }
                break
            }
            if !lines.isEmpty { break }
            try fill()
        }
        return lines.isEmpty && atEnd ? nil : lines
    }

    /// The next complete line in the buffer, if there is one.
    private mutating func takeBufferedLine() -> Line? {
        if let line = reported {
            reported = nil
            return line
        }
        while true {
            guard let newline = Self.lineBreak(in: buffer, from: max(start, searched)) else {
                searched = buffer.count
                return nil
            }
            defer { start = newline + 1 }
            if skipping {
                skipping = false
                continue
            }
            lineNumber += 1
            guard newline - start <= maxLineBytes else { return .tooLong(number: lineNumber, bytes: newline - start) }
            return .text(Array(buffer[start..<newline]), number: lineNumber)
        }
    }

    /// The index of the first line break at or after `from` (`memchr`: lines can be hundreds of megabytes long).
    private static func lineBreak(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + from, Int32(UInt8(ascii: "\n")), bytes.count - from)
                .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! }
        }
    }

    /// What is left after the last line break, at the end of the stream.
    private mutating func takeRest() -> Line? {
        defer {
            start = buffer.count
            skipping = false
        }
        guard !skipping, start < buffer.count else { return nil }
        lineNumber += 1
        guard buffer.count - start <= maxLineBytes else { return .tooLong(number: lineNumber, bytes: buffer.count - start) }
        return .text(Array(buffer[start...]), number: lineNumber)
    }

    /// Reads one chunk; an unfinished line longer than the limit is dropped and counted instead of kept.
    private mutating func fill() throws(GeoPriceError) {
        buffer.removeSubrange(..<start)
        searched = max(0, searched - start)
        start = 0
        if buffer.count > maxLineBytes {
            // Reported now, so that an endless line (`/dev/zero`) is answered; its rest is skipped as it comes.
            if !skipping {
                lineNumber += 1
                reported = .tooLong(number: lineNumber, bytes: buffer.count)
                skipping = true
            }
            buffer.removeAll(keepingCapacity: true)
            searched = 0
        }
        var got: Int
        repeat {
            got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        } while got < 0 && errno == EINTR
        if got < 0 {
            throw FileContents.unreadable(name, reason: String(cString: strerror(errno)))
        }
        buffer.append(contentsOf: chunk[..<got])
        if got == 0 { atEnd = true }
    }
}
