#!/usr/bin/env python3
"""Generates fixtures/realworld/: real-world boundaries and figures for them computed independently of geoprice.

The boundaries are converted once from the public datasets that geopandas 0.14 ships inside its package (Natural Earth
1:110m countries, `naturalearth_lowres`, and the NYC boroughs, `nybb`, a shapefile in EPSG:2263, US survey feet):
- countries.json: a GeoJSON FeatureCollection of a selection of countries, lon/lat WGS84, coordinates as the data has
  them (id = ISO_A3, or the name where ISO_A3 is missing or -99; properties.name). Fiji and Russia are split at the
  antimeridian (vertices at lon = ±180).
- nyc_boroughs.json: the boroughs reprojected from EPSG:2263 to lon/lat WGS84 with pyproj (always_xy), id = BoroName.
- nyc_boroughs_2263.json: boroughs in their native EPSG:2263 coordinates, with the GeoJSON 2008 member
  "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2263"}} as GDAL writes it; only Staten Island
  and Manhattan when all five would make the two NYC files exceed 3 MB.
- references.json: per feature, the geodesic area and perimeter with GeographicLib's PolygonArea (WGS84; outer rings
  add, holes subtract, parts add, absolute values; edges lying along lon = ±180 are left out of the perimeter), the
  UTM zone by DESIGN.md's rule (shapely centroid of the longitude-unwrapped AOI, no Norway/Svalbard exceptions), and
  the ground minimum width: each part's vertices projected with pyproj into the AOI's zone, the shorter side of
  shapely's minimum_rotated_rectangle, divided by the zone's point scale factor at the AOI's centroid, minimum over
  parts (omitted for AOIs spanning more than 12 degrees of longitude). For the EPSG:2263 file, the planar area in km2.
- utm_point_scales.json: UTM point scale factors from pyproj's Proj.get_factors at chosen points, and small boxes near
  the equator and the prime meridian with their zone and ground minimum width.

Run once with: python3 -m venv /tmp/refenv && /tmp/refenv/bin/pip install geographiclib pyproj shapely "geopandas<1.0"
               /tmp/refenv/bin/python scripts/make-real-world-references.py
(geopandas 0.14 reads the datasets with fiona, which pip installs with it.) The output is committed; tests read only it.
"""
import json
import math
import os
import warnings

import fiona
import geographiclib
import geopandas
import pyproj
import shapely
from geographiclib.geodesic import Geodesic
from shapely.geometry import MultiPolygon, Polygon, shape

warnings.filterwarnings("ignore", category=FutureWarning)  # geopandas.datasets is deprecated (and gone in 1.0)
from geopandas import datasets  # noqa: E402

GEOD = Geodesic.WGS84
OUT = "fixtures/realworld"
US_FOOT = 0.3048006096012192  # metres per US survey foot (1200/3937)
MAX_LON_SPAN = 12.0  # degrees of (unwrapped) longitude beyond which no UTM minimum width is given
NYC_LIMIT = 3_000_000  # bytes for nyc_boroughs.json + nyc_boroughs_2263.json beyond which the latter keeps 2 boroughs
NYC_2263_KEPT = ["Staten Island", "Manhattan"]
COUNTRIES = ["Fiji", "Russia", "France", "Gabon", "São Tomé and Principe", "Sao Tome and Principe",
             "São Tomé and Príncipe", "Indonesia", "Chile", "Norway", "Canada", "Ecuador", "New Zealand", "Kiribati",
             "Antarctica"]
SKIPPED_ALWAYS = {"Antarctica": "encircles the South Pole"}


# ---------------------------------------------------------------- geometry helpers

def polygons_of(geometry):
    """A GeoJSON Polygon or MultiPolygon as a list of polygons, each a list of rings of [lon, lat] lists."""
    if geometry["type"] == "Polygon":
        return [[[list(p[:2]) for p in ring] for ring in geometry["coordinates"]]]
    assert geometry["type"] == "MultiPolygon", geometry["type"]
    return [[[list(p[:2]) for p in ring] for ring in polygon] for polygon in geometry["coordinates"]]


