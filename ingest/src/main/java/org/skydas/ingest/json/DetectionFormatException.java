package org.skydas.ingest.json;

import java.util.List;
import java.util.stream.Collectors;

import org.skydas.ingest.DecodeException;

/** A detection that does not meet the schema; {@link #errors()} lists every problem with its JSON path. */
public final class DetectionFormatException extends DecodeException {

    private static final long serialVersionUID = 1L;

    /** One problem: JSON path such as {@code /position/lat} and the reason. */
    public record FieldError(String path, String reason) {
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    private final transient List<FieldError> errors;

    public DetectionFormatException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
