/**
 * Order-based training (订单式培训, DEM-1..3, TRN-1..5; policy 000): enterprises' skill demand and the three lists, the
 * subsidised training catalogue, orders taken up by providers, classes with real-name enrolment and attendance,
 * results issued as certificates, training vouchers. Owns schema {@code training}; publishes
 * {@link cn.gongjiang.training.TrainingCompleted}, a class's at once as {@link cn.gongjiang.training.TrainingsCompleted}
 * (targets count order-based completions) and issues certificates
 * through {@code certification} with the enrolment they came from. A trainee's steps, vouchers and recognised grades
 * reach their lifelong archive by events ({@code TrainingStepRecorded}, a class's many at once
 * {@code TrainingStepsRecorded}, {@code VouchersIssued},
 * {@code VoucherRedeemed}, {@code GradeRecognised}; module {@code archive}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "privacy",
		"audit", "imports", "occupation", "certification" })
package cn.gongjiang.training;
