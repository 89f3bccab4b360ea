package org.skydas.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of logged-in users: 256 random bits each, valid for a fixed time, kept in memory
 * (a restart logs everyone out, which a control room accepts better than tokens that cannot be
 * revoked). Expired tokens are dropped when met.
 */
public final class Sessions {

    public record Session(String username, Role role, long expiresAtMillis) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final long ttlMillis;

    public Sessions(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    public String open(String username, Role role) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        byTokenPutBounded(token, new Session(username, role, System.currentTimeMillis() + ttlMillis));
        return token;
    }

    private void byTokenPutBounded(String token, Session s) {
        if (byToken.size() > 10_000) {
            long now = System.currentTimeMillis();
            byToken.values().removeIf(x -> x.expiresAtMillis() < now);
        }
        byToken.put(token, s);
    }

    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expiresAtMillis() < System.currentTimeMillis()) {
            byToken.remove(token);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public long ttlSeconds() {
        return ttlMillis / 1000;
    }
}
