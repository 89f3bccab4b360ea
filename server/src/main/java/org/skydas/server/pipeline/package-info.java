/**
 * The live WATCH pipeline ({@code LivePipeline}): listeners' messages on one bounded queue, journalled before
 * anything acts on them (ADR 0004), converted to grid detections per feed ({@code *ToDetection}, radar plots located
 * from the scenario's radars), released to the tracker by per-source watermarks, then rules and alerts. Moves to a
 * {@code watch} module in issue #18 part 1.
 */
package org.skydas.server.pipeline;
