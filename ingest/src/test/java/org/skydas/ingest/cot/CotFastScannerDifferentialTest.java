package org.skydas.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.skydas.ingest.DecodeException;
import org.skydas.ingest.tak.Mutations;
import org.skydas.testkit.SharedData;

/**
 * The parser's fast scanner gives exactly what the StAX reader gives (the same event, deviations
 * included, or the same refusal), on every CoT capture of the shared data and on thousands of
 * variants of them: byte-level damage and XML-aware edits (references, line ends, blanks, comments,
 * CDATA, non-ASCII, duplicated attributes, odd nesting) spliced in at markup boundaries.
 */
class CotFastScannerDifferentialTest {

    private final CotXmlParser parser = new CotXmlParser();
    private final CotStaxReader stax = new CotStaxReader();

    /** Every file under data/protocols that holds a CoT event. */
    static List<byte[]> captures() throws IOException {
        Path root = SharedData.require("data/protocols");
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".xml") || n.endsWith(".cot")) {
                    byte[] b = Files.readAllBytes(p);
                    if (new String(b, StandardCharsets.UTF_8).contains("<event")) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyCaptureTakesTheFastPathWithTheStaxResult() throws IOException {
        List<byte[]> captures = captures();
        assertThat(captures).hasSizeGreaterThanOrEqualTo(36);
        for (byte[] b : captures) {
            String text = new String(b, StandardCharsets.UTF_8);
            assertSame(b);
            assertSameForString(text);
            // The point of the fast path: the captures, CRLF ones and escaped detail included, do not fall back.
            assertThat(fastAccepts(b)).as("fast path takes %s", text.substring(0, Math.min(120, text.length()))).isTrue();
        }
    }

    @Test
    void xmlAwareEditsGiveTheSameResult() throws IOException {
        List<byte[]> seeds = seeds();
        Random r = new Random(20261127);
        int fast = 0;
        int total = 6_000;
        for (int i = 0; i < total; i++) {
            String seed = new String(seeds.get(r.nextInt(seeds.size())), StandardCharsets.UTF_8);
            String edited = edit(seed, r, 1 + r.nextInt(3));
            byte[] b = edited.getBytes(StandardCharsets.UTF_8);
            assertSame(b);
            assertSameForString(edited);
            if (fastAccepts(b)) {
                fast++;
            }
        }
        // Most edits keep the event well-formed: the comparison must have exercised the fast path.
        assertThat(fast).as("inputs the fast path took").isGreaterThan(total / 4).isLessThan(total);
    }

    @Test
    void byteLevelDamageGivesTheSameResult() throws IOException {
        List<byte[]> seeds = seeds();
        for (long seed = 0; seed < 4_000; seed++) {
            byte[] b = Mutations.mutate(seeds.get((int) (seed % seeds.size())), seed);
            assertSame(b);
        }
    }

    @Test
    void handWrittenCornerCasesGiveTheSameResult() throws DecodeException {
        String head = "<event version='2.0' uid='u' type='a-f-G' how='m-g' time='2024-01-01T00:00:00Z' "
                + "start='2024-01-01T00:00:00Z' stale='2024-01-01T00:01:00Z'";
        String point = "<point lat='1' lon='2' hae='3' ce='4' le='5'/>";
        String[] cases = {
                head + ">" + point + "<detail><remarks a='x&#10;y\r\nz\tw'>l1\r\nl2\rl3 &quot;q&quot; &apos; &#x41;&#66; &gt; ></remarks></detail></event>",
                head + ">" + point + "<detail><contact callsign='A&amp;B' endpoint=\"it's\"/><x a=\"&lt;&gt;&quot;'\"/></detail></event>",
                head + ">" + point + "<detail> &#32; <r>&#32;&#10;</r><s> </s><t></t><u/></detail></event>",
                head + ">" + point + "<detail><contact callsign='Vilkas-ąž 😀'/><remarks>ąž 😀</remarks></detail></event>\n",
                head + ">" + point + "<detail><track speed='1' course='2'><x/></track><track speed='3' course='4'/></detail></event>",
                head + ">" + point + "<detail><status battery=' 7 '/><status battery='8'/></detail></event>",
                head + "> text " + point + "more<detail/><detail><a/></detail><point lat='9' lon='9'/><zz/></event>",
                head + "><point lat='1' lon='2' hae='3' ce='4' le='5'> <c/>&amp;</point></event>",
                head + "/>",
                head + ">" + point + "</event>trailing",
                head + ">" + point + "<!-- c --></event>",
                head + ">" + point + "<detail><r><![CDATA[x<y]]></r></detail></event>",
                head + ">" + point + "<detail><r>a]]>b</r></detail></event>",
                head + ">" + point + "<detail><r>&nope;</r></detail></event>",
                head + ">" + point + "<detail><r>&#0;</r></detail></event>",
                head + " uid='v'>" + point + "</event>",
                head + ">" + point + "<detail><r></s></detail></event>",
                "<?xml version='1.0' encoding='utf-8' standalone='no'?>\r\n" + head + ">" + point + "</event>",
                "<?xml version='1.1'?>" + head + ">" + point + "</event>",
                "  <?xml version='1.0'?>" + head + ">" + point + "</event>",
                "\uFEFF" + head + ">" + point + "</event>",
                head.replace(" uid='u'", "") + ">" + point + "</event>",
                head.replace("2024-01-01T00:00:00Z'", "yesterday'") + ">" + point + "</event>",
                head + "><point lat='95' lon='2'/></event>",
                head + "><point lat='NaN' lon='2' hae='x'/></event>",
                head + ">" + point + "<detail>" + "<a>".repeat(40) + "</a>".repeat(40) + "</detail></event>",
                head + ">" + point + "<detail>" + "<a>".repeat(70) + "</a>".repeat(70) + "</detail></event>",
                head + ">" + point + "<detail><a:b/></detail></event>",
                head + " xmlns='urn:x'>" + point + "</event>",
                "<evnt/>",
                "",
        };
        for (String c : cases) {
            assertSameForString(c);
            assertSame(c.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(fastAccepts(cases[0].getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(fastAccepts(cases[3].getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(fastAccepts(cases[10].getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>(captures());
        seeds.addAll(List.of(CotRobustnessProperties.SEEDS));
        return seeds;
    }

    /** XML-aware edits: a fragment spliced in just before or after a random '<' or '>', or a quote swapped. */
    private static String edit(String s, Random r, int rounds) {
        String[] fragments = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#x9;", "&#32;", "&#0;", "&#xD800;",
                "&bogus;", "&", "\r\n", "\r", "\n", "\t", " ", "  x ", "<!-- c -->", "<![CDATA[ c ]]>", "<?pi x?>", "<x/>",
                "<x>t</x>", "<x a='1' a='2'/>", "<y b=\"1\"c='2'/>", "</x>", "é", "ąž", "😀", "\u0085", "\u2028", "\u0001", "]]>",
                "'", "\"", "=", "/", "<", ">", "<detail><contact callsign='c'/></detail>", "<point lat='1' lon='1'/>",
                " uid='dup'", " extra='a&#10;b'", " how='h'", "<track speed='1' course='2'/>", "<status battery='9'/>"};
        String out = s;
        for (int k = 0; k < rounds; k++) {
            int at = markupBoundary(out, r);
            if (r.nextInt(8) == 0) {
                int q = out.indexOf(r.nextBoolean() ? '"' : '\'', at);
                if (q >= 0) {
                    out = out.substring(0, q) + (out.charAt(q) == '"' ? '\'' : '"') + out.substring(q + 1);
                }
            } else {
                out = out.substring(0, at) + fragments[r.nextInt(fragments.length)] + out.substring(at);
            }
        }
        return out;
    }

    /** Half the time just after a '>' (content, where most fragments keep the event well-formed), else next to any markup character. */
    private static int markupBoundary(String s, Random r) {
        int from = r.nextInt(s.length() + 1);
        boolean content = r.nextBoolean();
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (content ? c == '>' : (c == '<' || c == '>' || c == '=' || c == ' ')) {
                return content || r.nextBoolean() ? i + 1 : i;
            }
        }
        return from;
    }

    private boolean fastAccepts(byte[] b) {
        try {
            return CotFastScanner.parse(b, 0, b.length) != null;
        } catch (DecodeException e) {
            return true; // a well-formed event refused for its content: the fast path decided it
        }
    }

    private void assertSame(byte[] b) {
        assertThat(outcome(() -> parser.parse(b))).as("bytes: %s", printable(b))
                .isEqualTo(outcome(() -> stax.parse(b, 0, b.length)));
    }

    private void assertSameForString(String s) {
        assertThat(outcome(() -> parser.parse(s))).as("string: %s", s).isEqualTo(outcome(() -> stax.parse(s)));
    }

    private static String printable(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @FunctionalInterface
    private interface Parse {
        CotEvent run() throws DecodeException;
    }

    /** The event, or the refusal's message: what the two paths must agree on. */
    private static Object outcome(Parse p) {
        try {
            return p.run();
        } catch (DecodeException e) {
            return "refused: " + e.getMessage();
        }
    }
}
