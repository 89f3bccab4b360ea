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
                String udpInterface, String mqttUser, Path mqttPasswordFile, Path mqttCa) {

    static final Security DEFAULTS = new Security(Sessions.DEFAULT_TTL, null, null, null, false, null, null, null, null);

    Security {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new UserError("--tls-cert and --tls-key go together");
        }
        if (clientCa != null && tlsCert == null) {
            throw new UserError("--client-ca needs --tls-cert and --tls-key: the feed ports present that certificate");
        }
        if ((mqttUser == null) != (mqttPasswordFile == null)) {
            throw new UserError("--mqtt-user and --mqtt-password-file go together");
        }
    }

    /** What the feed listeners need: TCP options (TLS with client certificates or not) and where UDP binds. */
    Feeds.Guard feedGuard(String host) {
        org.skydas.ingest.listen.TcpOptions tcp = org.skydas.ingest.listen.TcpOptions.DEFAULTS;
        String udpHost = host;
        if (clientCa != null) {
            try {
                tcp = tcp.withTls(org.skydas.ingest.listen.TlsContexts.mutual(tlsCert, tlsKey, clientCa));
            } catch (java.io.IOException | RuntimeException e) {
                throw new UserError("cannot use --tls-cert/--tls-key/--client-ca for the feeds: " + e.getMessage());
            }
            udpHost = udpInterface != null ? interfaceAddress(udpInterface) : insecureFeeds ? host : "127.0.0.1";
        } else if (udpInterface != null) {
            udpHost = interfaceAddress(udpInterface);
        }
        return new Feeds.Guard(tcp, udpHost, mqttCredentials());
    }

    private org.skydas.ingest.listen.MqttDetectionListener.Credentials mqttCredentials() {
        try {
            char[] pw = mqttPasswordFile == null ? null
                    : java.nio.file.Files.readAllLines(mqttPasswordFile).stream().findFirst().orElse("").toCharArray();
            javax.net.ssl.SSLSocketFactory tls = mqttCa == null ? null
                    : org.skydas.ingest.listen.TlsContexts.trusting(mqttCa);
            return new org.skydas.ingest.listen.MqttDetectionListener.Credentials(mqttUser, pw, tls);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new UserError("cannot use the MQTT credentials: " + e.getMessage());
        }
    }

    /** The first IPv4 address of network interface {@code name} (e.g. eth1, a sensor VLAN). */
    static String interfaceAddress(String name) {
        try {
            java.net.NetworkInterface ni = java.net.NetworkInterface.getByName(name);
            if (ni == null) {
                throw new UserError("--udp-interface: no network interface '" + name + "'");
            }
            return ni.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).findFirst()
                    .orElseThrow(() -> new UserError("--udp-interface: '" + name + "' has no IPv4 address"))
                    .getHostAddress();
        } catch (java.net.SocketException e) {
            throw new UserError("--udp-interface: " + e.getMessage());
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
