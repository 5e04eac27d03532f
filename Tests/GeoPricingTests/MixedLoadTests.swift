import Foundation
import GeoPricing
import Testing
import TestSupport

/// Thousands of mixed estimates, coverage computations and measurements from many tasks at once, each checked
/// against the answer computed alone on one thread.
@Suite("Mixed load from many tasks")
struct MixedLoadTests {
    enum Job: Sendable {
        case estimate(EstimateRequest)
        case coverage(Int)
        case area(AOI)
    }

    enum Answer: Sendable, Equatable {
        case estimate(Estimate)
        case coverage(AOICoverage)
        case area(AreaFigures)
        case rejected(GeoPriceError)
    }

    @Test("every answer under load equals the single-threaded one and the references")
    func mixedLoad() async throws {
        let estimator = Estimator(catalog: try Catalog.bundledDefault())
        let cases = ["germany_25km2", "beauce_polygon_with_hole", "multipolygon_two_zones", "coverage_full", "corsica_rectangle"]
        let documents = cases.map(Fixtures.caseDocument)
        let calculators = try documents.map { try CoverageCalculator(captures: CaptureReader.captures(in: $0)) }
        let aois = try documents.map { try $0.areasOfInterest()[0] } + [try Fixtures.caseDocument("invalid_bowtie").areasOfInterest()[0]]
        let names = cases + ["invalid_bowtie"]
        let asOf = try CalendarDate(parsing: "2026-06-01")
        var jobs: [Job] = []
        for index in 0..<3_000 {
            let aoi = aois[index % aois.count]
            switch index % 3 {
            case 0:
                let products = ["PNEO-TASKING-30CM", "SAR-SPOT-TASKING", "SKYSAT-TASKING", "SPOTArchive10Color"]
                let product = products[index % products.count]
                let captures = product.hasPrefix("SPOT") ? try CaptureReader.captures(in: documents[index % documents.count]) : []
                jobs.append(.estimate(EstimateRequest(
                    aois: [aoi], items: [EstimateRequest.Item(product: product, captures: captures)],
                    priority: product.hasPrefix("SKY") ? nil : "oneday", contract: "NGO-2026", asOf: asOf)))
            case 1: jobs.append(.coverage(index % documents.count))
            default: jobs.append(.area(aoi))
            }
        }
        let runJob: @Sendable (Job) -> Answer = { job in
            do {
                switch job {
                case .estimate(let request): return .estimate(try estimator.estimate(request))
                case .coverage(let index): return .coverage(try calculators[index].cover(aois[index]))
                case .area(let aoi): return .area(try AreaMeasurer(crs: "EPSG:3035").measure(aoi))
                }
            } catch let error as GeoPriceError {
                return .rejected(error)
            } catch {
                return .rejected(GeoPriceError(.invalidGeometry, "\(error)"))
            }
        }
        let expected = jobs.map(runJob)
        let answers = await withTaskGroup(of: (Int, Answer).self) { group in
            for (index, job) in jobs.enumerated() { group.addTask { (index, runJob(job)) } }
            var collected = [Answer?](repeating: nil, count: jobs.count)
            for await (index, answer) in group { collected[index] = answer }
            return collected
        }
        var mismatches = 0
        for (index, answer) in answers.enumerated() where answer != expected[index] { mismatches += 1 }
        #expect(mismatches == 0)
        // Against the references, not only against themselves: areas to 1e-9, covered areas to 1e-5.
        for (index, answer) in answers.enumerated() {
            switch answer {
            case .area(let figures)?:
                let reference = Fixtures.reference(names[index % names.count]).number("geodesic_area_km2")
                #expect(relativeDifference(figures.areaKm2, reference) < 1e-9, "job \(index)")
            case .coverage(let coverage)?:
                let name = cases[index % documents.count]
                let reference = Fixtures.reference(name)["coverage"]!.objectValue!["geodesic_densified_overlay"]!.objectValue!
                let requested = Fixtures.reference(name).number("geodesic_area_km2")
                #expect(abs(coverage.coveredKm2 - reference.number("covered_km2")) / requested < 1e-5, "job \(index)")
            default: break
            }
        }
        #expect(expected.contains { if case .rejected(let error) = $0 { error.code == .invalidGeometry } else { false } })
        #expect(expected.contains { if case .estimate = $0 { true } else { false } })
    }
}
