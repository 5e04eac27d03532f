#if Quotations
import ArgumentParser
import Foundation
import GeoPricing
import Quotation

/// `geoprice quote`: check a quotation a client brings back, and decide on it.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote", abstract: "Verify a signed quotation, or accept or reject it.",
        discussion: "The key is the file GEOPRICE_QUOTE_KEY_FILE names, as for estimate --quote.",
        subcommands: [Verify.self, Decide.self])

    /// `geoprice quote verify FILE`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print {\"status\": \"valid\" | \"expired\" | \"tampered\" | \"wrong_key\", …}; exit 0 only when valid (1 otherwise, 2 for a file that is no quotation).")

        @Argument(help: "The quotation (JSON, as estimate --quote prints it).")
        var file: String

        @Option(help: "The instant to verify at, RFC 3339 or YYYY-MM-DD (default: now).")
        var asOf: String?

        func run() throws {
            let answer: JSONObject
            do throws(GeoPriceError) {
                let quotation = try Quotation(reading: InputFile.bytes(file))
                answer = quotation.verificationJSON(quotation.status(key: try QuotationKey.fromEnvironment(), asOf: try AsOf.instant(asOf)))
            } catch {
                throw Output.reject(error, asJSON: true)
            }
            Output.json(.object(answer))
            if answer["status"] != .string(Quotation.Status.valid.rawValue) { throw ExitCode(1) }
        }
    }

    /// `geoprice quote decide FILE --accept | --reject`.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept or reject a valid quotation: print the STAT status it leads to (accepted, reserved where payment comes first, rejected).")

        @Argument(help: "The quotation (JSON, as estimate --quote prints it).")
        var file: String

        @Flag(help: "Accept it.")
        var accept = false

        @Flag(help: "Reject it.")
        var reject = false

        @Option(help: "The instant of the decision, RFC 3339 or YYYY-MM-DD (default: now).")
        var asOf: String?

        func validate() throws {
            guard accept != reject else { throw ValidationError("give one of --accept and --reject") }
        }

        func run() throws {
            let answer: JSONObject
            do throws(GeoPriceError) {
                let quotation = try Quotation(reading: InputFile.bytes(file))
                let status = try quotation.decide(accept: accept, key: QuotationKey.fromEnvironment(), asOf: AsOf.instant(asOf))
                answer = ["quotationId": .string(quotation.quotationID), "decision": .string(accept ? "accept" : "reject"), "status": .string(status)]
            } catch {
                throw Output.reject(error, asJSON: true)
            }
            Output.json(.object(answer))
        }
    }
}
#endif
