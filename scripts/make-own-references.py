#!/usr/bin/env python3
"""Generates fixtures/generated/own_cases.json: AOIs of our own across the Earth (poles excluded) with figures
computed independently of geoprice: geodesic area and perimeter with GeographicLib's PolygonArea (WGS84), the UTM
zone by DESIGN.md's rule (shapely centroid of the longitude-unwrapped AOI), and the UTM area with pyproj
(always_xy, vertex-wise, no densification) and shapely's planar area.

Run once with: python3 -m venv /tmp/refenv && /tmp/refenv/bin/pip install geographiclib pyproj shapely
               /tmp/refenv/bin/python scripts/make-own-references.py
The output is committed; tests read only it.
"""
import json
import math
import random

import geographiclib
import pyproj
import shapely
from geographiclib.geodesic import Geodesic
from shapely.geometry import MultiPolygon, Polygon, shape

GEOD = Geodesic.WGS84
random.seed(20261124)


def ring_direct(lat, lon, radius_m, count, jitter=0.0, rotation=0.0):
    """A closed ring of `count` vertices placed with geodesic Direct around a centre, counter-clockwise."""
    points = []
    for k in range(count):
        azimuth = rotation - 360.0 * k / count
        r = radius_m * (1.0 + jitter * (random.random() - 0.5))
        d = GEOD.Direct(lat, lon, azimuth, r)
        points.append([d["lon2"], d["lat2"]])
    points.append(points[0])
    return points


def ring_figures(ring):
    p = GEOD.Polygon()
    for lon, lat in ring[:-1]:
        p.AddPoint(lat, lon)
    _, perimeter, area = p.Compute(False, True)
    return abs(area), perimeter


def polygon_figures(rings):
    area, perimeter = ring_figures(rings[0])
    for hole in rings[1:]:
        a, p = ring_figures(hole)
        area -= a
        perimeter += p
    return area, perimeter


def unwrap(ring, reference=None):
    out = []
    offset = 0.0
    prev = ring[0][0]
    for lon, lat in ring:
        step = lon - prev
        if step > 180:
            offset -= 360
        elif step < -180:
            offset += 360
        prev = lon
        out.append((lon + offset, lat))
    if reference is not None:
        mean = sum(p[0] for p in out[:-1]) / (len(out) - 1)
        turns = round((reference - mean) / 360) * 360
        out = [(x + turns, y) for x, y in out]
    return out


def utm_zone(polygons):
    parts = []
    reference = None
    for rings in polygons:
        shell = unwrap(rings[0], reference)
        if reference is None:
            reference = sum(p[0] for p in shell[:-1]) / (len(shell) - 1)
        mean = sum(p[0] for p in shell[:-1]) / (len(shell) - 1)
        holes = [unwrap(h, mean) for h in rings[1:]]
        parts.append(Polygon(shell, holes))
    centroid = MultiPolygon(parts).centroid if len(parts) > 1 else parts[0].centroid
    lon = ((centroid.x + 180) % 360) - 180
    zone = min(int(math.floor((lon + 180) / 6)) + 1, 60)
    return (32600 if centroid.y >= 0 else 32700) + zone


def utm_area(polygons, epsg):
    t = pyproj.Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    total = 0.0
    for rings in polygons:
        projected = []
        for ring in rings:
            xs, ys = t.transform([p[0] for p in ring], [p[1] for p in ring])
            projected.append(list(zip(xs, ys)))
        total += Polygon(projected[0], projected[1:]).area
    return total


def case(name, polygons, multi=False):
    area = 0.0
    perimeter = 0.0
    for rings in polygons:
        a, p = polygon_figures(rings)
        area += a
        perimeter += p
    epsg = utm_zone(polygons)
    geometry = {"type": "MultiPolygon", "coordinates": polygons} if multi else {"type": "Polygon", "coordinates": polygons[0]}
    return {
        "name": name,
        "geometry": geometry,
        "geodesic_area_km2": area / 1e6,
        "geodesic_perimeter_km": perimeter / 1e3,
        "utm_epsg": epsg,
        "utm_area_km2": utm_area(polygons, epsg) / 1e6,
    }


cases = []
# Small to large single rings anywhere (|lat| <= 80), clockwise and counter-clockwise.
for index, radius in enumerate([15, 120, 800, 3_000, 12_000, 45_000, 150_000, 400_000]):
    for hemisphere in (1, -1):
        lat = hemisphere * random.uniform(2, 78)
        lon = random.uniform(-175, 175)
        ring = ring_direct(lat, lon, radius, random.choice([4, 5, 7, 12, 40]), jitter=0.4, rotation=random.uniform(0, 360))
        if index % 2:
            ring = ring[::-1]
        cases.append(case(f"ring_r{radius}m_{'n' if hemisphere > 0 else 's'}", [[ring]]))

# Polygons with holes.
for k in range(4):
    lat, lon = random.uniform(-70, 70), random.uniform(-170, 170)
    shell = ring_direct(lat, lon, 20_000 * (k + 1), 24, jitter=0.2)
    holes = [ring_direct(lat, lon, 5_000 * (k + 1), 9)[::-1]]
    if k % 2:
        d = GEOD.Direct(lat, lon, 90, 11_000 * (k + 1))
        holes.append(ring_direct(d["lat2"], d["lon2"], 2_000 * (k + 1), 6))
    cases.append(case(f"holes_{k}", [[shell] + holes]))

# MultiPolygons with several parts side by side.
for k, parts in enumerate([2, 3, 5]):
    lat, lon = random.uniform(-60, 60), random.uniform(-170, 170)
    polygons = []
    for p in range(parts):
        d = GEOD.Direct(lat, lon, 90, 30_000 * p)
        polygons.append([ring_direct(d["lat2"], d["lon2"], 9_000, 6, jitter=0.3)])
    cases.append(case(f"multipolygon_{parts}_parts", polygons, multi=True))

# Many vertices, large extent, the equator crossed.
cases.append(case("polygon_300_vertices", [[ring_direct(47.3, 8.5, 60_000, 300, jitter=0.1)]]))
cases.append(case("large_20x20_degrees", [[[[10, 20], [30, 20], [30, 40], [10, 40], [10, 20]]]]))
cases.append(case("equator_crossing", [[ring_direct(0.2, -60.0, 90_000, 8)]]))

# The bowtie of fixtures/cases/invalid_bowtie.json made valid: its two triangles meeting at the crossing (1.41, 43.61).
triangles = [[[1.4, 43.6], [1.41, 43.61], [1.4, 43.62], [1.4, 43.6]], [[1.42, 43.6], [1.42, 43.62], [1.41, 43.61], [1.42, 43.6]]]
bowtie_repaired_km2 = sum(ring_figures(t)[0] for t in triangles) / 1e6

out = {
    "generator": "scripts/make-own-references.py",
    "versions": {"geographiclib": geographiclib.__version__, "pyproj": pyproj.__version__, "proj": pyproj.proj_version_str,
                 "shapely": shapely.__version__},
    "cases": cases,
    "bowtie_repaired_km2": bowtie_repaired_km2,
}
with open("fixtures/generated/own_cases.json", "w") as f:
    json.dump(out, f, indent=1)
print(len(cases), "cases")
