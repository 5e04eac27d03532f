import Coverage
import GeoJSON
import Projection

/// What one estimate request prepares once and all its lines share: each AOI prepared (validated, unwrapped,
/// measured) once, however many products price it, and one coverage calculator (captures validated and indexed
/// once) per set of captures. Lives for one ``Estimator/estimate(_:)`` call, on one thread.
final class _RequestPreparation {
    // Looked up by equality, not hashing: a request has few AOIs and capture sets, and an array compared with
    // itself is equal at once, while a hash reads every coordinate of every capture.
    private var preparedAOIs: [(aoi: AOI, prepared: PreparedAOI)] = []
    private var calculators: [(captures: [Capture], calculator: CoverageCalculator)]

    /// Starts with the calculators the estimator already has.
    init(calculators: [(captures: [Capture], calculator: CoverageCalculator)]) { self.calculators = calculators }

    /// The AOI prepared, the first time it is asked for.
    func prepared(_ aoi: AOI) throws(GeoPriceError) -> PreparedAOI {
        if let known = preparedAOIs.first(where: { $0.aoi == aoi }) { return known.prepared }
        let prepared = try PreparedAOI(aoi)
        preparedAOIs.append((aoi, prepared))
        return prepared
    }

    /// A calculator over these captures, built the first time they are asked for.
    func calculator(for captures: [Capture]) throws(GeoPriceError) -> CoverageCalculator {
        if let known = calculators.first(where: { $0.captures == captures }) { return known.calculator }
        let calculator = try CoverageCalculator(captures: captures)
        calculators.append((captures, calculator))
        return calculator
    }
}
