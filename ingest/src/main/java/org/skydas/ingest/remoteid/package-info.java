/**
 * ASTM F3411 / EN 4709-002 Remote ID (Open Drone ID): the decoder of the 25-byte messages and message packs into
 * typed records in SI units, the transport layer that finds them in 802.11 beacon and NAN frames and Bluetooth LE
 * advertisements ({@code OdidTransport}), and the per-receiver counts ({@code RemoteIdReceiver}).
 */
package org.skydas.ingest.remoteid;
