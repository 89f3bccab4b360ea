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
}
