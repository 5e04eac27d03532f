import ArgumentParser

/// `geoprice`: measure, reproject, cover and price satellite-imagery AOIs.
@main
struct GeoPrice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoprice",
        abstract: "Exact AOI areas, projections, coverage and prices for satellite-imagery orders.",
        subcommands: commands
    )

    #if Quotations
    static let commands: [any ParsableCommand.Type] = [
        EstimateCommand.self, AreaCommand.self, ReprojectCommand.self, CoverageCommand.self, CatalogCommand.self, CancelQuoteCommand.self,
        FeasibilityCommand.self, QuoteCommand.self,
    ]
    #else
    static let commands: [any ParsableCommand.Type] = [
        EstimateCommand.self, AreaCommand.self, ReprojectCommand.self, CoverageCommand.self, CatalogCommand.self, CancelQuoteCommand.self,
        FeasibilityCommand.self,
    ]
    #endif
}
