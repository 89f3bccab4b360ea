package org.skydas.ingest.sapient;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;

import uk.gov.dstl.sapientmsg.ProtoOptionsProto;
import uk.gov.dstl.sapientmsg.ValidationOptions;

/**
 * Checks a SAPIENT message the way the standard's schema says: every field marked {@code is_mandatory} in the
 * .proto files is present (a repeated one is not empty, an enum is not its UNSPECIFIED zero), every oneof marked
 * mandatory is set, every {@code is_uuid} field is a UUID and every {@code is_ulid} field a ULID, in the message
 * and everything nested in it; and a Registration names the ICD version of the schema. The rules are read from the
 * generated descriptors' options, not written out here, so v1.0 and v2.0 are checked by the same code.
 *
 * <p>Problems come back as short reasons with the field path ({@code detection_report.object_id: missing}); an
 * empty list means valid.
 */
public final class SapientValidator {


    /**
     * What Dstl's test harness checks beyond the options in the .proto files (each has a must-fail fixture), by
     * field name below the package: mandatory fields and oneofs, UUID lists and ULIDs.
     */
    private static final java.util.Set<String> HARNESS_MANDATORY = java.util.Set.of(
            "Registration.TaskDefinition.concurrent_tasks", // 0074.TaskDefinition.ConcurrentTasks
            "DetectionReport.DerivedDetection.timestamp", // 0129.DerivedDetection.Timestamp.Missing
            "DetectionReport.PredictedLocation.predicted_location_oneof"); // 0118.PredictedLocation.Location.Missing
    private static final java.util.Set<String> HARNESS_UUID = java.util.Set.of(
            "Registration.dependent_nodes"); // 0096.DependantNodes.Error, 0189.BadId.Registration.DependantNodes
    private static final java.util.Set<String> HARNESS_ULID = java.util.Set.of(
            "FollowObject.follow_object_id"); // 0178.BadId.Follow.FollowObjectId

    private final String icdVersion;

    /** @param icdVersion what a Registration's {@code icd_version} must say, e.g. {@code "BSI Flex 335 v2.0"} */
    public SapientValidator(String icdVersion) {
        this.icdVersion = icdVersion;
    }

    /** UUID, any version, with dashes (8-4-4-4-12 hexadecimal digits). */
    static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public List<String> validate(Message m) {
        List<String> problems = new ArrayList<>();
        check(m, "", problems);
        return problems;
    }

    /** What to check in one message type: its mandatory oneofs and the fields that have a rule or nest messages. */
    private record Rule(FieldDescriptor f, boolean mandatory, boolean uuid, boolean ulid, boolean nested, boolean icd) {
    }

    /** {@code byNumber}: the rules by field number (null where a field has none), for the wire walk. */
    private record Plan(List<OneofDescriptor> mandatoryOneofs, Rule[] rules, FieldDescriptor icd, Rule[] byNumber) {
    }

    private static final java.util.Map<com.google.protobuf.Descriptors.Descriptor, Plan> PLANS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static Plan plan(com.google.protobuf.Descriptors.Descriptor d) {
        Plan p = PLANS.get(d);
        if (p == null) {
            List<OneofDescriptor> oneofs = new ArrayList<>();
            for (OneofDescriptor o : d.getRealOneofs()) {
                ValidationOptions opt = o.getOptions().getExtension(ProtoOptionsProto.oneofOptions);
                if (opt.getIsMandatory() || HARNESS_MANDATORY.contains(local(o.getFullName(), o.getFile()))) {
                    oneofs.add(o);
                }
            }
            List<Rule> rules = new ArrayList<>();
            FieldDescriptor icd = d.getName().equals("Registration") ? d.findFieldByName("icd_version") : null;
            int maxNumber = 0;
            for (FieldDescriptor f : d.getFields()) {
                ValidationOptions opt = options(f);
                boolean nested = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        && !f.getMessageType().getFullName().startsWith("google.protobuf.");
                if (opt.getIsMandatory() || opt.getIsUuid() || opt.getIsUlid() || nested || f == icd) {
                    rules.add(new Rule(f, opt.getIsMandatory(), opt.getIsUuid(), opt.getIsUlid(), nested, f == icd));
                    maxNumber = Math.max(maxNumber, f.getNumber());
                }
            }
            Rule[] byNumber = new Rule[maxNumber + 1];
            for (Rule r : rules) {
                byNumber[r.f().getNumber()] = r;
            }
            p = new Plan(List.copyOf(oneofs), rules.toArray(new Rule[0]), icd, byNumber);
            PLANS.put(d, p);
        }
        return p;
    }

