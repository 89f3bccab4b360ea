/**
 * Cursor-on-Target: the {@code CotEvent} model (point, detail split as TAK v1 splits it, track, contact...), the
 * XML parser (a fast single-pass scanner with a complete, tolerant StAX fallback on Woodstox, liberal in what it
 * accepts and naming what it refuses), the stream splitter for TCP, and a strict writer for TAK clients.
 */
package org.skydas.ingest.cot;
