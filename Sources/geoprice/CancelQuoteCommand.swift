import ArgumentParser
import GeoPricing

/// `geoprice cancel-quote`: what cancelling an order refunds.
struct CancelQuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel-quote", abstract: "What a cancellation refunds for a product, an order status and the amount paid.")

    @Option(help: "The product id.")
    var product: String

    @Option(help: "The order status (received, accepted, scheduled, tasked, processing, reserved, held, …).")
    var status: String?

    @Option(name: .customLong("status-response"), help: "A STAT order status response (current, history): its most recent status, once the history is a possible lifecycle.")
    var statusResponse: String?

    @Option(help: "The amount paid, as a decimal (e.g. 4750.00).")
    var paid: String

    @Option(help: "A catalog file instead of the bundled default.")
    var catalog: String?

    @Flag(help: "Print a JSON object.")
    var json = false

    func run() throws {
        let quote: CancellationQuote
        do throws(GeoPriceError) {
            let loaded = try InputFile.catalog(catalog)
            switch (status, statusResponse) {
            case (let status?, nil):
                quote = try CancellationQuote(catalog: loaded, product: product, status: status, paid: paid)
            case (nil, let file?):
                let history = try OrderStatusHistory(reading: JSONReader().read(InputFile.bytes(file)))
                quote = try CancellationQuote(catalog: loaded, product: product, history: history, paid: paid)
            default:
                throw GeoPriceError(.conflictingOptions, "give the order's status with --status or --status-response, one of them", path: "--status")
            }
        } catch {
            throw Output.reject(error, asJSON: json)
        }
        if json {
            Output.json(.object(quote.jsonObject))
        } else {
            Output.line("\(quote.product), \(quote.status): refund \(Money.string(quote.refundPercent)) % of "
                + "\(Money.string(quote.paid, scale: quote.moneyScale)) = \(Money.string(quote.refund, scale: quote.moneyScale)) \(quote.currency)")
        }
    }
}
