import ArgumentParser
import GeoPricing

/// `geoprice feasibility`: whether a tasking order of each AOI is automatic, needs a feasibility study, or is refused.
struct FeasibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feasibility",
        abstract: "Whether tasking each AOI is automatic, needs a manual feasibility study, or is rejected, with the reasons.")

    @Option(help: "The AOIs (GeoJSON).")
    var aoi: String?

    @Option(help: "A tasking product id of the catalog.")
    var product: String?

    @Option(help: "A STAT order request (datetime, product_id, geometry, constraints, filter) instead of --aoi and --product.")
    var request: String?

    @Option(help: "The priority (default: what the filter allows, else the product's default).")
    var priority: String?

    @Option(help: "The acquisition window, an ISO 8601 interval (e.g. 2026-12-01T00:00:00Z/2026-12-03T00:00:00Z).")
    var datetime: String?

    @Option(help: "A CQL2 JSON filter file over the product's queryables (eo:cloud_cover, view:off_nadir, priority).")
    var filter: String?

    @Option(help: "The instant the window is checked from, RFC 3339, or YYYY-MM-DD for its first instant (default: now).")
    var asOf: String?

    @Option(help: "A catalog file instead of the bundled default.")
    var catalog: String?

    @Flag(help: "Print a JSON object (an array under `aois` for several AOIs).")
    var json = false

    func validate() throws {
        if request != nil {
            guard aoi == nil, product == nil, priority == nil, datetime == nil, filter == nil else {
                throw ValidationError("a STAT order request carries its own AOI, product, window and filter: give --request alone")
            }
        } else if aoi == nil || product == nil {
            throw ValidationError("give --aoi with --product, or --request")
        }
    }

    func run() throws {
        let checks: [FeasibilityCheck]
        do throws(GeoPriceError) {
            let estimator = Estimator(catalog: try InputFile.catalog(catalog))
            let date = try AsOf.instant(asOf)
            if let request {
                let stat = try STATOrderRequest(reading: InputFile.bytes(request))
                checks = try estimator.feasibility(of: [PreparedAOI(stat.aoi)], FeasibilityRequest(stat), asOf: date)
            } else {
                let window = try datetime.map { text throws(GeoPriceError) in try ISO8601Interval(parsing: text, path: "--datetime") }
                let filterValue = try filter.map { file throws(GeoPriceError) in try JSONReader().read(InputFile.bytes(file)) }
                let aois = try GeoJSONReader().read(InputFile.bytes(aoi!)).lonLatAOIs().map { aoi throws(GeoPriceError) in try PreparedAOI(aoi) }
                do throws(GeoPriceError) {
                    checks = try estimator.feasibility(
                        of: aois, FeasibilityRequest(productID: product!, priority: priority, window: window, filter: filterValue), asOf: date)
                } catch {
                    var flagged = error
                    flagged.path = ["$.product": "--product", "$.priority": "--priority"][error.path ?? ""] ?? error.path
                    throw flagged
                }
            }
        } catch {
            throw Output.reject(error, asJSON: json)
        }
        if json {
            Output.json(.object(FeasibilityCheck.jsonObject(of: checks)))
            return
        }
        for check in checks {
            let priority = check.priority.map { ", priority \($0)" } ?? ""
            Output.line("\(check.aoi.name): \(check.verdict.rawValue) (\(check.productID)\(priority); \(kilometres(check.widthKm)) × \(kilometres(check.lengthKm)) km, \(kilometres(check.km2)) km²)")
            for reason in check.reasons { Output.line("  · \(reason.isHard ? "rejected" : "study"): \(reason.message)") }
        }
    }

    private func kilometres(_ value: Double) -> String { JSONWriter.numberText((value * 100).rounded() / 100) }
}