def as_geojson(polygons):
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def on_antimeridian(a, b):
    return abs(abs(a[0]) - 180.0) <= 1e-9 and abs(abs(b[0]) - 180.0) <= 1e-9


def ring_figures(ring):
    """|area| (m2) of a closed ring, its perimeter without edges along lon = ±180 (m), the number and length of those."""
    p = GEOD.Polygon()
    for lon, lat in ring[:-1]:
        p.AddPoint(lat, lon)
    _, perimeter, area = p.Compute(False, True)
    excluded, excluded_m = 0, 0.0
    for a, b in zip(ring[:-1], ring[1:]):
        if on_antimeridian(a, b):
            excluded += 1
            excluded_m += GEOD.Inverse(a[1], a[0], b[1], b[0])["s12"]
    return abs(area), perimeter - excluded_m, excluded, excluded_m


def geodesic_figures(polygons):
    area = perimeter = excluded_m = 0.0
    excluded = 0
    for rings in polygons:
        for index, ring in enumerate(rings):
            a, p, n, e = ring_figures(ring)
            area += a if index == 0 else -a
            perimeter += p
            excluded += n
            excluded_m += e
    return area, perimeter, excluded, excluded_m


def unwrap(ring, reference=None):
    """As in make-own-references.py: longitudes made continuous, then shifted by whole turns next to `reference`."""
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


def unwrapped_parts(polygons):
    parts = []
    reference = None
    for rings in polygons:
        shell = unwrap(rings[0], reference)
        if reference is None:
            reference = sum(p[0] for p in shell[:-1]) / (len(shell) - 1)
        mean = sum(p[0] for p in shell[:-1]) / (len(shell) - 1)
        holes = [unwrap(h, mean) for h in rings[1:]]
        parts.append(Polygon(shell, holes))
    return parts


def utm_zone(polygons):
    """DESIGN.md's rule (as make-own-references.py): the zone of the shapely centroid of the unwrapped AOI.
    Returns the EPSG code, the centroid (lon normalised to [-180, 180)) and the unwrapped longitude span."""
    parts = unwrapped_parts(polygons)
    aoi = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    centroid = aoi.centroid
    lon = ((centroid.x + 180) % 360) - 180
    zone = min(int(math.floor((lon + 180) / 6)) + 1, 60)
    minx, _, maxx, _ = aoi.bounds
    return (32600 if centroid.y >= 0 else 32700) + zone, (lon, centroid.y), maxx - minx


def point_scale(epsg, lon, lat):
    f = pyproj.Proj(f"EPSG:{epsg}").get_factors(lon, lat)
    return f.meridional_scale, f.parallel_scale, (f.meridional_scale + f.parallel_scale) / 2


def joined_across_antimeridian(polygons):
    """An RFC 7946 split AOI as the shape it stands for: its parts unwrapped side by side and unioned (shapely), so
    that a piece cut off by the seam is not measured as a narrow part of its own. Longitudes may exceed 180°."""
    joined = shapely.unary_union(unwrapped_parts(polygons))
    pieces = list(joined.geoms) if joined.geom_type == "MultiPolygon" else [joined]
    return [[list(p.exterior.coords)] + [list(h.coords) for h in p.interiors] for p in pieces]


def min_widths(polygons, epsg, scale):
    """Ground minimum width (m) of each part: the shorter side of the minimum rotated rectangle of the part projected
    into `epsg`, divided by `scale`; and, for comparison, GEOS' minimum width (shapely.minimum_width)."""
    t = pyproj.Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True)
    mrr, geos = [], []
    for rings in polygons:
        projected = []
        for ring in rings:
            xs, ys = t.transform([p[0] for p in ring], [p[1] for p in ring], errcheck=True)
            projected.append(list(zip(xs, ys)))
        polygon = Polygon(projected[0], projected[1:])
        rectangle = list(polygon.minimum_rotated_rectangle.exterior.coords)
        sides = [math.dist(rectangle[0], rectangle[1]), math.dist(rectangle[1], rectangle[2])]
        mrr.append(min(sides) / scale)
        geos.append(shapely.minimum_width(polygon).length / scale)
    return mrr, geos


