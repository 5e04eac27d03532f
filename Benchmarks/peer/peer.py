#!/usr/bin/env python3
"""The peer geoprice is measured against: each job a user would otherwise script with shapely 2, pyproj, numpy and
orjson, in their fastest idioms (vectorised shapely, one pyproj Transformer per CRS pair, STRtree + clip-then-union
for coverage), as one process that reads the same input file and writes its whole answer to standard output.
geoprice-bench times these processes beside geoprice's.

    python peer.py area-full FILE          # per AOI: geodesic area and perimeter, UTM zone, UTM area, zones touched,
                                           # minimum ground width (what `geoprice area --json` answers)
    python peer.py area-only FILE          # geodesic area alone, the cheapest loop (FILE: GeoJSON or NDJSON)
    python peer.py coverage AOIS CAPTURES  # covered and remainder km² and geometries, captures met, per AOI
    python peer.py estimate NDJSON         # one priced JSON line per AOI (SKYSAT-TASKING, NGO-2026 contract)
    python peer.py reproject FILE EPSG:n   # the FeatureCollection in the target CRS
    python peer.py reference AOIS CAPTURES # covered km² with every edge densified along geodesics (not timed)
"""
import math
import sys
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal

import numpy as np
import orjson
import shapely
from pyproj import Geod, Proj, Transformer

GEOD = Geod(ellps="WGS84")
OUT = sys.stdout.buffer


def read(path):
    with open(path, "rb") as f:
        return orjson.loads(f.read())


def rings_array(collection):
    """The exterior rings of a FeatureCollection of equal-sized Polygons, as an (n, k, 2) array."""
    return np.asarray([f["geometry"]["coordinates"][0] for f in collection["features"]], dtype=float)


def utm_epsg(lon, lat):
    zone = np.clip(np.floor((lon + 180) / 6).astype(int) + 1, 1, 60)
    return np.where(lat >= 0, 32600, 32700) + zone


def area_full(path):
    collection = read(path)
    ids = [f.get("id") for f in collection["features"]]
    rings = rings_array(collection)
    polygons = shapely.polygons(rings)
    if not shapely.is_valid(polygons).all():
        raise SystemExit("invalid AOI")
    areas = np.empty(len(rings))
    perimeters = np.empty(len(rings))
    for index, ring in enumerate(rings):
        area, perimeter = GEOD.polygon_area_perimeter(ring[:, 0], ring[:, 1])
        areas[index] = abs(area) / 1e6
        perimeters[index] = perimeter / 1e3
    centroids = shapely.centroid(polygons)
    lon, lat = shapely.get_x(centroids), shapely.get_y(centroids)
    epsg = utm_epsg(lon, lat)
    bounds = shapely.bounds(polygons)
    first, last = utm_epsg(bounds[:, 0], bounds[:, 1]), utm_epsg(bounds[:, 2], bounds[:, 3])
    utm_areas = np.empty(len(rings))
    widths = np.empty(len(rings))
    for code in np.unique(epsg):
        mask = epsg == code
        transformer = Transformer.from_crs("EPSG:4326", f"EPSG:{code}", always_xy=True)
        x, y = transformer.transform(rings[mask, :, 0], rings[mask, :, 1])
        projected = shapely.polygons(np.stack([x, y], axis=-1))
        utm_areas[mask] = shapely.area(projected) / 1e6
        corners = shapely.get_coordinates(shapely.oriented_envelope(projected)).reshape(-1, 5, 2)
        sides = np.linalg.norm(np.diff(corners[:, :3], axis=1), axis=2)
        scale = Proj(f"EPSG:{code}").get_factors(lon[mask], lat[mask]).meridional_scale
        widths[mask] = sides.min(axis=1) / scale
    aois = []
    for index in range(len(rings)):
        touched = sorted({int(first[index]), int(last[index])})
        aois.append({"id": ids[index], "areaKm2": areas[index], "perimeterKm": perimeters[index], "utmEpsg": int(epsg[index]),
                     "utmAreaKm2": utm_areas[index], "utmRelDiff": utm_areas[index] / areas[index] - 1, "utmZones": touched,
                     "vertices": rings.shape[1] - 1, "minWidthM": widths[index]})
    zones = sorted({zone for aoi in aois for zone in aoi["utmZones"]})
    OUT.write(orjson.dumps({"count": len(aois), "areaKm2": float(areas.sum()), "perimeterKm": float(perimeters.sum()),
                            "utmZones": zones, "aois": aois}, option=orjson.OPT_SERIALIZE_NUMPY))
    OUT.write(b"\n")


