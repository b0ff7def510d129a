package cn.gongjiang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The code shapes of STYLE.md that a compiler does not check. */
@AnalyzeClasses(packages = "cn.gongjiang", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule noFieldInjection = fields().should().notBeAnnotatedWith(Autowired.class)
			.because("dependencies are constructor parameters");

	@ArchTest
	static final ArchRule controllersLiveInWebPackages = classes().that().areAnnotatedWith(Controller.class)
			.or().areAnnotatedWith(RestController.class)
			.should().resideInAPackage("..web..").orShould().resideInAPackage("cn.gongjiang.console")
			.andShould().notBePublic();

	@ArchTest
	static final ArchRule domainAndServicesDoNotKnowHttp = noClasses().that().resideOutsideOfPackages("..web..",
			"cn.gongjiang.console")
			.should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web..",
					"org.springframework.ui..")
			.because("the domain is free of web types; controllers translate");

	@ArchTest
	static final ArchRule webDoesNotTouchSql = noClasses().that().resideInAPackage("..web..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
			.because("SQL lives in repositories and services");

	@ArchTest
	static final ArchRule noUtilPackages = noClasses().should().resideInAnyPackage("..util..", "..common..",
			"..manager..", "..impl..");
}
