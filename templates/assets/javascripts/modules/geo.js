// Distances for "near me", computed in the browser (nothing is sent). No DOM: tested in tests/js/.

const RAD = Math.PI / 180;
const EARTH_KM = 6371;

/** Great-circle distance in km between two [lat, lon] points (haversine). */
export function distance(a, b) {
  const dLat = (b[0] - a[0]) * RAD;
  const dLon = (b[1] - a[1]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** ``rows`` nearest first, each with its ``afstand`` (Infinity without ``punt``); ties by ``i``. */
export function byDistance(rows, point) {
  for (const row of rows) row.afstand = row.punt ? distance(point, row.punt) : Infinity;
  return rows.sort((a, b) => a.afstand - b.afstand || a.i - b.i);
}

/** "1966 ar" -> "1966"; "" while incomplete. */
export function postcodeDigits(value) {
  const digits = (value.match(/\d/g) || []).join("").slice(0, 4);
  return digits.length < 4 ? "" : digits;
}
