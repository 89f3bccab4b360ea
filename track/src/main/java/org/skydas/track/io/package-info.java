/**
 * The CSV harness of the shared tracking benchmark (not the tracker core, which must not import it): reads
 * {@code detections.csv} and {@code scenario.json}, runs the tracker and writes {@code tracks.csv} for the scorer,
 * and scores tracks against truth as the benchmark's {@code score.py} does. The only part of {@code track} that may use
 * Jackson.
 */
package org.skydas.track.io;
