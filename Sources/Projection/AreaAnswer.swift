import GeoJSON

/// One AOI with its figures.
public struct MeasuredAOI: Sendable, Hashable {
    /// The AOI, in lon/lat.
    public var aoi: AOI
    /// Its figures.
    public var figures: AreaFigures

    /// Creates a pair.
    public init(aoi: AOI, figures: AreaFigures) {
        self.aoi = aoi
        self.figures = figures
    }

    /// Its JSON object: `id`, then the figures.
    public var jsonObject: JSONObject {
        var object: JSONObject = ["id": aoi.nameJSON]
        for member in figures.jsonObject.members { object[member.key] = member.value }
        return object
    }
}

/// The answer to "how large are these AOIs": one AOI's figures at the top level, or for several the totals at the top
/// level and `aois`, one object per AOI with its id (DESIGN.md, "Answers").
public struct AreaAnswer: Sendable, Hashable {
    /// Each AOI with its figures, in input order.
    public var items: [MeasuredAOI]

    /// Creates an answer.
    public init(items: [MeasuredAOI]) { self.items = items }

    /// Measures every AOI of a document (or the one `feature` names), in chunks on the threads `parallelism` grants
    /// (by default the current grant, ``Parallelism``); one bad AOI rejects the whole answer (the first in input
    /// order). Coordinates in a projected CRS (top-level `crs` member) are brought to lon/lat first.
    /// - Throws: ``GeoPriceError``.
    public init(
        measuring document: GeoJSONDocument, feature: String? = nil, with measurer: AreaMeasurer, parallelism: Parallelism? = nil
    ) throws(GeoPriceError) {
        let items = try (parallelism ?? .current).granting { Self.measure(document, feature: feature, with: measurer) }.get()
        self.init(items: items)
    }

    /// ``init(measuring:feature:with:parallelism:)`` for async callers: the work runs off Swift concurrency's
    /// cooperative pool.
    public init(
        measuring document: GeoJSONDocument, feature: String? = nil, with measurer: AreaMeasurer, parallelism: Parallelism? = nil
    ) async throws(GeoPriceError) {
        let items = await (parallelism ?? .current).runOffCooperativePool { Self.measure(document, feature: feature, with: measurer) }
        self.init(items: try items.get())
    }

    private static func measure(_ document: GeoJSONDocument, feature: String?, with measurer: AreaMeasurer) -> Result<[MeasuredAOI], GeoPriceError> {
        Result { () throws(GeoPriceError) in try measureAll(document, feature: feature, with: measurer) }
    }

    private static func measureAll(_ document: GeoJSONDocument, feature: String?, with measurer: AreaMeasurer) throws(GeoPriceError) -> [MeasuredAOI] {
        let aois = try document.areasOfInterest(feature: feature)
        let crs = try document.crs
        let chunks = concurrentMap(count: aois.count, chunkSize: 256) { range in
            Result { () throws(GeoPriceError) -> [MeasuredAOI] in
                var measured: [MeasuredAOI] = []
                measured.reserveCapacity(range.count)
                for index in range {
                    let lonLat = try aois[index].toLonLat(from: crs)
                    measured.append(MeasuredAOI(aoi: lonLat, figures: try measurer.measure(lonLat)))
                }
                return measured
            }
        }
        var items: [MeasuredAOI] = []
        items.reserveCapacity(aois.count)
        for chunk in chunks { items += try chunk.get() }
        return items
    }

    /// The sum of the geodesic areas, km².
    public var totalAreaKm2: Double { items.reduce(0) { $0 + $1.figures.areaKm2 } }

    /// The JSON object of `geoprice area --json`. Totals for several AOIs: `count`, `areaKm2`, `perimeterKm`,
    /// `utmZones` (every zone any AOI touches) and `crsAreaKm2` when a CRS was asked for, then `aois`.
    public var jsonObject: JSONObject {
        if items.count == 1 { return items[0].jsonObject }
        var object = totals
        object["aois"] = .array(items.map { .object($0.jsonObject) })
        return object
    }

    /// ``jsonObject`` as compact JSON text, the AOIs' objects written in chunks on the threads the current
    /// ``Parallelism`` grants (what `geoprice area --json` prints).
    public var jsonBytes: [UInt8] {
        var output: [UInt8] = []
        if items.count == 1 {
            JSONWriter().write(.object(items[0].jsonObject), into: &output)
            return output
        }
        JSONWriter().write(.object(totals), into: &output)
        output.removeLast()
        output += #","aois":"#.utf8
        let items = items
        output += JSONWriter.compactArray(count: items.count, chunkSize: 1_024) { .object(items[$0].jsonObject) }
        output.append(UInt8(ascii: "}"))
        return output
    }

    private var totals: JSONObject {
        var object: JSONObject = [
            "count": .number(Double(items.count)),
            "areaKm2": .number(totalAreaKm2),
            "perimeterKm": .number(items.reduce(0) { $0 + $1.figures.perimeterKm }),
            "utmZones": .array(Set(items.flatMap(\.figures.utmZones)).sorted().map { .number(Double($0.epsg)) }),
        ]
        if let crs = items.first?.figures.crs {
            object["crs"] = .string(crs)
            object["crsAreaKm2"] = .number(items.reduce(0) { $0 + ($1.figures.crsAreaKm2 ?? 0) })
        }
        return object
    }
}
