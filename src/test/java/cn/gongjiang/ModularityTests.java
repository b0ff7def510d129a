package cn.gongjiang;

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
	void writeModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
