/**
 * Recording and replaying simulator runs: the JSON-lines journal of every message (writer, reader that counts and
 * skips bad lines), a pcap writer so that a run opens in Wireshark, and the {@code Replayer} that re-emits a journal
 * with its recorded spacing.
 */
package org.skydas.sim.journal;
