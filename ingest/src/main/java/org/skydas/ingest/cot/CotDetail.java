package org.skydas.ingest.cot;

/**
 * The {@code <detail>} of an event, split the way TAK protocol v1 splits it: the elements that map
 * exactly onto a typed TAK sub-message (each may be null) and {@code xmlDetail}, every other child
 * element re-serialised without the enclosing {@code <detail>} (empty string when there is none).
 * An element goes entirely one way or the other: a repeated element, one with child elements or
 * text, or one with an attribute the typed form cannot carry stays in {@code xmlDetail}.
 */
public record CotDetail(CotContact contact, CotGroup group, CotPrecisionLocation precisionLocation,
                        CotStatus status, CotTakv takv, CotTrack track, String xmlDetail) {

    public static final CotDetail EMPTY = new CotDetail(null, null, null, null, null, null, "");

    public CotDetail {
        xmlDetail = xmlDetail == null ? "" : xmlDetail;
    }

    public boolean isEmpty() {
        return contact == null && group == null && precisionLocation == null && status == null
                && takv == null && track == null && xmlDetail.isEmpty();
    }
}
