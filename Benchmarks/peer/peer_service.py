#!/usr/bin/env python3
"""The peer service scripts/loadtest.sh measures geoprice-server against: FastAPI on uvicorn, the same area and
estimate work with shapely 2 + pyproj in their fastest idioms (one cached Transformer per UTM zone).

    uvicorn --app-dir Benchmarks/peer peer_service:app --workers 2 --port 18081

POST /v1/area      body: one GeoJSON Polygon (or Feature): geodesic area and perimeter, UTM zone, UTM area, zones
                   touched, vertices, minimum ground width (what geoprice's `/v1/area` answers for one AOI)
POST /v1/estimate  body: {"aois": Polygon | Feature, ...}: SKYSAT-TASKING with the NGO-2026 contract, as peer.py prices
                   a line (validate, geodesic area, 25 km² minimum, area rounded up to 0.01, half-even money, 15 % off)
"""
import functools
import math

import numpy as np
import orjson
import shapely
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from fastapi import FastAPI, Request, Response
from pyproj import Geod, Proj, Transformer

GEOD = Geod(ellps="WGS84")
app = FastAPI()


@functools.lru_cache(maxsize=256)
def utm(code):
    return Transformer.from_crs("EPSG:4326", f"EPSG:{code}", always_xy=True), Proj(f"EPSG:{code}")


def zone_code(lon, lat):
    return (32600 if lat >= 0 else 32700) + min(60, max(1, int(math.floor((lon + 180) / 6)) + 1))


def polygon_of(document):
    geometry = document.get("geometry", document) if document.get("type") == "Feature" else document
    return shapely.geometry.shape(geometry)


def error(code, message, status):
    return Response(orjson.dumps({"error": {"code": code, "message": message}}) + b"\n", status_code=status, media_type="application/json")


@app.post("/v1/area")
async def area(request: Request):
    try:
        polygon = polygon_of(orjson.loads(await request.body()))
    except Exception as failure:  # noqa: BLE001 - any unreadable body is the client's
        return error("invalid_geojson", str(failure), 400)
    if not shapely.is_valid(polygon):
        return error("invalid_geometry", shapely.is_valid_reason(polygon), 422)
    area, perimeter = GEOD.geometry_area_perimeter(polygon)
    centroid = polygon.centroid
    code = zone_code(centroid.x, centroid.y)
    transformer, proj = utm(code)
    projected = shapely.transform(polygon, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    corners = shapely.get_coordinates(shapely.oriented_envelope(projected))
    sides = [math.dist(corners[0], corners[1]), math.dist(corners[1], corners[2])]
    scale = proj.get_factors(centroid.x, centroid.y).meridional_scale
    minx, miny, maxx, maxy = polygon.bounds
    zones = sorted({zone_code(minx, miny), zone_code(maxx, maxy)})
    km2 = abs(area) / 1e6
    answer = {"id": 0, "areaKm2": km2, "perimeterKm": perimeter / 1e3, "utmEpsg": code, "utmAreaKm2": projected.area / 1e6,
              "utmRelDiff": projected.area / 1e6 / km2 - 1, "utmZones": zones, "vertices": len(polygon.exterior.coords) - 1,
              "minWidthM": min(sides) / scale}
    return Response(orjson.dumps(answer) + b"\n", media_type="application/json")


RATE, MINIMUM, CENT = Decimal("20.00"), Decimal("25"), Decimal("0.01")


@app.post("/v1/estimate")
async def estimate(request: Request):
    try:
        polygon = polygon_of(orjson.loads(await request.body())["aois"])
    except Exception as failure:  # noqa: BLE001
        return error("invalid_request", str(failure), 400)
    if not shapely.is_valid(polygon):
        return error("invalid_geometry", shapely.is_valid_reason(polygon), 422)
    measured = Decimal(abs(GEOD.geometry_area_perimeter(polygon)[0]) / 1e6).quantize(Decimal("0.000001"), ROUND_HALF_EVEN)
    billable = max(measured, MINIMUM).quantize(CENT, ROUND_CEILING)
    amount = (billable * RATE).quantize(CENT, ROUND_HALF_EVEN)
    discount = (amount * Decimal("15") / 100).quantize(CENT, ROUND_HALF_EVEN)
    answer = {"currency": "EUR", "contract": "NGO-2026",
              "lines": [{"product": "SKYSAT-TASKING", "aoi": "0", "measuredKm2": str(measured), "billableKm2": str(billable), "amount": str(amount),
                         "price": str(amount)}],
              "subtotal": str(amount), "discountValue": str(discount), "total": str(amount - discount)}
    return Response(orjson.dumps(answer) + b"\n", media_type="application/json")
