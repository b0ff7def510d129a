/**
 * Bulk import, one mechanism for every registry and report: upload, stream-parse (CSV in UTF-8 or GBK, xlsx),
 * per-row checks, {@code COPY} into the owning module's staging table, set-based checks, chunked merge, a row-by-row
 * error report. Owns schema {@code imports} (jobs, errors); depends on no feature module: each one contributes an
 * {@link cn.gongjiang.imports.ImportHandler}, mostly a {@link cn.gongjiang.imports.StagedImport} whose rows a
 * {@link cn.gongjiang.imports.RowCheck} checks. Publishes {@link cn.gongjiang.imports.ImportCompleted}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "database", "audit" })
package cn.gongjiang.imports;
