// Shared by the tests: the sample's finder index and what Python says each search must find
// (tests/js/fixtures/, kept current by tests/test_frontend.py), and the scripts' folder.
import { readFileSync } from "node:fs";

export const SCRIPTS = new URL("../../templates/assets/javascripts/", import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL("fixtures/" + name, import.meta.url), "utf8"));

/** A fresh copy of the sample's vinder/scholen.json (decodeIndex changes what it is given). */
export const sampleIndex = () => fixture("scholen.json");
export const expected = fixture("verwacht.json");
