package org.skydas.ingest.listen;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.rtsp.RtspDecoder;

/**
 * Netty's RTSP decoder for a connection that also carries RTP interleaved in it (RFC 2326 §10.12: {@code '$'}, a
 * channel byte, a 16-bit length, then the packet): between two RTSP messages a {@code '$'} starts an
 * {@link Frame}, anything else is RTSP, decoded by {@link RtspDecoder} into Netty's HTTP message objects (aggregate
 * them with an {@code HttpObjectAggregator} after this handler; frames pass it by). Only the boundary between the two
 * is decided here; RTSP itself is Netty's.
 */
final class RtspInterleavedDecoder extends RtspDecoder {

    /** One interleaved packet: its channel and bytes. */
    record Frame(int channel, byte[] data) {
    }

    /** True between RTSP messages, where an interleaved frame may start. */
    private boolean atBoundary = true;

    RtspInterleavedDecoder(int maxContentBytes) {
        super(4096, 8192, maxContentBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (atBoundary) {
            // Line ends left between messages are not the start of a frame or a message.
            while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
                in.skipBytes(1);
            }
            if (!in.isReadable()) {
                return;
            }
            if (in.getByte(in.readerIndex()) == '$') {
                if (in.readableBytes() < 4) {
                    return;
                }
                int length = in.getUnsignedShort(in.readerIndex() + 2);
                if (in.readableBytes() < 4 + length) {
                    return;
                }
                int channel = in.getUnsignedByte(in.readerIndex() + 1);
                in.skipBytes(4);
                byte[] data = new byte[length];
                in.readBytes(data);
                out.add(new Frame(channel, data));
                return;
            }
        }
        int before = in.readerIndex();
        int produced = out.size();
        super.decode(ctx, in, out);
        if (in.readerIndex() != before || out.size() != produced) {
            atBoundary = false;
        }
        for (int i = produced; i < out.size(); i++) {
            if (out.get(i) instanceof LastHttpContent) {
                atBoundary = true;
            }
        }
    }
}
