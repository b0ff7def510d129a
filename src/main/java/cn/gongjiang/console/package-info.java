/**
 * The console's frame: layout, navigation that shows each role its own work, the home page and error pages.
 * Owns no schema. Depends on feature modules only to link to them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry" })
package cn.gongjiang.console;
