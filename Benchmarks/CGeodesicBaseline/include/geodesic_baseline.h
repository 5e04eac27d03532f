#ifndef GEODESIC_BASELINE_H
#define GEODESIC_BASELINE_H

/// The bare C loop the benchmark compares geoprice's geodesic step with: geod_polygonarea (PROJ's geodesic.h) on
/// WGS84 over `count` rings stored back to back (`sizes[i]` vertices each, closing vertex excluded). Returns the sum
/// of the absolute areas in m², so the loop cannot be optimised away.
double geodesic_baseline_areas(const double *lats, const double *lons, const int *sizes, int count);

#endif
