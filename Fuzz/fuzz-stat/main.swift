import CFuzzerSupport
import Foundation
import GeoPricing

let estimator: Estimator? = try? Estimator(catalog: .bundledDefault())

/// One libFuzzer input: any bytes as a STAT order request (ISO 8601 window, CQL2 JSON filter, constraints), priced on
/// the default catalog. A crash, a hang, a leak or a total that does not add up is a finding.
func fuzzSTAT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let estimator, let request = try? STATOrderRequest(reading: bytes) else { return 0 }
    guard let estimate = try? estimator.estimate(request, asOf: CalendarDate(daysSinceEpoch: 20_600)) else { return 0 }
    let lines = estimate.lines.reduce(0) { $0 + $1.price }
    precondition(lines == estimate.subtotal && estimate.subtotal - estimate.discountValue == estimate.total, "lines and total do not add up")
    precondition(estimate.total >= 0, "a negative total")
    return 0
}

// libFuzzer drives the target from main (SwiftPM gives every executable a main of its own).
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in fuzzSTAT(data, size) })
