import CFuzzerSupport
import Foundation
import GeoPricing

/// One libFuzzer input: any bytes as a catalog. A crash, a hang or a leak is a finding.
func fuzzCatalog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let catalog = try? CatalogReader.read(bytes) {
        precondition(!catalog.version.isEmpty, "a catalog without a version was accepted")
    }
    return 0
}

// libFuzzer drives the target from main (SwiftPM gives every executable a main of its own).
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in fuzzCatalog(data, size) })
