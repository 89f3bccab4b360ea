/**
 * The watch store, what WATCH must not lose, on SQLite WAL or PostgreSQL + PostGIS from one migration list: the
 * compact detections journal (sources once, DEFLATE payloads with per-protocol dictionaries), alerts and the
 * append-only audit, track history, users and the account audit, the obstacle register with its versions, and batched
 * retention. Single writer; {@code SqliteCheckpointer} keeps the WAL bounded from its own thread (ADR 0008).
 */
package org.skydas.store.watch;
