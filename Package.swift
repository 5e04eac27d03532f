// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "geoprice",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "GeoPricing", targets: ["GeoPricing"]),
        .library(name: "Quotation", targets: ["Quotation"]),
        .executable(name: "geoprice", targets: ["geoprice"]),
    ],
    traits: [
        // Signed quotations (`geoprice estimate --quote`, `geoprice quote`) need swift-crypto, whose BoringSSL takes a
        // minute to build: on by default; scripts/demo.sh turns it off so the price preview builds fast.
        .trait(name: "Quotations", description: "Signed quotations in the CLI (swift-crypto)."),
        .default(enabledTraits: ["Quotations"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `swift package generate-documentation` (the DocC catalog in Sources/GeoPricing); no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: - C libraries (Debian: libgeos-dev, libproj-dev)
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"]), .brew(["geos"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"]), .brew(["proj"])]
        ),

        // MARK: - Library layers (each depends only on those above it)
        .target(name: "GeoPriceCore"),
        .target(name: "GeoJSON", dependencies: ["GeoPriceCore"]),
        .target(name: "GeometryEngine", dependencies: ["CGEOS", "GeoPriceCore", "GeoJSON"]),
        .target(name: "Projection", dependencies: ["CPROJ", "GeometryEngine", "GeoJSON"]),
        .target(name: "Coverage", dependencies: ["GeoJSON", "GeometryEngine", "Projection"]),
        .target(
            name: "Pricing", dependencies: ["GeoJSON", "GeometryEngine", "Projection", "Coverage"],
            resources: [.copy("Resources/default-catalog.json")]
        ),
        .target(name: "GeoPricing", dependencies: ["GeoJSON", "GeometryEngine", "Projection", "Coverage", "Pricing"]),
        // Apart from the umbrella, so that the library's users build swift-crypto only when they sign quotations.
        .target(name: "Quotation", dependencies: ["GeoJSON", "Pricing", .product(name: "Crypto", package: "swift-crypto")]),

        // MARK: - Command line
        .executableTarget(
            name: "geoprice",
            dependencies: [
                "GeoPricing",
                .target(name: "Quotation", condition: .when(traits: ["Quotations"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Benchmarks (apart, so users of the library never build them)
        .target(name: "CGeodesicBaseline", dependencies: ["CPROJ"], path: "Benchmarks/CGeodesicBaseline", linkerSettings: [.linkedLibrary("proj")]),
        .executableTarget(
            name: "geoprice-bench", dependencies: ["GeoPricing", "TestSupport", "CGeodesicBaseline"], path: "Benchmarks/geoprice-bench"),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["GeoJSON"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "TestSupport"]),
        .testTarget(name: "GeometryEngineTests", dependencies: ["GeometryEngine", "TestSupport"]),
        .testTarget(name: "ProjectionTests", dependencies: ["Projection", "TestSupport"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "TestSupport"]),
        .testTarget(name: "PricingTests", dependencies: ["Pricing", "TestSupport", "CPROJ"]),
        .testTarget(name: "GeoPricingTests", dependencies: ["GeoPricing", "TestSupport"]),
        .testTarget(name: "QuotationTests", dependencies: ["Quotation", "GeoPricing", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["geoprice", "GeoPricing", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - Fuzz targets (libFuzzer), only when scripts/fuzz.sh builds them with -sanitize=fuzzer.
if Context.environment["GEOPRICE_FUZZ"] != nil {
    package.targets.append(.target(name: "CFuzzerSupport", path: "Fuzz/CFuzzerSupport"))
    for name in ["fuzz-geojson", "fuzz-request", "fuzz-catalog"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["GeoPricing", "CFuzzerSupport"], path: "Fuzz/\(name)"))
    }
    package.targets.append(.executableTarget(name: "fuzz-decisions", dependencies: ["GeoPricing", "Quotation", "CFuzzerSupport"], path: "Fuzz/fuzz-decisions"))
}
