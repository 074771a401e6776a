package dev.oficio.deposits;

import dev.oficio.shared.ValidationException;

/**
 * A position on Earth in decimal degrees (WGS 84), used as check-in evidence.
 *
 * @param latitude −90 to 90
 * @param longitude −180 to 180
 */
public record GeoPoint(double latitude, double longitude) {
  private static final double EARTH_RADIUS_METERS = 6_371_000;

  /** Checks the ranges. */
  public GeoPoint {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw ValidationException.of("latitude", "must be between -90 and 90, was " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw ValidationException.of("longitude", "must be between -180 and 180, was " + longitude);
    }
  }

  /** Great-circle distance to {@code other} in metres (haversine). */
  public double metersTo(GeoPoint other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
