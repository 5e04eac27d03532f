import Foundation
import GeoPricing
import Testing
import TestSupport

/// Batch calls on the threads a caller grants, and their async forms, answering the real-world references.
@Suite("Parallelism granted to batch calls")
struct ParallelismTests {
    static let boroughs = try! GeoJSONReader().read(Fixtures.bytes("realworld/nyc_boroughs.json"))
    static let references = Fixtures.json("realworld/references.json").objectValue!["features"]!.objectValue!["nyc_boroughs.json"]!.objectValue!

    @Test("one granted thread runs every job on the calling thread")
    func oneThread() {
        let caller = pthread_self()
        let onCaller = Parallelism.callingThread.granting {
            concurrentMap(count: 64) { _ in pthread_equal(pthread_self(), caller) != 0 }
        }
        #expect(onCaller.allSatisfy { $0 })
    }

    @Test("at most the granted number of jobs run at once, and steps nested in a job get one thread")
    func boundedWorkers() {
        let running = Counter()
        let observed = Parallelism(maxThreads: 2).granting {
            concurrentMap(count: 200) { _ -> (Int, Int) in
                let now = running.change(by: 1)
                usleep(200)
                running.change(by: -1)
                return (now, Parallelism.current.maxThreads)
            }
        }
        #expect(observed.map(\.0).max()! <= 2)
        #expect(observed.allSatisfy { $0.1 == 1 })
    }

    @Test("async area answer on one thread and on all cores: the boroughs' GeographicLib areas")
    func asyncArea() async throws {
        for parallelism in [Parallelism.callingThread, .allCores] {
            let answer = try await AreaAnswer(
                measuring: Self.boroughs, with: AreaMeasurer(measuresMinimumWidth: false), parallelism: parallelism)
            #expect(answer.items.count == 5)
            for item in answer.items {
                let reference = Self.references[item.aoi.name]!.objectValue!.number("geodesic_area_km2")
                #expect(relativeDifference(item.figures.areaKm2, reference) < 1e-9, "\(item.aoi.name) on \(parallelism)")
            }
        }
    }

    @Test("async estimates on two threads: SKYSAT-TASKING at 20.00 EUR per km², area rounded up to 0.01 km²")
    func asyncEstimates() async throws {
        let crs = try Self.boroughs.crs
        let aois = try Self.boroughs.areasOfInterest().map { try $0.toLonLat(from: crs) }
        let requests = aois.map { EstimateRequest(aois: [$0], items: [EstimateRequest.Item(product: "SKYSAT-TASKING")]) }
        let estimator = Estimator(catalog: try Catalog.bundledDefault())
        let answers = await estimator.estimateEach(requests, parallelism: Parallelism(maxThreads: 2))
        #expect(answers.count == 5)
        for (aoi, answer) in zip(aois, answers) {
            let km2 = Self.references[aoi.name]!.objectValue!.number("geodesic_area_km2")
            let billable = (km2 * 100).rounded(.up) / 100
            let expected = Decimal(string: String(format: "%.2f", billable * 20))!
            #expect(try answer.get().total == expected, "\(aoi.name)")
        }
    }
}

/// A count changed by many threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    @discardableResult
    func change(by delta: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += delta
        return value
    }
}
