package org.skydas.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.skydas.server.auth.AccessMatrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The server's answers checked against its own OpenAPI document ({@code /api/openapi.json}, the resource the server
 * serves): the route (method and path) must be documented, the status must be one of its responses, the content type
 * one of that response's, and a JSON body must be valid against the response's schema (JSON Schema 2020-12, as
 * OpenAPI 3.1 says; references into {@code #/components} resolve against the document). Every server test's HTTP
 * answers pass through here by way of {@link CheckedHttpClient}.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract SERVED = new OpenApiContract(read());

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A documented path as a pattern; literal paths sort before templates with fewer parameters first. */
    record Route(String template, Pattern pattern, int parameters) {
    }

    OpenApiContract(JsonNode document) {
        this.document = document;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext();) {
            String template = it.next();
            routes.add(new Route(template, pattern(template), template.split("\\{", -1).length - 1));
        }
        routes.sort(Comparator.comparingInt(Route::parameters));
    }

    /** The document the server serves. */
    public static OpenApiContract served() {
        return SERVED;
    }

    public JsonNode document() {
        return document;
    }

    private static JsonNode read() {
        try (InputStream in = SkydasServer.class.getResourceAsStream("openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documented path template a request path falls under: the document's own, else the one the access matrix
     * gives for the route as registered (the tile route is registered as {@code .../{x}/{file}}, documented as
     * {@code .../{x}/{y}.png}; a {@code .jpg} reaches it and is refused there).
     */
    public Optional<String> template(String path) {
        Optional<String> documented = routes.stream().filter(r -> r.pattern().matcher(path).matches())
                .map(Route::template).findFirst();
        if (documented.isPresent()) {
            return documented;
        }
        return AccessMatrix.rules().stream().filter(r -> !r.path().equals(r.documentedAs()))
                .filter(r -> pattern(r.path()).matcher(path).matches()).map(AccessMatrix.Rule::documentedAs).findFirst();
    }

    /** A path template ({@code /a/{x}/b}) as a pattern: a parameter is one segment or a part of one. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Checks one answer; throws {@link AssertionError} naming the route, the status and what is wrong.
     * Paths outside {@code /api/} (the web client's files) are not the API's and pass.
     */
    public void check(String method, URI uri, int status, String contentType, byte[] body) {
        String path = uri.getRawPath();
        if (!path.startsWith("/api/")) {
            return;
        }
        String m = method.toLowerCase(Locale.ROOT);
        String template = template(path).orElseThrow(() -> new AssertionError(
                "undocumented route: " + method + " " + path + " (answered " + status + ") is not in /api/openapi.json"));
        JsonNode operation = document.path("paths").path(template).path(m);
        if (operation.isMissingNode()) {
            throw new AssertionError("undocumented route: " + method + " " + template + " (answered " + status
                    + ") is not in /api/openapi.json");
        }
        JsonNode responses = operation.path("responses");
        String code = Integer.toString(status);
        JsonNode response = responses.has(code) ? responses.get(code) : responses.path("default");
        if (response.isMissingNode()) {
            throw new AssertionError("undocumented status: " + method + " " + template + " answered " + status
                    + ", documented are " + names(responses) + "; body: " + preview(body));
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            if (!empty) {
                throw new AssertionError("undocumented body: " + method + " " + template + " " + status
                        + " documents no content, answered " + contentType + ": " + preview(body));
            }
            return;
        }
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (empty && status == 204) {
            return;
        }
        if (!content.has(type)) {
            throw new AssertionError("undocumented content type: " + method + " " + template + " " + status + " answered '"
                    + contentType + "', documented are " + names(content));
        }
        JsonNode schema = content.get(type).path("schema");
        boolean json = type.equals("application/json") || type.endsWith("+json");
        if (!json) {
            return;
        }
        if (schema.isMissingNode()) {
            throw new AssertionError("no schema: " + method + " " + template + " " + status + " " + type
                    + " has no schema in /api/openapi.json");
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + method + " " + template + " " + status + ": " + preview(body), e);
        }
        String pointer = "/paths/" + escape(template) + "/" + m + "/responses/" + code + "/content/" + escape(type);
        var errors = schemas.computeIfAbsent(pointer, p -> compile(schema)).validate(instance);
        if (!errors.isEmpty()) {
            throw new AssertionError("schema violated: " + method + " " + template + " " + status + ": " + errors
                    + "\nbody: " + preview(body));
        }
    }

    /** The response's schema with the document's components beside it, so that {@code #/components/...} resolves. */
    private Schema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", document.path("components"));
        return registry.getSchema(root);
    }

    /** A response given as {@code {"$ref": "#/components/responses/..."}}. */
    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.get("$ref");
        return ref == null ? response : document.at(ref.asText().substring(1));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "";
        }
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
