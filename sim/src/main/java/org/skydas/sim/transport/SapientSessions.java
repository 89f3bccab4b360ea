package org.skydas.sim.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.skydas.ingest.sapient.SapientFrames;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;
import uk.gov.dstl.sapientmsg.bsiflex335v2.TaskAck;

/**
 * The TCP sessions of simulated SAPIENT nodes with a fusion node on this machine: one connection per node (the
 * message's source), opened at its first message. A node that has to reconnect registers again first (its last
 * registration is kept). Each connection's answers are read on its own daemon thread: acknowledgements and errors
 * are counted, and a {@code Task} (an operator's, sent by the fusion node) is acknowledged as accepted, as an obedient
 * sensor would.
 */
final class SapientSessions implements AutoCloseable {

    private final InetAddress loopback;
    private final int port;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, byte[]> registrations = new HashMap<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong tasksAnswered = new AtomicLong();

    SapientSessions(InetAddress loopback, int port) {
        this.loopback = loopback;
        this.port = port;
    }

    private static final class Session {
        final Socket socket;
        final OutputStream out;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        synchronized void write(byte[] framed) throws IOException {
            out.write(framed);
            out.flush();
        }
    }

    /** Sends one framed message of node {@code source}. */
    void send(String source, byte[] framed) throws IOException {
        boolean registration = isRegistration(framed);
        if (registration) {
            registrations.put(source, framed.clone());
        }
        Session s = sessions.get(source);
        if (s == null || s.socket.isClosed()) {
            s = open(source);
            byte[] reg = registrations.get(source);
            if (!registration && reg != null) {
                s.write(reg);
            }
        }
        try {
            s.write(framed);
        } catch (IOException e) {
            s.socket.close(); // reconnect (and register again) on the next message
            sessions.remove(source);
            throw e;
        }
    }

    private Session open(String source) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(loopback, port), 2_000);
        socket.setTcpNoDelay(true);
        Session s = new Session(socket);
        sessions.put(source, s);
        Thread reader = new Thread(() -> read(s), "sim-sapient-" + source);
        reader.setDaemon(true);
        reader.start();
        return s;
    }

    private void read(Session s) {
        try {
            DataInputStream in = new DataInputStream(s.socket.getInputStream());
            byte[] head = new byte[4];
            while (true) {
                in.readFully(head);
                int n = (head[0] & 0xFF) | (head[1] & 0xFF) << 8 | (head[2] & 0xFF) << 16 | (head[3] & 0xFF) << 24;
                if (n < 0 || n > 16 << 20) {
                    break;
                }
                byte[] body = new byte[n];
                in.readFully(body);
                SapientMessage m;
                try {
                    m = SapientMessage.parseFrom(body);
                } catch (InvalidProtocolBufferException e) {
                    errors.incrementAndGet();
                    continue;
                }
                if (m.hasRegistrationAck()) {
                    (m.getRegistrationAck().getAcceptance() ? accepted : refused).incrementAndGet();
                } else if (m.hasError()) {
                    errors.incrementAndGet();
                } else if (m.hasTask()) {
                    s.write(SapientFrames.frame(answer(m).toByteArray()));
                    tasksAnswered.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the connection ended: the next message opens a new one
        }
    }

    /** The node's acknowledgement of a task: accepted. */
    static SapientMessage answer(SapientMessage task) {
        Instant now = Instant.now();
        return SapientMessage.newBuilder()
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setNodeId(task.getDestinationId()).setDestinationId(task.getNodeId())
                .setTaskAck(TaskAck.newBuilder().setTaskId(task.getTask().getTaskId())
                        .setTaskStatus(TaskAck.TaskStatus.TASK_STATUS_ACCEPTED).addReason("simulated node: task accepted"))
                .build();
    }

    private static boolean isRegistration(byte[] framed) {
        try {
            return framed.length > 4 && SapientMessage.parseFrom(java.nio.ByteBuffer.wrap(framed, 4, framed.length - 4))
                    .hasRegistration();
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Session s : sessions.values()) {
            try {
                s.socket.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with it
            }
        }
        sessions.clear();
    }
}