def validity(polygons):
    geometry = shape(as_geojson(polygons))
    return geometry.is_valid, shapely.is_valid_reason(geometry)


def references(polygons):
    area, perimeter, excluded, excluded_m = geodesic_figures(polygons)
    epsg, (lon, lat), span = utm_zone(polygons)
    meridional, parallel, scale = point_scale(epsg, lon, lat)
    entry = {
        "geodesic_area_km2": area / 1e6,
        "geodesic_perimeter_km": perimeter / 1e3,
        "utm_epsg": epsg,
        "centroid": [lon, lat],
        "centroid_scale": scale,
        "lon_span_deg": span,
        "parts": len(polygons),
        "vertices": sum(len(r) for rings in polygons for r in rings),
    }
    if excluded:
        entry["antimeridian_edges_excluded"] = excluded
        entry["geodesic_perimeter_with_antimeridian_edges_km"] = (perimeter + excluded_m) / 1e3
    if span <= MAX_LON_SPAN:
        measured = joined_across_antimeridian(polygons) if excluded else polygons
        mrr, geos = min_widths(measured, epsg, scale)
        entry["min_width_m"] = min(mrr)
        entry["min_width_part"] = mrr.index(min(mrr))
        entry["min_width_geos_m"] = min(geos)
        entry["min_width_geos_part"] = geos.index(min(geos))
    return entry


# ---------------------------------------------------------------- writing

def write_collection(path, features, extra=None):
    """One feature per line, compact, full precision (repr of each double)."""
    head = {"type": "FeatureCollection"}
    head.update(extra or {})
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def feature(identifier, name, polygons, properties=None):
    props = {"name": name}
    props.update(properties or {})
    return {"type": "Feature", "id": identifier, "properties": props, "geometry": as_geojson(polygons)}


os.makedirs(OUT, exist_ok=True)
notes = []

# ---------------------------------------------------------------- Natural Earth countries
countries = []
found = set()
with fiona.open(datasets.get_path("naturalearth_lowres")) as src:
    for record in src:
        name = record["properties"]["name"]
        if name not in COUNTRIES:
            continue
        found.add(name)
        if name in SKIPPED_ALWAYS:
            notes.append(f"countries: {name} skipped: {SKIPPED_ALWAYS[name]}")
            continue
        polygons = polygons_of(record["geometry"])
        valid, reason = validity(polygons)
        if not valid:
            notes.append(f"countries: {name} skipped: invalid in shapely ({reason})")
            continue
        iso = record["properties"]["iso_a3"]
        identifier = iso if iso and iso != "-99" else name
        countries.append(feature(identifier, name, polygons))
missing = sorted({"São Tomé and Príncipe" if "Tom" in n else n for n in COUNTRIES if n not in found}
                 - {"São Tomé and Príncipe" if "Tom" in n else n for n in found})
if missing:
    notes.append("countries not in naturalearth_lowres: " + ", ".join(missing))
sizes = {"countries.json": write_collection(f"{OUT}/countries.json", countries)}

# ---------------------------------------------------------------- NYC boroughs
to_lon_lat = pyproj.Transformer.from_crs("EPSG:2263", "EPSG:4326", always_xy=True)
boroughs, boroughs_2263, areas_2263 = [], [], {}
with fiona.open(datasets.get_path("nybb")) as src:
    assert src.crs.to_epsg() == 2263, src.crs
    for record in src:
        props = dict(record["properties"])
        name = props["BoroName"]
        native = polygons_of(record["geometry"])
        lon_lat = []
        for rings in native:
            out = []
            for ring in rings:
                lons, lats = to_lon_lat.transform([p[0] for p in ring], [p[1] for p in ring], errcheck=True)
                out.append([[x, y] for x, y in zip(lons, lats)])
            lon_lat.append(out)
        for label, polygons in (("EPSG:2263", native), ("lon/lat", lon_lat)):
            valid, reason = validity(polygons)
            if not valid:
                notes.append(f"nyc_boroughs ({label}): {name} is invalid in shapely ({reason})")
        extra = {"BoroCode": props["BoroCode"], "Shape_Leng": props["Shape_Leng"], "Shape_Area": props["Shape_Area"]}
        boroughs.append(feature(name, name, lon_lat, extra))
        boroughs_2263.append(feature(name, name, native, extra))
        areas_2263[name] = shape(as_geojson(native)).area
