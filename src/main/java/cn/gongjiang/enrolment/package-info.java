/**
 * Technical-school enrolment (技工院校招生, ENR-1..6, 浙人社函〔2023〕37号): schools and their filed specialties, plans
 * issued by the city and filed with the province, student registration (学籍注册) within the intake deadlines and
 * without dual or cross-city registration, education-department rosters, the duplicate batch, joint programmes with
 * partner provinces. Owns schema {@code enrolment}; publishes {@link cn.gongjiang.enrolment.RegistrationChanged} so
 * the targets module counts enrolment against the 2023-2027 table, and
 * {@link cn.gongjiang.enrolment.RegistrationStatusChanged} for the student's lifelong archive. Asks the registry
 * (in bulk for an import) whether it knows a student by another name.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "privacy",
		"audit", "imports" })
package cn.gongjiang.enrolment;
