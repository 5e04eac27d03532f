import CFuzzerSupport
import Foundation
import GeoPricing

/// One libFuzzer input: any bytes through the GeoJSON reader, the AOI rules and the area measurer. A crash, a hang or a
/// leak is a finding; so is a document that reads but does not read back the same after writing, or that the fast
/// and the plain reading paths answer differently.
func fuzzGeoJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The reader's fast paths (typed features, parallel collections) must answer exactly as the plain path does.
    let plain = Result { () throws(GeoPriceError) in try GeoJSONReader().document(from: JSONReader().read(bytes)) }
    let read = Result { () throws(GeoPriceError) in try GeoJSONReader().read(bytes) }
    switch (plain, read) {
    case (.success(let a), .success(let b)) where a == b: break
    case (.failure(let a), .failure(let b)) where a == b: break
    default: fatalError("the fast and the plain reader disagree: \(plain) versus \(read)")
    }
    guard let document = try? read.get() else { return 0 }
    let written = JSONWriter().string(document.jsonValue)
    guard let again = try? GeoJSONReader().read(written), again == document else {
        fatalError("a document read, was written, and did not read back the same: \(written)")
    }
    guard let aois = try? document.areasOfInterest() else { return 0 }
    for aoi in aois.prefix(4) {
        if let figures = try? AreaMeasurer(crs: "EPSG:3035").measure(aoi.toLonLat(from: document.crs)) {
            precondition(figures.areaKm2.isFinite && figures.areaKm2 >= 0, "a measured area is not a finite non-negative number")
        }
    }
    return 0
}

// libFuzzer drives the target from main (SwiftPM gives every executable a main of its own).
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in fuzzGeoJSON(data, size) })
