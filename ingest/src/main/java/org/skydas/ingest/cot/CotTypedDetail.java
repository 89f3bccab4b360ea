package org.skydas.ingest.cot;

/**
 * Collects the {@code <detail>} children that map exactly onto a typed TAK v1 sub-message (the first
 * of each kind, with only the attributes the typed form carries); everything else stays in
 * xmlDetail. Shared by both parse paths so that they split a detail the same way.
 */
final class CotTypedDetail {

    private CotContact contact;
    private CotGroup group;
    private CotPrecisionLocation precision;
    private CotStatus status;
    private CotTakv takv;
    private CotTrack track;

    /** The names of the elements a typed form may hold; others need not have their attributes read. */
    static boolean isTypedName(String name) {
        return switch (name) {
            case "contact", "__group", "precisionlocation", "status", "takv", "track" -> true;
            default -> false;
        };
    }

    /**
     * Takes an element that has no child elements and no text as its typed form when that form can
     * hold it exactly.
     *
     * @return false when the element must stay in xmlDetail
     */
    boolean offer(String name, String[] attrNames, String[] attrValues) {
        switch (name) {
            case "contact" -> {
                if (contact == null && only(attrNames, "callsign", "endpoint")) {
                    contact = new CotContact(get(attrNames, attrValues, "callsign"), get(attrNames, attrValues, "endpoint"));
                    return true;
                }
            }
            case "__group" -> {
                if (group == null && only(attrNames, "name", "role")) {
                    group = new CotGroup(get(attrNames, attrValues, "name"), get(attrNames, attrValues, "role"));
                    return true;
                }
            }
            case "precisionlocation" -> {
                if (precision == null && only(attrNames, "geopointsrc", "altsrc")) {
                    precision = new CotPrecisionLocation(get(attrNames, attrValues, "geopointsrc"),
                            get(attrNames, attrValues, "altsrc"));
                    return true;
                }
            }
            case "status" -> {
                String battery = get(attrNames, attrValues, "battery");
                if (status == null && only(attrNames, "battery") && battery != null && isSmallUnsigned(battery)) {
                    status = new CotStatus(Integer.parseInt(battery.strip()));
                    return true;
                }
            }
            case "takv" -> {
                if (takv == null && only(attrNames, "device", "platform", "os", "version")) {
                    takv = new CotTakv(get(attrNames, attrValues, "device"), get(attrNames, attrValues, "platform"),
                            get(attrNames, attrValues, "os"), get(attrNames, attrValues, "version"));
                    return true;
                }
            }
            case "track" -> {
                String speed = get(attrNames, attrValues, "speed");
                String course = get(attrNames, attrValues, "course");
                double s = CotNumbers.parseOrNaN(speed);
                double c = CotNumbers.parseOrNaN(course);
                if (track == null && only(attrNames, "speed", "course") && (speed == null || Double.isFinite(s))
                        && (course == null || Double.isFinite(c))) {
                    track = new CotTrack(s, c);
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    CotDetail build(String xmlDetail) {
        return new CotDetail(contact, group, precision, status, takv, track, xmlDetail);
    }

    private static boolean only(String[] names, String... allowed) {
        outer:
        for (String n : names) {
            for (String a : allowed) {
                if (a.equals(n)) {
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static String get(String[] names, String[] values, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    private static boolean isSmallUnsigned(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 9) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i)) || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
