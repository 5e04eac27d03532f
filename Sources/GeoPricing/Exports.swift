// The umbrella module: one import for services and the CLI. Besides re-exporting every layer, it holds the one
// front-end path that sits on all of them: `AOILineStream`, the NDJSON stream every `--ndjson` (and a service)
// answers through.
@_exported import GeoJSON
@_exported import GeometryEngine
@_exported import Projection
@_exported import Coverage
@_exported import Pricing
