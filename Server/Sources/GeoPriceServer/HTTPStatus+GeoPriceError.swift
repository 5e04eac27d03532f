import GeoPricing
import HTTPTypes

extension GeoPriceError.Code {
    /// The HTTP status a service answers this code with (DESIGN.md): 400 for a body that is not the request's
    /// shape, 413 for a limit, 404, 405, 503 for load and deadlines, 422 for every other input code.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .invalidJSON, .invalidGeoJSON, .invalidRequest: .badRequest
        case .limitExceeded: .contentTooLarge
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .overloaded, .deadlineExceeded: .serviceUnavailable
        default: .unprocessableContent
        }
    }
}
