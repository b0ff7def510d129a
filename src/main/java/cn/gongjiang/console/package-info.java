/**
 * The console's frame: layout, navigation that shows each role its own work, the home page and error pages.
 * Owns no schema. Reads reference data (regions, occupations, code lists) to name codes; collects every module's
 * to-dos through {@code ToDo.Source} without depending on them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "occupation", "catalogue" })
package cn.gongjiang.console;
