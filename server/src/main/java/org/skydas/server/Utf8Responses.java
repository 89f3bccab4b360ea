package org.skydas.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Every text the server sends is UTF-8 and says so. Jetty's default for a response whose type names no charset
 * (application/geo+json, text/csv, …) is ISO-8859-1, and Javalin encodes a {@code ctx.result(String)} with the
 * response's charset: "Šalčininkų" then left the server as "?al?inink?". Set here once for every route, before
 * any handler writes, so that no route has to remember it; binary answers (PNG tiles, PDF) lose the parameter
 * again afterwards, since a charset means nothing for them.
 */
final class Utf8Responses {

    private Utf8Responses() {
    }

    static void install(Javalin app) {
        app.before(ctx -> ctx.res().setCharacterEncoding(StandardCharsets.UTF_8.name()));
        app.after(Utf8Responses::dropForBinary);
    }

    private static void dropForBinary(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && !textual(type)) {
            ctx.res().setCharacterEncoding(null);
        }
    }

    /** text/*, JSON and its kinds (geo+json, problem+json), XML, JavaScript: the types a charset applies to. */
    static boolean textual(String contentType) {
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.startsWith("text/") || mime.endsWith("/json") || mime.endsWith("+json") || mime.endsWith("/xml")
                || mime.endsWith("+xml") || mime.equals("application/javascript");
    }
}
