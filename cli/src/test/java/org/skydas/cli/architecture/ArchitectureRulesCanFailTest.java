package org.skydas.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skydas.cli.architecture.ArchitectureRules.DocumentedCycle;
import org.skydas.cli.architecture.fixture.alert.Rules;
import org.skydas.cli.architecture.fixture.alert.book.Book;
import org.skydas.cli.architecture.fixture.geo.Point;
import org.skydas.cli.architecture.fixture.geo.Upward;
import org.skydas.cli.architecture.fixture.model.Area;
import org.skydas.cli.architecture.fixture.model.UsesNetty;
import org.skydas.cli.architecture.fixture.server.LiveApi;
import org.skydas.cli.architecture.fixture.server.Other;
import org.skydas.cli.architecture.fixture.server.WatchServices;
import org.skydas.cli.architecture.fixture.server.pipeline.LivePipeline;
import org.skydas.cli.architecture.fixture.server.pipeline.Sneaky;
import org.skydas.cli.architecture.fixture.track.Tracker;
import org.skydas.cli.architecture.fixture.track.filter.Kalman;
import org.skydas.cli.architecture.fixture.track.io.Csv;
import org.skydas.cli.architecture.fixture.widgets.Gadget;

/**
 * Each rule of {@link ArchitectureTest} fails on deliberately bad classes (the miniature Skydas in the
 * {@code fixture} package, checked against the real ARCHITECTURE.md table) and passes on good ones, so a green
 * ArchitectureTest means the product obeys the rules, not that the rules cannot fail.
 */
class ArchitectureRulesCanFailTest {

