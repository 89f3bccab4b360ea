package org.skydas.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.skydas.server.auth.Sessions;

/**
 * How a running Skydas protects itself: token lifetime; HTTPS (certificate and key, PEM); client
 * certificates required on the CoT, TAK and TAK-out TCP ports (the CA that signs them, PEM); whether
 * plaintext feeds stay on beside them; which interface the UDP feeds bind to when client certificates
 * are required.
 */
record Security(Duration tokenLifetime, Path tlsCert, Path tlsKey, Path clientCa, boolean insecureFeeds,
                String udpHost) {

    static final Security DEFAULTS = new Security(Sessions.DEFAULT_TTL, null, null, null, false, null);

    Security {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UserError("--tls-cert and --tls-key go together");
        }
    }

    boolean https() {
        return tlsCert != null;
    }

    boolean mutualTlsFeeds() {
        return clientCa != null;
    }

    /** "8h", "30m", "90s" or a whole number of seconds. */
    static Duration parseDuration(String text, String option) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            long n = Long.parseLong(t.replaceAll("[smh]$", ""));
            Duration d = t.endsWith("h") ? Duration.ofHours(n) : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
            if (d.isNegative() || d.isZero()) {
                throw new UserError(option + " must be positive, is '" + text + "'");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UserError(option + " must be like 8h, 30m or 90s, is '" + text + "'");
        }
    }
}
