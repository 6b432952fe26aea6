import assert from "node:assert/strict";
import { test } from "node:test";
import { byDistance, distance, readPostcode } from "../../templates/assets/javascripts/modules/geo.js";

const DEGREE_KM = (2 * Math.PI * 6371) / 360; // one degree along a great circle
const near = (actual, wanted, margin = 1e-6) => assert.ok(Math.abs(actual - wanted) < margin, actual + " is not " + wanted);

test("one degree of latitude is 111.2 km; a point to itself 0", () => {
  near(distance([52, 4], [53, 4]), DEGREE_KM);
  near(distance([52, 4], [52, 4]), 0);
});

test("a degree of longitude shrinks with the cosine of the latitude", () => {
  // Along a parallel the great circle is a little shorter than the parallel itself.
  const along = distance([52, 4], [52, 5]);
  near(along, 68.458, 0.001);
  assert.ok(along < DEGREE_KM * Math.cos((52 * Math.PI) / 180));
  near(distance([0, 4], [0, 5]), DEGREE_KM); // on the equator: a full degree
});

test("the distance is the same both ways and between two real towns", () => {
  const haarlem = [52.3874, 4.6462];
  const amsterdam = [52.3728, 4.8936];
  near(distance(haarlem, amsterdam), distance(amsterdam, haarlem), 1e-9);
  near(distance(haarlem, amsterdam), 16.871, 0.001); // Python's distance_km says the same
});

test("schools nearest first; without a point last; ties in index order", () => {
  const rows = [
    { i: 0, punt: [53, 4] },
    { i: 1, punt: null },
    { i: 3, punt: [52.5, 4] },
    { i: 2, punt: [52.5, 4] },
    { i: 4, punt: [52, 4] },
  ];
  const sorted = byDistance(rows, [52, 4]);
  assert.deepEqual(sorted.map((r) => r.i), [4, 2, 3, 0, 1]);
  near(sorted[1].afstand, DEGREE_KM / 2);
  assert.equal(sorted[4].afstand, Infinity);
});

test("a typed postcode: its four digits, still typing, or wrong", () => {
  for (const typed of ["1966 AR", " 1966ar ", "1966", "1966 a"]) {
    assert.deepEqual(readPostcode(typed), { state: "compleet", digits: "1966" }, typed);
  }
  for (const typed of ["1", "19", "196", " 196 "]) assert.deepEqual(readPostcode(typed), { state: "bezig", digits: "" }, typed);
  for (const typed of ["abcd", "12345", "0196", "19a6", "1966 ABC", "1966-AR", "19 66"]) {
    assert.deepEqual(readPostcode(typed), { state: "fout", digits: "" }, typed);
  }
  assert.deepEqual(readPostcode("   "), { state: "leeg", digits: "" });
});
