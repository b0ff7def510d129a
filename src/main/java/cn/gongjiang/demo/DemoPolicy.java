package cn.gongjiang.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gongjiang.shared.DemoMode;
import cn.gongjiang.shared.RegionCode;
import cn.gongjiang.shared.security.Actor;
import cn.gongjiang.shared.security.DataScope;
import cn.gongjiang.shared.security.Role;
import cn.gongjiang.subsidy.PolicyPack;
import cn.gongjiang.subsidy.PolicyPacks;

/**
 * The demo's one assumption about policy: Shaoxing's 实施意见 covers 2022-2025 and the seeds hold no successor, yet
 * the demo runs in the present with Shaoxing's enterprise schemes. When the city's last version has lapsed, the demo
 * publishes a continuation of it (延续执行) from the day after, open-ended, labelled on the pack page as a demo
 * assumption and not an official document. A production instance has no demo: there the pack lapses as its document
 * says, and the city publishes its successor as any new version.
 */
@Component
@Order(8)
class DemoPolicy implements ApplicationRunner {

	static final String SHAOXING = "330600";

	private final DemoMode demo;
	private final PolicyPacks packs;
	private final Clock clock;

	DemoPolicy(DemoMode demo, PolicyPacks packs, Clock clock) {
		this.demo = demo;
		this.packs = packs;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		var today = LocalDate.now(clock);
		var latest = packs.published().stream().filter(p -> p.scopeRegion().equals(SHAOXING))
				.max(Comparator.comparing(PolicyPack::effectiveFrom).thenComparing(PolicyPack::version));
		if (latest.isEmpty() || latest.get().effectiveUntil() == null || !latest.get().effectiveUntil().isBefore(today)) {
			return;
		}
		var lapsed = latest.get();
		var drafter = officer("demo-loader");
		var parameters = new LinkedHashMap<>(lapsed.parameters());
		parameters.put("demoAssumption", true);
		var draft = packs.draft(drafter, new PolicyPacks.Draft(SHAOXING, lapsed.effectiveUntil().plusDays(1), null,
				"绍兴市技能人才政策延续执行（演示假设）",
				"演示假设：" + lapsed.source() + " 期满后延续执行，待新文件发布", parameters));
		packs.publish(officer("demo-publisher"), draft.id());
	}

	private static Actor officer(String username) {
		return new Actor(0, username, "演示数据", Role.PROVINCE_OFFICER, DataScope.region(RegionCode.ZHEJIANG, "/330000/"),
				false);
	}
}
