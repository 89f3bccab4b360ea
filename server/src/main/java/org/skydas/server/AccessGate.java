package org.skydas.server;

import java.util.Optional;

import org.skydas.server.auth.AccessMatrix;
import org.skydas.server.auth.Sessions;

import io.javalin.http.Context;

/**
 * Where every HTTP request to an {@code /api/} route is authenticated and authorised, before its handler
 * runs: the route's rule from {@link AccessMatrix}, the bearer token from {@code Authorization: Bearer},
 * 401 without a valid token, 403 when the token's role is not in the rule. The session is left on the
 * context for the handler ({@link #session}).
 */
final class AccessGate {

    private static final String SESSION = "skydas.session";

    /** Null when the server has no user store: then only open routes answer. */
    private final Sessions sessions;

    AccessGate(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A {@code beforeMatched} handler. */
    void check(Context ctx) {
        if (!ctx.path().startsWith("/api/")) {
            return; // the web client's static files
        }
        String method = ctx.method().name().equals("HEAD") ? "GET" : ctx.method().name();
        AccessMatrix.Rule rule = AccessMatrix.find(method, ctx.endpointHandlerPath())
                .orElseThrow(() -> new Forbidden("this route has no access rule, so nobody may call it"));
        if (rule.open()) {
            return;
        }
        Sessions.Session s = authenticate(ctx, bearer(ctx));
        if (!rule.allows(s.role())) {
            throw new Forbidden("role " + s.role().wireName() + " may not " + method + " " + rule.documentedAs());
        }
        ctx.attribute(SESSION, s);
    }

    /**
     * A {@code wsBeforeUpgrade} handler for the stream: the same rule and token, taken from the
     * {@code Sec-WebSocket-Protocol} header (the client offers {@code skydas, bearer.TOKEN}; the server
     * answers {@code skydas}) or, for one more release, from {@code ?token=}. Refused upgrades get 401/403.
     */
    void checkUpgrade(Context ctx) {
        AccessMatrix.Rule rule = AccessMatrix.find("GET", ctx.endpointHandlerPath())
                .orElseThrow(() -> new Forbidden("this route has no access rule, so nobody may call it"));
        Optional<String> fromProtocol = protocolToken(ctx.header(PROTOCOL_HEADER));
        Sessions.Session s = authenticate(ctx, fromProtocol.or(() -> Optional.ofNullable(ctx.queryParam("token"))));
        if (!rule.allows(s.role())) {
            throw new Forbidden("role " + s.role().wireName() + " may not open " + rule.documentedAs());
        }
        if (fromProtocol.isPresent()) {
            ctx.header(PROTOCOL_HEADER, STREAM_PROTOCOL);
        }
    }

    static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";
    /** The WebSocket subprotocol the server selects when the token came in the protocol list. */
    static final String STREAM_PROTOCOL = "skydas";
    private static final String TOKEN_PREFIX = "bearer.";

    /** The token from a {@code Sec-WebSocket-Protocol} list such as {@code skydas, bearer.TOKEN}. */
    static Optional<String> protocolToken(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String p : header.split(",")) {
            String t = p.trim();
            if (t.startsWith(TOKEN_PREFIX) && t.length() > TOKEN_PREFIX.length()) {
                return Optional.of(t.substring(TOKEN_PREFIX.length()));
            }
        }
        return Optional.empty();
    }

    /** The token a WebSocket was opened with: from its subprotocols, else from {@code ?token=}. */
    static String streamToken(String protocolHeader, String queryToken) {
        return protocolToken(protocolHeader).orElse(queryToken);
    }

    /** Whether {@code token} is valid now (not expired, not revoked). */
    boolean valid(String token) {
        return sessions != null && sessions.find(token).isPresent();
    }

    /** The session of a request that passed {@link #check} on a route that needs a login. */
    static Sessions.Session session(Context ctx) {
        Sessions.Session s = ctx.attribute(SESSION);
        if (s == null) {
            throw new Unauthorized("log in first: POST /api/login, then send 'Authorization: Bearer TOKEN'");
        }
        return s;
    }

    private Sessions.Session authenticate(Context ctx, Optional<String> token) {
        if (sessions == null) {
            throw new Unauthorized("this server has no user accounts: only open routes answer");
        }
        if (token.isEmpty()) {
            throw new Unauthorized("log in first: POST /api/login, then send 'Authorization: Bearer TOKEN'");
        }
        return sessions.find(token.get())
                .orElseThrow(() -> new Unauthorized("the token is unknown, expired or revoked: log in again"));
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String m) {
            super(m);
        }
    }

    static final class Forbidden extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Forbidden(String m) {
            super(m);
        }
    }
}
