import Foundation
import Synchronization
import GeoPricing
import Testing
import TestSupport

/// Work stops at its next step boundary once a `WorkDeadline` has passed, on every thread a call fans out to.
@Suite("Work deadlines")
struct WorkDeadlineTests {
    static let boroughs = Fixtures.bytes("realworld/nyc_boroughs.json")

    @Test("a deadline already past stops measuring, covering and pricing with deadline_exceeded; a far one changes nothing")
    func pastAndFuture() throws {
        let document = try GeoJSONReader().read(Self.boroughs)
        let past = ContinuousClock.now
        for parallelism in [Parallelism.callingThread, .allCores] {
            let error = rejection {
                _ = try WorkDeadline.within(past) { try AreaAnswer(measuring: document, with: AreaMeasurer(), parallelism: parallelism) }
            }
            #expect(error?.code == .deadlineExceeded, "\(parallelism)")
        }
        let aois = try document.lonLatAOIs()
        let estimator = Estimator(catalog: try .bundledDefault())
        let request = EstimateRequest(aois: aois, items: [.init(product: "SKYSAT-TASKING")], asOf: try CalendarDate(parsing: "2026-11-30"))
        #expect(rejection { _ = try WorkDeadline.within(past) { try estimator.estimate(request) } }?.code == .deadlineExceeded)
        let far = ContinuousClock.now.advanced(by: .seconds(600))
        let answer = try WorkDeadline.within(far) { try AreaAnswer(measuring: document, with: AreaMeasurer(), parallelism: .allCores) }
        #expect(answer.items.count == 5)
        #expect(try estimator.estimate(request).lines.count == 5)
    }

    @Test("a caller that goes away stops the work at the next AOI: two of the five boroughs measured, the third refused")
    func abandoned() throws {
        let document = try GeoJSONReader().read(Self.boroughs)
        let asked = Mutex(0)
        let isAbandoned = { @Sendable () -> Bool in asked.withLock { count in
            count += 1
            return count > 2
        } }
        let far = ContinuousClock.now.advanced(by: .seconds(600))
        let error = rejection {
            _ = try WorkDeadline.within(far, abandonedWhen: isAbandoned) { try AreaAnswer(measuring: document, with: AreaMeasurer(), parallelism: .callingThread) }
        }
        #expect(error?.code == .deadlineExceeded && error?.message.contains("stopped waiting") == true)
        #expect(asked.withLock { $0 } == 3)
    }
}
