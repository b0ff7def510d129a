package cn.gongjiang.training;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gongjiang.shared.IdNumberIndex;

/**
 * Who an enterprise's training orders trained (订单式培训, TRN-1): the class a person completed under one of the
 * enterprise's orders, so a hire by that enterprise can be traced back to the order (REC-3 closes the loop).
 */
@Service
public class OrderTrainees {

	private final JdbcClient jdbc;

	OrderTrainees(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest class of the enterprise's orders the person completed, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> classCompleted(IdNumberIndex personIndex, String enterpriseCode) {
		return jdbc.sql("""
				select c.id from training.enrolment e
				join training.training_class c on c.id = e.class_id
				join training.training_order o on o.id = c.order_id
				where e.person_index = :index and o.enterprise_code = :enterprise and e.status = 'COMPLETED'
				order by c.id desc limit 1
				""").param("index", personIndex).param("enterprise", enterpriseCode).query(Long.class).optional();
	}
}
