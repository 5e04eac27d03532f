#include "geodesic_baseline.h"
#include <geodesic.h>
#include <math.h>

double geodesic_baseline_areas(const double *lats, const double *lons, const int *sizes, int count) {
    struct geod_geodesic g;
    geod_init(&g, 6378137, 1 / 298.257223563);
    double total = 0;
    int offset = 0;
    for (int i = 0; i < count; i++) {
        double area = 0, perimeter = 0;
        /* geod_polygonarea's arrays are not const in PROJ 9.1's prototype, though it only reads them. */
        geod_polygonarea(&g, (double *)lats + offset, (double *)lons + offset, sizes[i], &area, &perimeter);
        total += fabs(area);
        offset += sizes[i];
    }
    return total;
}
