package cn.gongjiang.identity;

import cn.gongjiang.shared.security.Role;

/**
 * An account's data scope in words: the region as officials write it (绍兴市柯桥区), the department, the organisation
 * by its registered name, the worker by their name; {@code code} is what officials quote beside it (the region code,
 * the credit code, the masked ID number), never the keyed hash a worker's scope is stored as.
 */
public record ScopeName(Role.ScopeKind kind, String name, String code) {

	public static final ScopeName NONE = new ScopeName(Role.ScopeKind.NONE, null, null);
}
