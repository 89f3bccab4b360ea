package org.skydas.ingest.sapient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.skydas.ingest.tak.Mutations;
import org.skydas.testkit.SharedData;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

import uk.gov.dstl.sapientmsg.bsiflex335v2.SapientMessage;

/**
 * 10^5 mutated SAPIENT messages (the Dstl simulator's registration, status and detection defaults on the wire):
 * a session answers each with a reply or hands it on, and never throws; a refused one always has an Error (or a
 * refusing RegistrationAck) naming why. Mutated framed streams never throw either, and stop only on a length over
 * the maximum.
 */
class SapientRobustnessProperties {

    private static final String DEFAULTS = "data/protocols/sapient/samples/bsi_flex_335_v2_0/dstl-test-harness/simulator-defaults/";
    static byte[][] seeds;

    @BeforeContainer
    static void load() throws Exception {
        String[] names = {"Default.Registration.json", "Default.StatusReport.json", "Default.DetectionReport.json",
                "Default.Alert.json"};
        seeds = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            seeds[i] = SapientCodec.parseJson(Files.readString(SharedData.require(DEFAULTS + names[i])), false).toByteArray();
        }
    }

    @Property(tries = 100_000)
    void mutatedMessagesAreAnsweredNeverThrown(@ForAll long seed) throws Exception {
        byte[] registration = seeds[0];
        byte[] input = Mutations.mutate(seeds[(int) Math.floorMod(seed, seeds.length)], seed);
        SapientSession session = new SapientSession(new SapientCodec(), UUID.randomUUID().toString());
        SapientMessage reg = SapientMessage.parseFrom(registration);
        session.handle(registration, Instant.now());
        SapientSession.Outcome out = session.handle(input, Instant.now());
        if (out.refusal() != null) {
            assertThat(out.report()).isNull();
            assertThat(out.replies()).hasSize(1);
            SapientMessage reply = out.replies().get(0);
            assertThat(reply.hasError() || reply.hasRegistrationAck() && !reply.getRegistrationAck().getAcceptance()).isTrue();
            List<String> why = reply.hasError() ? reply.getError().getErrorMessageList()
                    : reply.getRegistrationAck().getAckResponseReasonList();
            assertThat(why).isNotEmpty().allMatch(s -> !s.isBlank());
        } else if (out.report() != null) {
            assertThat(new SapientCodec().problems(out.report().message())).isEmpty();
        }
        // Whatever parses: the wire check of its canonical bytes finds what the check of the message finds.
        try {
            SapientMessage m = SapientMessage.parseFrom(input);
            SapientCodec codec = new SapientCodec();
            assertThat(codec.wireProblems(m.toByteArray())).containsExactlyInAnyOrderElementsOf(codec.problems(m));
        } catch (com.google.protobuf.InvalidProtocolBufferException notParsed) {
            assertThat(out.refusal()).isEqualTo("invalid protobuf");
        }
        assertThat(reg.hasRegistration()).isTrue();
    }

    @Property(tries = 2_000)
    void mutatedFramedStreamsNeverThrow(@ForAll long seed) {
        byte[] stream = new byte[0];
        for (byte[] s : seeds) {
            byte[] f = SapientFrames.frame(s);
            byte[] joined = new byte[stream.length + f.length];
            System.arraycopy(stream, 0, joined, 0, stream.length);
            System.arraycopy(f, 0, joined, stream.length, f.length);
            stream = joined;
        }
        byte[] input = Mutations.mutate(stream, seed);
        SapientFrames frames = new SapientFrames(64 * 1024);
        int[] count = {0};
        boolean ok = frames.feed(input, 0, input.length, f -> count[0]++);
        assertThat(ok || frames.oversizedLength() > 64 * 1024).isTrue();
        assertThat(count[0]).isLessThanOrEqualTo(input.length / 4);
    }
}
