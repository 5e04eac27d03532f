import ArgumentParser
import Foundation
import GeoPricing

/// `geoprice coverage`: how much of each AOI the captures cover, what remains, and what each capture added.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Covered versus remainder of AOIs by captures, exact on the ellipsoid.",
        discussion: """
            Captures are the Polygon or MultiPolygon features of the --captures file (features with role "aoi" are \
            skipped); "cloud" features mask the capture named by properties.capture, and properties.clouds may hold \
            a capture's masks. Captures are taken in acquisition order (properties.acquired, RFC 3339; undated last).
            """
    )

    @Option(help: "The AOIs (GeoJSON; NDJSON with --ndjson).")
    var aoi: String

    @Option(help: "The captures (GeoJSON).")
    var captures: String

    @Option(help: "Covered percent at which an AOI is fulfilled.")
    var threshold: Double = 85

    @Option(help: "Also draw the first AOI, its captures, covered and remainder as SVG in its UTM zone.")
    var svg: String?

    @Flag(help: "Also give each capture's overlap and the new area it adds in acquisition order (about ten times the work).")
    var gains = false

    @Flag(help: "Print one JSON object: the order with its groups.")
    var json = false

    @Flag(help: "Print one JSON line per AOI, as each is done.")
    var ndjson = false

    func run() throws {
        let asJSON = json || ndjson
        guard threshold.isFinite, (0...100).contains(threshold) else {
            throw Output.reject(GeoPriceError(
                .invalidValue, "--threshold is a percent from 0 to 100, found \(threshold)",
                path: "--threshold", details: ["value": threshold.isFinite ? .number(threshold) : .string("\(threshold)"), "minimum": 0, "maximum": 100]), asJSON: asJSON)
        }
        let calculator: CoverageCalculator
        do {
            if let svg { try SVGFile.checkWritable(svg) }
            calculator = try CoverageCalculator(
                captures: CaptureReader.captures(in: GeoJSONReader().read(InputFile.bytes(captures))), thresholdPercent: threshold,
                includesCaptureShares: gains)
        } catch {
            throw Output.reject(error, asJSON: asJSON)
        }
        if ndjson {
            let allAnswered: Bool
            do {
                allAnswered = try NDJSONStream.run(aoi) { aoi throws(GeoPriceError) in
                    JSONWriter().bytes(.object(try calculator.cover(aoi).jsonObject))
                }
            } catch {
                throw Output.reject(error, asJSON: true)
            }
            if !allAnswered { throw ExitCode(2) }
            return
        }
        let order: OrderCoverage
        do {
            let document = try GeoJSONReader().read(InputFile.bytes(aoi))
            order = try calculator.cover(document.lonLatAOIs())
            if let svg, let first = order.groups.first {
                try SVGFile.save(CoverageSVG(coverage: first, captures: calculator.captures).render(), to: svg)
            }
        } catch {
            throw Output.reject(error, asJSON: json)
        }
        if json {
            Output.json(.object(order.jsonObject))
        } else {
            Output.line(CoverageTable.text(order))
        }
    }
}
