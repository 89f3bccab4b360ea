package org.skydas.ingest.cot;

import java.nio.charset.StandardCharsets;

import org.skydas.ingest.DecodeException;

/**
 * A single-pass scanner for the common CoT event, 1.5 to 3 times cheaper than the StAX walk (most for
 * big details): it reads the characters directly and copies xmlDetail as runs of the input, changing
 * only what {@link CotStaxReader} would write differently (quotes, blanks, some references), instead
 * of re-serialising every token. It takes only
 * what it can read exactly as {@link CotStaxReader} does: well-formed XML 1.0 in UTF-8 (or ASCII) with
 * at most an XML declaration before {@code <event>}, ASCII names without colons, the five predefined
 * entities and character references. On anything else (comments, CDATA, processing instructions, a
 * DOCTYPE, another encoding, malformed or truncated markup, deep nesting, unusual characters) it returns
 * null and the caller gives the input to StAX, which refuses or tolerates it with its usual reasons.
 * Both paths share {@link CotEventBuilder} and {@link CotTypedDetail}, so they agree on meaning.
 */
final class CotFastScanner {

    /** Nesting the scanner walks; deeper input goes to StAX, whose depth refusals stay the reference. */
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ATTRIBUTES = 64;
    private static final int MAX_VALUE_LENGTH = 32 * 1024;
    private static final int MAX_REFERENCES = 10_000;

    private static final String[] EVENT_ATTRIBUTES = {"version", "uid", "type", "how", "time", "start", "stale", "access", "qos", "opex"};
    private static final String[] POINT_ATTRIBUTES = {"lat", "lon", "hae", "ce", "le"};
    private static final String[] TYPED_ELEMENTS = {"contact", "__group", "precisionlocation", "status", "takv", "track"};
    /** The attributes typed elements carry, named by constants rather than new strings. */
    private static final String[] TYPED_ATTRIBUTES = {"callsign", "endpoint", "name", "role", "geopointsrc", "altsrc", "battery",
            "device", "platform", "os", "version", "speed", "course"};

    /** "Give this input to StAX": control flow only, so preallocated and without a stack trace. */
    private static final class NotMine extends Exception {
        private static final long serialVersionUID = 1L;

        NotMine() {
            super(null, null, false, false);
        }
    }

    private static final NotMine NOT_MINE = new NotMine();
    private static final String APOSTROPHE = "'";

    /** The document's characters: array access keeps the per-character loops cheap. */
    private final char[] s;
    private int pos;

    /** The last start tag read: its name span, attribute spans (8 ints each) and count. */
    private int tagName0;
    private int tagName1;
    private int[] attrs = new int[8 * 16];
    private int attrCount;
    private static final int NAME0 = 0;
    private static final int NAME1 = 1;
    private static final int VALUE0 = 2;
    private static final int VALUE1 = 3;
    private static final int PLAIN = 4; // 1 when the raw value is also its decoded and re-escaped form
    private static final int HASH = 5; // of the name, so that most duplicate checks compare one int
    private static final int EDIT0 = 6; // [EDIT0, EDIT1) in edits: where the value differs from how it is written
    private static final int EDIT1 = 7;
    /** Positions in the last start tag's values whose written form differs from the input (see {@link #appendAttributeValue}). */
    private int[] edits = new int[32];
    private int editCount;
    private int nameHash;

    /**
     * Characters that need no attention: in attribute values (and kept as they are), in text. Indexed by
     * any char so that the hottest loops are one table look-up per character; only ASCII entries are set.
     */
    private static final boolean[] PLAIN_IN_VALUE = new boolean[Character.MAX_VALUE + 1];
    private static final boolean[] PLAIN_IN_TEXT = new boolean[Character.MAX_VALUE + 1];

    static {
        for (char c = 0x20; c < 0x7F; c++) {
            PLAIN_IN_VALUE[c] = c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
            PLAIN_IN_TEXT[c] = c != '&' && c != '<' && c != '>' && c != ']' && c != ' ';
        }
    }

    /** Name spans of the open elements, for matching end tags. */
    private final int[] open = new int[2 * (MAX_DEPTH + 1)];
    private int depth;

