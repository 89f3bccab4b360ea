package org.skydas.server.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of logged-in users: 256 random bits each, valid for a fixed time (8 h unless configured),
 * kept in memory (a restart logs everyone out, which a control room accepts better than tokens that
 * cannot be revoked). A token is revoked by logging out, and all of a user's tokens when the user is
 * disabled or gets a new password. Expired tokens are dropped when met.
 */
public final class Sessions {

    public static final Duration DEFAULT_TTL = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 10_000;

    /**
     * A logged-in user. {@code stamp} fingerprints the stored account at login (0: not bound to a stored
     * account, e.g. the demo's simulator): when it changes (new password, new role, disabled, deleted),
     * {@link #revalidate} logs the session out.
     */
    public record Session(String username, Role role, long expiresAtMillis, long stamp) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final long ttlMillis;

    public Sessions(long ttlMillis) {
        if (ttlMillis <= 0) {
            throw new IllegalArgumentException("a token lifetime must be positive, is " + ttlMillis + " ms");
        }
        this.ttlMillis = ttlMillis;
    }

    public String open(String username, Role role) {
        return open(username, role, ttlMillis, 0);
    }

    /** A token for a stored account whose current state {@code stamp} fingerprints. */
    public String open(String username, Role role, long stamp) {
        return open(username, role, ttlMillis, stamp);
    }

    /** A token of its own lifetime, not bound to a stored account (a process's internal client). */
    public String openFor(String username, Role role, Duration lifetime) {
        return open(username, role, lifetime.toMillis(), 0);
    }

    private String open(String username, Role role, long lifetimeMillis, long stamp) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        if (byToken.size() > MAX_SESSIONS) {
            long now = System.currentTimeMillis();
            byToken.values().removeIf(x -> x.expiresAtMillis() < now);
        }
        byToken.put(token, new Session(username, role, System.currentTimeMillis() + lifetimeMillis, stamp));
        return token;
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

    /** Logs one token out; false when it was not valid. */
    public boolean revoke(String token) {
        return token != null && byToken.remove(token) != null;
    }

    /** Logs every token of {@code username} out; how many there were. */
    public int revokeUser(String username) {
        int[] n = {0};
        byToken.entrySet().removeIf(e -> {
            boolean match = e.getValue().username().equals(username);
            n[0] += match ? 1 : 0;
            return match;
        });
        return n[0];
    }

    /**
     * Logs out every session whose account changed since login: {@code currentStamp} gives an account's
     * stamp now, or empty when it is gone or disabled, or null when that cannot be known now (then the
     * session stays). Returns how many were logged out.
     */
    public int revalidate(java.util.function.Function<String, Optional<Long>> currentStamp) {
        java.util.Map<String, Optional<Long>> now = new java.util.HashMap<>();
        int[] n = {0};
        byToken.entrySet().removeIf(e -> {
            Session s = e.getValue();
            if (s.stamp() == 0) {
                return false;
            }
            Optional<Long> stamp = now.containsKey(s.username()) ? now.get(s.username()) : currentStamp.apply(s.username());
            now.put(s.username(), stamp);
            boolean stale = stamp != null && (stamp.isEmpty() || stamp.get() != s.stamp());
            n[0] += stale ? 1 : 0;
            return stale;
        });
        return n[0];
    }

    public long ttlSeconds() {
        return ttlMillis / 1000;
    }
}
