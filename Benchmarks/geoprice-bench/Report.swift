import Foundation
import GeoPricing

/// One inner path's time split (`--splits`, `--soak`).
struct Row {
    var key: String
    var title: String
    /// End to end, median run, seconds.
    var seconds: Double
    var items: Int
    var itemName: String
    /// Per-operation latency, seconds, from a one-core pass.
    var p50: Double?
    var p99: Double?
    var phases: [(String, Double)]
    var notes: [String: Double] = [:]

    var text: String {
        var line = String(format: "(%@) %@\n    %.3f s  %.0f %@/s", key, title, seconds, Double(items) / seconds, itemName)
        if let p50, let p99 { line += String(format: "  p50 %.1f µs  p99 %.1f µs", p50 * 1e6, p99 * 1e6) }
        line += "\n    split: " + phases.map { String(format: "%@ %.3f s", $0.0, $0.1) }.joined(separator: ", ")
        for (key, value) in notes.sorted(by: { $0.key < $1.key }) { line += String(format: "\n    %@: %.6g", key, value) }
        return line
    }
}

/// The command rows' figures as text, as the README's table, and as JSON.
enum Report {
    static func text(_ result: CommandResult) -> String {
        var text = "(\(result.row.key)) \(result.row.title)\n    geoprice \(figures(result.geoprice))"
        for (peer, run) in result.peers {
            text += "\n    peer (\(peer.name)) \(figures(run)): \(String(format: "%.2f×", run.seconds / result.geoprice.seconds))"
        }
        for (key, value) in result.notes.sorted(by: { $0.key < $1.key }) { text += String(format: "\n    %@: %.3g", key, value) }
        return text
    }

    static func figures(_ run: ProcessRun) -> String {
        String(format: "%.3f s, CPU %.0f %%, peak %.0f MB, %.1f MB written", run.seconds, run.cpuPercent, run.peakMB, Double(run.outputBytes) / 1e6)
    }

    /// The Markdown table of README's "Performance".
    static func table(_ results: [CommandResult], latencies: [(String, Double)], library: [String: Double]) -> String {
        var lines = [
            "| row | what a user runs | geoprice: time, CPU, peak memory | peer | peer: time, CPU, peak memory | peer / geoprice | goal |",
            "|---|---|---|---|---|---|---|",
        ]
        for result in results {
            let ours = String(format: "%.3f s, %.0f %%, %.0f MB", result.geoprice.seconds, result.geoprice.cpuPercent, result.geoprice.peakMB)
            var goals: [String] = []
            if let cpu = result.row.cpuGoal { goals.append(verdict(String(format: "CPU ≥ %.0f %%", cpu), result.geoprice.cpuPercent >= cpu)) }
            if let memory = result.row.memoryGoalMB { goals.append(verdict(String(format: "peak ≤ %.0f MB", memory), result.geoprice.peakMB <= memory)) }
            if result.peers.isEmpty {
                lines.append("| \(result.row.key) | \(result.row.title) | \(ours) | | | | \(goals.joined(separator: "; ")) |")
            }
            for (index, (peer, run)) in result.peers.enumerated() {
                let ratio = run.seconds / result.geoprice.seconds
                var rowGoals = index == 0 ? goals : []
                if let goal = peer.goal { rowGoals.insert(verdict(String(format: "≥ %.1f×", goal), ratio >= goal), at: 0) }
                let theirs = String(format: "%.3f s, %.0f %%, %.0f MB", run.seconds, run.cpuPercent, run.peakMB)
                lines.append("| \(index == 0 ? result.row.key : "") | \(index == 0 ? result.row.title : "") | \(index == 0 ? ours : "") | "
                    + "\(peer.name) | \(theirs) | \(String(format: "%.2f×", ratio)) | \(rowGoals.joined(separator: "; ")) |")
            }
        }
        for (name, seconds) in latencies {
            lines.append("| P | first answer line of `geoprice \(name) --ndjson` fed through a pipe | \(String(format: "%.3f s", seconds)) | | | | "
                + verdict("≤ 1 s", seconds <= 1) + " |")
        }
        if let p50 = library["oneRequestP50"], let p99 = library["oneRequestP99"] {
            lines.append("| L1 | library: `Estimator.estimate`, one request (5-vertex AOI) to its answer's bytes, one thread | "
                + String(format: "p50 %.1f µs, p99 %.1f µs", p50 * 1e6, p99 * 1e6) + " | | | | " + verdict("p99 ≤ 50 µs", p99 <= 50e-6) + " |")
        }
        if let seconds = library["batchSeconds"], let cpu = library["batchCPUPercent"] {
            lines.append("| L2 | library: `AOILineStream` + `Estimator`, the E1 lines from the file to the last byte | "
                + String(format: "%.3f s, %.0f %%", seconds, cpu) + " | | | | |")
        }
        return lines.joined(separator: "\n")
    }

    static func verdict(_ goal: String, _ met: Bool) -> String { "\(goal): \(met ? "met" : "not met")" }

    /// How far geoprice's covered km² is from the peer's densified-geodesic reference, and its closure
    /// (requested − covered − remainder) relative to the requested area.
    static func coverageExactness(output: String, referenceCoveredKm2: Double) throws -> [String: Double] {
        let answer = try JSONReader().read(FileContents.bytes(atPath: output)).objectValue ?? [:]
        guard let covered = answer["coveredKm2"]?.numberValue, let requested = answer["requestedKm2"]?.numberValue,
              let remainder = answer["remainderKm2"]?.numberValue else { throw BenchError("\(output) holds no coverage answer") }
        return ["coveredRelativeToDensifiedGeodesic": abs(covered - referenceCoveredKm2) / referenceCoveredKm2,
                "closureRelative": abs(requested - covered - remainder) / requested]
    }

    static func json(_ results: [CommandResult], latencies: [(String, Double)], library: [String: Double]) -> JSONValue {
        func run(_ run: ProcessRun) -> JSONValue {
            ["seconds": .number(run.seconds), "cpuPercent": .number(run.cpuPercent), "peakMB": .number(run.peakMB),
             "outputBytes": .number(Double(run.outputBytes))]
        }
        let rows: [JSONValue] = results.map { result in
            var object: JSONObject = [
                "key": .string(result.row.key), "title": .string(result.row.title),
                "command": .array(result.row.geoprice.map(JSONValue.string)), "geoprice": run(result.geoprice),
                "peers": .array(result.peers.map { peer, peerRun in
                    ["name": .string(peer.name), "arguments": .array(peer.arguments.map(JSONValue.string)), "run": run(peerRun),
                     "ratio": .number(peerRun.seconds / result.geoprice.seconds)]
                }),
            ]
            if !result.notes.isEmpty { object["notes"] = .object(JSONObject(result.notes.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })) }
            return .object(object)
        }
        return [
            "tool": "geoprice-bench", "cores": .number(Double(ProcessInfo.processInfo.activeProcessorCount)), "rows": .array(rows),
            "firstLineSeconds": .object(JSONObject(latencies.map { ($0.0, .number($0.1)) })),
            "library": .object(JSONObject(library.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
        ]
    }
}
