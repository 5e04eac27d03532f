import CFuzzerSupport
import Foundation
import GeoPricing
import Quotation

let key = try! QuotationKey(bytes: Array(0..<32))
let catalog = try! Catalog.bundledDefault()

/// One libFuzzer input: any bytes as a quotation (read, verified and decided with the test key of
/// fixtures/quotation) and as a STAT status response (its history checked, a refund quoted at its current status). A
/// crash, a hang, a leak, a quotation that does not survive being written and read again, or a status history out of time
/// order, is a finding.
func fuzzDecisions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if let quotation = try? Quotation(reading: bytes) {
        let status = quotation.status(key: key, asOf: Date(timeIntervalSince1970: 1_796_000_000))
        var written: [UInt8] = []
        JSONWriter().write(.object(quotation.jsonObject), into: &written)
        let again = try? Quotation(reading: written)
        precondition(again == quotation, "a quotation changed on being written and read again")
        precondition(again?.status(key: key, asOf: Date(timeIntervalSince1970: 1_796_000_000)) == status, "verification changed")
        _ = try? quotation.decide(accept: true, key: key, asOf: Date(timeIntervalSince1970: 1_796_000_000))
    }
    if let value = try? JSONReader().read(bytes), let history = try? OrderStatusHistory(reading: value) {
        precondition(zip(history.entries, history.entries.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp }, "a history out of time order")
        precondition(history.current == history.entries.last?.status, "the current status is not the newest")
        _ = try? CancellationQuote(catalog: catalog, product: "PNEO-TASKING-30CM", history: history, paid: "4750.00")
    }
    return 0
}

// libFuzzer drives the target from main (SwiftPM gives every executable a main of its own).
var arguments = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argumentValues) { data, size in fuzzDecisions(data, size) })