def area_only(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith(".ndjson"):
        lines = []
        for line in data.splitlines():
            feature = orjson.loads(line)
            ring = feature["geometry"]["coordinates"][0]
            area, _ = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
            lines.append(orjson.dumps({"id": feature.get("id"), "areaKm2": abs(area) / 1e6}))
        OUT.write(b"\n".join(lines) + b"\n")
        return
    answers = []
    for feature in orjson.loads(data)["features"]:
        ring = feature["geometry"]["coordinates"][0]
        area, _ = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
        answers.append({"id": feature.get("id"), "areaKm2": abs(area) / 1e6})
    OUT.write(orjson.dumps(answers) + b"\n")


def geodesic_area_of(geometry):
    if shapely.is_empty(geometry):
        return 0.0
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def coverage(aoi_file, capture_file, threshold=85):
    aoi_collection, capture_collection = read(aoi_file), read(capture_file)
    aoi_ids = [f.get("id") for f in aoi_collection["features"]]
    capture_ids = [f.get("id") for f in capture_collection["features"]]
    aois = shapely.polygons(rings_array(aoi_collection))
    captures = shapely.polygons(rings_array(capture_collection))
    tree = shapely.STRtree(captures)
    aoi_index, capture_index = tree.query(aois, predicate="intersects")
    pieces = shapely.intersection(aois[aoi_index], captures[capture_index])
    meets = shapely.area(pieces) > 0
    order = np.argsort(aoi_index, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(aoi_index[order])) + 1) if len(order) else []
    by_aoi = {int(aoi_index[group[0]]): group for group in groups}
    answers = []
    totals = [0.0, 0.0, 0.0]
    for index, aoi in enumerate(aois):
        group = by_aoi.get(index, np.array([], dtype=int))
        covered = shapely.union_all(pieces[group]) if len(group) else shapely.Polygon()
        remainder = shapely.difference(aoi, covered)
        requested = geodesic_area_of(aoi)
        covered_km2, remainder_km2 = geodesic_area_of(covered), geodesic_area_of(remainder)
        percent = round(covered_km2 / requested * 100, 2)
        answers.append({
            "id": aoi_ids[index], "requestedKm2": requested, "coveredKm2": covered_km2, "remainderKm2": remainder_km2,
            "coveredPercent": percent, "remainderPercent": round(100 - percent, 2), "fulfilled": percent >= threshold,
            "thresholdPercent": threshold, "covered": orjson.Fragment(shapely.to_geojson(covered)),
            "remainder": orjson.Fragment(shapely.to_geojson(remainder)),
            "captures": [{"id": capture_ids[capture_index[i]]} for i in sorted(group) if meets[i]],
        })
        totals = [totals[0] + requested, totals[1] + covered_km2, totals[2] + remainder_km2]
    answer = {"requestedKm2": totals[0], "coveredKm2": totals[1], "remainderKm2": totals[2]}
    answer = answers[0] if len(answers) == 1 else dict(answer, groups=answers)
    OUT.write(orjson.dumps(answer) + b"\n")


SKYSAT_RATE = Decimal("20.00")
SKYSAT_MINIMUM = Decimal("25")
CENT = Decimal("0.01")


def price_line(line):
    """SKYSAT-TASKING with the NGO-2026 contract: validate, geodesic area, minimum, area rounded up to 0.01 km²,
    amount half-even, 15 % off; the answer as JSON."""
    feature = orjson.loads(line)
    geometry = shapely.geometry.shape(feature["geometry"])
    if not shapely.is_valid(geometry):
        return orjson.dumps({"id": feature.get("id"), "error": {"code": "invalid_geometry", "message": shapely.is_valid_reason(geometry)}})
    measured = Decimal(abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
    billable = max(measured, SKYSAT_MINIMUM).quantize(CENT, ROUND_CEILING)
    amount = (billable * SKYSAT_RATE).quantize(CENT, ROUND_HALF_EVEN)
    discount = (amount * Decimal("15") / 100).quantize(CENT, ROUND_HALF_EVEN)
    return orjson.dumps({
        "id": feature.get("id"), "currency": "EUR",
        "lines": [{"product": "SKYSAT-TASKING", "measuredKm2": str(measured), "billableKm2": str(billable), "amount": str(amount)}],
        "subtotal": str(amount), "discountValue": str(discount), "total": str(amount - discount),
    })


def estimate(path):
    batch = []
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                batch.append(price_line(line))
            if len(batch) == 1024:
                OUT.write(b"\n".join(batch) + b"\n")
                batch = []
    if batch:
        OUT.write(b"\n".join(batch) + b"\n")


def reproject(path, target):
    collection = read(path)
    rings = rings_array(collection)
    transformer = Transformer.from_crs("EPSG:4326", target, always_xy=True)
    x, y = transformer.transform(rings[:, :, 0], rings[:, :, 1])
    coordinates = np.stack([x, y], axis=-1)
    features = [{"type": "Feature", "id": feature.get("id"), "properties": feature.get("properties"),
                 "geometry": {"type": "Polygon", "coordinates": [coordinates[index]]}}
                for index, feature in enumerate(collection["features"])]
    OUT.write(orjson.dumps({"type": "FeatureCollection", "features": features}, option=orjson.OPT_SERIALIZE_NUMPY) + b"\n")


def densified_ring(ring, max_km):
    points = []
    for (lon1, lat1), (lon2, lat2) in zip(ring[:-1], ring[1:]):
        points.append((lon1, lat1))
        _, _, distance = GEOD.inv(lon1, lat1, lon2, lat2)
        pieces = int(math.ceil(distance / (max_km * 1000)))
        if pieces > 1:
            points.extend(GEOD.npts(lon1, lat1, lon2, lat2, pieces - 1))
    points.append(points[0])
    return points


def reference(aoi_file, capture_file, max_km=0.25):
    """Covered km² with every edge a geodesic: AOIs and captures densified along geodesics before the lon/lat
    overlay."""
    aoi_rings, capture_rings = rings_array(read(aoi_file)), rings_array(read(capture_file))
    aois, captures = shapely.polygons(aoi_rings), shapely.polygons(capture_rings)
    tree = shapely.STRtree(captures)
    total = 0.0
    for index, aoi_ring in enumerate(aoi_rings):
        near = tree.query(aois[index], predicate="intersects")
        dense_aoi = shapely.Polygon(densified_ring(aoi_ring.tolist(), max_km))
        dense = [shapely.Polygon(densified_ring(capture_rings[i].tolist(), max_km)) for i in near]
        covered = shapely.intersection(dense_aoi, shapely.union_all(dense)) if dense else shapely.Polygon()
        total += geodesic_area_of(covered)
    print(repr(total))


JOBS = {"area-full": area_full, "area-only": area_only, "coverage": coverage, "estimate": estimate, "reproject": reproject,
        "reference": reference}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in JOBS:
        raise SystemExit(__doc__)
    JOBS[sys.argv[1]](*sys.argv[2:])
