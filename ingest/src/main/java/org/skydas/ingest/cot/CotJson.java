package org.skydas.ingest.cot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of a CoT event used by the dumpers: unknown numbers are null, times ISO-8601 UTC. */
public final class CotJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private CotJson() {
    }

    public static ObjectNode toJson(CotEvent e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("uid", e.uid());
        o.put("type", e.type());
        o.put("how", e.how());
        o.put("time", CotTime.format(e.time()));
        o.put("start", CotTime.format(e.start()));
        o.put("stale", CotTime.format(e.stale()));
        if (e.access() != null) {
            o.put("access", e.access());
        }
        CotPoint p = e.point();
        o.put("lat", p.lat());
        o.put("lon", p.lon());
        number(o, "hae_m", p.hae(), p.haeKnown());
        number(o, "ce_m", p.ce(), p.ceKnown());
        number(o, "le_m", p.le(), p.leKnown());
        o.put("callsign", e.callsign());
        CotTrack t = e.track();
        if (t != null) {
            number(o, "speed_mps", t.speed(), Double.isFinite(t.speed()));
            number(o, "course_deg", t.course(), Double.isFinite(t.course()));
        }
        CotDetail d = e.detail();
        if (d.contact() != null && d.contact().endpoint() != null) {
            o.put("endpoint", d.contact().endpoint());
        }
        if (d.group() != null) {
            o.put("group", d.group().name());
            o.put("role", d.group().role());
        }
        if (d.status() != null) {
            o.put("battery", d.status().battery());
        }
        if (d.takv() != null) {
            o.put("takv", String.join(" ", nz(d.takv().platform()), nz(d.takv().version())).strip());
        }
        if (!d.xmlDetail().isEmpty()) {
            o.put("xml_detail", d.xmlDetail());
        }
        if (!e.deviations().isEmpty()) {
            e.deviations().forEach(o.putArray("deviations")::add);
        }
        return o;
    }

    private static void number(ObjectNode o, String name, double v, boolean known) {
        if (known) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
