/**
 * The obstacle register's domain, pure: explosive-field records to CCW Amended Protocol II (Technical Annex 1) and
 * non-explosive obstacles ({@code ObstacleField}), their JSON codec naming the field at fault, validation against the
 * map, the life cycle planned → laid → marked → inspected → cleared → handed over with its roles ({@code LifeCycle},
 * {@code Access}), the marking plan (Annex 4) and its map, civilian-proximity warnings, the IMSMA hand-over export and
 * the counter-mobility roll-up. It records, marks and clears; nothing here arms or controls anything (ADR 0003).
 */
package org.skydas.obstacles;
