package org.skydas.ingest.onvif;

import java.util.Locale;

import org.skydas.ingest.DecodeException;

/**
 * The ONVIF metadata track of an RTSP {@code DESCRIBE} answer (an SDP document, RFC 8866): the {@code m=application}
 * section whose {@code a=rtpmap} names {@code vnd.onvif.metadata} (Streaming specification, "Metadata streaming"),
 * its payload type and its control URL resolved against the session's base (RFC 2326 C.1.1: an absolute control is
 * taken as is, a relative one is appended to the Content-Base, {@code *} is the base itself). A plain metadata track
 * is preferred to a GZIP-compressed one; EXI-compressed metadata is not read. Only the lines that choose the track are
 * read; the rest of the SDP is not interpreted.
 */
public final class RtspSdp {

    /** A metadata track: RTP payload type, control URL to SETUP, and whether its documents are GZIP-compressed. */
    public record MetadataTrack(int payloadType, String controlUrl, boolean gzip) {
    }

    private RtspSdp() {
    }

    /**
     * The metadata track of {@code sdp}, with its control URL resolved against {@code baseUrl} (the Content-Base of
     * the answer, else the URL described).
     *
     * @throws DecodeException when the description has no readable metadata track
     */
    public static MetadataTrack metadataTrack(String sdp, String baseUrl) throws DecodeException {
        MetadataTrack best = null;
        String sessionControl = null;
        boolean inMedia = false;
        boolean application = false;
        int payload = -1;
        boolean gzip = false;
        String control = null;
        boolean exiOnly = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                best = better(best, application, payload, gzip, control, sessionControl, baseUrl);
                inMedia = true;
                application = line.startsWith("m=application");
                payload = -1;
                gzip = false;
                control = null;
            } else if (line.startsWith("a=control:")) {
                if (inMedia) {
                    control = line.substring("a=control:".length()).strip();
                } else {
                    sessionControl = line.substring("a=control:".length()).strip();
                }
            } else if (inMedia && application && line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring("a=rtpmap:".length()).strip().split("\\s+", 2);
                if (parts.length == 2) {
                    String encoding = parts[1].toLowerCase(Locale.ROOT);
                    if (encoding.startsWith("vnd.onvif.metadata")) {
                        if (encoding.contains("exi")) {
                            exiOnly = true;
                        } else {
                            try {
                                int pt = Integer.parseInt(parts[0]);
                                if (payload < 0 || !encoding.contains("gzip")) {
                                    payload = pt;
                                    gzip = encoding.contains("gzip");
                                }
                            } catch (NumberFormatException e) {
                                // not a payload type: not this line
                            }
                        }
                    }
                }
            }
        }
        best = better(best, application, payload, gzip, control, sessionControl, baseUrl);
        if (best == null) {
            throw new DecodeException(exiOnly ? "only EXI-compressed ONVIF metadata offered (not read)"
                    : "no ONVIF metadata track (m=application with vnd.onvif.metadata) in the description");
        }
        return best;
    }

    private static MetadataTrack better(MetadataTrack best, boolean application, int payload, boolean gzip,
                                        String control, String sessionControl, String baseUrl) {
        if (!application || payload < 0) {
            return best;
        }
        MetadataTrack t = new MetadataTrack(payload, resolve(baseUrl, control != null ? control : sessionControl), gzip);
        return best == null || best.gzip() && !gzip ? t : best;
    }

    /** A control attribute resolved against the base URL. */
    static String resolve(String baseUrl, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return baseUrl;
        }
        if (control.regionMatches(true, 0, "rtsp://", 0, 7) || control.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return control;
        }
        return baseUrl.endsWith("/") ? baseUrl + control : baseUrl + "/" + control;
    }
}