    /** The last text run read: plain = copies as it stands; white = only blanks, not counting references. */
    private boolean textPlain;
    private boolean textWhite;
    private boolean textHasReference;
    private int references;
    private int referenceChar;

    /** Where xmlDetail is written. */
    private CotSpanBuffer out;
    /** The index of the '>' of the last non-empty start tag, and the start of the last end tag. */
    private int tagGt;
    private int endTagFrom;

    private CotFastScanner(String s) {
        this.s = s.toCharArray();
    }

    /**
     * @return the event, or null when the input needs {@link CotStaxReader}
     * @throws DecodeException the same refusal StAX would give, for a well-formed event useless for tracking
     */
    static CotEvent parse(byte[] bytes, int offset, int length) throws DecodeException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            return null;
        }
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return null; // malformed UTF-8 (or a real U+FFFD): StAX tells which
        }
        return parse(text);
    }

    /** Like {@link #parse(byte[], int, int)} for text already decoded. */
    static CotEvent parse(String xml) throws DecodeException {
        CotEventBuilder b;
        try {
            b = new CotFastScanner(xml).document();
        } catch (NotMine | ArrayIndexOutOfBoundsException e) {
            return null; // unusual or truncated input: StAX reads it or says what is wrong
        }
        return b.build();
    }

    private CotEventBuilder document() throws NotMine {
        prolog();
        pos++;
        boolean empty = startTag();
        if (!tagNameIs("event")) {
            throw NOT_MINE;
        }
        CotEventBuilder b = new CotEventBuilder();
        for (int i = 0; i < attrCount; i++) {
            String name = known(attrs[8 * i + NAME0], attrs[8 * i + NAME1], EVENT_ATTRIBUTES);
            if (name != null) {
                b.eventAttribute(name, value(i));
            }
        }
        if (!empty) {
            push();
            eventContent(b);
        }
        skipSpace();
        if (pos != s.length) {
            throw NOT_MINE; // StAX would ignore what follows </event>; we do not guess what it is
        }
        return b;
    }

    private void prolog() throws NotMine {
        if (startsWith("<?xml", 0)) {
            declaration();
        }
        skipSpace();
        char next = s[pos + 1];
        if (s[pos] != '<' || next == '!' || next == '?') {
            throw NOT_MINE;
        }
    }

    /** {@code <?xml version="1.0" [encoding="UTF-8"] [standalone="yes|no"]?>}, strictly in that order. */
    private void declaration() throws NotMine {
        pos = 5;
        int field = 0; // 0 version, 1 encoding, 2 standalone, 3 done
        while (true) {
            boolean space = skipSpace();
            if (startsWith("?>", pos)) {
                if (field == 0) {
                    throw NOT_MINE;
                }
                pos += 2;
                return;
            }
            if (!space) {
                throw NOT_MINE;
            }
            String value;
            if (field == 0 && startsWith("version", pos)) {
                pos += 7;
                value = quotedAfterEquals();
                if (!value.equals("1.0")) {
                    throw NOT_MINE;
                }
                field = 1;
            } else if (field == 1 && startsWith("encoding", pos)) {
                pos += 8;
                value = quotedAfterEquals();
                if (!value.equalsIgnoreCase("UTF-8")) {
                    throw NOT_MINE;
                }
                field = 2;
            } else if (field >= 1 && field <= 2 && startsWith("standalone", pos)) {
                pos += 10;
                value = quotedAfterEquals();
                if (!value.equals("yes") && !value.equals("no")) {
                    throw NOT_MINE;
                }
                field = 3;
            } else {
                throw NOT_MINE;
            }
        }
    }

    private String quotedAfterEquals() throws NotMine {
        skipSpace();
        if (s[pos] != '=') {
            throw NOT_MINE;
        }
        pos++;
        skipSpace();
        char quote = s[pos];
        int end = pos + 1;
        while (end < s.length && s[end] != quote) {
            end++;
        }
        if ((quote != '"' && quote != '\'') || end == s.length || end - pos > 32) {
            throw NOT_MINE;
        }
        String v = string(pos + 1, end);
        pos = end + 1;
        return v;
    }

    /** The children of {@code <event>}, as {@link CotStaxReader} walks them. */
    private void eventContent(CotEventBuilder b) throws NotMine {
        while (true) {
            int t0 = pos;
            text();
            if (pos > t0 && !white(t0, pos)) {
                b.deviations.add("text inside <event> ignored");
            }
            if (s[pos + 1] == '/') {
                endTag();
                return;
            }
            startMarkup();
            boolean empty = startTag();
            if (tagNameIs("point")) {
                if (b.pointSeen) {
                    b.deviations.add("second <point> ignored");
                    skip(empty);
                } else {
                    point(b, empty);
                }
            } else if (tagNameIs("detail")) {
                if (b.detail != null) {
                    b.deviations.add("second <detail> ignored");
                    skip(empty);
                } else {
                    b.detail = detail(empty);
                }
            } else {
                b.deviations.add("unexpected element <" + string(tagName0, tagName1) + "> in <event> ignored");
                skip(empty);
            }
        }
    }

    private void point(CotEventBuilder b, boolean empty) throws NotMine {
        b.pointSeen = true;
        for (int i = 0; i < attrCount; i++) {
            String name = known(attrs[8 * i + NAME0], attrs[8 * i + NAME1], POINT_ATTRIBUTES);
            if (name != null) {
                b.pointAttribute(name, value(i));
            }
        }
        if (empty) {
            return;
        }
        push();
        int outer = depth - 1;
        boolean text = false;
        boolean children = false;
        while (true) {
            int t0 = pos;
            text();
            text |= pos > t0; // the schema wants <point> empty; even blanks break it
            if (s[pos + 1] == '/') {
                endTag();
                if (depth == outer) {
                    break;
                }
            } else {
                startMarkup();
                children = true;
                if (!startTag()) {
                    push();
                }
            }
        }
        if (children) {
            b.deviations.add("child elements inside <point> ignored");
        }
        if (text) {
            b.deviations.add("character content inside <point>");
        }
    }

    private CotDetail detail(boolean empty) throws NotMine {
        CotTypedDetail typed = new CotTypedDetail();
        if (empty) {
            return typed.build("");
        }
        push();
        CotSpanBuffer xml = new CotSpanBuffer(s, s.length - pos);
        out = xml;
        while (true) {
            text(); // text directly inside <detail> carries nothing
            if (s[pos + 1] == '/') {
                endTag();
                return typed.build(xml.isEmpty() ? "" : xml.toString());
            }
            startMarkup();
            boolean childEmpty = startTag();
            String typedName = known(tagName0, tagName1, TYPED_ELEMENTS);
            String[] names = null;
            String[] values = null;
            if (typedName != null) {
                names = new String[attrCount];
                values = new String[attrCount];
                for (int i = 0; i < attrCount; i++) {
                    int n0 = attrs[8 * i + NAME0];
                    int n1 = attrs[8 * i + NAME1];
                    String known = known(n0, n1, TYPED_ATTRIBUTES);
                    names[i] = known != null ? known : string(n0, n1);
                    values[i] = value(i);
                }
            }
            int mark = xml.mark();
            appendStartTag();
            boolean simple = copy(childEmpty);
            if (typedName != null && simple && typed.offer(typedName, names, values)) {
                xml.truncate(mark); // held by its typed form instead
            }
        }
    }

    /**
     * Re-serialises the element whose start tag was just read (and written, unclosed, to {@code out})
     * exactly as {@link CotStaxReader} does, consuming it to its end tag.
     *
     * @return true when it has no child elements and no non-blank text
     */
    private boolean copy(boolean empty) throws NotMine {
        if (empty) {
            raw(pos - 2, pos); // "/>"
            return true;
        }
        int gt = tagGt;
        push();
        int outer = depth - 1;
        boolean simple = true;
        boolean unclosed = true; // the last start tag is not yet closed with '>' or '/>'
        while (true) {
            int t0 = pos;
            text();
            int t1 = pos;
            if (t1 > t0 && !white(t0, t1)) {
                simple = false;
                if (unclosed) {
                    raw(gt, gt + 1);
                    unclosed = false;
                }
                if (textPlain) {
                    raw(t0, t1);
                } else {
                    appendText(t0, t1);
                }
            }
            if (s[pos + 1] == '/') {
                int o0 = open[2 * depth - 2];
                int o1 = open[2 * depth - 1];
                endTag();
                if (unclosed) {
                    literal("/>");
                    unclosed = false;
                } else if (pos - endTagFrom == o1 - o0 + 3) {
                    raw(endTagFrom, pos); // "</name>" as written
                } else {
                    literal("</");
                    raw(o0, o1);
                    literal(">");
                }
                if (depth == outer) {
                    return simple;
                }
            } else {
                startMarkup();
                simple = false;
                boolean childEmpty = startTag();
                if (unclosed) {
                    raw(gt, gt + 1);
                }
                appendStartTag();
                if (childEmpty) {
                    raw(pos - 2, pos);
                    unclosed = false;
                } else {
                    push();
                    gt = tagGt;
                    unclosed = true;
                }
            }
        }
    }

    /** Consumes the element whose start tag was just read, checking it is well-formed. */
    private void skip(boolean empty) throws NotMine {
        if (empty) {
            return;
        }
        push();
        int outer = depth - 1;
        while (depth > outer) {
            text();
            if (s[pos + 1] == '/') {
                endTag();
            } else {
                startMarkup();
                if (!startTag()) {
                    push();
                }
            }
        }
    }

    /**
     * {@code <name a="v"...} (unclosed) for the start tag just read, as {@link CotStaxReader} writes it:
     * one blank before each attribute, values escaped in double quotes.
     */
    private void appendStartTag() {
        raw(tagName0 - 1, tagName1);
        for (int i = 0; i < attrCount; i++) {
            int a = 8 * i;
            int n0 = attrs[a + NAME0];
            int n1 = attrs[a + NAME1];
            int v0 = attrs[a + VALUE0];
            int v1 = attrs[a + VALUE1];
            if (s[n0 - 1] == ' ' && v0 == n1 + 2 && s[n1] == '=') {
                raw(n0 - 1, n1 + 1); // ' name=' as written
            } else {
                out.literal(' ');
                raw(n0, n1);
                out.literal('=');
            }
            if (s[v0 - 1] == '"') {
                raw(v0 - 1, v0);
            } else {
                out.literal('"');
            }
            appendAttributeValue(v0, v1, attrs[a + EDIT0], attrs[a + EDIT1]);
            if (s[v1] == '"') {
                raw(v1, v1 + 1);
            } else {
                out.literal('"');
            }
        }
    }

    /**
     * Writes an attribute value as {@code CotXmlWriter.escapeAttribute} writes its decoded form: the
     * input as it stands but at the edit positions the scan noted.
     */
    private void appendAttributeValue(int from, int to, int edit0, int edit1) {
        int run = from;
        for (int e = edit0; e < edit1; e++) {
            int i = edits[e];
            if (i < run) {
                continue; // the LF of a CR LF pair, already written as one blank
            }
            char c = s[i];
            int next = i + 1;
            String replacement;
            if (c == '&') {
                next = checkedReference(i);
                replacement = s[i + 1] == 'a' ? APOSTROPHE : null; // &apos; or a character reference
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"') {
                replacement = "&quot;";
            } else {
                replacement = " "; // tab, LF, CR or CR LF
                if (c == '\r' && next < to && s[next] == '\n') {
                    next++;
                }
            }
            raw(run, i);
            if (replacement != null) {
                out.literal(replacement);
            } else {
                StringBuilder escaped = new StringBuilder();
                CotXmlWriter.escapeAttribute(escaped, new String(Character.toChars(referenceChar)));
                out.literal(escaped.toString());
            }
            run = next;
        }
        raw(run, to);
    }

    /** Writes text as {@code CotXmlWriter.escapeText} writes its decoded form, span by span. */
    private void appendText(int from, int to) {
        int run = from;
        int i = from;
        while (i < to) {
            char c = s[i];
            if (c >= 128 || (PLAIN_IN_TEXT[c] || c == ' ' || c == ']' || c == '\n' || c == '\t')) {
                i++;
                continue;
            }
            String replacement;
            int next = i + 1;
            if (c == '&') {
                next = checkedReference(i);
                if (s[i + 1] != '#' && (referenceChar == '&' || referenceChar == '<' || referenceChar == '>')) {
                    i = next; // &amp; &lt; &gt; are written back the same
                    continue;
                }
                replacement = null;
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '\r') {
                replacement = "\n";
                if (next < to && s[next] == '\n') {
                    next++;
                }
            } else {
                i++;
                continue;
            }
            raw(run, i);
            if (replacement != null) {
                out.literal(replacement);
            } else {
                StringBuilder escaped = new StringBuilder();
                CotXmlWriter.escapeText(escaped, new String(Character.toChars(referenceChar)));
                out.literal(escaped.toString());
            }
            i = next;
            run = next;
        }
        raw(run, to);
    }

    private void raw(int from, int to) {
        out.span(from, to);
    }

    private void literal(String text) {
        out.literal(text);
    }

    /** A reference already checked by the scan: sets {@link #referenceChar}, returns the index after it. */
    private int checkedReference(int i) {
        try {
            return reference(i);
        } catch (NotMine e) {
            throw new IllegalStateException("reference was checked when scanned", e);
        }
    }

    /** At a '<' that does not open an end tag: only an element may start here. */
    private void startMarkup() throws NotMine {
        char c = s[pos + 1];
        if (c == '!' || c == '?') {
            throw NOT_MINE; // comment, CDATA, DOCTYPE or processing instruction
        }
        pos++;
    }

    /**
     * Reads a start tag from just after its '<' to just after its '>'.
     *
     * @return true for an empty-element tag ({@code />})
     */
    private boolean startTag() throws NotMine {
        tagName0 = pos;
        tagName1 = name();
        attrCount = 0;
        editCount = 0;
        while (true) {
            boolean space = skipSpace();
            char c = s[pos];
            if (c == '>') {
                tagGt = pos++;
                return false;
            }
            if (c == '/') {
                if (s[pos + 1] != '>') {
                    throw NOT_MINE;
                }
                pos += 2;
                return true;
            }
            if (!space) {
                throw NOT_MINE;
            }
            attribute();
        }
    }

    private void attribute() throws NotMine {
        int n0 = pos;
        int n1 = name();
        int hash = nameHash;
        if (startsWith("xmlns", n0) || attrCount == MAX_ATTRIBUTES) {
            throw NOT_MINE;
        }
        skipSpace();
        if (s[pos] != '=') {
            throw NOT_MINE;
        }
        pos++;
        skipSpace();
        char quote = s[pos];
        if (quote != '"' && quote != '\'') {
            throw NOT_MINE;
        }
        int v0 = pos + 1;
        int i = v0;
        int e0 = editCount;
        boolean plain = true;
        while (true) {
            while (PLAIN_IN_VALUE[s[i]]) {
                i++;
            }
            char c = s[i];
            if (c == quote) {
                break;
            }
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    throw NOT_MINE;
                }
                plain = false; // normalised to a blank
                edit(i);
            } else if (c == '&') {
                int end = reference(i);
                countReference();
                plain = false;
                if (s[i + 1] == '#' || referenceChar == '\'') {
                    edit(i); // &amp; &lt; &gt; &quot; are written back as they are
                }
                i = end;
                continue;
            } else if (c == '<') {
                throw NOT_MINE;
            } else if (c == '>' || c == '"') {
                plain = false; // escaped when written
                edit(i);
            } else if (c >= 0x7F) {
                i = nonAscii(i);
                continue;
            }
            i++;
        }
        if (i - v0 > MAX_VALUE_LENGTH) {
            throw NOT_MINE;
        }
        int len = n1 - n0;
        for (int k = 0; k < attrCount; k++) {
            int a = 8 * k;
            if (attrs[a + HASH] == hash && attrs[a + NAME1] - attrs[a + NAME0] == len && regionMatches(attrs[a + NAME0], s, n0, len)) {
                throw NOT_MINE; // duplicate attribute: malformed
            }
        }
        if (attrs.length < 8 * (attrCount + 1)) {
            attrs = java.util.Arrays.copyOf(attrs, attrs.length * 2);
        }
        int a = 8 * attrCount++;
        attrs[a + NAME0] = n0;
        attrs[a + NAME1] = n1;
        attrs[a + VALUE0] = v0;
        attrs[a + VALUE1] = i;
        attrs[a + PLAIN] = plain ? 1 : 0;
        attrs[a + HASH] = hash;
        attrs[a + EDIT0] = e0;
        attrs[a + EDIT1] = editCount;
        pos = i + 1;
    }

    /** The decoded value of attribute {@code i} of the last start tag. */
    private String value(int i) {
        int a = 8 * i;
        return attrs[a + PLAIN] == 1 ? string(attrs[a + VALUE0], attrs[a + VALUE1])
                : decode(attrs[a + VALUE0], attrs[a + VALUE1], true);
    }

    /** Reads an end tag from its '<'; it must close the innermost open element. */
    private void endTag() throws NotMine {
        endTagFrom = pos;
        pos += 2;
        int n0 = pos;
        int n1 = name();
        int o0 = open[2 * depth - 2];
        int len = open[2 * depth - 1] - o0;
        if (n1 - n0 != len || !regionMatches(n0, s, o0, len)) {
            throw NOT_MINE;
        }
        skipSpace();
        if (s[pos] != '>') {
            throw NOT_MINE;
        }
        pos++;
        depth--;
    }

    private void push() throws NotMine {
        if (depth == MAX_DEPTH) {
            throw NOT_MINE;
        }
        open[2 * depth] = tagName0;
        open[2 * depth + 1] = tagName1;
        depth++;
    }

    /** An ASCII name without colon from {@code pos}; returns its end (a following non-name character is checked by the caller). */
    private int name() throws NotMine {
        int i = pos;
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
            throw NOT_MINE;
        }
        i++;
        int h = c;
        while (true) {
            c = s[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') {
                h = 31 * h + c;
                i++;
            } else {
                break;
            }
        }
        nameHash = h;
        pos = i;
        return i;
    }

    /** Reads character data up to the next '<', checking it and noting how it may be copied. */
    private void text() throws NotMine {
        int i = pos;
        boolean plain = true;
        boolean white = true;
        boolean hasReference = false;
        while (true) {
            if (PLAIN_IN_TEXT[s[i]]) {
                white = false;
                do {
                    i++;
                } while (PLAIN_IN_TEXT[s[i]]);
            }
            char c = s[i];
            if (c == '<') {
                break;
            }
            if (c <= ' ') {
                if (c == '\r') {
                    plain = false; // line ends are normalised
                } else if (c != ' ' && c != '\n' && c != '\t') {
                    throw NOT_MINE;
                }
            } else if (c == '&') {
                i = reference(i);
                countReference();
                plain = false;
                hasReference = true;
                continue;
            } else {
                white = false;
                if (c == '>') {
                    plain = false;
                } else if (c == ']' && startsWith("]]>", i)) {
                    throw NOT_MINE; // not allowed in text
                } else if (c >= 0x7F) {
                    i = nonAscii(i);
                    continue;
                }
            }
            i++;
        }
        pos = i;
        textPlain = plain;
        textWhite = white;
        textHasReference = hasReference;
    }

    /** Whether the text run just read is blank once its references are expanded (what StAX calls whitespace). */
    private boolean white(int t0, int t1) {
        if (!textWhite) {
            return false;
        }
        if (!textHasReference) {
            return true;
        }
        String d = decode(t0, t1, false);
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a non-ASCII character at {@code i}; returns the index after it. Refuses what XML 1.0 forbids and,
     * to stay clear of XML 1.1 line-end rules, C1 controls and U+2028.
     */
    private int nonAscii(int i) throws NotMine {
        char c = s[i];
        if (c <= 0x9F || c == 0x2028 || c >= 0xFFFE || Character.isLowSurrogate(c)) {
            throw NOT_MINE;
        }
        if (Character.isHighSurrogate(c)) {
            if (!Character.isLowSurrogate(s[i + 1])) {
                throw NOT_MINE;
            }
            return i + 2;
        }
        return i + 1;
    }

    private void edit(int at) {
        if (editCount == edits.length) {
            edits = java.util.Arrays.copyOf(edits, editCount * 2);
        }
        edits[editCount++] = at;
    }

    private void countReference() throws NotMine {
        if (++references > MAX_REFERENCES) {
            throw NOT_MINE;
        }
    }

    /** Checks the reference at {@code i} ('&'), sets {@link #referenceChar} and returns the index after its ';'. */
    private int reference(int i) throws NotMine {
        switch (s[i + 1]) {
            case 'a' -> {
                if (startsWith("amp;", i + 1)) {
                    referenceChar = '&';
                    return i + 5;
                }
                if (startsWith("apos;", i + 1)) {
                    referenceChar = '\'';
                    return i + 6;
                }
            }
            case 'l' -> {
                if (s[i + 2] == 't' && s[i + 3] == ';') {
                    referenceChar = '<';
                    return i + 4;
                }
            }
            case 'g' -> {
                if (s[i + 2] == 't' && s[i + 3] == ';') {
                    referenceChar = '>';
                    return i + 4;
                }
            }
            case 'q' -> {
                if (startsWith("quot;", i + 1)) {
                    referenceChar = '"';
                    return i + 6;
                }
            }
            case '#' -> {
                return characterReference(i);
            }
            default -> {
            }
        }
        throw NOT_MINE; // an entity nobody declared (DTDs are refused)
    }

    private int characterReference(int i) throws NotMine {
        boolean hex = s[i + 2] == 'x';
        int j = hex ? i + 3 : i + 2;
        int start = j;
        int v = 0;
        while (true) {
            char c = s[j];
            if (c == ';') {
                break;
            }
            int d = Character.digit(c, hex ? 16 : 10);
            if (d < 0 || c > 'f' || j - start >= 7) {
                throw NOT_MINE;
            }
            v = v * (hex ? 16 : 10) + d;
            j++;
        }
        boolean xmlChar = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v <= 0xD7FF && v != 0x2028)
                || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
        if (j == start || !xmlChar) {
            throw NOT_MINE;
        }
        referenceChar = v;
        return j + 1;
    }

    /**
     * The characters of an already checked span as StAX reports them: references expanded, line ends
     * normalised to LF and, in attribute values, blanks (tab, LF, CR) normalised to spaces.
     */
    private String decode(int from, int to, boolean attribute) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s[i];
            if (c == '&') {
                i = checkedReference(i);
                sb.appendCodePoint(referenceChar);
                continue;
            }
            if (c == '\r') {
                sb.append(attribute ? ' ' : '\n');
                if (i + 1 < to && s[i + 1] == '\n') {
                    i++;
                }
            } else if (attribute && (c == '\n' || c == '\t')) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
            i++;
        }
        return sb.toString();
    }

    /** Skips XML blanks; true when there were any. */
    private boolean skipSpace() {
        int i = pos;
        int n = s.length;
        while (i < n) {
            char c = s[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                break;
            }
            i++;
        }
        boolean any = i > pos;
        pos = i;
        return any;
    }

    private boolean tagNameIs(String name) {
        return tagName1 - tagName0 == name.length() && startsWith(name, tagName0);
    }

    /** The constant among {@code names} that the span spells, or null. */
    private String known(int from, int to, String[] names) {
        for (String n : names) {
            if (to - from == n.length() && startsWith(n, from)) {
                return n;
            }
        }
        return null;
    }

    private boolean startsWith(String prefix, int at) {
        int n = prefix.length();
        if (at < 0 || at + n > s.length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean regionMatches(int a, char[] same, int b, int len) {
        return java.util.Arrays.equals(s, a, a + len, same, b, b + len);
    }

    private String string(int from, int to) {
        return new String(s, from, to - from);
    }
}
