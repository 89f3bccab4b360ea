/**
 * The ports in memory (journal, alerts on an {@code AlertBook}, track history): a pipeline that needs no database, for
 * tests and tools.
 */
package org.skydas.watch.memory;
