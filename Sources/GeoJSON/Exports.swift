// The shared vocabulary below every layer (errors, JSON values, limits, files, threads) comes with GeoJSON.
@_exported import GeoPriceCore
