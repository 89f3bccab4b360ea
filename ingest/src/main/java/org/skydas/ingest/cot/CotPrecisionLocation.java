package org.skydas.ingest.cot;

/** {@code <precisionlocation geopointsrc="GPS" altsrc="DTED2"/>}; either may be null. */
public record CotPrecisionLocation(String geopointsrc, String altsrc) {
}
