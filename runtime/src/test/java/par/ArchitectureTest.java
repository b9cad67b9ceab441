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
 * ANTLR stays inside the syntax package, Hazelcast inside the cluster package, and JLine stays
 * out of the runtime.
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
                .layer("cluster").definedBy("par.cluster..")
                .whereLayer("hub").mayNotBeAccessedByAnyLayer()
                .whereLayer("cluster").mayNotBeAccessedByAnyLayer()
                .whereLayer("launch").mayOnlyBeAccessedByLayers("hub", "cluster")
                .whereLayer("child").mayOnlyBeAccessedByLayers("launch", "hub", "cluster")
                .whereLayer("proc").mayOnlyBeAccessedByLayers("child", "launch", "hub", "cluster")
                .whereLayer("wire").mayOnlyBeAccessedByLayers("proc", "child", "launch", "hub", "cluster")
                .whereLayer("interp").mayOnlyBeAccessedByLayers("wire", "proc", "child", "launch", "hub", "cluster")
                .check(RUNTIME);
    }

    @Test
    void antlrStaysInTheSyntaxPackage() {
        noClasses().that().resideOutsideOfPackages("par.syntax..", "par.grammar..")
                .should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "par.grammar..")
                .check(RUNTIME);
    }

    /**
     * Hazelcast is par.cluster's alone, and par.cluster is reached only by name (par.proc's
     * ClusterDoor), never imported: a program that asks for no cluster loads none of it.
     */
    @Test
    void hazelcastStaysInTheClusterPackage() {
        noClasses().that().resideOutsideOfPackage("par.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..")
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
