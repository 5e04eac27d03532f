import ArgumentParser
import GeoPricing

/// `geoprice reproject`: the geometries of a GeoJSON file in another CRS, as a FeatureCollection that names its CRS.
struct ReprojectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproject",
        abstract: "Write the geometries of a GeoJSON file in another CRS, with full double precision.",
        discussion: """
            The output is a FeatureCollection keeping ids and properties, with a top-level "crs": "EPSG:n" member \
            (RFC 7946 has none; every geoprice reader honours it), omitted for lon/lat WGS84. Lon/lat output is cut \
            at ±180°. Vertices outside the projected CRS's area of use are counted in a warning on standard error.
            """
    )

    @Argument(help: "The GeoJSON file ('-' for standard input).")
    var file: String

    @Option(help: "The target CRS (EPSG:n, a PROJ string or WKT).")
    var to: String

    @Option(help: "The source CRS; by default the file's \"crs\" member, else lon/lat WGS84.")
    var from: String?

    @Option(name: .customLong("densify-m"), help: "Add vertices so no edge piece exceeds this many metres (along geodesics for lon/lat input).")
    var densifyMetres: Double?

    @Flag(help: "Write compact JSON on one line, and rejections as JSON error objects.")
    var json = false

    func run() throws {
        let collection: FeatureCollection
        let outside: Int
        do throws(GeoPriceError) {
            if let densifyMetres, !(densifyMetres > 0 && densifyMetres.isFinite) {
                throw GeoPriceError(
                    .invalidValue, "--densify-m is a positive number of metres, found \(densifyMetres)", path: "--densify-m",
                    details: ["value": .string("\(densifyMetres)")])
            }
            let document = try GeoJSONReader().read(InputFile.bytes(file))
            var source = from ?? CRSTransformer.lonLat
            if from == nil, let named = try document.crs { source = named }
            let reprojector = Reprojector(from: source, to: to, densifyMetres: densifyMetres)
            (collection, outside) = try reprojector.transform(document)
        } catch {
            throw Output.reject(error, asJSON: json)
        }
        if outside > 0 {
            Output.diagnostic("warning: \(outside) vertices lie outside the area of use of \(to == CRSTransformer.lonLat ? from ?? "the source CRS" : to)")
        }
        if json {
            Output.bytes(collection.compactJSONBytes + [UInt8(ascii: "\n")])
        } else {
            Output.line(JSONWriter(pretty: true).string(collection.jsonValue))
        }
    }
}
