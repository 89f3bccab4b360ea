package org.skydas.ingest.listen;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.skydas.ingest.json.Detection;
import org.skydas.ingest.json.DetectionFormatException;
import org.skydas.ingest.json.DetectionParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skydas JSON detections from an MQTT broker (one detection per message, schema
 * {@code detection.schema.json}). Subscribes with QoS 1 and reconnects by itself (re-subscribing),
 * so a broker restart loses no more than the broker itself does.
 */
public final class MqttDetectionListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttDetectionListener.class);

    private final ListenerStats stats = new ListenerStats("json-mqtt");
    private final MqttClient client;
    private final String topic;

    /**
     * How to log in to the broker: user name and password (null: anonymous), and for {@code ssl://} brokers
     * a TLS socket factory trusting the broker's CA (null: the JDK's default trust).
     */
    public record Credentials(String username, char[] password, javax.net.ssl.SSLSocketFactory tls) {
        public static final Credentials NONE = new Credentials(null, null, null);

        /** Keeps its own copy of the password: the caller may wipe its array. */
        public Credentials {
            password = password == null ? null : password.clone();
        }

        /** A copy of the password, or null. */
        @Override
        public char[] password() {
            return password == null ? null : password.clone();
        }
    }

    private MqttDetectionListener(String brokerUrl, String topic, Sink<Received<Detection>> sink) throws MqttException {
        this(brokerUrl, topic, sink, Credentials.NONE);
    }

    private MqttDetectionListener(String brokerUrl, String topic, Sink<Received<Detection>> sink, Credentials credentials)
            throws MqttException {
        this.topic = topic;
        this.client = new MqttClient(brokerUrl, "skydas-" + Long.toHexString(System.nanoTime()), new MemoryPersistence());
        DetectionParser parser = new DetectionParser();
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    try {
                        client.subscribe(topic, 1);
                        LOG.info("event=mqtt_resubscribed broker={} topic={}", serverUri, topic);
                    } catch (MqttException e) {
                        LOG.warn("event=mqtt_resubscribe_failed broker={} error=\"{}\"", serverUri, e.getMessage());
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("event=mqtt_connection_lost error=\"{}\"", cause == null ? "" : cause.getMessage());
            }

            @Override
            public void messageArrived(String t, MqttMessage message) {
                stats.received();
                Detection d;
                try {
                    d = parser.parse(new String(message.getPayload(), StandardCharsets.UTF_8));
                } catch (DetectionFormatException e) {
                    stats.malformed(CotListener.reason(e.getMessage()));
                    return;
                } catch (RuntimeException e) {
                    stats.malformed("decoder failure: " + e.getClass().getSimpleName());
                    return;
                }
                stats.decoded();
                if (!sink.offer(new Received<>(d, stats.name(), null, System.currentTimeMillis()))) {
                    stats.dropped();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(10);
        if (credentials.username() != null) {
            options.setUserName(credentials.username());
            options.setPassword(credentials.password());
        }
        if (credentials.tls() != null) {
            options.setSocketFactory(credentials.tls());
            options.setHttpsHostnameVerificationEnabled(true);
        }
        client.connect(options);
        client.subscribe(topic, 1);
    }

    /** Connects to {@code brokerUrl} (e.g. tcp://127.0.0.1:1883) and subscribes to {@code topic}. */
    public static MqttDetectionListener start(String brokerUrl, String topic, Sink<Received<Detection>> sink)
            throws MqttException {
        return new MqttDetectionListener(brokerUrl, topic, sink);
    }

    /** As {@link #start(String, String, Sink)}, logging in with {@code credentials} (use ssl://host:8883 for TLS). */
    public static MqttDetectionListener start(String brokerUrl, String topic, Sink<Received<Detection>> sink,
                                              Credentials credentials) throws MqttException {
        return new MqttDetectionListener(brokerUrl, topic, sink, credentials);
    }

    public String topic() {
        return topic;
    }

    public List<ListenerStats> stats() {
        return List.of(stats);
    }

    /** Whether it is still listening (for /api/health). */
    public boolean isOpen() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("event=mqtt_close_failed error=\"{}\"", e.getMessage());
        }
    }
}
