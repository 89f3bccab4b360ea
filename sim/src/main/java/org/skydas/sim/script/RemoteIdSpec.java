package org.skydas.sim.script;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a drone broadcasts over Remote ID: its serial number (Basic ID) and, optionally, its operator ID. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteIdSpec(@JsonProperty("serial") String serial, @JsonProperty("operator_id") String operatorId) {

    public RemoteIdSpec {
        if (serial == null || serial.isBlank() || serial.length() > 20 || !serial.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("remote_id.serial must be 1..20 printable ASCII characters");
        }
        if (operatorId != null && (operatorId.length() > 20 || !operatorId.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
            throw new IllegalArgumentException("remote_id.operator_id must be at most 20 printable ASCII characters");
        }
    }
}
