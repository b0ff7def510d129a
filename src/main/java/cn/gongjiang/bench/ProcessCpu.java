package cn.gongjiang.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU seconds spent by this JVM and by the database server (the postmaster, its live backends and those it has
 * reaped), read from Linux's {@code /proc}: on a machine shared with other builds a wall time says as much about
 * them as about the code, what the two processes used does not. Zero where {@code /proc} is not there.
 */
final class ProcessCpu {

	private static final double TICKS = 100.0; // USER_HZ, 100 on every Linux this runs on

	private final long postmaster;

	private ProcessCpu(long postmaster) {
		this.postmaster = postmaster;
	}

	/** The database of this connection pool, found through one of its backends. */
	static ProcessCpu of(JdbcClient jdbc) {
		var backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
		var stat = stat(backend);
		return new ProcessCpu(stat == null ? -1 : Long.parseLong(stat[1]));
	}

	/** The JVM's and the database's CPU seconds so far. */
	double[] now() {
		var jvm = ticks(stat(ProcessHandle.current().pid()), false);
		var database = ticks(stat(postmaster), true);
		try (var all = Files.list(Path.of("/proc"))) {
			database += all.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
					.map(n -> stat(Long.parseLong(n))).filter(s -> s != null && s[1].equals(String.valueOf(postmaster)))
					.mapToDouble(s -> ticks(s, false)).sum();
		}
		catch (IOException | RuntimeException e) {
			return new double[] { 0, 0 };
		}
		return new double[] { jvm / TICKS, database / TICKS };
	}

	/** Fields of {@code /proc/pid/stat} from the state on (index 0 the state, 1 the parent), or null. */
	private static String[] stat(long pid) {
		try {
			var line = Files.readString(Path.of("/proc/" + pid + "/stat"));
			return line.substring(line.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	/** utime + stime, and with {@code children} what the children it waited for used. */
	private static double ticks(String[] stat, boolean children) {
		if (stat == null) {
			return 0;
		}
		// after the state: ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
		double ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
		return children ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
	}
}
