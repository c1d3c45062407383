/* lunr.js and the manifest, loaded once: the engine every query asks. */

import { Engine } from "./engine.js";
import { BASE, LUNR_VERSION, fetchManifest, loadScript } from "./files.js";

let engine = null;

/** lunr.js and the manifest, loaded once (on first focus or first query). */
export const prepare = () => {
  if (!engine) {
    engine = Promise.all([
      window.lunr ? Promise.resolve() : loadScript(`${BASE}lunr.min.js?v=${LUNR_VERSION}`),
      fetchManifest(),
    ]).then(([, manifest]) => new Engine(window.lunr, manifest));
    engine.catch(() => {
      engine = null; // let the next attempt retry
    });
  }
  return engine;
};
