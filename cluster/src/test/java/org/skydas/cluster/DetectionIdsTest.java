package org.skydas.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DetectionIdsTest {

    @Test
    void idsAreUniqueAcrossThreadsAndCarryTheirNode() throws Exception {
        DetectionIds ids = new DetectionIds(7);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int k = 0; k < 50_000; k++) seen.add(ids.next());
            });
            threads[i].start();
        }
        for (Thread t : threads) t.join();
        assertThat(seen).hasSize(200_000);
        assertThat(seen).allMatch(id -> DetectionIds.nodeOf(id) == 7);
    }

    @Test
    void aRestartedNodeStartsAboveItsEarlierIdsAndNodesNeverCollide() {
        AtomicLong clock = new AtomicLong(DetectionIds.EPOCH_MILLIS + 1_000_000);
        DetectionIds before = new DetectionIds(3, clock::get);
        long last = 0;
        for (int k = 0; k < 200; k++) last = before.next();   // fewer than 256 in the same millisecond
        clock.addAndGet(1);                                      // restarted a millisecond later
        DetectionIds after = new DetectionIds(3, clock::get);
        assertThat(after.next()).isGreaterThan(last);
        DetectionIds other = new DetectionIds(4, clock::get);
        assertThat(other.next()).isNotEqualTo(after.next());
        assertThatThrownBy(() -> new DetectionIds(65_536)).hasMessageContaining("0..65535");
    }

    @Test
    void trackIdsStayExactInAJavaScriptNumberForEveryTrackerNodeForThirtyFourYears() {
        long maxSafe = (1L << 53) - 1; // Number.MAX_SAFE_INTEGER
        AtomicLong clock = new AtomicLong(DetectionIds.EPOCH_MILLIS + 34L * 365 * 86_400_000L);
        DetectionIds last = DetectionIds.forTracks(8_191, clock::get);
        long id = last.next();
        assertThat(id).isLessThanOrEqualTo(maxSafe);
        assertThat(DetectionIds.nodeOfTrack(id)).isEqualTo(8_191);
        assertThat((double) id).isEqualTo((double) (id - 1) + 1); // no rounding as a double
        // A restarted node starts above its earlier ids (at most one new track per millisecond on average).
        clock.set(DetectionIds.EPOCH_MILLIS + 5_000);
        DetectionIds before = DetectionIds.forTracks(3, clock::get);
        long previous = 0;
        for (int k = 0; k < 4_000; k++) previous = before.next(); // 4 000 tracks within 4 s after the start
        clock.addAndGet(4_001);
        assertThat(DetectionIds.forTracks(3, clock::get).next()).isGreaterThan(previous);
        assertThat(DetectionIds.nodeOfTrack(DetectionIds.forTracks(4, clock::get).next())).isEqualTo(4);
        assertThatThrownBy(() -> DetectionIds.forTracks(8_192)).hasMessageContaining("0..8191");
    }
}
