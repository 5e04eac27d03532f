import Coverage
import GeoJSON
import Projection

/// What one estimate request prepares once and all its lines share: each AOI prepared (validated, unwrapped,
/// measured) once, however many products price it, and one coverage calculator (captures validated and indexed
/// once) per set of captures. Lives for one ``Estimator/estimate(_:)`` call, on one thread.
final class _RequestPreparation {
    private var preparedAOIs: [AOI: PreparedAOI] = [:]
    private var calculators: [[Capture]: CoverageCalculator]

    /// Starts with the calculators the estimator already has.
    init(calculators: [[Capture]: CoverageCalculator]) { self.calculators = calculators }

    /// The AOI prepared, the first time it is asked for.
    func prepared(_ aoi: AOI) throws(GeoPriceError) -> PreparedAOI {
        if let prepared = preparedAOIs[aoi] { return prepared }
        let prepared = try PreparedAOI(aoi)
        preparedAOIs[aoi] = prepared
        return prepared
    }

    /// A calculator over these captures, built the first time they are asked for.
    func calculator(for captures: [Capture]) throws(GeoPriceError) -> CoverageCalculator {
        if let calculator = calculators[captures] { return calculator }
        let calculator = try CoverageCalculator(captures: captures)
        calculators[captures] = calculator
        return calculator
    }
}
