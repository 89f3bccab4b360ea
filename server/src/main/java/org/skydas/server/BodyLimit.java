package org.skydas.server;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits request bodies while they stream in, before any handler reads them: a declared
 * {@code Content-Length} over the limit is answered 413 at once; a chunked body is counted as it is read
 * and reading stops (413) at the first byte over the limit. Either way the connection is closed, so the
 * rest is never read and memory does not grow with what a client tries to send. 1 MiB by default; a
 * route that needs more names its own limit.
 */
final class BodyLimit implements Filter {

    static final long DEFAULT_BYTES = 1L << 20;

    /** Raised inside a handler's read when a chunked body passes the limit; mapped to 413. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the request body is over the limit of " + limit + " bytes");
        }
    }

    private final long defaultLimit;
    private final Map<String, Long> byPath;

    BodyLimit(long defaultLimit, Map<String, Long> byPath) {
        this.defaultLimit = defaultLimit;
        this.byPath = byPath;
    }

    long limit(String path) {
        return byPath.getOrDefault(path, defaultLimit);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        long limit = limit(req.getRequestURI());
        long declared = req.getContentLengthLong();
        if (declared > limit) {
            HttpServletResponse res = (HttpServletResponse) response;
            refuse(req, res, "the request body (" + declared + " bytes) is over the limit of " + limit + " bytes");
            return;
        }
        chain.doFilter(new Limited(req, limit), response);
    }

    /**
     * Sends what the response has and closes the connection at once: otherwise Jetty reads (and discards)
     * the rest of the body to close gracefully, which is exactly what a client sending 400 MB wants.
     */
    static void refuse(HttpServletRequest req, HttpServletResponse res, String message) throws IOException {
        byte[] body = ("{\"error\":\"" + message + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        res.setStatus(413);
        res.setHeader("Connection", "close");
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
        org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(req);
        if (base != null && base.getHttpChannel() != null) {
            base.getHttpChannel().getEndPoint().close();
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream in;

        Limited(HttpServletRequest req, long limit) {
            super(req);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new Counting(super.getInputStream(), limit);
            }
            return in;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // Never ask for more than one byte past the limit.
            long room = limit - read + 1;
            return count(in.read(b, off, (int) Math.max(1, Math.min(len, room))));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener l) {
            in.setReadListener(l);
        }
    }
}
