package cn.gongjiang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules of STYLE.md: no cycles, no reaching into another module's internals, only declared dependencies. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(GongjiangApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writeModuleDocumentation() throws IOException {
		var folder = Path.of("target", "spring-modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
				.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		var overview = Files.readString(folder.resolve("components.puml"));
		MODULES.forEach(module -> {
			Assertions.assertThat(overview).as("the overview names " + module.getDisplayName())
					.contains(module.getDisplayName());
			Assertions.assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
					.as("a diagram of its own").exists();
		});
		// the dependencies are drawn as they are: subsidy listens to certification's events, supervision uses subsidy
		Assertions.assertThat(overview)
				.containsPattern("Rel\\([^,]*\\.Subsidy, [^,]*\\.Certification, \"listens to\"")
				.containsPattern("Rel\\([^,]*\\.Supervision, [^,]*\\.Subsidy, \"uses\"");
	}
}
