/**
 * Code lists the policies speak in: person groups (REF-5) and industry fields (REF-6) as data, skill grades (REF-3)
 * and certificate types (REF-4) from the value types in {@code shared}. Owns schema {@code catalogue}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package cn.gongjiang.catalogue;
