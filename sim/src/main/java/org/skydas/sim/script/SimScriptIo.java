package org.skydas.sim.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes scenario scripts as YAML (JSON is YAML too). Unknown keys are refused, so a misspelt key
 * fails loudly instead of being ignored; every problem becomes a {@link SimScriptException} with its reason.
 */
public final class SimScriptIo {

    private final ObjectMapper yaml;

    public SimScriptIo() {
        YAMLFactory f = YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build();
        yaml = new ObjectMapper(f).registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public SimScript read(String text) throws SimScriptException {
        try {
            SimScript s = yaml.readValue(text, SimScript.class);
            if (s == null) {
                throw new SimScriptException("empty script");
            }
            return s;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String reason = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                    ? cause.getMessage() : e.getOriginalMessage();
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new SimScriptException("invalid script" + where + ": " + reason);
        }
    }

    public SimScript read(Path file) throws SimScriptException {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new SimScriptException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public String write(SimScript script) {
        try {
            return yaml.writeValueAsString(script);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of plain values always serialise
        }
    }
}
