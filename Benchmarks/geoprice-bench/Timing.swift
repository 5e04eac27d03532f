import Dispatch
import Foundation

/// Wall-clock timing, latency percentiles and memory.
enum Timing {
    /// Seconds since an arbitrary start.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs `body` `runs` times and returns the run with the median total (each run returns its own phases).
    static func medianRun(runs: Int, _ body: () throws -> [(String, Double)]) rethrows -> [(String, Double)] {
        var results: [[(String, Double)]] = []
        for _ in 0..<runs { results.append(try body()) }
        return results.sorted { total($0) < total($1) }[results.count / 2]
    }

    static func total(_ phases: [(String, Double)]) -> Double { phases.reduce(0) { $0 + $1.1 } }

    /// The p-th percentile (0…100) of samples.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p / 100).rounded()))]
    }

    /// The process's peak resident memory so far, MB.
    static func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Contiguous chunks of `count` items, a few per core, for `concurrentMap`.
    static func chunks(_ count: Int, cores: Int) -> [Range<Int>] {
        let pieces = max(1, min(count, cores * 8))
        let size = (count + pieces - 1) / pieces
        return stride(from: 0, to: count, by: max(size, 1)).map { $0..<min(count, $0 + size) }
    }
}
