import Foundation
import GeoPricing

/// The library calls a service makes, timed in this process.
struct LibraryRows {
    let files: InputFiles
    let estimator: Estimator
    let asOf: CalendarDate

    init(files: InputFiles) throws {
        self.files = files
        estimator = Estimator(catalog: try .bundledDefault())
        asOf = try CalendarDate(parsing: "2026-06-01")
    }

    /// The request every row prices: one AOI on SKYSAT-TASKING under the NGO-2026 contract (15 % off).
    func request(_ aoi: AOI) -> EstimateRequest {
        EstimateRequest(aois: [aoi], items: [EstimateRequest.Item(product: "SKYSAT-TASKING")], contract: "NGO-2026", asOf: asOf)
    }

    /// One request at a time on one thread, a 5-vertex AOI each (4 corners and the closing one): from the AOI to the
    /// answer's JSON bytes. Per-request p50 and p99.
    func oneRequest(count: Int) throws -> (seconds: Double, p50: Double, p99: Double) {
        let aois = Inputs.smallAOIs(count: count, seed: 29)
        var samples: [Double] = []
        samples.reserveCapacity(count)
        var bytes = 0
        let start = Timing.now()
        for aoi in aois {
            let before = Timing.now()
            bytes += try estimator.estimate(request(aoi)).jsonBytes.count
            samples.append(Timing.now() - before)
        }
        guard bytes > 0 else { throw BenchError("no answer written") }
        return (Timing.now() - start, Timing.percentile(samples, 50), Timing.percentile(samples, 99))
    }

    /// A batch as a service streams it: ``AOILineStream`` over the NDJSON file, every line priced and its answer
    /// written (counted), on all cores. Wall and CPU seconds.
    func batch(_ name: String) throws -> (seconds: Double, cpuSeconds: Double, lines: Int) {
        let estimator = estimator
        let request = request
        let written = ByteCount()
        let cpuBefore = Self.cpuSeconds()
        let start = Timing.now()
        let descriptor = try FileContents.openForReading(files.path(name))
        defer { close(descriptor) }
        var lines = NDJSONLines(descriptor: descriptor, name: name)
        let summary = try AOILineStream.answer(&lines, with: { aoi throws(GeoPriceError) in
            try estimator.estimate(request(aoi)).jsonBytes
        }, write: { written.add($0.count) })
        let seconds = Timing.now() - start
        guard summary.rejected == 0, written.value > 0 else { throw BenchError("the batch rejected \(summary.rejected) lines") }
        return (seconds, Self.cpuSeconds() - cpuBefore, summary.answered)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_utime.seconds + usage.ru_stime.seconds
    }
}

/// Bytes counted by a writer thread.
private final class ByteCount: @unchecked Sendable {
    // Only the stream's one writer thread adds; read after the stream returns.
    private(set) var value = 0
    func add(_ count: Int) { value += count }
}