    /**
     * The same checks on the serialized message, read field by field from the wire without building objects or
     * reflection (the session's hot path): a field is present when it is on the wire, which is what presence means
     * for proto3 explicit-presence fields, and "not the default" for implicit-presence ones (defaults are not sent).
     * Gives the same problems as {@link #validate} for any message that parses (the fixtures' differential test).
     */
    public List<String> validateWire(com.google.protobuf.Descriptors.Descriptor type, byte[] bytes) {
        List<String> problems = new ArrayList<>();
        try {
            checkWire(type, com.google.protobuf.CodedInputStream.newInstance(bytes), null, problems);
        } catch (java.io.IOException e) {
            problems.add("invalid protobuf: " + e.getMessage());
        }
        return problems;
    }

    /** Where a nested message lies, spelled out only when a problem is found there. */
    private record Where(Where parent, FieldDescriptor f, int index) {
        @Override
        public String toString() {
            return at(parent == null ? "" : parent + ".", f, index);
        }
    }

    private static String prefix(Where w) {
        return w == null ? "" : w + ".";
    }

    private void checkWire(com.google.protobuf.Descriptors.Descriptor type, com.google.protobuf.CodedInputStream in,
                           Where where, List<String> problems) throws java.io.IOException {
        Plan plan = plan(type);
        Rule[] byNumber = plan.byNumber();
        int[] counts = new int[byNumber.length];
        boolean[] oneofSet = new boolean[plan.mandatoryOneofs().size()];
        int tag;
        while ((tag = in.readTag()) != 0) {
            int number = com.google.protobuf.WireFormat.getTagFieldNumber(tag);
            Rule r = number < byNumber.length ? byNumber[number] : null;
            FieldDescriptor known = r != null ? r.f() : type.findFieldByNumber(number);
            if (known == null || !expectedWireType(known, tag)) {
                in.skipField(tag); // an unknown field, as the parser keeps it
                continue;
            }
            markOneof(plan, known, oneofSet);
            if (r == null) {
                in.skipField(tag);
                continue;
            }
            FieldDescriptor f = r.f();
            int i = counts[number];
            if (f.getJavaType() == FieldDescriptor.JavaType.STRING) {
                counts[number]++;
                if (r.uuid() || r.ulid() || r.mandatory() || r.icd()) {
                    String s = in.readStringRequireUtf8();
                    if (r.uuid() && !isUuid(s)) {
                        problems.add(at(prefix(where), f, i) + ": not a UUID");
                    } else if (r.ulid() && !isUlid(s)) {
                        problems.add(at(prefix(where), f, i) + ": not a ULID");
                    } else if (r.mandatory() && s.isBlank()) {
                        problems.add(at(prefix(where), f, i) + ": empty");
                    }
                    if (r.icd() && !icdVersion.equals(s)) {
                        problems.add(prefix(where) + "icd_version: not " + icdVersion);
                    }
                } else {
                    in.skipField(tag);
                }
            } else if (f.getJavaType() == FieldDescriptor.JavaType.ENUM
                    && com.google.protobuf.WireFormat.getTagWireType(tag) == com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = in.pushLimit(in.readRawVarint32());
                while (!in.isAtEnd()) {
                    int v = in.readEnum();
                    if (r.mandatory() && v == 0) {
                        problems.add(at(prefix(where), f, counts[number]) + ": unspecified");
                    }
                    counts[number]++;
                }
                in.popLimit(limit);
            } else if (f.getJavaType() == FieldDescriptor.JavaType.ENUM) {
                counts[number]++;
                if (in.readEnum() == 0 && r.mandatory()) {
                    problems.add(at(prefix(where), f, i) + ": unspecified");
                }
            } else if (r.nested()) {
                counts[number]++;
                int limit = in.pushLimit(in.readRawVarint32());
                checkWire(f.getMessageType(), in, new Where(where, f, i), problems);
                in.checkLastTagWas(0);
                in.popLimit(limit);
            } else if (r.mandatory() && !f.isRepeated() && !f.hasPresence()) {
                // An implicit-presence number sent as its default is absent, as the parsed message says.
                long v = switch (com.google.protobuf.WireFormat.getTagWireType(tag)) {
                    case com.google.protobuf.WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
                    case com.google.protobuf.WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
                    case com.google.protobuf.WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32();
                    default -> {
                        in.skipField(tag);
                        yield 1;
                    }
                };
                if (v != 0) {
                    counts[number]++;
                }
            } else {
                counts[number]++;
                in.skipField(tag);
            }
        }
        for (int k = 0; k < oneofSet.length; k++) {
            if (!oneofSet[k]) {
                problems.add(prefix(where) + plan.mandatoryOneofs().get(k).getName() + ": missing");
            }
        }
        for (Rule r : plan.rules()) {
            if (r.mandatory() && counts[r.f().getNumber()] == 0) {
                problems.add(prefix(where) + r.f().getName() + (r.f().isRepeated() ? ": empty" : ": missing"));
            }
        }
    }

