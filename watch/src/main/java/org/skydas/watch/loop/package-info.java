/**
 * The watch loop: journalled detections → live tracker (released by per-source watermarks, at the latest after the
 * reorder window) → rules on changed tracks and the clock → findings marked covered or gap → alerts raised together
 * through the alert sink; track history downsampled; detection→alert latency measured.
 */
package org.skydas.watch.loop;
