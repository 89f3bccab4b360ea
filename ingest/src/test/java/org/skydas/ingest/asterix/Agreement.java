package org.skydas.ingest.asterix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares one reference decoder's values with ours, field by field, and keeps the tally per file.
 *
 * <p>Reference tools name fields their own way ("CGS", "Calculated groundspeed", "Mode-3/A reply"...). A
 * reference path is resolved against our item by, in order: normalised exact path (letters and digits only,
 * upper case, after {@link #ALIASES}); its longest matching prefix (references often repeat the subitem name,
 * "I290/MDS/MDS"); the bare value when our item is a single element; the only leaf of our item; the only leaf
 * with the same last name. What does not resolve is counted as "unresolved", never as agreement.
 */
final class Agreement {

    /** Reference field names (normalised) → ours, where they differ. */
    static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        String[][] a = {
            // Croatia Control XML/JSON short names
            {"TN", "TRN"}, {"CGS", "GSP"}, {"CHDG", "HDG"}, {"CTBA", "CTB"}, {"VERTA", "VERT"}, {"LONGA", "LONG"},
            {"TRANSA", "TRANS"}, {"MODEC", "LMC"}, {"CG", "G"}, {"CV", "V"}, {"MODESSSC", "MSSC"},
            {"BDS37", "B1B"}, {"BDS16", "B1A"}, {"CSN", "CS"}, {"DES", "DST"},
            // Croatia Control text output (descriptive names)
            {"SYSTEMAREACODE", "SAC"}, {"SYSTEMIDENTIFICATIONCODE", "SIC"}, {"MODE3AREPLYCODE", "MODE3A"},
            {"FLIGHTLEVEL", "FL"}, {"CALCULATEDHEADING", "HDG"}, {"CALCULATEDGROUNDSPEED", "GSP"},
            {"SIIITRANSPONDERCAPABILITY", "SI"}, {"MODESSPECIFICSERVICECAPABILITY", "MSSC"},
            {"BDS10BITS3740", "B1B"}, {"BDS10BIT16", "B1A"}, {"ALTITUDEREPORTINGCAPABILITY", "ARC"},
            {"AIRCRAFTIDENTIFICATIONCAPABILITY", "AIC"}, {"YCOMPONENT", "Y"}, {"XCOMPONENT", "X"},
            {"SSRREPLYAMPLITUDE", "SAM"}, {"SSRNUMBEROFRECEIVEDREPLY", "SRR"}, {"SSRPLOTRUNLENGTH", "SRL"},
            {"PRIMARYPLOTRUNLENGTH", "PRL"}, {"3DHEIGHT", "3DH"}, {"LATITUDEINWGS84", "LAT"},
            {"LONGITUDEINWGS84", "LON"}, {"OPERATIONALRELEASESTATUSOFTHESYSTEM", "COM/NOGO"},
            {"RADARDATAPROCESSORCHAINSELECTIONSTATUS", "COM/RDPC"},
            {"EVENTTOSIGNALARESETRESTARTOFTHESELECTEDRADARDATAPROCESSORCHAIN", "COM/RDPR"},
            {"RADARDATAPROCESSOROVERLOADINDICATOR", "COM/OVLRDP"}, {"TRANSMISSIONSUBSYSTEMOVERLOADSTATUS", "COM/OVLXMT"},
            {"MONITORINGSYSTEMCONNECTEDSTATUS", "COM/MSC"}, {"TIMESOURCEVALIDITY", "COM/TSV"},
            {"SELECTEDSSRANTENNA", "SSR/ANT"}, {"SSRCHANNELABSELECTIONSTATUS", "SSR/CHAB"},
            {"SSROVERLOADCONDITION", "SSR/OVL"}, {"SSRMONITORINGSYSTEMCONNECTEDSTATUS", "SSR/MSC"},
            {"SELECTEDPSRANTENNA", "PSR/ANT"}, {"PSRCHANNELABSELECTIONSTATUS", "PSR/CHAB"},
            {"PSSROVERLOADCONDITION", "PSR/OVL"}, {"PSSRMONITORINGSYSTEMCONNECTEDSTATUS", "PSR/MSC"},
            {"MODESSELECTEDANTENNA", "MDS/ANT"}, {"MODESCHANNELABSELECTIONSTATUSFORSURVEILLANCE", "MDS/CHAB"},
            {"MODESOVERLOADCONDITION", "MDS/OVLSUR"}, {"MODESMONITORINGSYSTEMCONNECTEDSTATUS", "MDS/MSC"},
            {"MODESCHANNELABSELLECTIONFORSURVEILLANCECOORDINATIONFUNCTION", "MDS/SCF"},
            {"MODESCHANNELABSELLECTIONFORDATALINKFUNCTION", "MDS/DLF"},
            {"MODESOVERLOADINSURVEILLANCECOORDINATIONFUNCTION", "MDS/OVLSCF"},
            {"MODESOVERLOADINDATALINKFUNCTION", "MDS/OVLDLF"},
            {"REDUCTIONSTEPSINUSEFORANOVERLOADOFTHERDP", "COM/REDRDP"},
            {"REDUCTIONSTEPSINUSEFORANOVERLOADOFTHETRANSMISSIONSUBSYSTEM", "COM/REDXMT"},
            {"REDUCTIONSTEPSINUSEASRESULTOFANOVERLOADWITHINTHEMODESSUBSYSTEM", "MDS/REDRAD"},
            {"CLUSTERSTATE", "MDS/CLU"},
            {"SIGNEDHEIGHTOFTHEDATASOURCEEXPRESSEDINMETERSABOVEWGS84REFERENCEELLIPSOID", "HGT"},
            // jASTERIX names
            {"MODE3AREPLY", "MODE3A"}, {"CALCULATEDGROUNDSPEED", "GSP"},
            {"CALCULATEDTRACKBAROMETRICALTITUDE", "CTB"}, {"MBDATA", "MBDATA"}, {"MODESMBDATA", ""},
            {"COMPOSEDTRACKNUMBER", ""}, {"SYSTEMUNITIDENTIFICATION", "IDENT"}, {"SYSTEMTRACKNUMBER", "TRACK"},
            {"LASTMEASUREDMODECCODE", "LMC"}, {"APCXCOMPONENT", "X"}, {"APCYCOMPONENT", "Y"},
            {"APWLATITUDECOMPONENT", "LAT"}, {"APWLONGITUDECOMPONENT", "LON"}, {"ATVXCOMPONENT", "X"},
            {"ATVYCOMPONENT", "Y"}, {"AAXCOMPONENT", "X"}, {"AAYCOMPONENT", "Y"},
            // Croatia Control text output, CAT062/065
            {"CHANGEINMODE3A", "CH"}, {"MODE3AREPLYINOCTALREPRESENTATION", "MODE3A"}, {"MOSTRELIABLEHEIGHT", "MRH"},
            {"SOURCEOFCALCULATEDTRACKALTITUDEFORI062130", "SRC"},
            {"LATITUDEINWGS84INTWOSCOMPLEMENTRANGE90LATITUDE90DEG", "LAT"},
            {"LONGITUDEINWGS84INTWOSCOMPLEMENTRANGE180LONGITUDE180DEG", "LON"},
            {"CALCULATEDTRACKBAROMETRICALT", "CTB"}, {"ALTITUDEDISCREPANCYFLAG", "ADF"},
            {"LONGITUDINALACCELERATION", "LONG"}, {"TRANSVERSALACCELERATION", "TRANS"}, {"VERTICALRATE", "VERT"},
            {"AGEOFTHELASTMODESDETECTIONUSEDTOUPDATETHETRACK", "MDS"},
            {"AGEOFTHELASTPRIMARYDETECTIONUSEDTOUPDATETHETRACK", "PSR"},
            {"AGEOFTHELASTSECONDARYDETECTIONUSEDTOUPDATETHETRACK", "SSR"}, {"MEASUREDAZIMUTH", "POS/THETA"},
            {"MEASUREDDISTANCE", "POS/RHO"}, {"MODE3AREPLYUNDERTHEFORMOF4DIGITSINOCTALREPRESENTATION", "MDA/MODE3A"},
            {"REPORTTYPE", "TYP/TYP"}, {"COMMUNICATIONSCAPABILITYOFTHETRANSPONDER", "COM/COM"},
            {"FLIGHTSTATUS", "STAT"}, {"SPECIFICSERVICECAPABILITY", "SSC"}, {"TARGETADDRESS", "ADR"},
            {"TARGETIDENTIFICATION", "ID"}, {"CALLSIGN", "CS"}, {"CURRENTCLEAREDFLIGHTLEVEL", "CFL"},
            {"DEPARTUREAIRPORT", "DEP"}, {"DESTINATIONAIRPORT", "DST"}, {"FIRSTNUMBER", "NU1"},
            {"SECONDNUMBER", "NU2"}, {"LETTER", "LTR"}, {"TYPEOFAIRCRAFT", "TAC"}, {"WAKETURBULENCECATEGORY", "WTC"},
            {"SOURCEAREACODE", "SAC"}, {"NUCRORNACV", "NUCRNACV"}, {"NUCPORNIC", "NUCPNIC"},
            {"TIMERECEPTIONPOSITIONHIGHPRECISION", "TOMRP"}, {"SOURCEIDENTIFICATIONCODE", "SIC"}, {"ALTITUDE", "ALT"}, {"LATITUDE", "LAT"}, {"LONGITUDE", "LON"},
        };
        for (String[] e : a) {
            ALIASES.put(e[0], e[1]);
        }
    }

    /** Per file: counts, and the first mismatches / unresolved names for the report. */
    static final class Tally {
        int compared;
        int agreed;
        int skipped;
        final List<String> mismatches = new ArrayList<>();
        final Map<String, Integer> unresolved = new TreeMap<>();

        double percent() {
            return compared == 0 ? 100.0 : 100.0 * agreed / compared;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d values agree (%.2f %%), %d reference values not comparable%s%s",
                    agreed, compared, percent(), skipped,
                    unresolved.isEmpty() ? "" : ", unresolved names " + unresolved,
                    mismatches.isEmpty() ? "" : ", mismatches " + mismatches.subList(0, Math.min(10, mismatches.size())));
        }
    }

    private Agreement() {
    }

    /** Names that contain a slash, written without it before the path is split. */
    private static final String[][] SLASHED = {{"GAT/OAT", "GATOAT"}, {"FR1/FR2", "FR1FR2"}, {"Mode-3/A", "MODE3A"},
        {"CH-A/B", "CHAB"}, {"Climb/Descent", "ClimbDescent"}, {"reset/restart", "resetrestart"},
        {"MCP/FCU", "MCPFCU"}, {"A/B", "AB"}, {"37/40", "3740"}, {"Mode 3/A", "MODE3A"},
        {"I062/130", "I062130"}};

    static String norm(String s) {
        for (String[] r : SLASHED) {
            s = s.replace(r[0], r[1]);
        }
        s = s.replaceAll("\\[(\\d+)\\]", "/$1");
        StringBuilder b = new StringBuilder();
        for (String seg : s.split("/")) {
            String n = seg.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            n = ALIASES.getOrDefault(n, n);
            if (n.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(n);
        }
        return b.toString();
    }

    /** Leaves of our item, keyed by normalised path ("" for a bare value, array indexes as segments). */
    static Map<String, JsonNode> leaves(JsonNode item) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(item, "", out);
        return out;
    }

    private static void collect(JsonNode n, String path, Map<String, JsonNode> out) {
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "/" + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), path.isEmpty() ? String.valueOf(i) : path + "/" + i, out);
            }
        } else {
            out.put(path, n);
        }
    }

    /** Our leaf path for a reference path inside {@code item}, or null. */
    static String resolve(Map<String, JsonNode> leaves, String refPath) {
        String p = norm(refPath);
        if (leaves.containsKey(p)) {
            return p;
        }
        String q = p;
        while (q.contains("/")) {
            q = q.substring(0, q.lastIndexOf('/'));
            if (leaves.containsKey(q)) {
                return q;
            }
        }
        if (leaves.size() == 1) {
            return leaves.keySet().iterator().next();
        }
        String last = p.contains("/") ? p.substring(p.lastIndexOf('/') + 1) : p;
        String found = null;
        int count = 0;
        for (String k : leaves.keySet()) {
            if (k.equals(last) || k.endsWith("/" + last)) {
                found = k;
                count++;
            }
        }
        return count == 1 ? found : null;
    }

    /**
     * Compares one reference value; {@code factors} (key "I048/200/GSP", our item and leaf) convert our
     * value to the reference's unit where they differ.
     *
     * @param tolerance absolute tolerance (the reference's printing precision or its assertion's tolerance)
     */
    static void check(Tally t, String where, JsonNode record, String itemKey, String refPath, Object refValue,
                      Map<String, Double> factors, double tolerance) {
        JsonNode item = record.path("items").get(itemKey);
        if (item == null) {
            t.compared++;
            t.mismatches.add(where + " " + itemKey + " missing");
            return;
        }
        Map<String, JsonNode> leaves = leaves(item);
        String leaf = resolve(leaves, refPath);
        JsonNode ours = leaf == null ? null : leaves.get(leaf);
        double factor = leaf == null ? 1 : factors.getOrDefault(leaf.isEmpty() ? itemKey : itemKey + "/" + leaf, 1.0);
        if (ours == null) {
            t.skipped++;
            t.unresolved.merge(itemKey + ":" + refPath, 1, Integer::sum);
            return;
        }
        t.compared++;
        if (agrees(ours, refValue, factor, tolerance)) {
            t.agreed++;
        } else {
            t.mismatches.add(where + " " + itemKey + "/" + refPath + ": ours " + ours + " ref " + refValue);
        }
    }

    static boolean agrees(JsonNode ours, Object ref, double factor, double tolerance) {
        if (ref instanceof Number n) {
            double r = n.doubleValue();
            double o;
            if (ours.isNumber()) {
                o = ours.asDouble() * factor;
            } else {
                try {
                    o = Double.parseDouble(ours.asText().trim());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return Math.abs(o - r) <= Math.max(tolerance, 1e-9 * Math.abs(r));
        }
        String r = String.valueOf(ref);
        if (ours.isTextual()) {
            String o = ours.asText();
            // Croatia prints strings as C strings: an embedded NUL ends them.
            if (o.equals(r) || (o.indexOf('\0') >= 0 && o.substring(0, o.indexOf('\0')).equals(r))) {
                return true;
            }
            try { // octal Mode 3/A strings: "0470" vs 470
                return Long.parseLong(o) == Long.parseLong(r.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (ours.isNumber()) {
            String s = r.trim();
            try {
                if (Math.abs(ours.asDouble() * factor - Double.parseDouble(s)) <= Math.max(tolerance, 1e-9)) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not decimal: try hex (addresses, MB data)
            }
            try {
                return ours.bigIntegerValue().equals(new java.math.BigInteger(s, 16));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
