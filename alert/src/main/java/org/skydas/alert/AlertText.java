package org.skydas.alert;

import java.util.Map;
import java.util.Objects;

/**
 * What a finding says, as data: one of the {@link AlertMessage}s and its parameters' values (made and checked by
 * {@link AlertMessage#text}), which the console translates; {@link #english()} is the server's own rendering.
 */
public record AlertText(AlertMessage message, Map<String, Object> params) {

    public AlertText {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(params, "params");
    }

    /** The stable key ({@code alert.border_crossing}). */
    public String key() {
        return message.key();
    }

    /** The English text: for logs, CoT remarks, exports, and the {@code message} every alert keeps. */
    public String english() {
        return message.english(params);
    }
}
