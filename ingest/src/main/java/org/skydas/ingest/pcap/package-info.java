/**
 * Reading captures for replay: classic pcap (both byte orders, micro- and nanosecond timestamps, the "modified"
 * variant) and pcapng (Section Header, Interface Description with per-interface link type and timestamp
 * resolution/offset, Enhanced, Simple and obsolete Packet blocks), with helpers to find UDP payloads
 * (Ethernet with 802.1Q/802.1ad tags, Linux cooked v1/v2, loopback, raw IP; IPv4 and IPv6), the 802.11 frame
 * behind radiotap/PPI/Prism headers, and the Bluetooth LE link-layer packet behind the LE pseudo-header or the
 * nRF Sniffer (Nordic) header. {@link org.skydas.ingest.pcap.CaptureFormat#detect} tells captures from raw
 * protocol files by their magic number.
 */
package org.skydas.ingest.pcap;
