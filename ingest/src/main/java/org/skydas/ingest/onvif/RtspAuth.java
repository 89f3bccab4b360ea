package org.skydas.ingest.onvif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RTSP client authentication as cameras ask for it (RFC 2326 §D, HTTP's schemes): Digest (RFC 2617 / RFC 7616 with
 * MD5, with or without {@code qop=auth}) when the camera offers it, else Basic. Built from the camera's
 * {@code WWW-Authenticate} challenges of a 401 answer; {@link #header} then gives the {@code Authorization} of every
 * later request (Digest depends on the method and URL, and counts its uses of the nonce).
 */
public final class RtspAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String password;
    private final boolean digest;
    private final String realm;
    private final String nonce;
    private final String opaque;
    private final boolean qopAuth;
    private final String cnonce;
    private int nonceCount;

    private RtspAuth(String user, String password, boolean digest, String realm, String nonce, String opaque,
                     boolean qopAuth) {
        this.user = user;
        this.password = password;
        this.digest = digest;
        this.realm = realm;
        this.nonce = nonce;
        this.opaque = opaque;
        this.qopAuth = qopAuth;
        byte[] c = new byte[8];
        RANDOM.nextBytes(c);
        this.cnonce = HexFormat.of().formatHex(c);
    }

    /**
     * The scheme to answer {@code challenges} (the values of the 401's {@code WWW-Authenticate} headers) with, or
     * null when none is one this client speaks (Digest with MD5, Basic).
     */
    public static RtspAuth answer(List<String> challenges, String user, String password) {
        RtspAuth basic = null;
        for (String c : challenges) {
            String scheme = c.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            Map<String, String> p = params(c.strip().substring(scheme.length()));
            if (scheme.equals("digest")) {
                String algorithm = p.getOrDefault("algorithm", "MD5");
                if (!algorithm.equalsIgnoreCase("MD5") || p.get("nonce") == null) {
                    continue;
                }
                String qop = p.get("qop");
                boolean auth = qop != null && List.of(qop.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains("auth");
                if (qop != null && !auth) {
                    continue;
                }
                return new RtspAuth(user, password, true, p.getOrDefault("realm", ""), p.get("nonce"), p.get("opaque"),
                        auth);
            }
            if (scheme.equals("basic")) {
                basic = new RtspAuth(user, password, false, p.getOrDefault("realm", ""), null, null, false);
            }
        }
        return basic;
    }

    /** Digest or Basic. */
    public String scheme() {
        return digest ? "Digest" : "Basic";
    }

    /** The {@code Authorization} value of a request of {@code method} to {@code url}. */
    public String header(String method, String url) {
        if (!digest) {
            return "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + url);
        StringBuilder h = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(url).append('"');
        if (qopAuth) {
            String nc = String.format(Locale.ROOT, "%08x", ++nonceCount);
            h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            h.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) {
            h.append(", opaque=\"").append(opaque).append('"');
        }
        return h.append(", algorithm=MD5").toString();
    }

    /** The auth-params of a challenge: {@code name=value} or {@code name="value"}, comma separated. */
    static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    v.append(s.charAt(i++));
                }
            }
            out.put(name, v.toString().strip());
        }
        return out;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
