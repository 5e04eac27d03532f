import GeoJSON
import CGeodesicBaseline
import Foundation
import GeoPricing
import GeometryEngine

/// The inner paths whose time splits `--splits` prints: parts of the command rows, not results.
struct Workloads {
    let files: InputFiles
    let runs: Int
    let cores = ProcessInfo.processInfo.activeProcessorCount

    static func bytes(atPath path: String) throws -> [UInt8] { try FileContents.bytes(atPath: path) }

    func bytes(_ name: String) throws -> [UInt8] { try Self.bytes(atPath: files.path(name)) }

    func readAOIs(_ name: String) throws -> [AOI] {
        try GeoJSONReader().read(bytes(name)).areasOfInterest()
    }

    /// Runs `job` over `count` items on all cores, in chunks; the answers in input order.
    func onAllCores<Value: Sendable>(_ count: Int, _ job: @escaping @Sendable (Int) -> Value) -> [Value] {
        let chunks = Timing.chunks(count, cores: cores)
        return concurrentMap(count: chunks.count) { chunk in chunks[chunk].map(job) }.flatMap { $0 }
    }

    /// Per-operation latencies of `job` over every item, on one core.
    func latencies(_ count: Int, _ job: (Int) -> Void) -> [Double] {
        (0..<count).map { index in
            let start = Timing.now()
            job(index)
            return Timing.now() - start
        }
    }

    // MARK: - (a), (b), (c): 100,000 small AOIs

    func geodesicArea() throws -> Row {
        var total = 0.0
        let phases = try Timing.medianRun(runs: runs) {
            let start = Timing.now()
            let aois = try readAOIs("aois.geojson")
            let parsed = Timing.now()
            total = onAllCores(aois.count) { Geodesic.area(of: aois[$0].polygons) / 1e6 }.reduce(0, +)
            return [("read+parse", parsed - start), ("geodesic", Timing.now() - parsed)]
        }
        let aois = try readAOIs("aois.geojson")
        let bytes = try bytes("aois.geojson")
        let sequentialStart = Timing.now()
        _ = try GeoJSONReader().document(from: JSONReader().read(bytes)).areasOfInterest()
        let sequentialParse = Timing.now() - sequentialStart
        let parallelStart = Timing.now()
        _ = try GeoJSONReader().read(bytes).areasOfInterest()
        let parallelParse = Timing.now() - parallelStart
        let samples = latencies(aois.count) { _ = Geodesic.area(of: aois[$0].polygons) }
        // The geodesic step on one core against a bare C loop of geod_polygonarea over the same rings.
        var lats: [Double] = []
        var lons: [Double] = []
        var sizes: [Int32] = []
        for aoi in aois {
            let ring = aoi.polygons[0].exterior.dropLast()
            lats += ring.map(\.latitude)
            lons += ring.map(\.longitude)
            sizes.append(Int32(ring.count))
        }
        let swiftStart = Timing.now()
        let swiftTotal = aois.reduce(0) { $0 + Geodesic.area(of: $1.polygons) }
        let swiftSeconds = Timing.now() - swiftStart
        let cStart = Timing.now()
        let cTotal = geodesic_baseline_areas(lats, lons, sizes, Int32(sizes.count))
        let cSeconds = Timing.now() - cStart
        return Row(
            key: "a", title: "geodesic area of \(aois.count) small AOIs (GeoJSON file → km²), all cores", seconds: Timing.total(phases),
            items: aois.count, itemName: "AOIs", p50: Timing.percentile(samples, 50), p99: Timing.percentile(samples, 99), phases: phases,
            notes: ["sumAreaKm2": total, "parseSequentialSeconds": sequentialParse, "parseAllCoresSeconds": parallelParse,
                    "geodesicOneCoreSeconds": swiftSeconds, "bareCLoopSeconds": cSeconds,
                    "geodesicOverBareC": swiftSeconds / cSeconds, "bareCSumAreaKm2": cTotal / 1e6, "swiftSumAreaKm2": swiftTotal / 1e6])
    }

    /// Row A1's time split: each stage of `geoprice area --json` over every AOI, on one core (reading on all).
    func areaSplit() throws -> Row {
        let start = Timing.now()
        let bytes = try bytes("aois.geojson")
        let read = Timing.now()
        let aois = try GeoJSONReader().read(bytes).areasOfInterest()
        let parsed = Timing.now()
        let prepared = try Parallelism.callingThread.granting { try aois.map { try PreparedAOI($0) } }
        let preparedAt = Timing.now()
        let withoutWidth = AreaMeasurer(measuresMinimumWidth: false)
        _ = try prepared.map { try withoutWidth.measure($0) }
        let utmAt = Timing.now()
        let figures = try prepared.map { try AreaMeasurer().measure($0) }
        let fullAt = Timing.now()
        let answer = AreaAnswer(items: zip(prepared, figures).map { MeasuredAOI(aoi: $0.aoi, figures: $1) })
        let json = Parallelism.callingThread.granting { answer.jsonBytes }
        let end = Timing.now()
        let phases = [
            ("read file", read - start), ("parse, all cores", parsed - read), ("prepare: validate, centroid, geodesic", preparedAt - parsed),
            ("UTM zone, projection, area, zones touched", utmAt - preparedAt), ("minimum width", (fullAt - utmAt) - (utmAt - preparedAt)),
            ("JSON answer", end - fullAt),
        ]
        return Row(
            key: "A1 split", title: "geoprice area --json on \(aois.count) AOIs, stage by stage on one core", seconds: Timing.total(phases),
            items: aois.count, itemName: "AOIs", phases: phases, notes: ["answerBytes": Double(json.count)])
    }

