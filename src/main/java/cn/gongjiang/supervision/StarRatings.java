package cn.gongjiang.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.region.RegionDirectory;
import cn.gongjiang.registry.OrganisationRegistry;
import cn.gongjiang.registry.Provider;
import cn.gongjiang.shared.BusinessException;
import cn.gongjiang.shared.InvalidValueException;
import cn.gongjiang.shared.NotFoundException;
import cn.gongjiang.shared.Page;
import cn.gongjiang.shared.PageRequest;
import cn.gongjiang.shared.security.Actor;

/**
 * Star ratings (SUP-1; 001 (五) 民办培训机构星级评定): a private provider's yearly evaluation score becomes its stars
 * (90 and above ★★★★★, 80 ★★★★, 70 ★★★, 60 ★★, below ★), recorded with its basis and shown on the registry.
 */
@Service
public class StarRatings {

	private final JdbcClient jdbc;
	private final OrganisationRegistry organisations;
	private final RegionDirectory regions;

	StarRatings(JdbcClient jdbc, OrganisationRegistry organisations, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.regions = regions;
	}

	static int stars(BigDecimal score) {
		var s = score.doubleValue();
		return s >= 90 ? 5 : s >= 80 ? 4 : s >= 70 ? 3 : s >= 60 ? 2 : 1;
	}

	@Transactional
	public Provider rate(Actor actor, String providerCode, int year, BigDecimal score, String basis) {
		var provider = organisations.provider(providerCode)
				.orElseThrow(() -> new NotFoundException("provider.not-found", providerCode));
		if (!"PRIVATE_INSTITUTION".equals(provider.kind())) {
			throw new BusinessException("supervision.rating.not-private", provider.name());
		}
		if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new InvalidValueException("supervision.rating.score", score);
		}
		if (basis == null || basis.isBlank()) {
			throw new InvalidValueException("supervision.rating.basis-required");
		}
		var stars = stars(score);
		var rated = organisations.rate(actor, providerCode, stars, year);
		jdbc.sql("""
				insert into supervision.rating (provider_code, year, score, stars, basis, rated_by)
				values (:code, :year, :score, :stars, :basis, :user)
				on conflict (provider_code, year) do update set score = excluded.score, stars = excluded.stars,
				    basis = excluded.basis, rated_by = excluded.rated_by, rated_at = now()
				""").param("code", providerCode).param("year", year).param("score", score).param("stars", stars)
				.param("basis", basis.strip()).param("user", actor.username()).update();
		return rated;
	}

	/** A recorded evaluation, with its provider's name. */
	public record Rating(String providerCode, String providerName, int year, BigDecimal score, int stars, String basis,
			String ratedBy, Instant ratedAt) {
	}

	/**
	 * A page of the evaluations of providers the officer covers (a year, or all), newest first. Ratings are few
	 * (private providers, once a year), so the scope is checked against the registry row by row.
	 */
	@Transactional(readOnly = true)
	public Page<Rating> page(Actor actor, Integer year, PageRequest request) {
		var places = regions.all();
		var names = new HashMap<String, Optional<String>>();
		var all = jdbc.sql("""
				select provider_code, year, score, stars, basis, rated_by, rated_at from supervision.rating
				where cast(:year as integer) is null or year = :year order by rated_at desc
				""").param("year", year).query((rs, i) -> new Rating(rs.getString(1), null, rs.getInt(2),
						rs.getBigDecimal(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
				.list().stream()
				.flatMap(r -> names.computeIfAbsent(r.providerCode(), code -> organisations.provider(code)
						.filter(p -> places.containsKey(p.region()) && actor.scope().covers(places.get(p.region()).path()))
						.map(Provider::name)).stream()
						.map(name -> new Rating(r.providerCode(), name, r.year(), r.score(), r.stars(), r.basis(),
								r.ratedBy(), r.ratedAt())))
				.toList();
		return Page.slice(all, request);
	}
}
