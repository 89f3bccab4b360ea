package org.skydas.bench.ingest.json;

import java.util.List;

/**
 * Valid Skydas JSON detections that seed the fuzz run: every sensor kind, every optional field (bearing and its
 * error, class hint with confidence, circular error, covariance, external id, altitude), values at the ends of
 * their ranges, escapes and non-ASCII text. Written here rather than read from shared data: the schema is
 * Skydas's own and no outside samples exist.
 */
final class DetectionSamples {

    private DetectionSamples() {
    }

    static List<String> all() {
        return List.of(
                """
                {"sensor_id":"cam-LT-001","time":"2026-11-27T04:00:12.500Z","kind":"camera",
                 "position":{"lat":54.6872,"lon":25.2797,"alt_m":152.5},"bearing_deg":271.25,"bearing_error_deg":0.5,
                 "class_hint":"person","confidence":0.87,"position_error_m":35,"external_id":"evt-000123"}""",
                """
                {"sensor_id":"fence-BY-07","time":"2026-11-27T04:00:00Z","kind":"fence",
                 "line":{"line_id":"BY-fence-segment-07","distance_m":1234.5},"class_hint":"group","confidence":1,
                 "position_error_m":20}""",
                """
                {"sensor_id":"seis-2","time":"2026-01-01T00:00:00.000000001Z","kind":"seismic",
                 "line":{"line_id":"L","distance_m":0},"position":{"lat":-90,"lon":180},"class_hint":"vehicle"}""",
                """
                {"sensor_id":"ac-\\u0105\\"x\\"","time":"2026-06-30T23:59:59.999Z","kind":"acoustic",
                 "bearing_deg":0,"bearing_error_deg":180,"class_hint":"drone","confidence":0}""",
                """
                {"sensor_id":"rf-Ž","time":"2024-02-29T12:00:00Z","kind":"rf","bearing_deg":359.999,
                 "position":{"lat":53.9,"lon":-180,"alt_m":-1000},
                 "covariance_en_m2":{"ee":2500.0,"en":-1200.5,"nn":900},"class_hint":"aircraft",
                 "confidence":0.5}""",
                """
                {"sensor_id":"cam-2","time":"2026-11-27T04:00:12Z","kind":"camera",
                 "position":{"lat":90,"lon":0,"alt_m":100000},"covariance_en_m2":{"ee":1e-3,"en":0,"nn":1E+6},
                 "class_hint":"animal","external_id":"\\ud83d\\ude81 tab\\t"}""",
                """
                { "sensor_id" : "rf-3" , "time" : "2026-11-27T04:00:12.1Z" , "kind" : "rf" ,
                  "bearing_deg" : 12.5e1 , "class_hint" : "unknown" }""");
    }
}
