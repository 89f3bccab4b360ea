package org.skydas.ingest.sapient;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /** UUID, any version, with dashes (the Dstl harness parses it as a .NET Guid). */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** ULID: 26 characters of Crockford base32, the first at most 7 (128 bits). */
    private static final Pattern ULID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}");

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

    static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }

    public List<String> validate(Message m) {
        List<String> problems = new ArrayList<>();
        check(m, "", problems);
        return problems;
    }

    private void check(Message m, String path, List<String> problems) {
        for (OneofDescriptor o : m.getDescriptorForType().getRealOneofs()) {
            ValidationOptions opt = o.getOptions().getExtension(ProtoOptionsProto.oneofOptions);
            if ((opt.getIsMandatory() || HARNESS_MANDATORY.contains(local(o.getFullName(), o.getFile())))
                    && !m.hasOneof(o)) {
                problems.add(path + o.getName() + ": missing");
            }
        }
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            ValidationOptions opt = options(f);
            String name = path + f.getName();
            boolean present = f.isRepeated() ? m.getRepeatedFieldCount(f) > 0 : isSet(m, f);
            if (!present) {
                if (opt.getIsMandatory()) {
                    problems.add(name + (f.isRepeated() ? ": empty" : ": missing"));
                }
                continue;
            }
            int n = f.isRepeated() ? m.getRepeatedFieldCount(f) : 1;
            for (int i = 0; i < n; i++) {
                Object v = f.isRepeated() ? m.getRepeatedField(f, i) : m.getField(f);
                String at = f.isRepeated() ? name + "[" + i + "]" : name;
                if (v instanceof String s) {
                    if (opt.getIsUuid() && !UUID.matcher(s).matches()) {
                        problems.add(at + ": not a UUID");
                    } else if (opt.getIsUlid() && !ULID.matcher(s).matches()) {
                        problems.add(at + ": not a ULID");
                    } else if (opt.getIsMandatory() && s.isBlank()) {
                        problems.add(at + ": empty");
                    }
                } else if (v instanceof EnumValueDescriptor e && opt.getIsMandatory() && e.getNumber() == 0) {
                    problems.add(at + ": unspecified");
                } else if (v instanceof Message nested
                        && !nested.getDescriptorForType().getFullName().startsWith("google.protobuf.")) {
                    check(nested, at + ".", problems);
                }
            }
        }
        if (m.getDescriptorForType().getName().equals("Registration")) {
            FieldDescriptor icd = m.getDescriptorForType().findFieldByName("icd_version");
            if (icd != null && isSet(m, icd) && !icdVersion.equals(m.getField(icd))) {
                problems.add(path + "icd_version: not " + icdVersion);
            }
        }
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
