import ArgumentParser
import GeoPricing

/// `geoprice area`: the geodesic area, perimeter, UTM zone and projected areas of the AOIs in a GeoJSON file.
struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Measure AOIs: geodesic area and perimeter on WGS84, UTM zone and projected areas.",
        discussion: """
            FILE holds a geometry, a Feature or a FeatureCollection (or NDJSON with --ndjson); '-' reads standard \
            input. Every Polygon or MultiPolygon feature is an AOI, except those whose properties.role is \
            'capture' or 'cloud'. Rejected input exits with status 2.
            """
    )

    @Argument(help: "The GeoJSON file ('-' for standard input).")
    var file: String

    @Option(help: "Measure only the AOI with this feature id (or index).")
    var feature: String?

    @Option(help: "Also report the planar area in this CRS (EPSG:n, a PROJ string or WKT).")
    var crs: String?

    @Flag(help: "Apply the MGRS Norway and Svalbard exceptions when choosing the UTM zone.")
    var norwaySvalbardZones = false

    @Flag(help: "Make an invalid AOI valid (GEOS make-valid, areal parts kept) instead of rejecting it; the answer says what changed.")
    var repair = false

    @Flag(help: "Print one JSON object on standard output.")
    var json = false

    @Flag(help: "Print one JSON line per AOI as each is measured (input: a FeatureCollection or one geometry or Feature per line).")
    var ndjson = false

    func run() throws {
        let measurer = AreaMeasurer(crs: crs, norwaySvalbardZones: norwaySvalbardZones, repair: repair)
        if ndjson {
            let feature = feature
            let allAnswered: Bool
            do {
                allAnswered = try NDJSONStream.run(file) { aoi throws(GeoPriceError) in
                    if let feature, aoi.name != feature { return nil }
                    return JSONWriter().bytes(.object(MeasuredAOI(aoi: aoi, figures: try measurer.measure(aoi)).jsonObject))
                }
            } catch {
                throw Output.reject(error, asJSON: true)
            }
            if !allAnswered { throw ExitCode(2) }
            return
        }
        let answer: AreaAnswer
        do {
            answer = try AreaAnswer(measuring: GeoJSONReader().read(InputFile.bytes(file)), feature: feature, with: measurer)
        } catch {
            throw Output.reject(error, asJSON: json)
        }
        if json {
            Output.bytes(answer.jsonBytes + [UInt8(ascii: "\n")])
        } else {
            Output.line(AreaSummary.text(answer))
        }
    }
}
