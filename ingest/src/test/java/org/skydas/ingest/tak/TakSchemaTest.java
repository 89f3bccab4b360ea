package org.skydas.ingest.tak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.protobuf.Descriptors;

import org.junit.jupiter.api.Test;
import org.skydas.testkit.SharedData;

/**
 * Skydas's restated TAK v1 schema ({@code src/main/proto/takmessage.proto}, from which {@link TakProtos} is generated)
 * agrees with the schemas ATAK-CIV and TAK Server publish (read from the shared data as test data only: they are
 * GPL-3.0): every field either flavour declares in these messages is ours with the same number, type and name, and
 * every field of ours is declared by at least one of them.
 */
class TakSchemaTest {

    private static final String DIR = "data/protocols/cot-tak/proto/";
    private static final Pattern MESSAGE = Pattern.compile("(?m)^message\\s+(\\w+)\\s*\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s+(\\w+)\\s*=\\s*(\\d+)\\s*;");

    /** Published field: message → field number → "type name". */
    private static Map<String, Map<Integer, String>> published(String flavour) throws Exception {
        Map<String, Map<Integer, String>> out = new HashMap<>();
        try (var files = Files.list(SharedData.require(DIR + flavour))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".proto")).toList()) {
                String text = Files.readString(f).replaceAll("//[^\n]*", "");
                Matcher m = MESSAGE.matcher(text);
                while (m.find()) {
                    Matcher fm = FIELD.matcher(m.group(2));
                    Map<Integer, String> fields = out.computeIfAbsent(m.group(1), k -> new HashMap<>());
                    while (fm.find()) {
                        fields.put(Integer.parseInt(fm.group(3)), fm.group(1) + " " + fm.group(2));
                    }
                }
            }
        }
        return out;
    }

    private static String ours(Descriptors.FieldDescriptor f) {
        String type = f.getType() == Descriptors.FieldDescriptor.Type.MESSAGE ? f.getMessageType().getName()
                : f.getType().name().toLowerCase(Locale.ROOT);
        return type + " " + f.getName();
    }

    @Test
    void everyFieldAgreesWithTheFlavoursTakPublishes() throws Exception {
        Map<String, Map<Integer, String>> client = published("atak-civ-commoncommo");
        Map<String, Map<Integer, String>> server = published("takserver");
        assertThat(client.get("CotEvent")).containsEntry(5, "string uid").containsEntry(10, "double lat");
        assertThat(server.get("TakMessage")).containsEntry(3, "uint64 submissionTime");
        Set<String> checked = new HashSet<>();
        for (Descriptors.Descriptor message : TakProtos.getDescriptor().getMessageTypes()) {
            String name = message.getName();
            Map<Integer, String> c = client.getOrDefault(name, Map.of());
            Map<Integer, String> s = server.getOrDefault(name, Map.of());
            assertThat(c).as("ATAK-CIV declares %s", name).isNotEmpty();
            assertThat(s).as("TAK Server declares %s", name).isNotEmpty();
            Map<Integer, String> mine = new HashMap<>();
            for (Descriptors.FieldDescriptor f : message.getFields()) {
                mine.put(f.getNumber(), ours(f));
                assertThat(c.containsKey(f.getNumber()) || s.containsKey(f.getNumber()))
                        .as("%s.%s (%d) is declared by ATAK-CIV or TAK Server", name, f.getName(), f.getNumber()).isTrue();
            }
            for (Map<Integer, String> flavour : java.util.List.of(c, s)) {
                flavour.forEach((number, field) -> assertThat(mine).as("%s field %d", name, number)
                        .containsEntry(number, field));
            }
            checked.add(name);
        }
        assertThat(checked).containsExactlyInAnyOrder("TakMessage", "TakControl", "CotEvent", "Detail", "Contact",
                "Group", "PrecisionLocation", "Status", "Takv", "Track");
    }
}
