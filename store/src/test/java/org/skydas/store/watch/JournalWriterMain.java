package org.skydas.store.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.skydas.alert.AlertBook;
import org.skydas.alert.AuditEvent;
import org.skydas.alert.Finding;
import org.skydas.alert.RuleKind;
import org.skydas.alert.Severity;
import org.skydas.watch.port.JournalEntry;

/**
 * A writer for the crash test: journals detections and acknowledges alerts as fast as it can, and
 * prints a line after each commit ("detections LASTID", "ack ALERTID"), until it is killed or a
 * minute has passed.
 */
public final class JournalWriterMain {

    private JournalWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        AlertBook book = new AlertBook();
        try (WatchStore store = WatchStore.openSqlite(Path.of(args[0]))) {
            for (int i = 0; System.nanoTime() < deadline; i++) {
                List<JournalEntry> batch = new ArrayList<>();
                for (int k = 0; k < 20; k++) {
                    batch.add(new JournalEntry(0, i, "radar-" + k, "asterix", "{\"i\":" + i + ",\"k\":" + k + "}"));
                }
                long[] ids = store.appendDetections(batch);
                System.out.println("detections " + ids[ids.length - 1]);
                if (i % 5 == 0) {
                    AlertBook.Raised r = book.raise(new Finding(RuleKind.BORDER_CROSSING, Severity.HIGH, "track:" + i, i,
                            0, 0, "BY-001", null, "crossing"));
                    store.record(r.alert(), r.audit());
                    AuditEvent ack = book.acknowledge(r.alert().id(), "op", "seen", i);
                    store.record(ack.after(), ack);
                    System.out.println("ack " + r.alert().id());
                }
                System.out.flush();
            }
        }
    }
}
