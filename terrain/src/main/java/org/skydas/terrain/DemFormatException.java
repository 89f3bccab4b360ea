package org.skydas.terrain;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A raster file that cannot be used, with the file and the reason (truncated, unsupported
 * compression or sample type, no georeferencing...). The message is one line: {@code file: reason}.
 */
public final class DemFormatException extends IOException {

    private final transient Path file;
    private final String reason;

    public DemFormatException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public DemFormatException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
