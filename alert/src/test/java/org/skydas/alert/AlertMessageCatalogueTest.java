package org.skydas.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skydas.model.Neighbour;
import org.skydas.model.TargetKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The keys the rules can emit are the {@link AlertMessage} constants (a rule has no other way to make an
 * {@link AlertText}); this reads the web console's catalogues ({@code web/src/locales/LANG/*.json}) and checks, for
 * both languages, that every key is there, that its text names only the message's parameters, and that a parameter
 * holding a code (target class, country) is translated through a nested {@code $t(ns:group.{{param}})} whose group has
 * every code. A new message, parameter, class or neighbour fails here until both catalogues have it.
 */
class AlertMessageCatalogueTest {

    static final Path LOCALES = Path.of("..", "web", "src", "locales");
    static final List<String> LANGS = List.of("lt", "en");
    /** {{name}} or {{name, format…}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*(?:,[^}]*)?}}");
    /** $t(ns:group.{{name}}): a code translated by the catalogue. */
    static final Pattern NESTED = Pattern.compile("\\$t\\(([a-z]+:[\\w.]+)\\.\\{\\{\\s*(\\w+)\\s*}}\\)");

    static final Map<String, Map<String, String>> CATALOGUES = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        assertThat(LOCALES).as("the web catalogues beside this module").isDirectory();
        ObjectMapper json = new ObjectMapper();
        for (String lang : LANGS) {
            Map<String, String> flat = new HashMap<>();
            try (Stream<Path> files = Files.list(LOCALES.resolve(lang))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    String ns = f.getFileName().toString().replaceFirst("\\.json$", "");
                    flatten(json.readTree(f.toFile()), ns + ":", flat);
                }
            }
            CATALOGUES.put(lang, flat);
        }
    }

    static void flatten(JsonNode n, String prefix, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + (prefix.endsWith(":") ? "" : ".") + e.getKey();
            if (e.getValue().isObject()) {
                flatten(e.getValue(), key, out);
            } else {
                out.put(key, e.getValue().asText());
            }
        }
    }

    /** Where the console looks a key up: the {@code messages} namespace. */
    static String catalogueKey(AlertMessage m) {
        return "messages:" + m.key();
    }

    @Test
    void everyKeyARuleCanEmitIsInBothCatalogues() {
        assertThat(AlertMessage.values()).hasSizeGreaterThanOrEqualTo(RuleKind.values().length);
        for (String lang : LANGS) {
            List<String> missing = Stream.of(AlertMessage.values()).map(AlertMessageCatalogueTest::catalogueKey)
                    .filter(k -> !CATALOGUES.get(lang).containsKey(k)).toList();
            assertThat(missing).as("%s: alert messages missing", lang).isEmpty();
        }
    }

    @Test
    void theCataloguesHoldNoAlertMessageThatNoRuleEmits() {
        List<String> known = Stream.of(AlertMessage.values()).map(AlertMessageCatalogueTest::catalogueKey).toList();
        for (String lang : LANGS) {
            assertThat(CATALOGUES.get(lang).keySet()).filteredOn(k -> k.startsWith("messages:alert."))
                    .as("%s: keys no rule emits (stale, or misspelt)", lang).allMatch(known::contains);
        }
    }

    @Test
    void everyPlaceholderIsAParameterAndCodesAreTranslatedForEveryValue() {
        List<String> problems = new ArrayList<>();
        for (String lang : LANGS) {
            Map<String, String> cat = CATALOGUES.get(lang);
            for (AlertMessage m : AlertMessage.values()) {
                String text = cat.get(catalogueKey(m));
                if (text == null) {
                    continue; // reported by the test above
                }
                Map<String, AlertMessage.Param> params = new HashMap<>();
                m.params().forEach(p -> params.put(p.name(), p));
                Matcher ph = PLACEHOLDER.matcher(text);
                while (ph.find()) {
                    if (!params.containsKey(ph.group(1))) {
                        problems.add(lang + " " + m.key() + ": {{" + ph.group(1) + "}} is no parameter of it " + params.keySet());
                    }
                }
                for (AlertMessage.Param p : m.params()) {
                    if (p.values().isEmpty() || !text.contains("{{" + p.name())) {
                        continue;
                    }
                    Matcher nested = NESTED.matcher(text);
                    String group = null;
                    while (nested.find()) {
                        if (nested.group(2).equals(p.name())) {
                            group = nested.group(1);
                        }
                    }
                    if (group == null) {
                        problems.add(lang + " " + m.key() + ": the code {{" + p.name() + "}} is shown untranslated "
                                + "(write $t(ns:group.{{" + p.name() + "}}))");
                        continue;
                    }
                    for (String v : p.values()) {
                        if (!cat.containsKey(group + "." + v)) {
                            problems.add(lang + " " + m.key() + ": " + group + "." + v + " missing");
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMessageChecksItsParametersAndWritesEnglish() {
        AlertText t = AlertMessage.BORDER_CROSSING.text(42L, TargetKind.VEHICLE, Neighbour.BY, "BY-030", 35.26, 1.53);
        assertThat(t.key()).isEqualTo("alert.border_crossing");
        assertThat(t.params()).containsExactly(Map.entry("track", 42L), Map.entry("class", "vehicle"),
                Map.entry("neighbour", "BY"), Map.entry("sector", "BY-030"), Map.entry("distance_m", 35.0),
                Map.entry("speed_mps", 1.5));
        assertThat(t.english()).isEqualTo(
                "vehicle crossed the border from Belarus in sector BY-030 (35 m inside, 1.5 m/s, track 42)");
        assertThatThrownBy(() -> AlertMessage.BORDER_CROSSING.text(42L, "tank", Neighbour.BY, "BY-030", 1.0, 1.0))
                .hasMessageContaining("'class' must be one of");
        assertThatThrownBy(() -> AlertMessage.SENSOR_DOWN.text("radar-1")).hasMessageContaining("takes 2 parameters");
        assertThatThrownBy(() -> AlertMessage.SENSOR_DOWN.text("radar-1", Double.NaN))
                .hasMessageContaining("'silent_s' must be a finite number");
        assertThatThrownBy(() -> AlertMessage.DRONE_NATIONAL.text(1.5)).hasMessageContaining("'track' must be a whole number");
        for (AlertMessage m : AlertMessage.values()) {
            assertThat(AlertMessage.ofKey(m.key())).isSameAs(m);
        }
        assertThat(AlertMessage.ofKey("alert.retired")).isNull();
    }
}