crs_2263 = {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2263"}}}
sizes["nyc_boroughs.json"] = write_collection(f"{OUT}/nyc_boroughs.json", boroughs)
sizes["nyc_boroughs_2263.json"] = write_collection(f"{OUT}/nyc_boroughs_2263.json", boroughs_2263, crs_2263)
if sizes["nyc_boroughs.json"] + sizes["nyc_boroughs_2263.json"] > NYC_LIMIT:
    all_size = sizes["nyc_boroughs_2263.json"]
    boroughs_2263 = [f for f in boroughs_2263 if f["id"] in NYC_2263_KEPT]
    sizes["nyc_boroughs_2263.json"] = write_collection(f"{OUT}/nyc_boroughs_2263.json", boroughs_2263, crs_2263)
    notes.append(f"nyc_boroughs_2263.json keeps only {', '.join(NYC_2263_KEPT)}: with all five boroughs it was "
                 f"{all_size} bytes, the two NYC files {all_size + sizes['nyc_boroughs.json']} bytes (> {NYC_LIMIT})")

# ---------------------------------------------------------------- references.json
features = {"countries.json": {}, "nyc_boroughs.json": {}, "nyc_boroughs_2263.json": {}}
for f in countries:
    features["countries.json"][f["id"]] = references(polygons_of(f["geometry"]))
for f in boroughs:
    features["nyc_boroughs.json"][f["id"]] = references(polygons_of(f["geometry"]))
for f in boroughs_2263:
    features["nyc_boroughs_2263.json"][f["id"]] = {
        "area_ft_km2": areas_2263[f["id"]] * US_FOOT ** 2 / 1e6,
        "geodesic_area_km2": features["nyc_boroughs.json"][f["id"]]["geodesic_area_km2"],
    }

versions = {"pyproj": pyproj.__version__, "proj": pyproj.proj_version_str, "geographiclib": geographiclib.__version__,
            "shapely": shapely.__version__, "geos": shapely.geos_version_string, "geopandas": geopandas.__version__,
            "fiona": fiona.__version__, "gdal": fiona.__gdal_version__}
out = {
    "generator": "scripts/make-real-world-references.py",
    "versions": versions,
    "sources": {
        "countries.json": "Natural Earth 1:110m admin 0 countries as shipped by geopandas 0.14 (naturalearth_lowres)",
        "nyc_boroughs.json": "NYC boroughs as shipped by geopandas 0.14 (nybb_16a.zip, EPSG:2263), reprojected to EPSG:4326 "
                             "with pyproj always_xy: " + to_lon_lat.description,
        "nyc_boroughs_2263.json": "the same boroughs in their native EPSG:2263 coordinates (US survey feet)",
    },
    "conventions": {
        "geodesic_area_km2": "GeographicLib PolygonArea on WGS84, |area| of each ring, outer rings add, holes subtract, parts add",
        "geodesic_perimeter_km": "GeographicLib PolygonArea on WGS84, every ring of every part, EXCLUDING edges lying along "
                                 "lon = ±180 (both vertices at |lon| == 180 within 1e-9): the antimeridian cuts of Fiji "
                                 "and Russia; geodesic_perimeter_with_antimeridian_edges_km counts them too",
        "utm_epsg": "zone of the shapely centroid of the longitude-unwrapped AOI: floor((lon + 180) / 6) + 1, 326zz for "
                    "centroid lat >= 0 else 327zz; no Norway/Svalbard exceptions",
        "centroid": "that centroid, [lon normalised to [-180, 180), lat]",
        "centroid_scale": "pyproj Proj('EPSG:<utm_epsg>').get_factors(centroid), mean of meridional and parallel scale",
        "lon_span_deg": "longitude extent of the unwrapped AOI",
        "min_width_m": f"only when lon_span_deg <= {MAX_LON_SPAN}; an AOI split at ±180° has its parts joined across the seam first; per part, the vertices (no densification) projected "
                       "with pyproj always_xy into utm_epsg, the shorter side of shapely's minimum_rotated_rectangle "
                       "(GEOS >= 3.12: the minimum-AREA rectangle), divided by centroid_scale; the minimum over parts "
                       "(min_width_part: that part's index)",
        "min_width_geos_m": "as min_width_m, but with GEOS' minimum width (shapely.minimum_width, GEOSMinimumWidth: the "
                            "rotating-calipers width, <= the minimum-area rectangle's shorter side)",
        "area_ft_km2": "shapely planar area of the EPSG:2263 geometry (US survey ft2) x 0.3048006096012192^2 / 1e6",
    },
    "notes": notes,
    "features": features,
}
with open(f"{OUT}/references.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")

# ---------------------------------------------------------------- utm_point_scales.json
points = [
    ("central meridian, equator", 3.0, 0.0, 32631),
    ("central meridian, lat 30", 3.0, 30.0, 32631),
    ("central meridian, lat 60", 3.0, 60.0, 32631),
    ("central meridian, lat 80", 3.0, 80.0, 32631),
    ("central meridian, lat -45", 3.0, -45.0, 32731),
    ("central meridian of zone 32, equator", 9.0, 0.0, 32632),
    ("central meridian of zone 60, lat -17.8", 177.0, -17.8, 32760),
    ("central meridian of zone 1, lat 65", -177.0, 65.0, 32601),
    ("3 deg east of the central meridian (zone edge), equator", 6.0, 0.0, 32631),
    ("3 deg west of the central meridian (zone edge), lat 45", 0.0, 45.0, 32631),
    ("3 deg east of the central meridian (zone edge), lat 70", 6.0, 70.0, 32631),
    ("Libreville", 9.45, 0.39, 32632),
    ("Sao Tome", 6.73, 0.34, 32632),
    ("near the equator and the prime meridian, north-east", 0.5, 0.5, 32631),
    ("near the equator and the prime meridian, south-west", -0.5, -0.5, 32730),
    ("Fiji, 2.5 deg east of the central meridian of zone 60", 179.5, -17.8, 32760),
    ("Chukotka, 2.5 deg west of the central meridian of zone 1", -179.5, 65.0, 32601),
    ("Montpellier area", 3.0, 43.6, 32631),
    ("1 deg beyond the east edge of zone 31, lat 45", 7.0, 45.0, 32631),
    ("1 deg beyond the west edge of zone 31, equator", -1.0, 0.0, 32631),
    ("1 deg beyond the east edge of zone 60 (lon 181 = -179), lat -17.8", -179.0, -17.8, 32760),
]
point_rows = []
for label, lon, lat, epsg in points:
    meridional, parallel, mean = point_scale(epsg, lon, lat)
    point_rows.append({"label": label, "lon": lon, "lat": lat, "epsg": epsg,
                       "meridional": meridional, "parallel": parallel, "mean": mean})


def box(label, lon, lat, width_km, height_km):
    """A lon/lat box centred at (lon, lat), `width_km` east-west (measured along the centre's parallel... via geodesic
    Direct east and west from the centre) and `height_km` north-south, closed, counter-clockwise."""
    east = GEOD.Direct(lat, lon, 90, width_km * 500)["lon2"]
    west = GEOD.Direct(lat, lon, -90, width_km * 500)["lon2"]
    north = GEOD.Direct(lat, lon, 0, height_km * 500)["lat2"]
    south = GEOD.Direct(lat, lon, 180, height_km * 500)["lat2"]
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    polygons = [[ring]]
    epsg, (clon, clat), _ = utm_zone(polygons)
    scale = point_scale(epsg, clon, clat)[2]
    mrr, geos = min_widths(polygons, epsg, scale)
    area, perimeter, _, _ = geodesic_figures(polygons)
    return {"label": label, "ring": ring, "epsg": epsg, "centroid": [clon, clat], "centroid_scale": scale,
            "min_width_m": mrr[0], "min_width_geos_m": geos[0],
            "geodesic_area_km2": area / 1e6, "geodesic_perimeter_km": perimeter / 1e3}


boxes = [
    box("27 km (east-west) x 40 km (north-south) centred at Libreville", 9.45, 0.39, 27, 40),
    box("5 km x 5 km centred at (0.2, 0.1)", 0.2, 0.1, 5, 5),
    box("1 km (east-west) x 30 km (north-south) centred at (-0.3, -0.2)", -0.3, -0.2, 1, 30),
]
scales = {
    "generator": "scripts/make-real-world-references.py",
    "versions": versions,
    "conventions": {
        "points": "pyproj Proj('EPSG:<epsg>').get_factors(lon, lat): meridional_scale, parallel_scale and their mean",
        "boxes": "ring: lon/lat box (edges along parallels and meridians) built with geodesic Direct from its centre; "
                 "epsg by the centroid rule; min_width_m as references.json's (minimum_rotated_rectangle shorter side "
                 "in epsg / centroid_scale); min_width_geos_m with shapely.minimum_width",
    },
    "points": point_rows,
    "boxes": boxes,
}
with open(f"{OUT}/utm_point_scales.json", "w", encoding="utf-8") as f:
    json.dump(scales, f, indent=1, ensure_ascii=False)
    f.write("\n")

# ---------------------------------------------------------------- summary and sanity checks
for name in ("countries.json", "nyc_boroughs.json", "nyc_boroughs_2263.json", "references.json", "utm_point_scales.json"):
    sizes[name] = os.path.getsize(f"{OUT}/{name}")
for label, collection in (("countries.json", countries), ("nyc_boroughs.json", boroughs),
                          ("nyc_boroughs_2263.json", boroughs_2263)):
    counts = {f["id"]: sum(len(r) for rings in polygons_of(f["geometry"]) for r in rings) for f in collection}
    print(f"{label}: {len(collection)} features, {sum(counts.values())} vertices, {sizes[label]} bytes: {counts}")
for name in ("references.json", "utm_point_scales.json"):
    print(f"{name}: {sizes[name]} bytes")
for file, entries in features.items():
    for identifier, entry in entries.items():
        print(f"  {file} {identifier}: " + ", ".join(f"{k}={v:.6f}" if isinstance(v, float) else f"{k}={v}"
                                                  for k, v in entry.items() if k != "centroid"))
for note in notes:
    print("note:", note)

fiji = features["countries.json"]["FJI"]["geodesic_area_km2"]
france = features["countries.json"]["FRA"]["geodesic_area_km2"]
assert 17_000 < fiji < 21_000, fiji
assert 550_000 < france < 650_000, france
for row in point_rows:
    if row["label"].startswith("central meridian"):
        # get_factors differentiates numerically: 0.9996 to about 1e-10, not to the last bit.
        assert abs(row["mean"] - 0.9996) < 1e-9 and abs(row["meridional"] - row["parallel"]) < 1e-9, row
for file in ("nyc_boroughs_2263.json",):
    for identifier, entry in features[file].items():
        assert abs(entry["area_ft_km2"] / entry["geodesic_area_km2"] - 1) < 1e-3, (identifier, entry)
print("central-meridian means - 0.9996: " + ", ".join(f"{row['mean'] - 0.9996:.1e}" for row in point_rows
                                                      if row["label"].startswith("central meridian")))
print(f"checks: Fiji {fiji:.1f} km2, France {france:.1f} km2, central-meridian scale "
      f"{point_rows[0]['mean']!r}; box min widths " + ", ".join(f"{b['min_width_m']:.3f} m" for b in boxes))
