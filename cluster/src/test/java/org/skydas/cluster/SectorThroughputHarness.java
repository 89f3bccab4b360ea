package org.skydas.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.locationtech.jts.geom.Coordinate;
import org.skydas.model.Scenario;
import org.skydas.model.demo.DemoScenario;
import org.skydas.track.Detection;

/**
 * A quick throughput harness (not a test, no timing asserted): the demo scenario's sectors over P partitions on the
 * in-process KRaft broker; one thread publishes N detections near the border as fast as the producer takes them
 * and waits for every acknowledgement, while C consumers of one group count what they are handed. Prints the
 * routing rate alone, publish→ack rate, and the rate at which the group handled everything.
 *
 * <pre>
 *   ./build -q -pl cluster -am test-compile -DskipTests
 *   (cd cluster &amp;&amp; ../build -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
 *   java -cp cluster/target/test-classes:cluster/target/classes:$(cat cluster/target/cp.txt) \
 *       org.skydas.cluster.SectorThroughputHarness [detections=200000] [partitions=8] [consumers=2] [halo_m=1000]
 * </pre>
 */
public final class SectorThroughputHarness {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int consumers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        double halo = args.length > 3 ? Double.parseDouble(args[3]) : 1_000;
        Scenario demo = new DemoScenario().build();
        SectorMap map = SectorMap.of(demo, partitions, halo);
        List<Coordinate> points = positions(demo, n);

        long t0 = System.nanoTime();
        long copies = 0;
        for (Coordinate c : points) copies += map.route(c.x, c.y).all().size();
        double routeS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("route: %d positions in %.2f s = %.0f /s (%d sectors, %.3f copies per detection)%n",
                n, routeS, n / routeS, map.sectorIds().size(), copies / (double) n);

        try (DevBroker kafka = new DevBroker(InProcessKafka.SESSION_TIMEOUT_MS); Admin admin = kafka.admin()) {
            String topic = "throughput";
            SectorTopic.ensure(admin, topic, map, (short) 1, 1);
            AtomicLong handled = new AtomicLong();
            SectorHandler counter = new SectorHandler() {
                @Override
                public void handle(SectorBatch batch) {
                    handled.addAndGet(batch.detections().size());
                }

                @Override
                public Map<Integer, Long> assigned(Collection<OwnedPartition> owned) {
                    return Map.of();
                }
            };
            List<SectorConsumer> group = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                group.add(SectorConsumer.connect(kafka.bootstrap(), "bench", topic, map, counter, "n" + i, Map.of())
                        .start());
            }
            try (SectorPublisher publisher = SectorPublisher.connect(kafka.bootstrap(), topic, map, 1, Map.of())) {
                // warm-up: the producer's metadata, the group's first assignment
                publisher.publish("warm", null, System.currentTimeMillis(), Detection.position(0, 0, points.get(0).x,
                        points.get(0).y, 10)).get(30, TimeUnit.SECONDS);
                long target = publisher.counters().acked();
                while (handled.get() < target) Thread.sleep(10);
                long before = handled.get();
                long start = System.nanoTime();
                List<CompletableFuture<SectorPublisher.Accepted>> futures = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Coordinate c = points.get(i);
                    futures.add(publisher.publish("json:S" + (i % 50), "json-http", System.currentTimeMillis(),
                            Detection.position(i * 0.001, 0, c.x, c.y, 10)));
                }
                for (CompletableFuture<SectorPublisher.Accepted> f : futures) f.get(120, TimeUnit.SECONDS);
                double ackS = (System.nanoTime() - start) / 1e9;
                long records = publisher.counters().acked() - target;
                while (handled.get() - before < records) Thread.sleep(5);
                double allS = (System.nanoTime() - start) / 1e9;
                System.out.printf("publish: %d detections (%d records) accepted in %.2f s = %.0f detections/s%n",
                        n, records, ackS, n / ackS);
                System.out.printf("consume: %d consumers handled all %d records %.2f s after the first send = "
                        + "%.0f records/s end to end%n", consumers, records, allS, records / allS);
                System.out.println("publisher " + publisher.counters());
            }
            for (SectorConsumer c : group) {
                System.out.println("consumer " + c.name() + " " + c.counters());
                c.close();
            }
        }
    }

    /** n positions within 3 km of the demo border's vertices (a deterministic spread). */
    static List<Coordinate> positions(Scenario s, int n) {
        List<Coordinate> vertices = new ArrayList<>();
        s.sectors().forEach(sec -> vertices.addAll(List.of(sec.geometry().getCoordinates())));
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        List<Coordinate> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Coordinate v = vertices.get(r.nextInt(vertices.size()));
            out.add(new Coordinate(v.x + r.nextDouble(-3_000, 3_000), v.y + r.nextDouble(-3_000, 3_000)));
        }
        return out;
    }
}
