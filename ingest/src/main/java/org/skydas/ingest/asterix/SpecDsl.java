package org.skydas.ingest.asterix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Short constructors used by the generated item tables ({@code Cat048Ed131} and friends). */
final class SpecDsl {

    static final Content RAW = Content.RAW;
    static final Content SIGNED = Content.SIGNED;
    static final Content UNSIGNED = Content.UNSIGNED;
    static final Content ICAO = Content.ICAO;
    static final Content ASCII = Content.ASCII;
    static final Content OCTAL = Content.OCTAL;
    static final Content BDS = Content.BDS;

    private SpecDsl() {
    }

    static Content q(boolean signed, double numerator, double denominator, String unit) {
        return Content.quantity(signed, numerator, denominator, unit);
    }

    static Variation el(int bits, Content content) {
        return new Variation.Element(bits, content, null);
    }

    static Variation dep(int bits, Content fallback, String sibling, int[] values, Content[] contents) {
        return new Variation.Element(bits, fallback, new Variation.Dependency(sibling, values, contents));
    }

    static Variation.Field f(String name, Variation v) {
        return Variation.Field.of(name, v);
    }

    static Variation.Field spare(int bits) {
        return Variation.Field.spare(bits);
    }

    static Variation group(Variation.Field... fields) {
        return new Variation.Group(Arrays.asList(fields));
    }

    /** One octet group of an Extended item; {@code fx} tells whether an FX bit follows its fields. */
    record Part(boolean fx, List<Variation.Field> fields) {
    }

    static Part part(boolean fx, Variation.Field... fields) {
        return new Part(fx, Arrays.asList(fields));
    }

    static Variation ext(Part... parts) {
        List<List<Variation.Field>> fields = new ArrayList<>();
        boolean[] fx = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            fields.add(parts[i].fields());
            fx[i] = parts[i].fx();
        }
        return new Variation.Extended(fields, fx);
    }

    static Variation rep(int repBytes, Variation element) {
        return new Variation.Repetitive(repBytes, element);
    }

    static Variation repFx(Variation element) {
        return new Variation.Repetitive(0, element);
    }

    static Variation explicit(String kind) {
        return new Variation.Explicit(kind);
    }

    static Variation compound(Variation.Field... subitems) {
        return new Variation.Compound(Arrays.asList(subitems));
    }
}
