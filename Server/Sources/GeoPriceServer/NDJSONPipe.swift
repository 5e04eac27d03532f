import Dispatch
import GeoPricing

#if canImport(Glibc)
import Glibc
#endif

/// A body already read, streamed through ``AOILineStream`` (the CLI's `--ndjson` path, so the lines are the CLI's
/// lines): the bytes go into a pipe on a thread of their own while the stream reads them from its other end.
enum NDJSONPipe {
    static func answer(
        _ body: [UInt8], with answer: @escaping @Sendable (AOI) throws(GeoPriceError) -> [UInt8]?, write: @escaping @Sendable ([UInt8]) -> Void
    ) throws(GeoPriceError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw GeoPriceError(.unreadableInput, "cannot open a pipe for the request body") }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let fed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            body.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(writeEnd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { break }  // the reader stopped (EPIPE: SIGPIPE is ignored by the server)
                    offset += written
                }
            }
            close(writeEnd)
            fed.signal()
        }
        defer {
            // Stop the feeder if the stream stopped reading early, then wait for it.
            close(readEnd)
            fed.wait()
        }
        var lines = NDJSONLines(descriptor: readEnd, name: "the request body")
        _ = try AOILineStream.answer(&lines, parallelism: .callingThread, with: answer, write: write)
    }
}