    func reprojection() throws -> Row {
        let reprojector = Reprojector(to: "EPSG:32632")
        var vertices = 0
        let phases = try Timing.medianRun(runs: runs) {
            let start = Timing.now()
            let aois = try readAOIs("aois.geojson")
            let parsed = Timing.now()
            vertices = onAllCores(aois.count) { index in
                (try? reprojector.transform(aois[index].geometry).geometry.polygons?[0].exterior.count) ?? 0
            }.reduce(0, +)
            return [("read+parse", parsed - start), ("PROJ", Timing.now() - parsed)]
        }
        let aois = try readAOIs("aois.geojson")
        precondition(vertices == aois.count * 5, "a reprojection failed")
        let samples = latencies(aois.count) { _ = try? reprojector.transform(aois[$0].geometry) }
        return Row(
            key: "c", title: "reproject the same AOIs to EPSG:32632, all cores", seconds: Timing.total(phases), items: aois.count, itemName: "AOIs",
            p50: Timing.percentile(samples, 50), p99: Timing.percentile(samples, 99), phases: phases,
            notes: ["verticesPerSecond": Double(vertices) / Timing.total(phases)])
    }

    // MARK: - Estimates

    static func priceLine(_ line: ArraySlice<UInt8>, estimator: Estimator, asOf: CalendarDate) -> [UInt8] {
        do {
            let aoi = try GeoJSONReader().read(line).areasOfInterest()[0]
            let request = EstimateRequest(
                aois: [aoi], items: [EstimateRequest.Item(product: "SKYSAT-TASKING")], contract: "NGO-2026", asOf: asOf)
            return try estimator.estimate(request).jsonBytes
        } catch {
            return Array(JSONWriter().string(error.jsonValue).utf8)
        }
    }

    static func lines(of path: String) throws -> [ArraySlice<UInt8>] {
        try bytes(atPath: path).split(separator: UInt8(ascii: "\n"))
    }

    /// Resident memory now, MB (from /proc/self/statm).
    static func residentMB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    /// `total` estimates in one process on all cores, the input lines over and over; resident memory after each
    /// tenth. Memory must stay flat: no estimate may leave anything behind.
    func soak(total: Int) throws -> Row {
        let estimator = Estimator(catalog: try Catalog.bundledDefault())
        let asOf = try CalendarDate(parsing: "2026-06-01")
        let lines = try Self.lines(of: files.path("aois.ndjson"))
        var notes: [String: Double] = [:]
        let start = Timing.now()
        let batch = total / 10
        for round in 0..<10 {
            let answers = onAllCores(batch) { Self.priceLine(lines[$0 % lines.count], estimator: estimator, asOf: asOf).count }
            precondition(answers.allSatisfy { $0 > 0 })
            notes["residentMBAfter\((round + 1) * batch)"] = Self.residentMB()
        }
        let first = notes["residentMBAfter\(batch)"]!
        let last = notes["residentMBAfter\(10 * batch)"]!
        notes["growthMBFromFirstTenth"] = last - first
        return Row(key: "soak", title: "\(total) estimates in one process, all cores: resident memory after each tenth", seconds: Timing.now() - start,
            items: total, itemName: "estimates", phases: [], notes: notes)
    }

    func endToEnd(allCores: Bool) throws -> Row {
        let estimator = Estimator(catalog: try Catalog.bundledDefault())
        let asOf = try CalendarDate(parsing: "2026-06-01")
        var answered = 0
        var failures = 0
        let phases = try Timing.medianRun(runs: runs) {
            let start = Timing.now()
            let lines = try Self.lines(of: files.path("aois.ndjson"))
            let read = Timing.now()
            let answers: [[UInt8]] = allCores
                ? onAllCores(lines.count) { Self.priceLine(lines[$0], estimator: estimator, asOf: asOf) }
                : lines.map { Self.priceLine($0, estimator: estimator, asOf: asOf) }
            answered = answers.count
            failures = answers.filter { $0.starts(with: "{\"error\"".utf8) }.count
            return [("read", read - start), ("parse+validate+measure+price+write", Timing.now() - read)]
        }
        precondition(failures == 0, "\(failures) estimates failed")
        let lines = try Self.lines(of: files.path("aois.ndjson"))
        let samples = latencies(lines.count) { _ = Self.priceLine(lines[$0], estimator: estimator, asOf: asOf) }
        return Row(
            key: allCores ? "f2" : "f1", title: "end to end: \(answered) estimates, GeoJSON line → priced JSON answer, \(allCores ? "all cores" : "one core")",
            seconds: Timing.total(phases), items: answered, itemName: "estimates", p50: Timing.percentile(samples, 50),
            p99: Timing.percentile(samples, 99), phases: phases)
    }
}