    /** Whether the tag's wire type is the field's (or packed, for a packable repeated field): else it is unknown. */
    private static boolean expectedWireType(FieldDescriptor f, int tag) {
        int wt = com.google.protobuf.WireFormat.getTagWireType(tag);
        return wt == f.getLiteType().getWireType()
                || f.isPackable() && wt == com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    private static void markOneof(Plan plan, FieldDescriptor f, boolean[] set) {
        if (f != null && f.getRealContainingOneof() != null) {
            int k = plan.mandatoryOneofs().indexOf(f.getRealContainingOneof());
            if (k >= 0) {
                set[k] = true;
            }
        }
    }

    private void check(Message m, String path, List<String> problems) {
        Plan plan = plan(m.getDescriptorForType());
        for (OneofDescriptor o : plan.mandatoryOneofs()) {
            if (!m.hasOneof(o)) {
                problems.add(path + o.getName() + ": missing");
            }
        }
        for (Rule r : plan.rules()) {
            FieldDescriptor f = r.f();
            int n = f.isRepeated() ? m.getRepeatedFieldCount(f) : isSet(m, f) ? 1 : 0;
            if (n == 0) {
                if (r.mandatory()) {
                    problems.add(path + f.getName() + (f.isRepeated() ? ": empty" : ": missing"));
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                Object v = f.isRepeated() ? m.getRepeatedField(f, i) : m.getField(f);
                if (v instanceof String s) {
                    if (r.uuid() && !isUuid(s)) {
                        problems.add(at(path, f, i) + ": not a UUID");
                    } else if (r.ulid() && !isUlid(s)) {
                        problems.add(at(path, f, i) + ": not a ULID");
                    } else if (r.mandatory() && s.isBlank()) {
                        problems.add(at(path, f, i) + ": empty");
                    }
                } else if (v instanceof EnumValueDescriptor e && r.mandatory() && e.getNumber() == 0) {
                    problems.add(at(path, f, i) + ": unspecified");
                } else if (r.nested() && v instanceof Message nested) {
                    check(nested, at(path, f, i) + ".", problems);
                }
            }
        }
        if (plan.icd() != null && isSet(m, plan.icd()) && !icdVersion.equals(m.getField(plan.icd()))) {
            problems.add(path + "icd_version: not " + icdVersion);
        }
    }

    private static String at(String path, FieldDescriptor f, int i) {
        return f.isRepeated() ? path + f.getName() + "[" + i + "]" : path + f.getName();
    }

    /** ULID: 26 characters of Crockford base32 (either case), the first at most 7. */
    static boolean isUlid(String s) {
        if (s.length() != 26 || s.charAt(0) < '0' || s.charAt(0) > '7') {
            return false;
        }
        for (int i = 1; i < 26; i++) {
            char c = Character.toUpperCase(s.charAt(i));
            boolean ok = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.Map<FieldDescriptor, ValidationOptions> OPTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static ValidationOptions options(FieldDescriptor f) {
        return OPTIONS.computeIfAbsent(f, SapientValidator::readOptions);
    }

    private static ValidationOptions readOptions(FieldDescriptor f) {
        ValidationOptions opt = f.getOptions().getExtension(ProtoOptionsProto.fieldOptions);
        String local = local(f.getFullName(), f.getFile());
        if (HARNESS_MANDATORY.contains(local)) {
            opt = opt.toBuilder().setIsMandatory(true).build();
        } else if (HARNESS_UUID.contains(local)) {
            opt = opt.toBuilder().setIsUuid(true).build();
        } else if (HARNESS_ULID.contains(local)) {
            opt = opt.toBuilder().setIsUlid(true).build();
        }
        return opt;
    }

    private static String local(String fullName, com.google.protobuf.Descriptors.FileDescriptor file) {
        String pkg = file.getPackage();
        return pkg.isEmpty() ? fullName : fullName.substring(pkg.length() + 1);
    }

    /** Present: explicit presence says so; an implicit-presence scalar is present when it is not its default. */
    private static boolean isSet(Message m, FieldDescriptor f) {
        if (f.hasPresence()) {
            return m.hasField(f);
        }
        Object v = m.getField(f);
        return !v.equals(f.getDefaultValue());
    }
}
