package org.skydas.obstacles;

/**
 * A register entry or a request refused, naming the field at fault ({@code reference_points: at least
 * 2 required}). The API answers 400, the CLI exits with code 2.
 */
public class ObstacleException extends IllegalArgumentException {

    private final String field;

    public ObstacleException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** The JSON name of the field at fault, with its index where it is in a list ({@code devices[1].fuze}). */
    public String field() {
        return field;
    }
}
