package org.skydas.ingest.onvif;

/** A metadata document a camera pushed, with the camera's id as the URL named it ({@code POST /onvif/<camera>}). */
public record OnvifPush(String cameraId, Onvif.Document document) {
}
