import Foundation
import GeoPricing

// geoprice-bench: `swift run -c release geoprice-bench [--quick]`.
// (c) reprojection of 100,000 small AOIs (4 vertices + closing) from lon/lat to EPSG:32632, one core and all cores,
//     reported as vertices per second (closing positions included, as PROJ sees them);
// (d) coverage of 1,000 AOIs × 50 captures, all cores; (e) coverage of 1 AOI of ~10,000 km² × 10,000 captures.

let quick = CommandLine.arguments.contains("--quick")
let count = quick ? 5_000 : 100_000
let runs = quick ? 3 : 5
let cores = ProcessInfo.processInfo.activeProcessorCount
let aois = Inputs.smallAOIs(count: count)
let vertices = aois.reduce(0) { $0 + $1.polygons[0].rings[0].count }
let reprojector = Reprojector(to: "EPSG:32632")

func reproject(_ range: Range<Int>) {
    for index in range {
        do {
            _ = try reprojector.transform(aois[index].geometry)
        } catch {
            fatalError("reprojection failed: \(error)")
        }
    }
}

reproject(0..<min(count, 100))  // builds this thread's PROJ objects before timing
let oneCore = Timing.median(runs: runs) { reproject(0..<count) }
let allCores = Timing.median(runs: runs) { Timing.onAllCores(count: count, cores: cores) { reproject($0) } }

print("geoprice-bench on \(cores) cores, \(runs) runs each, median")
print("(c) reproject \(count) AOIs (\(vertices) vertices) to EPSG:32632")
print(String(format: "    1 core:  %.3f s  %.2f M vertices/s", oneCore, Double(vertices) / oneCore / 1e6))
print(String(format: "    %d cores: %.3f s  %.2f M vertices/s", cores, allCores, Double(vertices) / allCores / 1e6))

let order = Inputs.coverageOrder(aoiCount: quick ? 100 : 1_000, perAOI: 50)
var orderCovered = 0.0
let orderSeconds = try Timing.median(runs: quick ? 1 : 3) {
    let calculator = try CoverageCalculator(captures: order.captures)
    orderCovered = try calculator.cover(order.aois).coveredKm2
}
print("(d) coverage of \(order.aois.count) AOIs × 50 captures (\(order.captures.count) captures), all cores")
print(String(format: "    %.3f s  (%.0f AOIs/s, covered %.3f km²)", orderSeconds, Double(order.aois.count) / orderSeconds, orderCovered))

let large = Inputs.largeAOI(captureCount: quick ? 1_000 : 10_000)
var largeCovered = 0.0
var largeShares = 0
let largeSeconds = try Timing.median(runs: quick ? 1 : 3) {
    let result = try CoverageCalculator(captures: large.captures).cover(large.aoi)
    largeCovered = result.coveredKm2
    largeShares = result.captures.count
}
print("(e) coverage of 1 AOI (\(String(format: "%.0f", Geodesic.area(of: large.aoi.polygons) / 1e6)) km²) × \(large.captures.count) captures (\(largeShares) meet it)")
print(String(format: "    %.3f s  (covered %.3f km²)", largeSeconds, largeCovered))
