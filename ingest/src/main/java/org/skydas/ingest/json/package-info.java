/**
 * Skydas JSON detections (camera, fence, seismic, acoustic, RF sensors): the validating parser that enforces
 * {@code detection.schema.json} (kept beside it) and names every problem, the {@code Detection} record, and the
 * canonical writer.
 */
package org.skydas.ingest.json;
