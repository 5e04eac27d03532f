import CFuzzerSupport
import Foundation
import GeoPricing

let estimator: Estimator? = try? Estimator(catalog: .bundledDefault())

/// One libFuzzer input: any bytes as an estimate request (ours, the Airbus shape, or a STAT order request with its
/// window, CQL2 filter and constraints), priced on the default catalog. A crash, a hang, a leak or a total that does
/// not add up is a finding.
func fuzzRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let asOf = CalendarDate(daysSinceEpoch: 20_600)
    guard let estimator else { return 0 }
    let estimate: Estimate?
    if case .object(let object)? = try? JSONReader().read(bytes), STATOrderRequest.isSTATShaped(object) {
        estimate = (try? STATOrderRequest(object)).flatMap { try? estimator.estimate($0, asOf: asOf) }
    } else {
        estimate = (try? RequestReader.read(bytes, asOf: asOf)).flatMap { try? estimator.estimate($0) }
    }
    guard let estimate else { return 0 }
    let lines = estimate.lines.reduce(0) { $0 + $1.price }
    precondition(lines == estimate.subtotal && estimate.subtotal - estimate.discountValue == estimate.total, "lines and total do not add up")
    precondition(estimate.total >= 0, "a negative total")
    return 0
}

// libFuzzer drives the target from main (SwiftPM gives every executable a main of its own).
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in fuzzRequest(data, size) })
