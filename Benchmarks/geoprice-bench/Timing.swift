import Dispatch

/// Wall-clock timing: the median of several runs.
enum Timing {
    /// Runs `body` `runs` times and returns the median duration in seconds.
    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var seconds: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return seconds.sorted()[seconds.count / 2]
    }

    /// Splits `count` items into one contiguous chunk per core and runs them concurrently.
    static func onAllCores(count: Int, cores: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let chunk = (count + cores - 1) / cores
        DispatchQueue.concurrentPerform(iterations: cores) { core in
            let range = (core * chunk)..<min(count, (core + 1) * chunk)
            if !range.isEmpty { body(range) }
        }
    }
}
