import ArgumentParser
import Foundation
import GeoPriceServer
import GeoPricing
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
import Glibc
#endif

/// `geoprice-server`: the estimate endpoints over HTTP. SIGHUP reloads the catalog; SIGTERM and SIGINT stop
/// accepting, finish the requests in flight, then exit 0.
@main
struct GeoPriceServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geoprice-server", abstract: "Areas, coverage, prices, feasibility and refunds over HTTP (routes: GET /openapi.json).")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port, printed on standard output).")
    var port = 8080

    @Option(help: "A catalog file instead of the bundled default (reloaded on SIGHUP).")
    var catalog: String?

    @Option(help: "The largest request body, bytes.")
    var maxBodyBytes = ServerLimits().maxBodyBytes

    @Option(help: "Seconds a request may take, waiting included.")
    var deadlineSeconds = 10.0

    @Option(help: "Requests worked on at once (default: 4 per core).")
    var maxInWork = ServerLimits().maxInWork

    @Option(help: "Requests waiting for work at once; beyond, 503 overloaded.")
    var maxQueued = ServerLimits().maxQueued

    @Option(help: "Seconds before an idle connection is closed.")
    var idleTimeoutSeconds = 30.0

    @Option(help: "Seconds a request's headers may take to arrive.")
    var headerTimeoutSeconds = 10.0

    func validate() throws {
        for (name, value) in [
            ("--deadline-seconds", deadlineSeconds), ("--idle-timeout-seconds", idleTimeoutSeconds), ("--header-timeout-seconds", headerTimeoutSeconds),
        ]
        where !(value.isFinite && value > 0 && value <= 86_400) {
            throw ValidationError("\(name) is a number of seconds above 0 and at most 86400, found \(value)")
        }
        guard maxBodyBytes > 0, maxInWork > 0, maxQueued >= 0 else {
            throw ValidationError("--max-body-bytes and --max-in-work are positive, --max-queued not negative")
        }
    }

    func run() async throws {
        signal(SIGPIPE, SIG_IGN)
        var logger = Logger(label: "geoprice-server")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let catalogs = try CatalogStore(path: catalog)
        let limits = ServerLimits(
            maxBodyBytes: maxBodyBytes, deadline: .milliseconds(Int64(deadlineSeconds * 1_000)), maxInWork: maxInWork, maxQueued: maxQueued,
            idleTimeout: .milliseconds(Int64(idleTimeoutSeconds * 1_000)), headerTimeout: .milliseconds(Int64(headerTimeoutSeconds * 1_000)))
        let service = GeoPriceApplication(catalogs: catalogs, limits: limits)
        let application = service.application(host: host, port: port, logger: logger) { port in
            FileHandle.standardOutput.write(Data("geoprice-server listening on \(host):\(port)\n".utf8))
        }
        let reloader = CatalogReloader(catalogs: catalogs, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: application), .init(service: reloader)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Reloads the catalog on each SIGHUP; a catalog that does not read leaves the current one in place.
struct CatalogReloader: Service {
    let catalogs: CatalogStore
    let logger: Logger

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                let loaded = try catalogs.reload()
                logger.info("catalog reloaded", metadata: ["version": .string(loaded.estimator.catalog.version)])
            } catch {
                logger.error("catalog not reloaded, the current one stays", metadata: ["error": .string("\(error)")])
            }
        }
    }
}
