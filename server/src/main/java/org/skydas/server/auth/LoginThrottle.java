package org.skydas.server.auth;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down: after {@code perUser} failed logins for one user name, or {@code perAddress}
 * from one address, within the window, further attempts are refused until the oldest failure leaves the
 * window (OWASP ASVS 2.2.1). Refused attempts are not counted as failures (so a lock-out cannot be
 * stretched forever by the attacker) and cost the server no password hashing. A success clears the
 * user name's failures. Memory is bounded: at most {@link #MAX_KEYS} names and addresses are tracked.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    private final int perUser;
    private final int perAddress;
    private final long windowMillis;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int perUser, int perAddress, long windowMillis) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.windowMillis = windowMillis;
    }

    /** The defaults of the issue and of ASVS: 5 per user name, 20 per address, in 15 minutes. */
    public static LoginThrottle defaults() {
        return new LoginThrottle(5, 20, 15 * 60_000L);
    }

    /** Seconds until {@code username} may try again from {@code address}; 0 when it may now. */
    public long retryAfterSeconds(String username, String address, long nowMillis) {
        long wait = Math.max(waitMillis(userKey(username), perUser, nowMillis),
                waitMillis(addressKey(address), perAddress, nowMillis));
        return wait <= 0 ? 0 : Math.max(1, (wait + 999) / 1000);
    }

    public void failed(String username, String address, long nowMillis) {
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < nowMillis - windowMillis;
                }
            });
        }
        add(userKey(username), nowMillis);
        add(addressKey(address), nowMillis);
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void add(String key, long now) {
        ArrayDeque<Long> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
        }
    }

    private long waitMillis(String key, int limit, long now) {
        ArrayDeque<Long> q = failures.get(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst() <= now - windowMillis) {
                q.pollFirst();
            }
            if (q.size() < limit) {
                return 0;
            }
            // The (size - limit + 1)-th oldest failure must leave the window before one more try.
            long[] times = q.stream().mapToLong(Long::longValue).toArray();
            return times[q.size() - limit] + windowMillis - now;
        }
    }

    private static String userKey(String username) {
        return "u:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "?" : address);
    }
}
