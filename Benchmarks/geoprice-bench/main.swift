import Foundation
import GeoPricing

// geoprice-bench: `swift run -c release geoprice-bench [--quick] [--json FILE] [--data DIR] [--only a,b,…] [--soak N]`.
// `--soak 1000000 --only soak` prices a million estimates in one process and reports resident memory as it goes.
// Writes seeded input files (so that Benchmarks/peer reads the very same inputs), then times each workload end to end
// from its files to its answer: the median of several runs, throughput, per-operation p50/p99, peak memory, and a
// split of where the time goes.

let arguments = CommandLine.arguments
func value(after flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let quick = arguments.contains("--quick")
let directory = URL(fileURLWithPath: value(after: "--data") ?? (quick ? ".build/bench-data-quick" : ".build/bench-data"))
let only = value(after: "--only").map { Set($0.split(separator: ",").map(String.init)) }
let files = InputFiles(directory: directory, quick: quick)
try files.write()
let workloads = Workloads(files: files, runs: quick ? 1 : 3)

var rows: [Row] = []
@MainActor func run(_ key: String, _ body: () throws -> Row) rethrows {
    guard only == nil || only!.contains(key) || only!.contains(String(key.prefix(1))) else { return }
    let row = try body()
    print(row.text)
    rows.append(row)
}

print("geoprice-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, inputs in \(directory.path)\(quick ? " (quick)" : "")")
try run("a") { try workloads.geodesicArea() }
try run("b") { try workloads.utmArea() }
try run("c") { try workloads.reprojection() }
try run("d") {
    try workloads.coverage(
        key: "d", title: "coverage of \(files.orderAOICount) AOIs × 50 captures, all cores", aois: "order-aois.geojson",
        captures: "order-captures.geojson")
}
try run("e") {
    try workloads.coverage(
        key: "e", title: "coverage of 1 AOI (~10,000 km²) × \(files.largeCaptureCount) captures", aois: "large-aoi.geojson",
        captures: "captures-\(files.largeCaptureCount).geojson")
}
try run("f1") { try workloads.endToEnd(allCores: false) }
try run("f2") { try workloads.endToEnd(allCores: true) }
try run("g") { try workloads.scaling() }
if let total = value(after: "--soak").flatMap(Int.init) {
    try run("soak") { try workloads.soak(total: total) }
}

if let output = value(after: "--json") {
    let report: JSONValue = [
        "tool": "geoprice-bench", "cores": .number(Double(ProcessInfo.processInfo.activeProcessorCount)), "quick": .bool(quick),
        "rows": .array(rows.map(\.jsonValue)),
    ]
    try JSONWriter(pretty: true).string(report).write(toFile: output, atomically: true, encoding: .utf8)
}
