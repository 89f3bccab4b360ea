package org.skydas.server.ops;

/** One Prometheus sample with its help text: {@code type} is gauge or counter. */
public record Metric(String name, String type, String help, double value) {

    public static Metric gauge(String name, String help, double value) {
        return new Metric(name, "gauge", help, value);
    }

    public static Metric counter(String name, String help, double value) {
        return new Metric(name, "counter", help, value);
    }
}
