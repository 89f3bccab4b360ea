package org.skydas.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Decodes one capture file of a protocol (raw bytes, or pcap/pcapng told apart by the file's magic
 * number) into one JSON object per line, for {@code skydas decode PROTOCOL FILE} and for
 * cross-checking against reference decoders.
 */
public interface Dumper {

    /** The protocol name used on the command line, e.g. {@code asterix}, {@code cot}, {@code remoteid}. */
    String protocol();

    /**
     * Emits one JSON line per decoded record or message, in file order.
     *
     * @throws DecodeException after the records that did decode, when the rest cannot be decoded;
     *                         its message is the one-line reason shown to the user
     */
    void dump(Path file, Consumer<String> jsonLine) throws IOException, DecodeException;
}
