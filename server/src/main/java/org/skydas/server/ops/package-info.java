/**
 * Operating a server for months: background retention of detections and track history
 * ({@code RetentionPurger}), the disk-space guard that raises {@code storage_low} and refuses new data near a full
 * disk ({@code StorageGuard}), and storage and memory figures for health and metrics ({@code Operations}).
 */
package org.skydas.server.ops;
