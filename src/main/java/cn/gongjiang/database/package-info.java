/**
 * The database the platform runs on: an embedded PostgreSQL kept in the data folder when no
 * {@code spring.datasource.url} is given, any PostgreSQL 15+ otherwise. Owns no schema; publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package cn.gongjiang.database;
