/**
 * Recruitment and matching (人岗匹配, REC-1..3; policy 000 二(五), 三(三); 004 三(三)): job postings (from the
 * labour-demand list or typed), job seekers who may be contacted, recruitment events on site and online, matching
 * both ways with every score explained and every recommendation logged, applications through to hires, placements.
 * Owns schema {@code recruitment}; publishes {@link cn.gongjiang.recruitment.PlacementRecorded} and
 * {@link cn.gongjiang.recruitment.RecruitmentEventHeld} (targets count graduates brought in and events held);
 * {@code PlacementRecorded} and {@link cn.gongjiang.recruitment.ApplicationMade} also feed the person's lifelong
 * archive (module {@code archive}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "registry", "privacy",
		"audit", "imports", "occupation", "certification", "training", "enrolment" })
package cn.gongjiang.recruitment;