    private static final String ROOT = "org.skydas.cli.architecture.fixture";
    private static final ModuleTable TABLE = ModuleTable.read();
    private static final List<DocumentedCycle> SERVER_PIPELINE = List.of(new DocumentedCycle(
            Set.of("server", "server.pipeline"), "server.pipeline", "server", Set.of("WatchServices"), "fixture"));

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }

    @Test
    void aModuleUsingAModuleAboveItOrAnUnlistedLibraryFails() {
        EvaluationResult result = ArchitectureRules.modulesDependOnlyOnWhatTheTableLists(ROOT, TABLE)
                .evaluate(classes(Point.class, Upward.class, Area.class, UsesNetty.class, WatchServices.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result)).anySatisfy(v -> assertThat(v)
                .contains(ROOT + ".geo.Upward").contains("<" + ROOT + ".server.WatchServices>"));
        assertThat(violations(result)).anySatisfy(v -> assertThat(v)
                .contains(ROOT + ".model.UsesNetty").contains("<io.netty.buffer.ByteBuf>"));
        assertThat(violations(result)).noneMatch(v -> v.contains(".geo.Point") || v.contains(".model.Area"));
        // check() is what ArchitectureTest calls: it throws with the report.
        assertThatThrownBy(() -> ArchitectureRules.modulesDependOnlyOnWhatTheTableLists(ROOT, TABLE)
                .check(classes(Upward.class))).isInstanceOf(AssertionError.class).hasMessageContaining("module geo");
    }

    @Test
    void modulesUsingWhatTheirRowsListPass() {
        EvaluationResult result = ArchitectureRules.modulesDependOnlyOnWhatTheTableLists(ROOT, TABLE)
                .evaluate(classes(Point.class, Area.class, Tracker.class, Csv.class, Kalman.class, LiveApi.class));
        assertThat(violations(result)).isEmpty();
    }

    @Test
    void aPackageOfNoModuleFails() {
        EvaluationResult result = ArchitectureRules.everyPackageBelongsToAModule(ROOT, TABLE)
                .evaluate(classes(Point.class, Gadget.class));
        assertThat(violations(result)).hasSize(1).first().asString().contains(ROOT + ".widgets.Gadget");
    }

    @Test
    void theTrackerCoreUsingItsHarnessOrJacksonFails() {
        EvaluationResult result = ArchitectureRules.trackerCoreImportsNeitherItsHarnessNorJackson(ROOT)
                .evaluate(classes(Tracker.class, Kalman.class, Csv.class));
        assertThat(violations(result)).anySatisfy(v -> assertThat(v).contains(ROOT + ".track.Tracker")
                .contains(ROOT + ".track.io.Csv"));
        assertThat(violations(result)).anySatisfy(v -> assertThat(v).contains(ROOT + ".track.Tracker")
                .contains("com.fasterxml.jackson.databind.ObjectMapper"));
        // The harness may use Jackson and the core; a core class using neither is fine.
        assertThat(violations(result)).noneMatch(v -> v.contains("Class <" + ROOT + ".track.io.Csv")
                || v.contains(ROOT + ".track.filter.Kalman."));
        assertThat(violations(ArchitectureRules.trackerCoreImportsNeitherItsHarnessNorJackson(ROOT)
                .evaluate(classes(Kalman.class, Csv.class)))).isEmpty();
    }

    @Test
    void theDocumentedCycleAloneIsAccepted() {
        assertThat(ArchitectureRules.cycleProblems(ROOT,
                classes(LiveApi.class, LivePipeline.class, WatchServices.class), SERVER_PIPELINE)).isEmpty();
    }

    @Test
    void anUndocumentedCycleFails() {
        List<String> problems = ArchitectureRules.cycleProblems(ROOT, classes(LiveApi.class, LivePipeline.class,
                WatchServices.class, Rules.class, Book.class), SERVER_PIPELINE);
        assertThat(problems).singleElement().asString()
                .startsWith("package cycle alert -> alert.book -> alert is not allowed")
                .contains("Method <" + ROOT + ".alert.Rules.open(" + ROOT + ".alert.book.Book)>");
    }

    @Test
    void aDocumentedCycleThatGrowsBeyondItsEdgeFails() {
        List<String> problems = ArchitectureRules.cycleProblems(ROOT, classes(LiveApi.class, LivePipeline.class,
                WatchServices.class, Sneaky.class, Other.class), SERVER_PIPELINE);
        assertThat(problems).singleElement().asString()
                .contains("may go from server.pipeline to server only through [WatchServices]")
                .contains(ROOT + ".server.pipeline.Sneaky").contains("<" + ROOT + ".server.Other>");
    }

    @Test
    void aDocumentedCycleThatIsGoneFailsSoThatItsEntryIsDeleted() {
        List<String> problems = ArchitectureRules.cycleProblems(ROOT, classes(LiveApi.class, WatchServices.class),
                SERVER_PIPELINE);
        assertThat(problems).singleElement().asString()
                .contains("the documented cycle [server, server.pipeline] is gone").contains("DOCUMENTED_CYCLES");
    }

    @Test
    void cyclesInSeveralComponentsAreAllFound() {
        // alert -> alert.book -> alert and server -> server.pipeline -> server are two components at once: ArchUnit's
        // own search may report one of them only; each must be found.
        List<String> problems = ArchitectureRules.cycleProblems(ROOT, classes(LiveApi.class, LivePipeline.class,
                WatchServices.class, Rules.class, Book.class), List.of());
        assertThat(problems).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("package cycle alert -> alert.book -> alert"))
                .anySatisfy(p -> assertThat(p).startsWith("package cycle server -> server.pipeline -> server"));
    }

    @Test
    void theTableIsReadFromArchitectureMdAndUnknownNamesFail() {
        assertThat(TABLE.reachable("geo")).isEmpty();
        assertThat(TABLE.reachable("track")).containsExactlyInAnyOrder("model", "geo", "geodata");
        assertThat(TABLE.reachable("alert")).contains("model", "track", "geo", "geodata").doesNotContain("server");
        assertThat(TABLE.reachable("cli")).contains("server", "sim", "siting").doesNotContain("bench", "testkit");
        assertThat(TABLE.allowedPackages(ROOT, "track")).contains("com.fasterxml.jackson..")
                .doesNotContain("io.netty..");
        assertThatThrownBy(() -> ModuleTable.parse(
                List.of(ModuleTable.HEADER, "|---|---|---|", "| `geo` | owns | JTS, Guava |")))
                .hasMessageContaining("'Guava'");
        // Only the module table counts: a row of another table below it is not a module.
        assertThat(ModuleTable.parse(List.of(ModuleTable.HEADER, "|---|---|---|", "| `geo` | owns | JTS |", "",
                "| `role` | may |")).modules()).containsExactly("geo");
        assertThatThrownBy(() -> ModuleTable.parse(List.of("no table here"))).hasMessageContaining("no module table");
    }
}
