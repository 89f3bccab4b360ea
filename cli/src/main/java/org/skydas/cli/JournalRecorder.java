package org.skydas.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.skydas.sim.MessageSink;
import org.skydas.sim.SimMessage;
import org.skydas.sim.journal.JournalWriter;

/**
 * {@code simulate --journal FILE}: a journal line per message, flushed to the file at once so that a run that is
 * killed keeps every message it sent. (Flushing hands the line to the operating system; that survives the process,
 * not a power cut.) A journal that cannot be written stops the run with one clear line: the operator asked for it.
 */
final class JournalRecorder implements MessageSink, AutoCloseable {

    private final Path file;
    private final Writer out;
    private final JournalWriter journal;

    private JournalRecorder(Path file, Writer out) {
        this.file = file;
        this.out = out;
        this.journal = new JournalWriter(out);
    }

    static JournalRecorder open(Path file) {
        try {
            return new JournalRecorder(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot write journal " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void accept(SimMessage m) {
        try {
            journal.accept(m);
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("cannot write journal " + file + ": " + e.getMessage());
        }
    }

    long written() {
        return journal.written();
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
