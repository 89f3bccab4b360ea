package org.skydas.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md's rules over the product's classes: every module's main classes (the cli module's test class
 * path holds them all; bench is checked nowhere yet, web has no Java). What each rule catches is shown by
 * {@link ArchitectureRulesCanFailTest} on deliberately bad classes.
 */
class ArchitectureTest {

    private static final String ROOT = "org.skydas";
    /** Modules of the table without classes on this class path: web is TypeScript, bench is a separate harness. */
    private static final Set<String> NOT_ON_THIS_CLASS_PATH = Set.of("web", "bench");

    private static ModuleTable table;
    private static JavaClasses classes;

    @BeforeAll
    static void importTheProduct() {
        table = ModuleTable.read();
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void everyModuleOfTheTableIsImported() {
        Set<String> imported = new TreeSet<>();
        for (JavaClass c : classes) {
            String rest = c.getPackageName().substring(ROOT.length() + 1);
            imported.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        Set<String> expected = new TreeSet<>(table.modules());
        expected.removeAll(NOT_ON_THIS_CLASS_PATH);
        // Equal, not merely contained: a class in a package of no module is caught here and by the rule below.
        assertThat(imported).as("top-level packages below " + ROOT).isEqualTo(expected);
    }

    @Test
    void theTableHasNoCycle() {
        for (String module : table.modules()) {
            assertThat(table.reachable(module)).as("modules reachable from " + module).doesNotContain(module);
        }
    }

    @Test
    void everyClassBelongsToAModule() {
        ArchitectureRules.everyPackageBelongsToAModule(ROOT, table).check(classes);
    }

    @Test
    void modulesDependOnlyOnWhatTheTableLists() {
        ArchitectureRules.modulesDependOnlyOnWhatTheTableLists(ROOT, table).check(classes);
    }

    @Test
    void theTrackerCoreImportsNeitherItsHarnessNorJackson() {
        ArchitectureRules.trackerCoreImportsNeitherItsHarnessNorJackson(ROOT).check(classes);
    }

    @Test
    void noPackageCyclesButTheDocumentedOnes() {
        assertThat(ArchitectureRules.cycleProblems(ROOT, classes, ArchitectureRules.DOCUMENTED_CYCLES)).isEmpty();
    }
}
