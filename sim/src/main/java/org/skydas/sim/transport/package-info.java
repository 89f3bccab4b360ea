/**
 * {@code SimTransport}: sends simulated messages to a Skydas server on this machine, one endpoint (UDP port, TCP
 * stream, HTTP route) per channel. The simulator is a client like any sensor.
 */
package org.skydas.sim.transport;
