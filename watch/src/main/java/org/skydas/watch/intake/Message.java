package org.skydas.watch.intake;

import java.util.concurrent.CompletableFuture;

import org.skydas.ingest.asterix.ExternalTrack;
import org.skydas.ingest.asterix.PlotReport;
import org.skydas.ingest.cot.CotEvent;
import org.skydas.ingest.listen.Received;
import org.skydas.ingest.remoteid.OdidMessage;

/** One decoded message waiting for the normaliser, with when it was received (epoch ms). */
public sealed interface Message {

    long receivedAtMillis();

    /** A Cursor-on-Target event. */
    record Cot(Received<CotEvent> r) implements Message {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** A JSON detection; {@code journalled} (HTTP only, else null) completes when its journal entry is committed. */
    record Json(Received<org.skydas.ingest.json.Detection> r, CompletableFuture<Void> journalled) implements Message {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** A located radar plot; {@code recordJson} is the decoded record as the journal keeps it. */
    record Plot(PlotReport plot, String recordJson, String listener, long receivedAtMillis) implements Message {
    }

    /** A CAT062 system track from another surveillance system. */
    record SystemTrack(ExternalTrack track, String recordJson, String listener, long receivedAtMillis)
            implements Message {
    }

    /** What a Remote ID receiver heard from one drone. */
    record RemoteId(Received<OdidMessage> r) implements Message {
        public long receivedAtMillis() {
            return r.receivedAtMillis();
        }
    }

    /** A report of a self-converting feed (SAPIENT, STANAG 4607, ONVIF). */
    record Feed(FeedReport f) implements Message {
        public long receivedAtMillis() {
            return f.receivedAtMillis();
        }
    }
}
