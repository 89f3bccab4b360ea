package org.skydas.ingest.asterix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one edition definition ({@code editions/catCCC-x.y.txt}, generated from asterix-specs by
 * {@code ingest/src/build/asterix/generate_all.sh}) into an {@link AsterixCategory}: the one interpreter of every
 * edition, so an edition is data, not code (see docs/adr/0018-asterix-editions-as-data.md).
 *
 * <p>A definition is lines; {@code #} starts a comment line. {@code asterix CCC x.y} names the category and
 * edition, {@code uap NAME|- ...} gives the UAP in FRN order ({@code -} a spare FRN), and each item of the UAP
 * has one line {@code NAME "title" variation}. Variations are parenthesised prefix forms:
 * <pre>
 * variation := (el BITS content [(on SIBLING VALUE content ...)])   element; content by a sibling's value
 *            | (group field ...)                                      fixed-size group
 *            | (ext (fx field ...) ... [(nofx field ...)])           parts chained by FX bits
 *            | (rep BYTES|fx variation)                               repetition factor or FX repetition
 *            | (explicit [re|sp])                                     first byte counts the item
 *            | (compound field|- ...)                                 presence bits; - an unused slot
 * field     := NAME variation | (spare BITS)
 * content   := raw | signed | unsigned | icao | ascii | octal | bds | (q signed|unsigned NUM DEN "unit")
 * </pre>
 * The result is the same tree of {@link Variation}s the decoder walks; reading happens once per edition
 * ({@link AsterixEditions} caches it), never on the decoding path. A malformed definition is a build error:
 * it throws {@link IllegalArgumentException} naming the line.
 */
final class EditionReader {

    private final String source;
    private List<String> tokens;
    private int at;
    private int lineNumber;

    private EditionReader(String source) {
        this.source = source;
    }

    /** The edition in the class-path resource {@code name} (relative to this package). */
    static AsterixCategory readResource(String name) {
        try (InputStream in = EditionReader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no ASTERIX edition resource " + name);
            }
            return read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading ASTERIX edition resource " + name, e);
        }
    }

    /** The edition defined by {@code text}; {@code source} names it in error messages. */
    static AsterixCategory read(String source, String text) {
        return new EditionReader(source).parse(text);
    }

    private AsterixCategory parse(String text) {
        int category = -1;
        String edition = null;
        List<String> uap = null;
        Map<String, Variation> items = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            tokens = tokenize(line);
            at = 0;
            String head = next();
            if (head.equals("asterix")) {
                category = integer(next());
                edition = next();
            } else if (head.equals("uap")) {
                uap = new ArrayList<>();
                while (at < tokens.size()) {
                    uap.add(next());
                }
            } else {
                next(); // the title, for people reading the file
                if (items.put(head, variation()) != null) {
                    throw error("item " + head + " defined twice");
                }
            }
            if (at != tokens.size()) {
                throw error("unexpected '" + tokens.get(at) + "' after the end of the line's definition");
            }
        }
        if (category < 0 || edition == null || uap == null) {
            lineNumber = lines.length;
            throw error("an edition needs its 'asterix CCC x.y' and 'uap ...' lines");
        }
        String[] names = new String[uap.size()];
        Variation[] variations = new Variation[uap.size()];
        for (int i = 0; i < names.length; i++) {
            String name = uap.get(i);
            if (name.equals("-")) {
                continue;
            }
            names[i] = name;
            variations[i] = items.remove(name);
            if (variations[i] == null) {
                throw new IllegalArgumentException(source + ": UAP item " + name + " has no definition");
            }
        }
        if (!items.isEmpty()) {
            throw new IllegalArgumentException(source + ": items not in the UAP: " + items.keySet());
        }
        return new AsterixCategory(category, edition, names, variations);
    }

    // ------------------------------------------------------------------------------------------ grammar

    private Variation variation() {
        expect("(");
        String form = next();
        Variation v = switch (form) {
            case "el" -> element();
            case "group" -> new Variation.Group(fields(false));
            case "ext" -> extended();
            case "rep" -> {
                String size = next();
                yield new Variation.Repetitive(size.equals("fx") ? 0 : integer(size), variation());
            }
            case "explicit" -> new Variation.Explicit(peek().equals(")") ? "Explicit" : explicitKind(next()));
            case "compound" -> new Variation.Compound(fields(true));
            default -> throw error("unknown variation '" + form + "'");
        };
        expect(")");
        return v;
    }

    private Variation element() {
        int bits = integer(next());
        Content content = content();
        Variation.Dependency dependency = null;
        if (peek().equals("(")) {
            expect("(");
            expect("on");
            String sibling = next();
            List<Integer> values = new ArrayList<>();
            List<Content> contents = new ArrayList<>();
            while (!peek().equals(")")) {
                values.add(integer(next()));
                contents.add(content());
            }
            expect(")");
            dependency = new Variation.Dependency(sibling, values.stream().mapToInt(Integer::intValue).toArray(),
                    contents.toArray(Content[]::new));
        }
        return new Variation.Element(bits, content, dependency);
    }

    private Variation extended() {
        List<List<Variation.Field>> parts = new ArrayList<>();
        List<Boolean> fx = new ArrayList<>();
        while (peek().equals("(")) {
            expect("(");
            String kind = next();
            if (!kind.equals("fx") && !kind.equals("nofx")) {
                throw error("an extended item's part is (fx ...) or (nofx ...), not (" + kind + " ...)");
            }
            fx.add(kind.equals("fx"));
            parts.add(fields(false));
            expect(")");
        }
        boolean[] flags = new boolean[fx.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = fx.get(i);
        }
        return new Variation.Extended(parts, flags);
    }

    /** Fields up to the closing parenthesis (not consumed); {@code slots}: a {@code -} is an unused slot. */
    private List<Variation.Field> fields(boolean slots) {
        List<Variation.Field> fields = new ArrayList<>();
        while (!peek().equals(")")) {
            String t = next();
            if (t.equals("(")) {
                expect("spare");
                fields.add(Variation.Field.spare(integer(next())));
                expect(")");
            } else if (slots && t.equals("-")) {
                fields.add(null);
            } else {
                fields.add(Variation.Field.of(t, variation()));
            }
        }
        return fields;
    }

    private Content content() {
        String t = next();
        return switch (t) {
            case "raw" -> Content.RAW;
            case "signed" -> Content.SIGNED;
            case "unsigned" -> Content.UNSIGNED;
            case "icao" -> Content.ICAO;
            case "ascii" -> Content.ASCII;
            case "octal" -> Content.OCTAL;
            case "bds" -> Content.BDS;
            case "(" -> {
                expect("q");
                String sign = next();
                if (!sign.equals("signed") && !sign.equals("unsigned")) {
                    throw error("a quantity is signed or unsigned, not '" + sign + "'");
                }
                double numerator = decimal(next());
                double denominator = decimal(next());
                String unit = next();
                if (!unit.startsWith("\"")) {
                    throw error("a quantity's unit is quoted, not " + unit);
                }
                expect(")");
                yield Content.quantity(sign.equals("signed"), numerator, denominator, unit.substring(1, unit.length() - 1));
            }
            default -> throw error("unknown content '" + t + "'");
        };
    }

    private String explicitKind(String t) {
        return switch (t) {
            case "re" -> "ReservedExpansion";
            case "sp" -> "SpecialPurpose";
            default -> throw error("an explicit item is re or sp, not '" + t + "'");
        };
    }

    // ------------------------------------------------------------------------------------------ tokens

    /** Parentheses, quoted strings (quotes kept, no escapes) and runs of other non-blank characters. */
    private List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    throw error("unterminated quoted string");
                }
                out.add(line.substring(i, close + 1));
                i = close + 1;
            } else {
                int j = i;
                while (j < line.length() && " \t()\"".indexOf(line.charAt(j)) < 0) {
                    j++;
                }
                out.add(line.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private String peek() {
        if (at >= tokens.size()) {
            throw error("line ends too early");
        }
        return tokens.get(at);
    }

    private String next() {
        String t = peek();
        at++;
        return t;
    }

    private void expect(String token) {
        String t = next();
        if (!t.equals(token)) {
            throw error("expected '" + token + "', found '" + t + "'");
        }
    }

    private int integer(String t) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("expected an integer, found '" + t + "'");
        }
    }

    private double decimal(String t) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("expected a number, found '" + t + "'");
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException(source + " line " + lineNumber + ": " + why);
    }
}
