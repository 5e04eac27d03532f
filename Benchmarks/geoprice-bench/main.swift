import Foundation
import GeoPricing

// geoprice-bench: `swift run -c release geoprice-bench [--quick] [--peer PYTHON] [--runs N] [--data DIR] [--json FILE]
// [--only A1,C1,…] [--splits] [--soak N]`.
//
// Writes seeded input files, then times what users run: each `geoprice` command as a process, from its start to the
// last byte written, with its CPU use and peak memory, beside the peer's programs (Benchmarks/peer/peer.py under
// PYTHON) doing the same job, also as processes, in the same run; then the library calls a service makes. Prints the
// table of README's "Performance". `--splits` adds the inner paths' time splits (not results); `--soak 1000000` prices
// a million estimates in one process and reports resident memory as it goes.

let arguments = CommandLine.arguments
func value(after flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let directory = URL(fileURLWithPath: value(after: "--data") ?? (quick ? ".build/bench-data-quick" : ".build/bench-data"))
let only = value(after: "--only").map { Set($0.split(separator: ",").map(String.init)) }
let runs = value(after: "--runs").flatMap(Int.init) ?? (quick ? 1 : 3)
let files = InputFiles(directory: directory, quick: quick)
if arguments.contains("--write-inputs") {
    try files.write()
    exit(0)
}
if !files.areWritten {
    // In a process of its own: a child's peak memory counts its parent's at the moment it is started, so this
    // process stays small.
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let log = files.path("write-inputs.txt")
    let writer = try ProcessRun.run([CommandLine.arguments[0], "--write-inputs", "--data", directory.path] + (quick ? ["--quick"] : []), output: log)
    guard writer.status == 0 else { fatalError("writing the inputs failed: see \(log).err") }
}
let geoprice = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("geoprice").path
guard FileManager.default.isExecutableFile(atPath: geoprice) else {
    FileHandle.standardError.write(Data("geoprice-bench: \(geoprice) is missing: swift build -c release --product geoprice\n".utf8))
    exit(1)
}
let runner = CommandRunner(files: files, runs: runs, geoprice: geoprice, python: value(after: "--peer"))
func selected(_ key: String) -> Bool { only == nil || only!.contains(key) || only!.contains(String(key.prefix(1))) }

let small = files.path("aois.geojson")
let smallLines = files.path("aois.ndjson")
let streamLines = files.path("aois-stream.ndjson")
let large = files.path("large-aoi.geojson")
let largeCaptures = files.path("captures-\(files.largeCaptureCount).geojson")
let orderAOIs = files.path("order-aois.geojson")
let orderCaptures = files.path("order-captures.geojson")
let pricing = ["--product", "SKYSAT-TASKING", "--contract", "NGO-2026", "--as-of", "2026-06-01"]
let commandRows: [CommandRow] = [
    CommandRow(
        key: "A1", title: "`geoprice area --json`, \(files.smallAOICount) small AOIs", geoprice: ["area", small, "--json"],
        peers: [
            .init(name: "shapely + pyproj, the same figures", arguments: ["area-full", small], goal: 6),
            .init(name: "pyproj loop, geodesic area only", arguments: ["area-only", small], goal: 3),
        ],
        cpuGoal: 180),
    CommandRow(
        key: "A2", title: "`geoprice area --ndjson`, the same as \(files.smallAOICount) lines", geoprice: ["area", smallLines, "--ndjson"],
        peers: [.init(name: "pyproj loop, geodesic area only, a line each", arguments: ["area-only", smallLines], goal: nil)]),
    CommandRow(
        key: "C1", title: "`geoprice coverage --json`, 1 AOI (~20,000 km²) × \(files.largeCaptureCount) captures",
        geoprice: ["coverage", "--aoi", large, "--captures", largeCaptures, "--json"],
        peers: [.init(name: "shapely clip-then-union + pyproj", arguments: ["coverage", large, largeCaptures], goal: 1.5)]),
    CommandRow(
        key: "C2", title: "`geoprice coverage --json`, \(files.orderAOICount) AOIs × 50 captures",
        geoprice: ["coverage", "--aoi", orderAOIs, "--captures", orderCaptures, "--json"],
        peers: [.init(name: "shapely clip-then-union + pyproj", arguments: ["coverage", orderAOIs, orderCaptures], goal: 2)]),
    CommandRow(
        key: "E1", title: "`geoprice estimate --ndjson`, \(files.smallAOICount) AOIs on SKYSAT-TASKING",
        geoprice: ["estimate", "--aoi", smallLines, "--ndjson"] + pricing,
        peers: [.init(name: "orjson + shapely validity + pyproj + Decimal", arguments: ["estimate", smallLines], goal: 4)]),
    CommandRow(
        key: "R1", title: "`geoprice reproject --to EPSG:32632 --json`, \(files.smallAOICount) small AOIs",
        geoprice: ["reproject", small, "--to", "EPSG:32632", "--json"],
        peers: [.init(name: "pyproj Transformer + orjson", arguments: ["reproject", small, "EPSG:32632"], goal: nil)]),
    CommandRow(
        key: "S1", title: "`geoprice area --ndjson`, \(files.streamLineCount) lines", geoprice: ["area", streamLines, "--ndjson"],
        memoryGoalMB: 300),
    CommandRow(
        key: "S2", title: "`geoprice estimate --ndjson`, \(files.streamLineCount) lines",
        geoprice: ["estimate", "--aoi", streamLines, "--ndjson"] + pricing, memoryGoalMB: 300),
]

do {
var results: [CommandResult] = []
print("geoprice-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, inputs in \(directory.path)\(quick ? " (quick)" : ""), median of \(runs)")
for row in commandRows where selected(row.key) {
    var result = try runner.run(row)
    if row.key == "C1", let reference = try runner.referenceCoveredKm2(aois: "large-aoi.geojson", captures: "captures-\(files.largeCaptureCount).geojson") {
        result.notes = try Report.coverageExactness(output: files.path("out-C1.txt"), referenceCoveredKm2: reference)
    }
    print(Report.text(result))
    results.append(result)
}

var latencies: [(String, Double)] = []
if selected("P") {
    let lines = try FileContents.bytes(atPath: smallLines)
    let firstEnd = lines.firstIndex(of: UInt8(ascii: "\n"))! + 1
    let rest = Array(lines[firstEnd...].prefix(1_000_000))
    for (name, command) in [("area", ["area", "-", "--ndjson"]), ("estimate", ["estimate", "--aoi", "-", "--ndjson"] + pricing)] {
        let seconds = try ProcessRun.firstLineLatency([geoprice] + command, first: Array(lines[..<firstEnd]), then: rest)
        latencies.append((name, seconds))
        print(String(format: "(P) first answer line of `geoprice %@ --ndjson` through a pipe: %.3f s after its input line", name, seconds))
    }
}

var library: [String: Double] = [:]
if selected("L") {
    let rows = try LibraryRows(files: files)
    let one = try rows.oneRequest(count: quick ? 5_000 : 50_000)
    library["oneRequestP50"] = one.p50
    library["oneRequestP99"] = one.p99
    print(String(format: "(L1) Estimator, one request (5-vertex AOI → answer bytes), one thread: p50 %.1f µs, p99 %.1f µs", one.p50 * 1e6, one.p99 * 1e6))
    let batch = try rows.batch("aois.ndjson")
    library["batchSeconds"] = batch.seconds
    library["batchCPUPercent"] = batch.cpuSeconds / batch.seconds * 100
    print(String(format: "(L2) AOILineStream + Estimator, %d lines from the file to the last byte: %.3f s, CPU %.0f %%", batch.lines, batch.seconds,
        batch.cpuSeconds / batch.seconds * 100))
}

if arguments.contains("--splits") {
    let workloads = Workloads(files: files, runs: runs)
    print("\nTime splits of inner paths (parts of the rows above, not results):")
    for body in [workloads.areaSplit, workloads.geodesicArea, workloads.reprojection, { try workloads.endToEnd(allCores: true) }] {
        print(try body().text)
    }
}
if let total = value(after: "--soak").flatMap(Int.init) {
    print(try Workloads(files: files, runs: 1).soak(total: total).text)
}

print("\n" + Report.table(results, latencies: latencies, library: library))
if let output = value(after: "--json") {
    try JSONWriter(pretty: true).string(Report.json(results, latencies: latencies, library: library)).write(toFile: output, atomically: true, encoding: .utf8)
}
} catch {
    FileHandle.standardError.write(Data("geoprice-bench: \(error)\n".utf8))
    exit(1)
}
