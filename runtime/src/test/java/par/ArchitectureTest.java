package par;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The runtime's packages depend on each other only as docs/architecture.md draws them, read
 * from the compiled classes: no cycle among them, each imports only the packages below it,
 * ANTLR stays inside the syntax package, and JLine stays out of the runtime.
 */
class ArchitectureTest {
    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("par");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("par.(*)..").should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void eachPackageUsesOnlyThoseBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("syntax").definedBy("par.syntax..")
                .layer("interp").definedBy("par.interp..")
                .layer("wire").definedBy("par.wire..")
                .layer("proc").definedBy("par.proc..")
                .layer("child").definedBy("par.child..")
                .layer("launch").definedBy("par.launch..")
                .layer("hub").definedBy("par.hub..")
                .whereLayer("hub").mayNotBeAccessedByAnyLayer()
                .whereLayer("launch").mayOnlyBeAccessedByLayers("hub")
                .whereLayer("child").mayOnlyBeAccessedByLayers("launch", "hub")
                .whereLayer("proc").mayOnlyBeAccessedByLayers("child", "launch", "hub")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("proc", "child", "launch", "hub")
                .whereLayer("interp").mayOnlyBeAccessedByLayers("wire", "proc", "child", "launch", "hub")
                .check(RUNTIME);
    }

    @Test
    void antlrStaysInTheSyntaxPackage() {
        noClasses().that().resideOutsideOfPackages("par.syntax..", "par.grammar..")
                .should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "par.grammar..")
                .check(RUNTIME);
    }

    @Test
    void theRuntimeNeverSeesJLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.jline..").check(RUNTIME);
    }

    /** The Jupyter kernel's ZeroMQ and JSON belong to the par command, not to what child JVMs load. */
    @Test
    void theRuntimeNeverSeesTheKernelsLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.zeromq..", "zmq..", "com.google.gson..")
                .check(RUNTIME);
    }
}
