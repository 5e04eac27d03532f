// The umbrella module: one import for services and the CLI.
@_exported import GeoJSON
@_exported import GeometryEngine
@_exported import Projection
@_exported import Coverage
@_exported import Pricing
