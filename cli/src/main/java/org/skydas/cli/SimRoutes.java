package org.skydas.cli;

import java.net.URI;
import java.util.Map;

import org.skydas.sim.Channel;
import org.skydas.sim.transport.SimTransport;

/**
 * Where each channel's messages go on this machine, shared by {@code skydas simulate} and {@code skydas replay} so
 * that a replayed journal reaches the same kind of endpoint its recording did: JSON detections to
 * {@code POST server/api/detections} with a bearer token, CoT to the server's TCP CoT port, ASTERIX and Remote ID to
 * UDP ports when given, SAPIENT nodes to the fusion node's TCP port, one session each, STANAG 4607 packets to the GMTI UDP port,
 * ONVIF camera documents POSTed to the ONVIF listener under the camera's id (without a port they are
 * counted as unrouted).
 */
record SimRoutes(String server, String token, int cotPort, Integer asterixPort, Integer remoteIdPort,
                 Integer sapientPort, Integer gmtiPort, Integer onvifPort) {

    /** Without STANAG 4607 radars and ONVIF cameras. */
    SimRoutes(String server, String token, int cotPort, Integer asterixPort, Integer remoteIdPort, Integer sapientPort) {
        this(server, token, cotPort, asterixPort, remoteIdPort, sapientPort, null, null);
    }

    /** Without SAPIENT nodes. */
    SimRoutes(String server, String token, int cotPort, Integer asterixPort, Integer remoteIdPort) {
        this(server, token, cotPort, asterixPort, remoteIdPort, null, null, null);
    }

    /** The operator's {@code --server}: the simulator never sends fake sensor data off this machine. */
    static void requireLoopback(String server) {
        if (!server.startsWith("http://127.") && !server.startsWith("http://localhost")) {
            throw new UserError("--server must be on this machine (loopback): " + server);
        }
    }

    /** A transport with these routes; the caller closes it. */
    SimTransport open() {
        SimTransport transport = new SimTransport()
                .route(Channel.DETECTION_JSON, new SimTransport.Http(URI.create(server + "/api/detections"), null,
                        Map.of("Authorization", "Bearer " + token)))
                .route(Channel.COT, new SimTransport.Tcp(cotPort));
        if (asterixPort != null) {
            transport.route(Channel.ASTERIX, new SimTransport.Udp(asterixPort));
        }
        if (remoteIdPort != null) {
            transport.route(Channel.REMOTE_ID, new SimTransport.Udp(remoteIdPort));
        }
        if (sapientPort != null) {
            transport.route(Channel.SAPIENT, new SimTransport.SapientTcp(sapientPort));
        }
        if (gmtiPort != null) {
            transport.route(Channel.GMTI, new SimTransport.Udp(gmtiPort));
        }
        if (onvifPort != null) {
            transport.route(Channel.ONVIF, new SimTransport.OnvifHttp(onvifPort));
        }
        return transport;
    }
}
